"""The trip as a window in time and place: the rules legs and meetings must fit into.

Trip and Meeting are separate aggregates; a meeting checks its placement against a TripWindow,
a snapshot of the trip's dates, legs and delegation taken when the command runs.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from uuid import UUID

from planner.domain import values as v
from planner.domain.errors import InvariantError, ValidationError, Word

MAX_MEETING = timedelta(hours=48)
_FORWARD = [v.TripStatus.DRAFT, v.TripStatus.PLANNED, v.TripStatus.CONFIRMED,
            v.TripStatus.COMPLETED]


@dataclass(frozen=True)
class TripWindow:
    """What a meeting needs to know about its trip to check its own invariants."""

    trip_id: UUID
    status: str
    starts_on: date
    ends_on: date
    home_timezone: str
    legs: dict[str, dict[str, Any]]
    member_ids: frozenset[str]

    def check_open(self) -> None:
        if self.status == v.TripStatus.CANCELLED:
            raise InvariantError("trip", "the trip is cancelled; reinstate it before planning")

    def check_member(self, person_id: str) -> None:
        if v.record_id("attendees", person_id) not in self.member_ids:
            raise InvariantError("attendees",
                                 "person %(person_id)s is not a member of the delegation",
                                 person_id=person_id)


def check_status_change(current: str, target: str, reason: str, *, has_legs: bool) -> None:
    """Trips move forward draft -> planned -> confirmed -> completed (steps may be skipped);
    going back is allowed with a reason; cancelling has its own command."""
    if target == v.TripStatus.CANCELLED:
        raise ValidationError("status", "use cancel (with a reason) to cancel a trip")
    if current == v.TripStatus.CANCELLED:
        raise InvariantError("status", "the trip is cancelled; reinstate it first")
    if target == current:
        raise InvariantError("status", "the trip is already %(target)s", target=Word(target))
    if _FORWARD.index(v.TripStatus(target)) < _FORWARD.index(v.TripStatus(current)):
        if not reason:
            raise ValidationError("reason", "moving the trip back from %(current)s to "
                                            "%(target)s must give a reason",
                                            current=Word(current), target=Word(target))
    if target == v.TripStatus.COMPLETED and not has_legs:
        raise InvariantError("status", "a trip without legs cannot be completed")


def leg_fields(city: str, country: str, timezone: str, arrives_on: date, departs_on: date, *,
               trip: tuple[date, date], others: Iterable[dict[str, Any]],
               keep_zone: str | None = None) -> dict[str, Any]:
    """The validated fields of a leg that fits into the trip beside the `others`."""
    first, last = v.date_range("arrives_on", arrives_on, "departs_on", departs_on)
    check_leg_dates(first, last, starts_on=trip[0], ends_on=trip[1], others=others)
    return dict(city=v.text("city", city, max_len=100),
                country=v.text("country", country, max_len=100),
                timezone=v.zone("timezone", timezone, keep=keep_zone), arrives_on=first,
                departs_on=last)


def check_leg_dates(first: date, last: date, *, starts_on: date, ends_on: date,
                    others: Iterable[dict[str, Any]]) -> None:
    """A leg lies within the trip and overlaps no other leg (they may share a travel day)."""
    if first < starts_on or last > ends_on:
        raise InvariantError("arrives_on", "the leg must lie within the trip "
                             "(%(starts_on)s to %(ends_on)s)", starts_on=starts_on, ends_on=ends_on)
    for other in others:
        if first < other["departs_on"] and other["arrives_on"] < last:
            raise InvariantError("arrives_on", "the leg overlaps the leg in %(city)s "
                                 "(%(arrives_on)s to %(departs_on)s); legs may "
                                 "share only a travel day",
                                 city=other['city'], arrives_on=other['arrives_on'],
                                 departs_on=other['departs_on'])


def check_legs_inside(legs: Iterable[dict[str, Any]], first: date, last: date) -> None:
    """New trip dates must still hold every leg."""
    for leg in legs:
        if leg["arrives_on"] < first or leg["departs_on"] > last:
            raise InvariantError("starts_on", "the leg in %(city)s "
                                 "(%(arrives_on)s to %(departs_on)s) would fall "
                                 "outside the new dates; change the leg first",
                                 city=leg['city'], arrives_on=leg['arrives_on'],
                                 departs_on=leg['departs_on'])


def check_placement(window: TripWindow, *, city: str, timezone: str, starts_at: datetime,
                    ends_at: datetime, leg_id: str | None) -> None:
    """A meeting lies within its trip's dates and, where a leg is given, in that leg.

    Dates are compared in local time at the venue: a dinner at 23:00 in Nanjing on the last
    day of the trip is inside the trip even though it is still the afternoon in Leipzig.
    """
    window.check_open()
    if ends_at <= starts_at:
        raise ValidationError("ends_at", "must be after the start")
    if ends_at - starts_at > MAX_MEETING:
        raise ValidationError("ends_at", "a meeting may last at most 48 hours")
    first, last = v.local_date(starts_at, timezone), v.local_date(ends_at, timezone)
    if first < window.starts_on or last > window.ends_on:
        raise InvariantError("starts_at", "must fall within the trip (%(starts_on)s to "
                                          "%(ends_on)s) in local time at the venue",
                                          starts_on=window.starts_on, ends_on=window.ends_on)
    if leg_id:
        leg = window.legs.get(v.record_id("leg_id", leg_id))
        if leg is None:
            raise ValidationError("leg_id", "the trip has no leg %(leg_id)s", leg_id=leg_id)
        if leg["city"].casefold() != city.casefold():
            raise InvariantError("city", "must be the leg's city %(city)r", city=leg['city'])
        if first < leg["arrives_on"] or last > leg["departs_on"]:
            raise InvariantError("starts_at", "must fall within the leg in %(city)s "
                                 "(%(arrives_on)s to %(departs_on)s)",
                                 city=leg['city'], arrives_on=leg['arrives_on'],
                                 departs_on=leg['departs_on'])
