"""A person's calendar as it stood at a past moment, from the event log.

The records come from planner.audit.asof; their SEQUENCE and LAST-MODIFIED from the same rule
the read models apply (planner.calendar.stamps), so the result is byte for byte what the feed
served then (as long as the configured domain and base URL are the same).
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from planner.audit.asof import AsOf, person_schedule_as_of
from planner.calendar.model import CalendarAttendee, CalendarLeg, CalendarMeeting, partstat
from planner.calendar.stamps import Stamp, combined, meeting_stamp, trip_stamps
from planner.domain.values import MeetingStatus, TripStatus
from planner.readmodel.queries_calendar import CalendarRows


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def person_rows_as_of(planner: Any, person_id: UUID | str, at: datetime) -> CalendarRows:
    """The rows of a person's calendar as they stood at moment `at`, from the event log."""
    view = person_schedule_as_of(planner, person_id, at)

    def events_of(record: AsOf) -> list[Any]:
        return list(planner.app.events.get(record.record_id))[: record.version]

    trip_info: dict[str, tuple[Stamp, dict[str, Stamp]]] = {}
    for trip in {str(t.record_id): t for t in [*view.trips, *view.trips_by_id.values()]}.values():
        trip_info[str(trip.record_id)] = trip_stamps(events_of(trip))
    meetings = []
    for record in view.meetings:
        state = record.state
        trip = view.trips_by_id[str(state["trip_id"])]
        stamp = combined(meeting_stamp(events_of(record)), trip_info[str(trip.record_id)][0])
        cancelled = trip.state["status"] == TripStatus.CANCELLED.value
        answers = state.get("answers") or {}
        attendees = [(view.people[p].state, answers.get(p, "")) for p in state["attendees"]
                     if p in view.people]
        meetings.append(CalendarMeeting(
            meeting_id=record.record_id, trip_id=trip.record_id,
            trip_title=trip.state["title"], title=state["title"], kind=state["kind"],
            status=MeetingStatus.CANCELLED.value if cancelled else state["status"],
            starts_at=_utc(state["starts_at"]), ends_at=_utc(state["ends_at"]),
            timezone=state["timezone"], venue=state["venue"], city=state["city"],
            counterparts=tuple(state["counterparts"]), agenda=state["agenda"],
            attendees=tuple(CalendarAttendee(p["name"], p.get("email", ""), partstat(answer))
                            for p, answer in attendees),
            organiser=trip.state["organiser"], sequence=stamp.sequence,
            last_modified=_utc(stamp.changed_at)))
    legs = []
    for trip in view.trips:
        if trip.state["status"] == TripStatus.CANCELLED.value:
            continue
        trip_stamp, leg_stamps = trip_info[str(trip.record_id)]
        for leg in trip.state["legs"]:
            stamp = combined(leg_stamps.get(leg["leg_id"], Stamp(0, trip_stamp.changed_at)),
                             trip_stamp)
            legs.append(CalendarLeg(
                leg_id=leg["leg_id"], trip_id=trip.record_id, trip_title=trip.state["title"],
                city=leg["city"], country=leg["country"], arrives_on=leg["arrives_on"],
                departs_on=leg["departs_on"], sequence=stamp.sequence,
                last_modified=_utc(stamp.changed_at)))
    return CalendarRows(view.person.state["name"], tuple(meetings), tuple(legs), None,
                        email=view.person.state.get("email", ""))
