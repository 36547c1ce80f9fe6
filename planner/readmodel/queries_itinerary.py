"""Queries for the itinerary, a person's schedule and one meeting."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.engine import Connection

from planner.domain.errors import NotFoundError
from planner.domain.values import MeetingStatus
from planner.readmodel import tables as t
from planner.readmodel.builders import (
    agreement_rows,
    followup_query,
    followup_rows,
    home_times,
    in_zone,
    items,
    meeting_query,
)
from planner.readmodel.keys import fold, from_db, loads, uid
from planner.readmodel.queries_base import QueryBase, record_id
from planner.readmodel.queries_trips import trip_legs
from planner.readmodel.rows import Itinerary, ItineraryDay, ItineraryItem, ItineraryLeg, LegRow
from planner.readmodel.rows_records import AttendeeRow, Cancellation, MeetingDetail, Outcome

CANCELLED = MeetingStatus.CANCELLED.value


def _days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=n) for n in range((last - first).days + 1)]


def leg_of(item: ItineraryItem, legs: Sequence[LegRow]) -> LegRow | None:
    """The leg an item belongs to: the one it names, else the leg in its city on its day."""
    for leg in legs:
        if item.leg_id and leg.leg_id == item.leg_id:
            return leg
    day, city = item.local_start.date(), fold(item.city)
    for leg in legs:
        if fold(leg.city) == city and leg.arrives_on <= day <= leg.departs_on:
            return leg
    return None


class ItineraryQueries(QueryBase):
    def itinerary(self, trip_id: UUID | str, *, include_cancelled: bool = True) -> Itinerary:
        """The trip day by day, grouped by leg (every day of each leg, in order); items in no
        leg come last in a group whose leg is None. Days are local dates at the venue."""
        key = record_id("trip_id", trip_id)
        with self._connect() as conn:
            trip = conn.execute(select(t.trips).where(t.trips.c.id == key)).mappings().first()
            if trip is None:
                raise NotFoundError("trip", key)
            return self._itinerary(conn, key, trip, trip_legs(conn, key),
                                   include_cancelled=include_cancelled)

    @staticmethod
    def _itinerary(conn: Connection, key: str, trip: Any, legs: Sequence[LegRow], *,
                   include_cancelled: bool = True) -> Itinerary:
        """`trip`: its row (or anything with those keys); `legs` in order."""
        where = [t.meetings.c.trip_id == key]
        if not include_cancelled:
            where.append(t.meetings.c.status != CANCELLED)
        found = items(conn, list(conn.execute(meeting_query(*where)).mappings()))
        by_leg: dict[str | None, dict[date, list[ItineraryItem]]] = defaultdict(
            lambda: defaultdict(list))
        for item in found:
            leg = leg_of(item, legs)
            by_leg[leg.leg_id if leg else None][item.local_start.date()].append(item)
        groups = []
        for leg in legs:
            dated = by_leg.get(leg.leg_id, {})
            days = sorted(set(_days(leg.arrives_on, leg.departs_on)) | set(dated))
            groups.append(ItineraryLeg(leg=leg, days=tuple(
                ItineraryDay(date=d, items=tuple(dated.get(d, ()))) for d in days)))
        if None in by_leg:
            loose = by_leg[None]
            groups.append(ItineraryLeg(leg=None, days=tuple(
                ItineraryDay(date=d, items=tuple(loose[d])) for d in sorted(loose))))
        return Itinerary(trip_id=uid(key), title=trip["title"],
                         home_timezone=trip["home_timezone"], starts_on=trip["starts_on"],
                         ends_on=trip["ends_on"], legs=tuple(groups))

    def person_schedule(self, person_id: UUID | str, *,
                        include_cancelled: bool = True) -> tuple[ItineraryItem, ...]:
        """Every meeting the person attends, across all trips, in time order. Home times are
        in the person's own home zone. Meetings of cancelled trips are left out."""
        key = record_id("person_id", person_id)
        with self._connect() as conn:
            home = conn.execute(select(t.people.c.home_timezone)
                                .where(t.people.c.id == key)).scalar()
            attended = select(t.attendees.c.meeting_id).where(t.attendees.c.person_id == key)
            where = [t.meetings.c.id.in_(attended), t.trips.c.status != "cancelled"]
            if not include_cancelled:
                where.append(t.meetings.c.status != CANCELLED)
            rows = list(conn.execute(meeting_query(*where)).mappings())
            return tuple(items(conn, rows, home_zone=home or None))

    def meeting(self, meeting_id: UUID | str, *, today: date | None = None) -> MeetingDetail | None:
        """One meeting with attendees, outcome, follow-ups (overdue judged against `today`,
        default: today in UTC) and the agreements linked to it."""
        key = record_id("meeting_id", meeting_id)
        today = today or datetime.now(UTC).date()
        with self._connect() as conn:
            r = conn.execute(meeting_query(t.meetings.c.id == key)).mappings().first()
            if r is None:
                return None
            m, p = t.attendees, t.people
            who = conn.execute(
                select(m.c.person_id, p.c.name, t.members.c.role, t.members.c.organisation,
                       t.answers.c.answer)
                .join(p, p.c.id == m.c.person_id, isouter=True)
                .join(t.answers, (t.answers.c.meeting_id == m.c.meeting_id)
                      & (t.answers.c.person_id == m.c.person_id), isouter=True)
                .join(t.members, (t.members.c.person_id == m.c.person_id)
                      & (t.members.c.trip_id == r["trip_id"]), isouter=True)
                .where(m.c.meeting_id == key).order_by(m.c.seq, m.c.idx)).mappings().all()
            outcome = conn.execute(select(t.outcomes).where(t.outcomes.c.meeting_id == key)
                                   ).mappings().first()
            ideas = conn.execute(select(t.ideas.c.idea).where(t.ideas.c.meeting_id == key)
                                 .order_by(t.ideas.c.idx)).scalars().all()
            followups = followup_rows(conn.execute(
                followup_query(t.followups.c.meeting_id == key)
                .order_by(t.followups.c.due_on, t.followups.c.seq)).mappings().all(), today)
            linked = select(t.meeting_agreements.c.agreement_id).where(
                t.meeting_agreements.c.meeting_id == key)
            agreements = agreement_rows(conn, conn.execute(
                select(t.agreements).where(t.agreements.c.id.in_(linked))
                .order_by(t.agreements.c.created_seq)).mappings().all())
        start, end = from_db(r["starts_at"]), from_db(r["ends_at"])
        home_start, home_end = home_times(start, end, r["timezone"], r["trip_home"])
        return MeetingDetail(
            id=uid(key), trip_id=uid(r["trip_id"]), trip_title=r["trip_title"],
            trip_home_timezone=r["trip_home"], kind=r["kind"], title=r["title"],
            counterparts=loads(r["counterparts"]), venue=r["venue"], city=r["city"],
            timezone=r["timezone"], leg_id=r["leg_id"], agenda=r["agenda"], status=r["status"],
            starts_at=start, ends_at=end, local_start=in_zone(start, r["timezone"]),
            local_end=in_zone(end, r["timezone"]), home_start=home_start, home_end=home_end,
            version=r["version"],
            attendees=tuple(AttendeeRow(person_id=uid(a["person_id"]), name=a["name"] or "",
                                        role=a["role"] or "", organisation=a["organisation"] or "",
                                        answer=a["answer"] or "")
                            for a in who),
            outcome=None if outcome is None else Outcome(
                summary=outcome["summary"], ideas=tuple(ideas),
                recorded_by=outcome["recorded_by"], recorded_at=from_db(outcome["recorded_at"])),
            followups=tuple(followups), agreements=tuple(agreements),
            created_at=from_db(r["created_at"]), last_changed_by=r["last_changed_by"],
            last_changed_at=from_db(r["last_changed_at"]),
            cancellation=None if r["cancelled_at"] is None else Cancellation(
                by=r["cancelled_by"], at=from_db(r["cancelled_at"]), reason=r["cancel_reason"]))
