"""The warnings query: loads a trip's plan and applies the rules in `conflicts`."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import time, timedelta
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.engine import Connection, RowMapping

from planner.domain.errors import NotFoundError
from planner.domain.values import MeetingStatus, TripStatus
from planner.readmodel import tables as t
from planner.readmodel.builders import attendees_of, meeting_query
from planner.readmodel.conflicts import KINDS, Slot, person_conflicts, placement, working_hours
from planner.readmodel.keys import from_db, to_db, uid
from planner.readmodel.queries_base import QueryBase, WarningRules, record_id
from planner.readmodel.queries_trips import trip_legs
from planner.readmodel.rows import Warning

NEARBY = timedelta(days=2)  # how far another trip's meeting can be and still matter


@dataclass(frozen=True)
class DefaultRules:
    """The rules used when no Settings are given: config.toml's defaults."""

    working_day_start: time = time(8, 0)
    working_day_end: time = time(20, 0)
    default_travel_minutes: int = 90

    def travel_minutes_between(self, city_a: str, city_b: str) -> int:
        same = city_a.strip().casefold() == city_b.strip().casefold()
        return 0 if same else self.default_travel_minutes


def _slots(conn: Connection, rows: Sequence[RowMapping]) -> list[Slot]:
    people = attendees_of(conn, [r["id"] for r in rows])
    return [Slot(meeting_id=uid(r["id"]), trip_id=uid(r["trip_id"]), trip_title=r["trip_title"],
                 title=r["title"], kind=r["kind"], city=r["city"], timezone=r["timezone"],
                 leg_id=r["leg_id"], starts_at=from_db(r["starts_at"]),
                 ends_at=from_db(r["ends_at"]),
                 attendees=tuple(uid(a.person_id) for a in people.get(r["id"], [])))
            for r in rows]


class WarningQueries(QueryBase):
    def warnings(self, trip_id: UUID | str,
                 settings: WarningRules | None = None) -> tuple[Warning, ...]:
        """Soft conflicts in the trip's plan (see planner.readmodel.conflicts for the rules),
        in time order. A cancelled trip has none."""
        rules = settings or self.settings or DefaultRules()
        key = record_id("trip_id", trip_id)
        with self._connect() as conn:
            trip = conn.execute(select(t.trips).where(t.trips.c.id == key)).mappings().first()
            if trip is None:
                raise NotFoundError("trip", key)
            if trip["status"] == TripStatus.CANCELLED.value:
                return ()
            legs = trip_legs(conn, key)  # in order: messages name them in order
            active = t.meetings.c.status != MeetingStatus.CANCELLED.value
            slots = _slots(conn, conn.execute(
                meeting_query(t.meetings.c.trip_id == key, active)).mappings().all())
            people = sorted({p for s in slots for p in s.attendees}, key=str)
            others: list[Slot] = []
            if people:
                # Other trips' meetings of the same people, near enough in time to clash.
                elsewhere = select(t.attendees.c.meeting_id).where(
                    t.attendees.c.person_id.in_([str(p) for p in people]))
                first = min(s.starts_at for s in slots) - NEARBY
                last = max(s.ends_at for s in slots) + NEARBY
                others = _slots(conn, conn.execute(meeting_query(
                    t.meetings.c.trip_id != key, active, t.meetings.c.id.in_(elsewhere),
                    t.meetings.c.ends_at > to_db(first), t.meetings.c.starts_at < to_db(last),
                    t.trips.c.status != TripStatus.CANCELLED.value)).mappings().all())
            names = self._names(conn, (str(p) for p in people))
        found = []
        for slot in slots:
            found.extend(placement(slot, trip["starts_on"], trip["ends_on"], legs))
            found.extend(working_hours(slot, rules))
        found.extend(person_conflicts({p: names.get(str(p), "Someone") for p in people},
                                      slots + others, uid(key), rules))
        starts = {s.meeting_id: s.starts_at for s in slots + others}
        return tuple(sorted(found, key=lambda w: (
            min(starts[m] for m in w.meeting_ids), KINDS.index(w.kind), w.message)))
