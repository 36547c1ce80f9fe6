"""The order a participant reads their schedule in: what is today and next first, then the
trip under way or coming, then later trips, and past trips folded away at the end.

A trip's "today" is the date at its meetings' venues (a delegate in Nanjing lives on Nanjing
time, whatever their home zone); a trip with no meeting yet uses its home zone.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from itertools import groupby
from uuid import UUID

from planner.calendar.zones import load_zone
from planner.readmodel.rows import ItineraryItem, TripRow

CANCELLED = "cancelled"
Day = tuple[date, tuple[ItineraryItem, ...]]


@dataclass(frozen=True)
class TripPlan:
    """One trip of a person's schedule: `days` from its local today on, `earlier` before."""

    trip_id: UUID
    title: str
    trip: TripRow | None
    today: date
    days: tuple[Day, ...]
    earlier: tuple[Day, ...]

    @property
    def under_way(self) -> bool:
        return self.trip is not None and self.trip.starts_on <= self.today <= self.trip.ends_on

    @property
    def meeting_count(self) -> int:
        return sum(len(items) for _, items in (*self.earlier, *self.days))


@dataclass(frozen=True)
class PersonSchedule:
    """`today`: today's meetings of the trip under way; `next`: the next meeting to go to;
    `coming`: the trip under way, then coming trips by start; `past`: the latest first."""

    today: tuple[ItineraryItem, ...]
    next: ItineraryItem | None
    coming: tuple[TripPlan, ...]
    past: tuple[TripPlan, ...]
    until: datetime | None = None
    """The first instant this arrangement may differ for the same rows: the next meeting's
    start or the next midnight at a trip's venues (None: never, there is no trip)."""

    @property
    def under_way(self) -> TripPlan | None:
        return next((plan for plan in self.coming if plan.under_way), None)

    @property
    def is_empty(self) -> bool:
        return not self.coming and not self.past


def by_day(items: Iterable[ItineraryItem]) -> tuple[Day, ...]:
    """Items grouped by their local date at the venue, in time order."""
    return tuple((day, tuple(group)) for day, group in
                 groupby(items, key=lambda item: item.local_start.date()))


def order_schedule(items: Sequence[ItineraryItem], trips: Sequence[TripRow],
                   now: datetime) -> PersonSchedule:
    """Arrange a person's meetings (`items`, in time order) and trips for reading at `now`."""
    rows = {trip.id: trip for trip in trips}
    by_trip: dict[UUID, list[ItineraryItem]] = {trip.id: [] for trip in trips}
    titles = {trip.id: trip.title for trip in trips}
    for item in items:
        by_trip.setdefault(item.trip_id, []).append(item)
        titles.setdefault(item.trip_id, item.trip_title)
    zones = {trip_id: _zone(rows.get(trip_id), trip_items)
             for trip_id, trip_items in by_trip.items()}
    plans = [_plan(trip_id, titles[trip_id], rows.get(trip_id), trip_items,
                   now.astimezone(load_zone(zones[trip_id])).date())
             for trip_id, trip_items in by_trip.items()]
    coming = sorted((p for p in plans if not _is_past(p)), key=_start)
    past = sorted((p for p in plans if _is_past(p)), key=_end, reverse=True)
    under_way = next((plan for plan in coming if plan.under_way), None)
    today = tuple(item for day, day_items in (under_way.days[:1] if under_way else ())
                  if day == under_way.today for item in day_items)
    upcoming = (item for plan in coming for _, day_items in plan.days for item in day_items
                if item.starts_at > now and item.status != CANCELLED)
    following = next(upcoming, None)
    changes = [_next_midnight(now, zone) for zone in set(zones.values())]
    if following is not None:
        changes.append(following.starts_at)
    return PersonSchedule(today=today, next=following, coming=tuple(coming), past=tuple(past),
                          until=min(changes, default=None))


def _zone(trip: TripRow | None, items: list[ItineraryItem]) -> str:
    return items[0].timezone if items else (trip.home_timezone if trip else "UTC")


def _next_midnight(now: datetime, zone: str) -> datetime:
    """The instant the date at `zone` changes next after `now`."""
    local = now.astimezone(load_zone(zone))
    return datetime.combine(local.date() + timedelta(days=1), time(),
                            tzinfo=local.tzinfo).astimezone(UTC)


def _plan(trip_id: UUID, title: str, trip: TripRow | None, items: list[ItineraryItem],
          today: date) -> TripPlan:
    days = by_day(items)
    return TripPlan(trip_id=trip_id, title=title, trip=trip, today=today,
                    days=tuple(d for d in days if d[0] >= today),
                    earlier=tuple(d for d in days if d[0] < today))


def _is_past(plan: TripPlan) -> bool:
    if plan.trip is not None:
        return plan.trip.status == CANCELLED or plan.trip.ends_on < plan.today
    return not plan.days


def _start(plan: TripPlan) -> date:
    if plan.trip is not None:
        return plan.trip.starts_on
    days = plan.days or plan.earlier
    return days[0][0] if days else date.max


def _end(plan: TripPlan) -> date:
    if plan.trip is not None:
        return plan.trip.ends_on
    days = plan.earlier or plan.days
    return days[-1][0] if days else date.min
