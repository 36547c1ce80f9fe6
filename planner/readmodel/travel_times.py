"""Travel times as a trip's warnings use them: the trip's own (rm_travel_times) before the
settings' (config.toml `[warnings] travel_minutes`, then `default_travel_minutes`).

Travel-time findings are kept for any minimum (planner.readmodel.conflicts.Finding), so a
trip's own value takes effect when its warnings are read: setting one finds nothing again.
A warning of trip T between one of its meetings and another trip's uses T's value.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from planner.readmodel import tables as t
from planner.readmodel.keys import fold
from planner.readmodel.queries_base import WarningRules

Pair = tuple[str, str]  # two city keys (fold), in order


def pair_of(city_a: str, city_b: str) -> Pair:
    first, second = sorted((fold(city_a), fold(city_b)))
    return first, second


@dataclass(frozen=True)
class TripRules:
    """One trip's warning rules: the settings, with the trip's own travel times first."""

    base: WarningRules
    own: Mapping[Pair, int]

    @property
    def working_day_start(self) -> Any:
        return self.base.working_day_start

    @property
    def working_day_end(self) -> Any:
        return self.base.working_day_end

    def travel_minutes_between(self, city_a: str, city_b: str) -> int:
        minutes = self.own.get(pair_of(city_a, city_b))
        return self.base.travel_minutes_between(city_a, city_b) if minutes is None else minutes


def own_travel_times(conn: Connection, trip_ids: Sequence[str]) -> dict[str, dict[Pair, int]]:
    """Each of these trips' own travel times (trips without any are left out)."""
    if not trip_ids:
        return {}
    tt = t.travel_times
    found: dict[str, dict[Pair, int]] = defaultdict(dict)
    for r in conn.execute(select(tt.c.trip_id, tt.c.city_a_key, tt.c.city_b_key, tt.c.minutes)
                          .where(tt.c.trip_id.in_(list(trip_ids)))):
        found[r.trip_id][(r.city_a_key, r.city_b_key)] = r.minutes
    return dict(found)


def rules_of_trips(conn: Connection, trip_ids: Sequence[str],
                   rules: WarningRules) -> dict[str, WarningRules]:
    """The rules each trip's warnings are read under."""
    own = own_travel_times(conn, trip_ids)
    return {i: TripRules(rules, own[i]) if i in own else rules for i in trip_ids}


@dataclass(frozen=True)
class TravelTimeRow:
    """The minimum travel time between two of a trip's cities: the trip's own (`own`), or
    else the configured one (`default_minutes` is always the configured one)."""

    city_a: str
    city_b: str
    minutes: int
    own: bool
    default_minutes: int


def travel_time_rows(conn: Connection, trip_id: str, cities: Sequence[str],
                     rules: WarningRules) -> tuple[TravelTimeRow, ...]:
    """Every pair of the trip's cities (as its legs spell them, in visiting order), then
    pairs the trip keeps a value for whose leg was removed since."""
    named: dict[str, str] = {}
    for city in cities:
        named.setdefault(fold(city), city)
    tt = t.travel_times
    stored = {(r.city_a_key, r.city_b_key): r for r in conn.execute(
        select(tt).where(tt.c.trip_id == trip_id).order_by(tt.c.seq))}
    pairs: list[tuple[str, str]] = list(combinations(named.values(), 2))
    pairs += [(r.city_a, r.city_b) for key, r in stored.items()
              if not (key[0] in named and key[1] in named)]
    rows = []
    for city_a, city_b in pairs:
        configured = rules.travel_minutes_between(city_a, city_b)
        mine = stored.get(pair_of(city_a, city_b))
        rows.append(TravelTimeRow(city_a, city_b, configured if mine is None else mine.minutes,
                                  mine is not None, configured))
    return tuple(rows)
