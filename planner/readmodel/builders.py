"""Row builders used by several query modules: meetings as itinerary items, agreements,
follow-ups. Local and home times are computed here from UTC and zone names (DST-correct)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from typing import Any, NamedTuple
from uuid import UUID
from zoneinfo import ZoneInfo

from sqlalchemy import ColumnElement, select
from sqlalchemy.engine import Connection, RowMapping

from planner.readmodel import tables as t
from planner.readmodel.conflicts import Slot
from planner.readmodel.keys import from_db, loads, opt_uid, uid
from planner.readmodel.rows import ItineraryItem
from planner.readmodel.rows_records import AgreementRow, FollowUpRow


def in_zone(instant: datetime, zone: str) -> datetime:
    return instant.astimezone(ZoneInfo(zone))


def home_times(start: datetime, end: datetime, local_zone: str,
               home_zone: str) -> tuple[datetime | None, datetime | None]:
    """Start and end in the home zone, or (None, None) where the clocks there read the same as
    at the venue (same zone, or another zone with the same offset at that moment)."""
    home_start, home_end = in_zone(start, home_zone), in_zone(end, home_zone)
    same = (home_zone == local_zone or (
        home_start.utcoffset() == in_zone(start, local_zone).utcoffset()
        and home_end.utcoffset() == in_zone(end, local_zone).utcoffset()))
    return (None, None) if same else (home_start, home_end)


def meeting_query(*where: ColumnElement[bool]) -> Any:
    m, tr = t.meetings, t.trips
    return (select(m, tr.c.title.label("trip_title"), tr.c.home_timezone.label("trip_home"),
                   tr.c.status.label("trip_status"))
            .join(tr, tr.c.id == m.c.trip_id).where(*where)
            .order_by(m.c.starts_at, m.c.ends_at, m.c.title, m.c.id))


class Attending(NamedTuple):
    person_id: str
    name: str  # "" when the person is unknown
    email: str
    answer: str = ""  # "accepted" | "declined" | "" (not answered)


def attendees_of(conn: Connection, meeting_ids: Sequence[str]) -> dict[str, list[Attending]]:
    """Each meeting's attendees, in the order they were added."""
    found: dict[str, list[Attending]] = defaultdict(list)
    if not meeting_ids:
        return found
    a, p, an = t.attendees, t.people, t.answers
    query = (select(a.c.meeting_id, a.c.person_id, p.c.name, p.c.email, an.c.answer)
             .join(p, p.c.id == a.c.person_id, isouter=True)
             .join(an, (an.c.meeting_id == a.c.meeting_id) & (an.c.person_id == a.c.person_id),
                   isouter=True)
             .where(a.c.meeting_id.in_(sorted(set(meeting_ids))))
             .order_by(a.c.meeting_id, a.c.seq, a.c.idx))
    for meeting_id, person_id, name, email, answer in conn.execute(query):
        found[meeting_id].append(Attending(person_id, name or "", email or "", answer or ""))
    return found


def items(conn: Connection, rows: Sequence[RowMapping],
          home_zone: str | None = None) -> list[ItineraryItem]:
    """Itinerary items for meeting rows from `meeting_query`; the home zone is the trip's
    unless one is given (a person's own schedule uses the person's)."""
    people = attendees_of(conn, [r["id"] for r in rows])
    result = []
    for r in rows:
        start, end = from_db(r["starts_at"]), from_db(r["ends_at"])
        home = home_zone or r["trip_home"]
        home_start, home_end = home_times(start, end, r["timezone"], home)
        who = people.get(r["id"], [])
        result.append(ItineraryItem(
            meeting_id=uid(r["id"]), trip_id=uid(r["trip_id"]), trip_title=r["trip_title"],
            title=r["title"], kind=r["kind"], status=r["status"], venue=r["venue"],
            city=r["city"], timezone=r["timezone"], leg_id=r["leg_id"], starts_at=start,
            ends_at=end, local_start=in_zone(start, r["timezone"]),
            local_end=in_zone(end, r["timezone"]), home_timezone=home, home_start=home_start,
            home_end=home_end, attendees=tuple(a.name for a in who),
            attendee_ids=tuple(uid(a.person_id) for a in who),
            answers=tuple(a.answer for a in who),
            counterparts=loads(r["counterparts"]), agenda=r["agenda"],
            version=r["version"],
            last_changed_at=from_db(r["last_changed_at"])))
    return result


def agreement_rows(conn: Connection, rows: Sequence[RowMapping]) -> list[AgreementRow]:
    ids = [r["id"] for r in rows]
    names: dict[str, list[str]] = defaultdict(list)
    titles: dict[str, str] = {}
    if ids:
        query = (select(t.parties.c.agreement_id, t.parties.c.name)
                 .where(t.parties.c.agreement_id.in_(ids)).order_by(t.parties.c.seq))
        for agreement_id, name in conn.execute(query):
            names[agreement_id].append(name)
        trip_ids = sorted({r["trip_id"] for r in rows if r["trip_id"]})
        if trip_ids:
            titles = dict(conn.execute(select(t.trips.c.id, t.trips.c.title)
                                       .where(t.trips.c.id.in_(trip_ids))).tuples().all())
    return [AgreementRow(
        id=uid(r["id"]), title=r["title"], kind=r["kind"], status=r["status"],
        signed_on=r["signed_on"], signed_place=r["signed_place"], trip_id=opt_uid(r["trip_id"]),
        trip_title=titles.get(r["trip_id"], ""), meeting_id=opt_uid(r["meeting_id"]),
        party_names=tuple(names[r["id"]]), version=r["version"]) for r in rows]


def followup_query(*where: ColumnElement[bool]) -> Any:
    f, m, tr = t.followups, t.meetings, t.trips
    return (select(f, m.c.title.label("meeting_title"), m.c.trip_id,
                   tr.c.title.label("trip_title"))
            .join(m, m.c.id == f.c.meeting_id).join(tr, tr.c.id == m.c.trip_id).where(*where))


def followup_rows(rows: Sequence[RowMapping], today: date) -> list[FollowUpRow]:
    return [FollowUpRow(
        followup_id=r["followup_id"], meeting_id=uid(r["meeting_id"]),
        meeting_title=r["meeting_title"], trip_id=uid(r["trip_id"]),
        trip_title=r["trip_title"], action=r["action"], owner=r["owner"], due_on=r["due_on"],
        done_on=r["done_on"], overdue=r["done_on"] is None and r["due_on"] < today)
        for r in rows]


def slot_query(*where: ColumnElement[bool]) -> Any:
    """Meetings as the warning rules see them (only two instants: reading them costs)."""
    m, tr = t.meetings, t.trips
    return (select(m.c.id, m.c.trip_id, tr.c.title.label("trip_title"), m.c.title, m.c.kind,
                   m.c.city, m.c.timezone, m.c.leg_id, m.c.starts_at, m.c.ends_at)
            .join(tr, tr.c.id == m.c.trip_id).where(*where)
            .order_by(m.c.starts_at, m.c.ends_at, m.c.title, m.c.id))


def slot(r: Mapping[str, Any], attendees: tuple[UUID, ...] = (),
         trip_title: str | None = None) -> Slot:
    """A meeting row as the warning rules see it; the trip's title from the row when not
    given (slot_query reads it)."""
    return Slot(meeting_id=uid(r["id"]), trip_id=uid(r["trip_id"]),
                trip_title=r["trip_title"] if trip_title is None else trip_title,
                title=r["title"], kind=r["kind"], city=r["city"], timezone=r["timezone"],
                leg_id=r["leg_id"], starts_at=from_db(r["starts_at"]),
                ends_at=from_db(r["ends_at"]), attendees=attendees)
