"""Calendar files for trips, people and meetings: read-model rows in, .ics bytes out.

Orchestration only (no Flask, no SQL of its own): the web feeds, the downloads and the CLI all
call these, so a feed, a download and `planner calendar ...` of the same data are the same
bytes. What a calendar contains is decided in planner.readmodel.queries_calendar; how it is
written in planner.ical.

`person_ics(..., as_of=moment)` gives the calendar a person's feed showed at a past moment. It
is rebuilt from the event log (planner.audit.asof) with the same rules the read models follow
for SEQUENCE and LAST-MODIFIED, so it is byte for byte what the feed served then (as long as
the configured domain and base URL are the same).
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime
from typing import Any, NamedTuple
from uuid import UUID

from planner.domain.errors import NotFoundError
from planner.domain.meeting import Meeting
from planner.domain.trip import Trip
from planner.domain.values import MeetingStatus, TripStatus
from planner.ical import (
    CalendarAttendee,
    CalendarLeg,
    CalendarMeeting,
    CalendarOptions,
    calendar_etag,
    calendar_last_modified,
    meeting_calendar,
    person_calendar,
    trip_calendar,
)
from planner.ical_zones import load_zone
from planner.readmodel.queries_calendar import CalendarRows
from planner.settings import Settings

__all__ = ["CalendarFile", "calendar_options", "meeting_ics", "person_ics", "trip_ics"]

PERSON_CALENDAR_SUFFIX = " – Delegation Planner"


class CalendarFile(NamedTuple):
    """A calendar ready to serve: `etag` is quoted (HTTP), `last_modified` aware UTC or None,
    `filename` readable (any script; the web layer adds an ASCII fallback)."""

    body: bytes
    etag: str
    last_modified: datetime | None
    filename: str


def calendar_options(settings: Settings) -> CalendarOptions:
    return CalendarOptions(domain=settings.calendar_domain, base_url=settings.base_url,
                           refresh_minutes=settings.calendar_refresh_minutes)


def _queries(planner: Any) -> Any:
    if planner.queries is None:
        raise NotFoundError("calendar", "(calendars are read from a SQL database; "
                                        "in-memory storage has no read models)")
    return planner.queries


def trip_ics(planner: Any, trip_id: UUID | str) -> CalendarFile:
    """The trip's calendar (all its meetings and leg days); NotFoundError if no such trip."""
    rows = _queries(planner).calendar_for_trip(trip_id)
    if rows is None:
        raise NotFoundError("trip", trip_id)
    body = trip_calendar(rows.title, rows.meetings, rows.legs, calendar_options(planner.settings))
    return CalendarFile(body, calendar_etag(body), rows.changed_at, file_name(rows.title))


def person_ics(planner: Any, person_id: UUID | str,
               as_of: datetime | None = None) -> CalendarFile:
    """A person's feed: now, or as it stood at the moment `as_of` (aware datetime).

    `last_modified` is informational only: the feed can lose a meeting without any remaining
    row changing, so conditional requests must use the ETag.
    """
    if as_of is None:
        rows = _queries(planner).calendar_for_person(person_id)
        if rows is None:
            raise NotFoundError("person", person_id)
    else:
        rows = person_rows_as_of(planner, person_id, as_of)
    name = rows.title + PERSON_CALENDAR_SUFFIX
    body = person_calendar(name, rows.meetings, rows.legs, calendar_options(planner.settings))
    return CalendarFile(body, calendar_etag(body), calendar_last_modified(rows.meetings, rows.legs),
                        file_name(name))


def meeting_ics(planner: Any, meeting_id: UUID | str) -> CalendarFile:
    """One meeting as a one-off download; NotFoundError if there is no such meeting."""
    rows = _queries(planner).calendar_for_meeting(meeting_id)
    if rows is None:
        raise NotFoundError("meeting", meeting_id)
    meeting = rows.meetings[0]
    body = meeting_calendar(meeting, calendar_options(planner.settings))
    day = meeting.starts_at.astimezone(load_zone(meeting.timezone)).date()
    return CalendarFile(body, calendar_etag(body), rows.changed_at,
                        file_name(f"{meeting.title} {day.isoformat()}"))


_UNSAFE_IN_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f;]+')


def file_name(title: str, extension: str = ".ics") -> str:
    """A readable file name from a title: characters file systems refuse become spaces."""
    text = unicodedata.normalize("NFC", _UNSAFE_IN_NAMES.sub(" ", title))
    text = " ".join(text.split()).strip(" .")[:100].strip(" .")
    return (text or "calendar") + extension


# -- as of a moment ----------------------------------------------------------------------------
_RESCHEDULING = {Meeting.Moved: None, Meeting.Relocated: None,
                 Meeting.Confirmed: MeetingStatus.CONFIRMED.value,
                 Meeting.Cancelled: MeetingStatus.CANCELLED.value,
                 Meeting.Reinstated: MeetingStatus.PROPOSED.value}
_SHOWN = (Meeting.Scheduled, Meeting.DetailsChanged, Meeting.AttendeeAdded,
          Meeting.AttendeeRemoved)


def meeting_stamps(events: list[Any]) -> tuple[int, datetime]:
    """(SEQUENCE, last shown change) of a meeting from its events, as the read model counts."""
    status, sequence, changed = MeetingStatus.PROPOSED.value, 0, events[0].timestamp
    for event in events:
        kind = type(event)
        if kind in _RESCHEDULING:
            sequence, changed = sequence + 1, event.timestamp
            status = _RESCHEDULING[kind] or status
        elif isinstance(event, Meeting.OutcomeRecorded):
            if status == MeetingStatus.PROPOSED.value:  # TENTATIVE becomes CONFIRMED
                sequence, changed = sequence + 1, event.timestamp
            status = MeetingStatus.HELD.value
        elif isinstance(event, _SHOWN):
            changed = event.timestamp
    return sequence, changed


def trip_stamps(events: list[Any]) -> tuple[int, datetime, dict[str, tuple[int, datetime]]]:
    """(SEQUENCE, last shown change) of a trip, and of each of its legs, from its events."""
    sequence, changed = 0, events[0].timestamp
    legs: dict[str, tuple[int, datetime]] = {}
    for event in events:
        if isinstance(event, Trip.Cancelled | Trip.Reinstated):
            sequence, changed = sequence + 1, event.timestamp
        elif isinstance(event, Trip.DetailsChanged):
            changed = event.timestamp
        elif isinstance(event, Trip.LegChanged):  # before LegAdded: it is a subclass
            legs[event.leg_id] = (legs.get(event.leg_id, (-1, changed))[0] + 1, event.timestamp)
        elif isinstance(event, Trip.LegAdded):
            legs[event.leg_id] = (0, event.timestamp)
    return sequence, changed, legs


def _utc(value: datetime) -> datetime:
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def person_rows_as_of(planner: Any, person_id: UUID | str, at: datetime) -> CalendarRows:
    """The rows of a person's calendar as they stood at moment `at`, from the event log."""
    from planner.audit.asof import person_schedule_as_of

    view = person_schedule_as_of(planner, person_id, at)

    def events_of(record: Any) -> list[Any]:
        return list(planner.app.events.get(record.record_id))[: record.version]

    trip_info: dict[str, tuple[int, datetime, dict[str, tuple[int, datetime]]]] = {}
    for trip in {str(t.record_id): t for t in [*view.trips, *view.trips_by_id.values()]}.values():
        trip_info[str(trip.record_id)] = trip_stamps(events_of(trip))
    meetings = []
    for record in view.meetings:
        state = record.state
        trip = view.trips_by_id[str(state["trip_id"])]
        trip_sequence, trip_changed, _ = trip_info[str(trip.record_id)]
        sequence, changed = meeting_stamps(events_of(record))
        cancelled = trip.state["status"] == TripStatus.CANCELLED.value
        attendees = [view.people[p].state for p in state["attendees"] if p in view.people]
        meetings.append(CalendarMeeting(
            meeting_id=record.record_id, trip_id=trip.record_id,
            trip_title=trip.state["title"], title=state["title"], kind=state["kind"],
            status=MeetingStatus.CANCELLED.value if cancelled else state["status"],
            starts_at=_utc(state["starts_at"]), ends_at=_utc(state["ends_at"]),
            timezone=state["timezone"], venue=state["venue"], city=state["city"],
            counterparts=tuple(state["counterparts"]), agenda=state["agenda"],
            attendees=tuple(CalendarAttendee(p["name"], p.get("email", ""))
                            for p in attendees),
            organiser=trip.state["organiser"], sequence=sequence + trip_sequence,
            last_modified=_utc(max(changed, trip_changed))))
    legs = []
    for trip in view.trips:
        if trip.state["status"] == TripStatus.CANCELLED.value:
            continue
        trip_sequence, trip_changed, leg_stamps = trip_info[str(trip.record_id)]
        for leg in trip.state["legs"]:
            sequence, changed = leg_stamps.get(leg["leg_id"], (0, trip_changed))
            legs.append(CalendarLeg(
                leg_id=leg["leg_id"], trip_id=trip.record_id, trip_title=trip.state["title"],
                city=leg["city"], country=leg["country"], arrives_on=leg["arrives_on"],
                departs_on=leg["departs_on"], sequence=sequence + trip_sequence,
                last_modified=_utc(max(changed, trip_changed))))
    return CalendarRows(view.person.state["name"], tuple(meetings), tuple(legs), None,
                        email=view.person.state.get("email", ""))
