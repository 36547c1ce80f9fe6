"""What a printed itinerary holds: the trip, the person (or the whole delegation), each day
with local and home times, the host side's contacts, and what changed since the last print.

Read from the read models; the "changes since" part compares the person's calendar now with
the calendar as it stood at the last print (planner.calendar.asof), so a meeting the person
was removed from is listed too, not only the ones still on their schedule.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any
from uuid import UUID

from planner.calendar.asof import person_rows_as_of
from planner.calendar.model import CalendarMeeting
from planner.domain.errors import NotFoundError
from planner.itinerary.order import Day, by_day
from planner.readmodel.rows import MemberRow, PersonRow, TripDetail
from planner.readmodel.rows_records import ContactRow

ORGANISING_ROLES = ("head of delegation", "agency staff")


@dataclass(frozen=True)
class HostContact:
    organisation: str
    contact: ContactRow


@dataclass(frozen=True)
class Change:
    """One meeting that differs from the last print: `what` is added, removed, moved,
    relocated, or a status word; `before` the meeting as printed then (None when added)."""

    what: str
    meeting: CalendarMeeting
    before: CalendarMeeting | None


@dataclass(frozen=True)
class Pack:
    trip: TripDetail
    person: PersonRow | None
    days: tuple[Day, ...]
    home_timezone: str
    organisers: tuple[MemberRow, ...]
    contacts: tuple[HostContact, ...]
    printed_at: datetime
    last_printed: datetime | None
    changes: tuple[Change, ...]
    feed_address: str | None
    link: str
    """Where the pack's QR code leads: the feed address when known, else the schedule page."""


def person_pack(planner: Any, person_id: UUID | str, trip_id: UUID | str, *, now: datetime,
                base_url: str, viewer: Any = None, feed_address: str | None = None) -> Pack:
    """A participant's itinerary of one trip (NotFoundError: no such person or trip, or the
    person is not in the trip's delegation)."""
    queries = planner.queries
    trip, person = queries.trip(trip_id), queries.person(person_id)
    if trip is None:
        raise NotFoundError("trip", trip_id)
    if person is None or all(m.person_id != person.id for m in trip.members):
        raise NotFoundError("person", person_id)
    items = [item for item in queries.person_schedule(person.id) if item.trip_id == trip.id]
    last = planner.prints.last(person.id, trip.id) if planner.prints else None
    changes = _changes(planner, person.id, trip.id, last) if last else ()
    return Pack(trip=trip, person=person, days=by_day(items),
                home_timezone=person.home_timezone or trip.home_timezone,
                organisers=_organisers(trip), contacts=_contacts(queries, items, viewer),
                printed_at=now, last_printed=last, changes=changes, feed_address=feed_address,
                link=feed_address or f"{base_url.rstrip('/')}/schedule#my-calendar")


def trip_pack(planner: Any, trip_id: UUID | str, *, now: datetime, base_url: str,
              viewer: Any = None) -> Pack:
    """The whole delegation's itinerary of a trip, in the trip's home time."""
    trip = planner.queries.trip(trip_id)
    if trip is None:
        raise NotFoundError("trip", trip_id)
    items = planner.queries.itinerary(trip.id).items
    return Pack(trip=trip, person=None, days=by_day(items), home_timezone=trip.home_timezone,
                organisers=_organisers(trip), contacts=_contacts(planner.queries, items, viewer),
                printed_at=now, last_printed=None, changes=(), feed_address=None,
                link=f"{base_url.rstrip('/')}/trips/{trip.id}")


def _organisers(trip: TripDetail) -> tuple[MemberRow, ...]:
    return tuple(m for m in trip.members if m.role in ORGANISING_ROLES)


def _contacts(queries: Any, items: list[Any], viewer: Any) -> tuple[HostContact, ...]:
    """The contacts of the company profiles named as counterparts of the meetings (exact
    name, ignoring case), as far as the viewer may see those profiles."""
    found: list[HostContact] = []
    names = sorted({c for item in items for c in item.counterparts})
    for name in names:
        matches = queries.profiles(name=name, per_page=5, viewer=viewer).items
        for row in (r for r in matches if r.name.casefold() == name.casefold()):
            detail = queries.profile(row.id, viewer=viewer)
            found.extend(HostContact(row.name, c) for c in (detail.contacts if detail else ()))
    return tuple(found)


def _changes(planner: Any, person_id: UUID, trip_id: UUID, since: datetime) -> tuple[Change, ...]:
    now_rows = planner.queries.calendar_for_person(person_id)
    then_rows = person_rows_as_of(planner, person_id, since)
    now = {m.meeting_id: m for m in now_rows.meetings if m.trip_id == trip_id}
    then = {m.meeting_id: m for m in then_rows.meetings if m.trip_id == trip_id}
    changes = []
    for meeting_id in sorted(now.keys() | then.keys(), key=lambda k: (now.get(k) or then[k])
                             .starts_at):
        new, old = now.get(meeting_id), then.get(meeting_id)
        if old is None:
            changes.append(Change("added", new, None))
        elif new is None:
            changes.append(Change("removed", old, old))
        elif new.status != old.status:
            changes.append(Change(new.status, new, old))
        elif (new.starts_at, new.ends_at) != (old.starts_at, old.ends_at):
            changes.append(Change("moved", new, old))
        elif (new.venue, new.city) != (old.venue, old.city):
            changes.append(Change("relocated", new, old))
    return tuple(changes)
