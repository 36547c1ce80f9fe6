"""Calendar rows (planner.calendar.model's CalendarMeeting and CalendarLeg) from the read models.

What a calendar shows, decided here once for feeds, downloads and the CLI:

* A trip's calendar: all its meetings (cancelled ones too, as CANCELLED) and one all-day
  marker per day of each leg.
* A person's calendar: only the meetings they attend, across all their trips, plus the legs of
  the trips they are a delegation member of. Taken off a meeting, it leaves their feed.
* A cancelled trip: its meetings stay in every calendar as CANCELLED, so subscribed clients
  remove them; its leg markers leave (they never block time). The trip's cancellations and
  reinstatements are added to every SEQUENCE of its events, so each one supersedes the last.
* SEQUENCE of a meeting = its own changes of time, place and status + the trip's; its
  LAST-MODIFIED/DTSTAMP is the later of its own last shown change and the trip's (title,
  organiser, cancellation), never "now" (planner.calendar.stamps; the rm_ calendar_* columns).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.engine import Connection, RowMapping

from planner.calendar.model import CalendarAttendee, CalendarLeg, CalendarMeeting, partstat
from planner.calendar.stamps import Stamp, combined
from planner.domain.values import MeetingStatus, TripStatus
from planner.readmodel import tables as t
from planner.readmodel.builders import attendees_of, meeting_query
from planner.readmodel.keys import from_db, loads, uid
from planner.readmodel.queries_base import QueryBase, record_id

TRIP_CANCELLED = TripStatus.CANCELLED.value
MEETING_CANCELLED = MeetingStatus.CANCELLED.value


@dataclass(frozen=True)
class CalendarRows:
    """Everything one calendar shows, plus what names it.

    `title` names the calendar (the trip's title, the person's name, the meeting's title).
    `changed_at` is the last change of anything the calendar shows (the trip, the meetings and
    their attendees' names and addresses), where that can only grow (trips and single
    meetings: meetings are never deleted); None for a person, whose feed can lose a meeting
    without any of the remaining rows changing.
    """

    title: str
    meetings: tuple[CalendarMeeting, ...]
    legs: tuple[CalendarLeg, ...]
    changed_at: datetime | None
    trip_id: UUID | None = None
    email: str = ""
    language: str = ""  # the trip's own language setting ("" none), for a trip's calendar
    account_email: str = ""  # a person's: their account's address (its language is theirs)


def _stamp(value: datetime | None, fallback: datetime) -> datetime:
    return from_db(value if value is not None else fallback)


def _trip_stamp(r: RowMapping) -> Stamp:
    return Stamp(int(r["trip_sequence"] or 0), _stamp(r["trip_changed_at"], r["trip_created_at"]))


def _meeting_query(*where: ColumnElement[bool]) -> Any:
    """The itinerary's meeting query, plus what the calendar takes from the trip."""
    tr = t.trips
    return meeting_query(*where).add_columns(
        tr.c.organiser.label("trip_organiser"), tr.c.calendar_sequence.label("trip_sequence"),
        tr.c.calendar_changed_at.label("trip_changed_at"),
        tr.c.created_at.label("trip_created_at"))


def calendar_meetings(conn: Connection, *where: ColumnElement[bool]) -> list[CalendarMeeting]:
    """The meetings `where` picks, as every calendar shows them (feeds and calendar mails)."""
    return _meetings(conn, *where)


def _meetings(conn: Connection, *where: ColumnElement[bool]) -> list[CalendarMeeting]:
    rows = list(conn.execute(_meeting_query(*where)).mappings())
    attendees = attendees_of(conn, [r["id"] for r in rows])
    return [calendar_meeting(r, [CalendarAttendee(name=a.name, email=a.email,
                                                  partstat=partstat(a.answer))
                                 for a in attendees[r["id"]]]) for r in rows]


def calendar_meeting(r: RowMapping, attendees: Sequence[CalendarAttendee]) -> CalendarMeeting:
    """One meeting row of `_meeting_query` as the calendar shows it."""
    trip_cancelled = r["trip_status"] == TRIP_CANCELLED
    stamp = combined(Stamp(int(r["calendar_sequence"] or 0),
                           _stamp(r["calendar_changed_at"], r["last_changed_at"])),
                     _trip_stamp(r))
    return CalendarMeeting(
        meeting_id=uid(r["id"]), trip_id=uid(r["trip_id"]), trip_title=r["trip_title"],
        title=r["title"], kind=r["kind"],
        status=MEETING_CANCELLED if trip_cancelled else r["status"],
        starts_at=from_db(r["starts_at"]), ends_at=from_db(r["ends_at"]),
        timezone=r["timezone"], venue=r["venue"], city=r["city"],
        counterparts=tuple(loads(r["counterparts"])), agenda=r["agenda"],
        attendees=tuple(attendees), organiser=r["trip_organiser"],
        sequence=stamp.sequence, last_modified=stamp.changed_at)


def _legs(conn: Connection, *where: ColumnElement[bool]) -> list[CalendarLeg]:
    lg, tr = t.legs, t.trips
    query = (select(lg, tr.c.title.label("trip_title"),
                    tr.c.calendar_sequence.label("trip_sequence"),
                    tr.c.calendar_changed_at.label("trip_changed_at"),
                    tr.c.created_at.label("trip_created_at"))
             .join(tr, tr.c.id == lg.c.trip_id)
             .where(tr.c.status != TRIP_CANCELLED, *where)
             .order_by(lg.c.arrives_on, lg.c.leg_id))
    legs = []
    for r in conn.execute(query).mappings():
        stamp = combined(Stamp(int(r["calendar_sequence"] or 0),
                               _stamp(r["calendar_changed_at"], r["trip_created_at"])),
                         _trip_stamp(r))
        legs.append(CalendarLeg(
            leg_id=r["leg_id"], trip_id=uid(r["trip_id"]), trip_title=r["trip_title"],
            city=r["city"], country=r["country"], arrives_on=r["arrives_on"],
            departs_on=r["departs_on"],
            sequence=stamp.sequence, last_modified=stamp.changed_at))
    return legs


def _attendees_changed(conn: Connection, meetings: ColumnElement[bool]) -> datetime | None:
    """The last change of any attendee of the meetings (`meetings` picks rm_attendees rows):
    their names and addresses are in the events. Any change of theirs counts, to be safe."""
    a, p = t.attendees, t.people
    value = conn.execute(select(func.max(p.c.last_changed_at))
                         .join_from(a, p, p.c.id == a.c.person_id).where(meetings)).scalar()
    return None if value is None else from_db(value)


def account_email(person_id: Any) -> Any:
    """The e-mail address of the person's active account (the first, should there be two):
    a scalar subquery, "" or NULL when there is none."""
    acc = t.accounts
    return (select(func.min(acc.c.email)).where(acc.c.person_id == person_id, acc.c.active)
            .scalar_subquery())


def _latest(*stamps: datetime | None) -> datetime | None:
    found = [s.astimezone(UTC) for s in stamps if s is not None]
    return max(found, default=None)


class CalendarQueries(QueryBase):
    def calendar_for_trip(self, trip_id: UUID | str) -> CalendarRows | None:
        """A trip's meetings and leg days, or None when there is no such trip."""
        key = record_id("trip_id", trip_id)
        with self._connect() as conn:
            trip = conn.execute(select(t.trips.c.title, t.trips.c.last_changed_at,
                                       t.trips.c.language)
                                .where(t.trips.c.id == key)).first()
            if trip is None:
                return None
            meetings = _meetings(conn, t.meetings.c.trip_id == key)
            legs = _legs(conn, t.legs.c.trip_id == key)
            people_changed = _attendees_changed(conn, t.attendees.c.meeting_id.in_(
                select(t.meetings.c.id).where(t.meetings.c.trip_id == key)))
        # The trip row changes with every trip event (a removed leg too), so this only grows.
        changed = _latest(from_db(trip.last_changed_at), people_changed,
                          *(m.last_modified for m in meetings))
        return CalendarRows(trip.title, tuple(meetings), tuple(legs), changed, uid(key),
                            language=trip.language)

    def calendar_for_person(self, person_id: UUID | str) -> CalendarRows | None:
        """The meetings a person attends and the legs of their trips, or None (no person)."""
        key = record_id("person_id", person_id)
        with self._connect() as conn:
            person = conn.execute(select(t.people.c.name, t.people.c.email,
                                         account_email(t.people.c.id).label("account"))
                                  .where(t.people.c.id == key)).first()
            if person is None:
                return None
            attended = select(t.attendees.c.meeting_id).where(t.attendees.c.person_id == key)
            member_of = select(t.members.c.trip_id).where(t.members.c.person_id == key)
            meetings = _meetings(conn, t.meetings.c.id.in_(attended))
            legs = _legs(conn, t.legs.c.trip_id.in_(member_of))
        return CalendarRows(person.name, tuple(meetings), tuple(legs), None,
                            email=person.email, account_email=person.account or "")

    def account_email_of(self, person_id: UUID | str) -> str:
        """The address of the person's active account ("" none): its language is theirs."""
        key = record_id("person_id", person_id)
        with self._connect() as conn:
            return conn.execute(select(account_email(key))).scalar() or ""

    def calendar_for_meeting(self, meeting_id: UUID | str) -> CalendarRows | None:
        """One meeting as a calendar row, or None when there is no such meeting."""
        key = record_id("meeting_id", meeting_id)
        with self._connect() as conn:
            meetings = _meetings(conn, t.meetings.c.id == key)
            people_changed = _attendees_changed(conn, t.attendees.c.meeting_id == key)
        if not meetings:
            return None
        meeting = meetings[0]
        return CalendarRows(meeting.title, (meeting,), (),
                            _latest(meeting.last_modified, people_changed), meeting.trip_id)
