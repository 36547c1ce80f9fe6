"""Soft conflicts in a trip's plan: the rules behind `Queries.warnings`, as pure functions.

Definitions (cancelled meetings never take part):
- double-booked: one person attends two meetings whose times overlap, in different cities;
- overlap: one person attends two overlapping meetings in the same city;
- outside-trip: a meeting's local dates at the venue fall outside the trip's dates;
- outside-leg: a meeting names a leg but is in another city or outside its dates (or the leg
  was removed); a meeting naming no leg is outside when the legs of its day are elsewhere;
- travel-time: a person's next meeting is in another city sooner than the configured minimum;
- outside-working-hours: starts before or ends after the working day in local time at the
  venue, or runs past midnight. Dinners and travel are exempt: they are meant to be outside.
Person rules look at the person's meetings on other trips too: nobody is in two places at once.
Touching meetings (one ends when the next starts) do not overlap.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID
from zoneinfo import ZoneInfo

from planner.domain.values import MeetingKind
from planner.readmodel.keys import fold
from planner.readmodel.queries_base import WarningRules
from planner.readmodel.rows import LegRow, Warning

KINDS = ("double-booked", "overlap", "outside-trip", "outside-leg", "travel-time",
         "outside-working-hours")
EXEMPT_FROM_HOURS = frozenset({MeetingKind.DINNER.value, MeetingKind.TRAVEL.value})


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

    @property
    def local_start(self) -> datetime:
        return self.starts_at.astimezone(ZoneInfo(self.timezone))

    @property
    def local_end(self) -> datetime:
        return self.ends_at.astimezone(ZoneInfo(self.timezone))

    def when(self) -> str:
        start, end = self.local_start, self.local_end
        until = f"{end:%H:%M}" if end.date() == start.date() else f"{end:%a %d %b %H:%M}"
        return f"{start:%a %d %b %Y %H:%M}–{until} {self.city} time"


def _named(slot: Slot) -> str:
    return f"‘{slot.title}’"


def placement(slot: Slot, starts_on: date, ends_on: date, legs: list[LegRow]) -> list[Warning]:
    first, last = slot.local_start.date(), slot.local_end.date()
    found = []
    if first < starts_on or last > ends_on:
        found.append(Warning("outside-trip", f"{_named(slot)} ({slot.when()}) falls outside the "
                             f"trip ({starts_on:%d %b %Y} to {ends_on:%d %b %Y}).",
                             (slot.meeting_id,)))
    problem = _leg_problem(slot, first, last, legs)
    if problem:
        found.append(Warning("outside-leg", f"{_named(slot)} ({slot.when()}) {problem}.",
                             (slot.meeting_id,)))
    return found


def _leg_problem(slot: Slot, first: date, last: date, legs: list[LegRow]) -> str:
    city = fold(slot.city)
    if slot.leg_id:
        leg = next((leg for leg in legs if leg.leg_id == slot.leg_id), None)
        if leg is None:
            return "belongs to a leg that was removed from the trip"
        if fold(leg.city) != city:
            return f"is in {slot.city}, but its leg is in {leg.city}"
        if first < leg.arrives_on or last > leg.departs_on:
            return (f"falls outside its leg in {leg.city} ({leg.arrives_on:%d %b} to "
                    f"{leg.departs_on:%d %b})")
        return ""
    that_day = [leg for leg in legs if leg.arrives_on <= first <= leg.departs_on]
    if that_day and not any(fold(leg.city) == city for leg in that_day):
        where = " and ".join(leg.city for leg in that_day)
        return f"is in {slot.city}, but on {first:%d %b} the delegation is in {where}"
    return ""


def working_hours(slot: Slot, rules: WarningRules) -> list[Warning]:
    if slot.kind in EXEMPT_FROM_HOURS:
        return []
    start, end = slot.local_start, slot.local_end
    day_start, day_end = rules.working_day_start, rules.working_day_end
    if start.time() >= day_start and end.time() <= day_end and end.date() == start.date():
        return []
    return [Warning("outside-working-hours",
                    f"{_named(slot)} ({slot.when()}) is outside working hours "
                    f"({day_start:%H:%M}–{day_end:%H:%M} local time).", (slot.meeting_id,))]


def person_conflicts(person: UUID, name: str, slots: Iterable[Slot], trip_id: UUID,
                     rules: WarningRules) -> list[Warning]:
    """Overlaps and travel time in one person's meetings (at least one on this trip)."""
    mine = sorted((s for s in slots if person in s.attendees),
                  key=lambda s: (s.starts_at, s.ends_at, str(s.meeting_id)))
    found: list[Warning] = []

    def concerns(*pair: Slot) -> bool:
        return any(s.trip_id == trip_id for s in pair)

    for i, a in enumerate(mine):
        later = mine[i + 1:]
        for b in later:
            if b.starts_at >= a.ends_at:
                break
            if concerns(a, b):
                found.append(_overlap(person, name, a, b))
        following = next((b for b in later if b.starts_at >= a.ends_at), None)
        if following is not None and concerns(a, following):
            found.extend(_travel(person, name, a, following, rules.travel_minutes_between))
    return found


def _overlap(person: UUID, name: str, a: Slot, b: Slot) -> Warning:
    other = "" if a.trip_id == b.trip_id else f" on the trip ‘{b.trip_title}’"
    if fold(a.city) == fold(b.city):
        return Warning("overlap", f"{name} attends {_named(a)} ({a.when()}) and {_named(b)}"
                       f"{other} ({b.when()}), which overlap.", (a.meeting_id, b.meeting_id),
                       person)
    return Warning("double-booked", f"{name} would be in {a.city} for {_named(a)} ({a.when()}) "
                   f"and in {b.city} for {_named(b)}{other} ({b.when()}) at the same time.",
                   (a.meeting_id, b.meeting_id), person)


def _travel(person: UUID, name: str, a: Slot, b: Slot,
            minutes_between: Callable[[str, str], int]) -> list[Warning]:
    if fold(a.city) == fold(b.city):
        return []
    needed = minutes_between(a.city, b.city)
    gap = int((b.starts_at - a.ends_at).total_seconds() // 60)
    if gap >= needed:
        return []
    return [Warning("travel-time", f"{name} has {gap} minutes to get from {a.city} "
                    f"({_named(a)}, {a.when()}) to {b.city} ({_named(b)}, {b.when()}); "
                    f"at least {needed} minutes are needed.", (a.meeting_id, b.meeting_id),
                    person)]
