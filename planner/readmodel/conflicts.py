"""Soft conflicts in a trip's plan: the rules behind `Queries.warnings`, as pure functions.

Definitions (cancelled meetings never take part):
- double-booked: one person attends two meetings whose times overlap, in different cities;
- overlap: one person attends two overlapping meetings in the same city;
- outside-trip: a meeting's local dates at the venue fall outside the trip's dates;
- outside-leg: a meeting names a leg but is in another city or outside its dates (or the leg
  was removed); a meeting naming no leg is outside when the legs of its day are elsewhere;
- travel-time: a person's next meeting is in another city sooner than the configured minimum
  (looked for up to TRAVEL_HORIZON after a meeting ends: a wider gap needs no warning);
- outside-working-hours: starts before or ends after the working day in local time at the
  venue, or runs past midnight. Dinners and travel are exempt: they are meant to be outside.
Person rules look at the person's meetings on other trips too: nobody is in two places at once.
Touching meetings (one ends when the next starts) do not overlap.

Warnings are kept in the read model and hold for any settings. Working hours are checked when
warnings are read, against each meeting's local clock times kept on its row (`outside_hours`);
the others are kept as `Finding`s, travel time for every candidate with the minutes it leaves,
and `Finding.under(rules)` decides when the warnings are read.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

from planner.domain.values import MeetingKind
from planner.readmodel.keys import fold
from planner.readmodel.queries_base import WarningRules
from planner.readmodel.rows import LegRow, Warning
from planner.readmodel.warning_text import meeting_params

KINDS = ("double-booked", "overlap", "outside-trip", "outside-leg", "travel-time",
         "outside-working-hours")
CLASH_KINDS = ("double-booked", "overlap", "travel-time")
EXEMPT_FROM_HOURS = frozenset({MeetingKind.DINNER.value, MeetingKind.TRAVEL.value})
TRAVEL_HORIZON = timedelta(days=2)
"""How far after a meeting ends the next one is still checked for travel time (the settings
refuse travel times longer than this). With this bound a warning depends only on meetings near
it in time: the handlers keep warnings up to date by looking no further."""


class _cached:  # noqa: N801 - functools.cached_property without the lock it takes in 3.11
    """Computed on first use and kept in the instance's __dict__ (which then answers)."""

    def __init__(self, compute: Callable[[Any], Any]) -> None:
        self.compute, self.name = compute, compute.__name__

    def __get__(self, instance: Any, owner: type) -> Any:
        if instance is None:
            return self
        value = instance.__dict__[self.name] = self.compute(instance)
        return value


@dataclass(frozen=True)
class Slot:
    """A meeting as the rules see it."""

    meeting_id: UUID
    trip_id: UUID
    trip_title: str
    title: str
    kind: str
    city: str
    timezone: str
    leg_id: str
    starts_at: datetime
    ends_at: datetime
    attendees: tuple[UUID, ...]

    @_cached
    def local_start(self) -> datetime:
        return self.starts_at.astimezone(ZoneInfo(self.timezone))

    @_cached
    def local_end(self) -> datetime:
        return self.ends_at.astimezone(ZoneInfo(self.timezone))

    @_cached
    def order(self) -> tuple[datetime, datetime, UUID]:
        """A person's meetings in this order: by time, then by id (so the order is total;
        UUIDs compare as their canonical text does)."""
        return (self.starts_at, self.ends_at, self.meeting_id)

    def params(self, trip: str = "") -> dict[str, str]:
        """The meeting as a warning names it (`trip`: the other trip's title, if it is on
        another trip)."""
        return meeting_params(self.title, self.city, self.timezone, self.starts_at,
                              self.ends_at, trip)


@dataclass(frozen=True)
class Finding:
    """A warning under any settings, with the parameters of its sentence (see
    planner.readmodel.warning_text). Travel time: `travel` holds the minutes between the two
    meetings and their cities; the minutes the settings need are added when read."""

    kind: str
    params: dict[str, Any]
    meeting_ids: tuple[UUID, ...]
    person_ids: tuple[UUID, ...] = ()
    travel: tuple[int, str, str] | None = None

    def under(self, rules: WarningRules) -> Warning | None:
        """The warning these settings give, or None when they find nothing wrong."""
        params = self.params
        if self.travel is not None:
            gap, city_a, city_b = self.travel
            needed = rules.travel_minutes_between(city_a, city_b)
            if gap >= needed:
                return None
            params = {**params, "needed": needed}
        return Warning(self.kind, json.dumps(params, ensure_ascii=False), self.meeting_ids,
                       self.person_ids)


def micros(clock: time) -> int:
    """A clock time as microseconds into the day (how meeting rows keep local times)."""
    return ((clock.hour * 60 + clock.minute) * 60 + clock.second) * 1_000_000 + clock.microsecond


def placement(slot: Slot, starts_on: date, ends_on: date, legs: list[LegRow]) -> list[Finding]:
    first, last = slot.local_start.date(), slot.local_end.date()
    found = []
    if first < starts_on or last > ends_on:
        found.append(Finding("outside-trip", {
            "meeting": slot.params(), "trip_from": starts_on.isoformat(),
            "trip_until": ends_on.isoformat()}, (slot.meeting_id,)))
    problem = _leg_problem(slot, first, last, legs)
    if problem:
        found.append(Finding("outside-leg", {"meeting": slot.params(), **problem},
                             (slot.meeting_id,)))
    return found


def _leg_problem(slot: Slot, first: date, last: date, legs: list[LegRow]) -> dict[str, Any]:
    """What is wrong with the meeting's leg, as warning_text's `problem` and its parameters
    (empty when nothing is)."""
    city = fold(slot.city)
    if slot.leg_id:
        leg = None
        for candidate in legs:
            if candidate.leg_id == slot.leg_id:
                leg = candidate
                break
        if leg is None:
            return {"problem": "removed"}
        if fold(leg.city) != city:
            return {"problem": "city", "leg_city": leg.city}
        if first < leg.arrives_on or last > leg.departs_on:
            return {"problem": "dates", "leg_city": leg.city,
                    "leg_from": leg.arrives_on.isoformat(),
                    "leg_until": leg.departs_on.isoformat()}
        return {}
    that_day = [leg for leg in legs if leg.arrives_on <= first <= leg.departs_on]
    if that_day and not any(fold(leg.city) == city for leg in that_day):
        return {"problem": "elsewhere", "day": first.isoformat(),
                "cities": [leg.city for leg in that_day]}
    return {}


def outside_hours(slot: Slot, rules: WarningRules) -> Warning:
    """The warning for a meeting that starts before or ends after the working day (the rows
    that are, are found in SQL: see queries_warnings)."""
    day_start, day_end = rules.working_day_start, rules.working_day_end
    params = {"meeting": slot.params(), "day_start": f"{day_start:%H:%M}",
              "day_end": f"{day_end:%H:%M}"}
    return Warning("outside-working-hours", json.dumps(params, ensure_ascii=False),
                   (slot.meeting_id,))


def by_name(people: dict[UUID, str]) -> Callable[[UUID], tuple[str, str]]:
    """The order people are named in a warning: by name, then by id."""
    return lambda p: (people[p].casefold(), str(p))


def clashes_after(a: Slot, mine: Sequence[Slot], start: int) -> list[tuple[str, Slot]]:
    """One person's clashes of meeting `a` with their meetings after it (`mine[start:]`, in
    `order`): each one that overlaps it, then the next one if it is in another city (travel
    time). A list, not a generator: nearly always the next meeting is all there is to see."""
    found: list[tuple[str, Slot]] = []
    city = fold(a.city)
    for at in range(start, len(mine)):
        b = mine[at]
        if b.starts_at >= a.ends_at:  # the first meeting after this one ends
            if city != fold(b.city) and b.starts_at - a.ends_at < TRAVEL_HORIZON:
                found.append(("travel-time", b))  # travel, however long it takes
            return found
        found.append(("overlap" if city == fold(b.city) else "double-booked", b))
    return found


def person_conflicts(people: dict[UUID, str], slots: Iterable[Slot],
                     trip_id: UUID) -> list[Finding]:
    """Overlaps and travel time in each person's meetings (at least one on this trip).

    People who share the same clash (the whole delegation going from one visit to the next)
    get one warning naming them all, not one warning each."""
    every = sorted(slots, key=lambda s: s.order)  # so each person's meetings come in order
    # A clash concerns this trip if either meeting is on it.
    ours = {id(s) for s in every if s.trip_id == trip_id}
    attended: dict[UUID, list[Slot]] = {}
    for slot in every:
        for person in slot.attendees:
            attended.setdefault(person, []).append(slot)

    clashes: dict[tuple[str, UUID, UUID], tuple[Slot, Slot, list[UUID]]] = {}
    for person in sorted(people, key=by_name(people)):
        mine = attended.get(person, [])
        for i, a in enumerate(mine):
            for kind, b in clashes_after(a, mine, i + 1):
                if id(a) in ours or id(b) in ours:
                    clashes.setdefault((kind, a.meeting_id, b.meeting_id),
                                       (a, b, []))[2].append(person)
    return [_describe(kind, a, b, persons, [people[p] for p in persons])
            for (kind, _, _), (a, b, persons) in clashes.items()]


def anchored_conflicts(anchor: Slot, timelines: dict[UUID, list[Slot]],
                       people: dict[UUID, str]) -> list[Finding]:
    """The clashes whose first meeting is `anchor`, on any trip: the same findings
    `person_conflicts` gives for it. `timelines` holds each attendee's meetings in `order`,
    from the anchor's start to at least TRAVEL_HORIZON after its end."""
    clashes: dict[tuple[str, UUID], tuple[Slot, list[UUID]]] = {}
    for person in sorted(anchor.attendees, key=by_name(people)):
        mine = timelines[person]
        at = next(i for i, s in enumerate(mine) if s.meeting_id == anchor.meeting_id)
        for kind, b in clashes_after(anchor, mine, at + 1):
            clashes.setdefault((kind, b.meeting_id), (b, []))[1].append(person)
    return [_describe(kind, anchor, b, persons, [people[p] for p in persons])
            for (kind, _), (b, persons) in clashes.items()]


def _gap(a: Slot, b: Slot) -> int:
    return int((b.starts_at - a.ends_at).total_seconds() // 60)


def _describe(kind: str, a: Slot, b: Slot, persons: list[UUID], names: list[str]) -> Finding:
    params: dict[str, Any] = {"names": names, "a": a.params(), "b": b.params(
        "" if a.trip_id == b.trip_id else b.trip_title)}
    if kind == "travel-time":
        return Finding(kind, {**params, "minutes": _gap(a, b)}, (a.meeting_id, b.meeting_id),
                       tuple(persons), travel=(_gap(a, b), a.city, b.city))
    return Finding(kind, params, (a.meeting_id, b.meeting_id), tuple(persons))


@dataclass(frozen=True)
class Plan:
    """What a trip's warnings are found from: its dates and legs (in order), its meetings that
    are not cancelled, other trips' meetings of the same people near enough to clash, and the
    names of those people."""

    trip_id: UUID
    starts_on: date
    ends_on: date
    legs: list[LegRow]
    slots: list[Slot]
    others: list[Slot]
    names: dict[UUID, str]


def findings(plan: Plan) -> list[tuple[datetime, Finding]]:
    """Every finding of the plan, each with the start of its first meeting, in the order the
    rules find them (reading keeps that order among findings that sort alike)."""
    found: list[Finding] = []
    for slot in plan.slots:
        found.extend(placement(slot, plan.starts_on, plan.ends_on, plan.legs))
    names = plan.names  # person_conflicts puts the people in order
    found.extend(person_conflicts({p: names.get(p, "Someone") for s in plan.slots
                                   for p in s.attendees}, plan.slots + plan.others, plan.trip_id))
    starts = {s.meeting_id: s.starts_at for s in plan.slots + plan.others}
    return [(min(starts[m] for m in f.meeting_ids), f) for f in found]


def in_order(found: Iterable[tuple[datetime, Warning]]) -> tuple[Warning, ...]:
    """Warnings in time order (then by kind and parameters: for a clash, the people's names
    first), given in the order found."""
    return tuple(w for _, w in sorted(found, key=lambda pair: (
        pair[0], KINDS.index(pair[1].kind), pair[1].params)))
