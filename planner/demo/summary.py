"""One line per trip for `planner demo`, read from the event log (works on every storage).

The demo may run before any read model exists (and on in-memory storage, which has none), so
it finds trips, meetings and agreements by the topics of their creation events.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from eventsourcing.utils import get_topic

from planner.application import PlannerApplication
from planner.domain.agreement import Agreement
from planner.domain.meeting import Meeting
from planner.domain.trip import Trip

PAGE = 500


def created_ids(app: PlannerApplication, event_class: type[Any]) -> Iterator[Any]:
    """Ids of every record created by `event_class`, in log order."""
    topic = get_topic(event_class)
    start: int | None = None
    while True:
        page = app.recorder.select_notifications(start, PAGE, topics=[topic],
                                                 inclusive_of_start=start is None)
        for notification in page:
            yield notification.originator_id
        if len(page) < PAGE:
            return
        start = page[-1].id


def summarise(app: PlannerApplication) -> list[str]:
    """'Title — dates, status: meetings (held, cancelled), agreements (signed)' per trip."""
    meetings: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for meeting_id in created_ids(app, Meeting.Scheduled):
        meeting = app.get_meeting(meeting_id)
        meetings[str(meeting["trip_id"])].append(meeting)
    agreements: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for agreement_id in created_ids(app, Agreement.Drafted):
        agreement = app.get_agreement(agreement_id)
        agreements[agreement["trip_id"]].append(agreement)
    trips = sorted((app.get_trip(trip_id) for trip_id in created_ids(app, Trip.Created)),
                   key=lambda trip: (trip["starts_on"], trip["title"]))
    return [_line(trip, meetings[str(trip["id"])], agreements[str(trip["id"])])
            for trip in trips]


def _line(trip: dict[str, Any], meetings: list[dict[str, Any]],
          agreements: list[dict[str, Any]]) -> str:
    held = sum(m["status"] == "held" for m in meetings)
    cancelled = sum(m["status"] == "cancelled" for m in meetings)
    signed = sum(a["status"] != "drafted" for a in agreements)
    return (f"{trip['title']} — {trip['starts_on']:%d %b %Y} to {trip['ends_on']:%d %b %Y}, "
            f"{trip['status']}: {len(meetings)} meetings ({held} held, {cancelled} cancelled), "
            f"{len(agreements)} agreements ({signed} signed)")
