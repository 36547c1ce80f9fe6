"""The warnings query: reads the findings the handlers keep (planner.readmodel.handlers.warnings)
and the meetings outside working hours, under the settings' working day and travel times (and
each trip's own travel times: planner.readmodel.travel_times)."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime, time
from uuid import UUID

from sqlalchemy import or_, select
from sqlalchemy.engine import Connection, RowMapping

from planner.domain.errors import NotFoundError
from planner.domain.values import MeetingStatus, TripStatus
from planner.readmodel import tables as t
from planner.readmodel.builders import slot, slot_query
from planner.readmodel.conflicts import (
    EXEMPT_FROM_HOURS,
    Finding,
    in_order,
    micros,
    outside_hours,
)
from planner.readmodel.keys import from_db, uid
from planner.readmodel.queries_base import LEGS_IN_ORDER, QueryBase, WarningRules, record_id
from planner.readmodel.rows import Warning
from planner.readmodel.travel_times import TravelTimeRow, rules_of_trips, travel_time_rows


@dataclass(frozen=True)
class DefaultRules:
    """The rules used when no Settings are given: config.toml's defaults."""

    working_day_start: time = time(8, 0)
    working_day_end: time = time(20, 0)
    default_travel_minutes: int = 90

    def travel_minutes_between(self, city_a: str, city_b: str) -> int:
        same = city_a.strip().casefold() == city_b.strip().casefold()
        return 0 if same else self.default_travel_minutes


def stored_warnings(conn: Connection, trip_ids: Sequence[str],
                    rules: WarningRules) -> dict[str, tuple[Warning, ...]]:
    """Each trip's warnings under these rules (and the trip's own travel times), in time
    order: the findings kept for it, and its meetings (not cancelled, of a trip not cancelled)
    outside the working day. Warnings alike in time, kind and parameters come in the order
    of the meetings' ids."""
    found: dict[str, list[tuple[datetime, Warning]]] = defaultdict(list)
    w = t.warnings
    kept = conn.execute(select(w).where(w.c.trip_id.in_(trip_ids)).order_by(
        w.c.trip_id, w.c.meeting_id, w.c.other_id, w.c.kind)).mappings().all()
    # a trip's own travel times matter only to its travel-time findings: read them for those
    trip_rules = rules_of_trips(conn, sorted({r["trip_id"] for r in kept
                                              if r["minutes"] is not None}), rules)
    for r in kept:
        warning = _finding(r).under(trip_rules.get(r["trip_id"], rules))
        if warning is not None:
            found[r["trip_id"]].append((from_db(r["first_at"]), warning))
    m = t.meetings
    outside = or_(~m.c.local_same_day, m.c.local_from < micros(rules.working_day_start),
                  m.c.local_until > micros(rules.working_day_end))
    for r in conn.execute(slot_query(
            m.c.trip_id.in_(trip_ids), m.c.status != MeetingStatus.CANCELLED.value,
            t.trips.c.status != TripStatus.CANCELLED.value,
            m.c.kind.not_in(sorted(EXEMPT_FROM_HOURS)), outside)).mappings():
        meeting = slot(r)
        found[r["trip_id"]].append((meeting.starts_at, outside_hours(meeting, rules)))
    return {trip_id: in_order(found.get(trip_id, ())) for trip_id in trip_ids}


def _finding(r: RowMapping) -> Finding:
    travel = (r["minutes"], r["city_from"], r["city_to"]) if r["minutes"] is not None else None
    return Finding(kind=r["kind"], params=json.loads(r["params"]),
                   meeting_ids=_ids(r["meeting_ids"]), person_ids=_ids(r["person_ids"]),
                   travel=travel)


def _ids(text: str) -> tuple[UUID, ...]:
    return tuple(uid(i) for i in json.loads(text))


class WarningQueries(QueryBase):
    def warnings(self, trip_id: UUID | str,
                 settings: WarningRules | None = None) -> tuple[Warning, ...]:
        """Soft conflicts in the trip's plan (see planner.readmodel.conflicts for the rules),
        in time order. A cancelled trip has none."""
        key = record_id("trip_id", trip_id)
        with self._connect() as conn:
            if conn.execute(select(t.trips.c.id).where(t.trips.c.id == key)).first() is None:
                raise NotFoundError("trip", key)
            return stored_warnings(conn, [key], self._rules(settings))[key]

    def warning_counts(self, trip_ids: Iterable[UUID | str],
                       settings: WarningRules | None = None) -> dict[UUID, int]:
        """How many warnings each of these trips has (unknown trips: none)."""
        keys = sorted({record_id("trip_id", i) for i in trip_ids})
        with self._connect() as conn:
            found = stored_warnings(conn, keys, self._rules(settings)) if keys else {}
        return {uid(k): len(found.get(k, ())) for k in keys}

    def travel_times(self, trip_id: UUID | str,
                     settings: WarningRules | None = None) -> tuple[TravelTimeRow, ...]:
        """The minimum travel time between each two of the trip's cities: the trip's own,
        else the configured one."""
        key = record_id("trip_id", trip_id)
        with self._connect() as conn:
            if conn.execute(select(t.trips.c.id).where(t.trips.c.id == key)).first() is None:
                raise NotFoundError("trip", key)
            cities = conn.execute(select(t.legs.c.city).where(t.legs.c.trip_id == key)
                                  .order_by(*LEGS_IN_ORDER)).scalars().all()
            return travel_time_rows(conn, key, cities, self._rules(settings))

    def _rules(self, settings: WarningRules | None) -> WarningRules:
        return settings or self.settings or DefaultRules()
