"""Travel times per trip: the minimum minutes between two of a trip's cities, as an event.

The warnings (planner.readmodel.conflicts) need a minimum travel time between meetings in two
cities; config.toml gives a default for every pair and values for some. A trip's organisers
may set their own value for two of its cities (the legs' cities), which the trip's warnings
then use; clearing it returns to the configured one. Who may do so (those who may plan the
trip) is decided in planner.organisations, not here.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from planner.domain import values as v
from planner.domain.base import PlannerAggregate
from planner.domain.errors import InvariantError, ValidationError

MOST_MINUTES = 2 * 24 * 60
"""Travel time is checked up to two days after a meeting ends (readmodel.conflicts
TRAVEL_HORIZON): the settings refuse longer minimums, and so does a trip."""


def city_key(city: str) -> str:
    """How two spellings of a city are the same city here (case and spaces ignored)."""
    return " ".join(str(city).casefold().split())


class TravelTimes:
    """Mixin for the Trip aggregate: `travel_times`, one entry per pair of cities
    ({city_a, city_b, minutes}, the two cities in the order of their keys)."""

    legs: list[dict[str, Any]]
    travel_times: list[dict[str, Any]]

    class TravelTimeSet(PlannerAggregate.Event):
        city_a: str
        city_b: str
        minutes: int

        def apply(self, trip: Any) -> None:
            pair = {city_key(self.city_a), city_key(self.city_b)}
            trip.travel_times = [entry for entry in trip.travel_times if pair != {
                city_key(entry["city_a"]), city_key(entry["city_b"])}]
            trip.travel_times.append(dict(city_a=self.city_a, city_b=self.city_b,
                                          minutes=self.minutes))

    class TravelTimeCleared(PlannerAggregate.Event):
        city_a: str
        city_b: str

        def apply(self, trip: Any) -> None:
            pair = {city_key(self.city_a), city_key(self.city_b)}
            trip.travel_times = [entry for entry in trip.travel_times if pair != {
                city_key(entry["city_a"]), city_key(entry["city_b"])}]

    def set_travel_time(self, *, actor: str, city_a: str, city_b: str, minutes: int,
                        reason: str = "", at: datetime | None = None) -> None:
        """Set the minimum minutes between two of the trip's cities (either order)."""
        reason = self._check_open(reason)  # type: ignore[attr-defined]
        first, second = self._pair(city_a, city_b)
        minutes = v.whole_number("minutes", minutes, low=1, high=MOST_MINUTES)
        current = self.travel_time(first, second)
        if current == minutes:
            raise InvariantError("minutes", "the travel time between %(first)s and %(second)s is "
                                            "already %(minutes)s minutes on this trip",
                                            first=first, second=second, minutes=minutes)
        self._emit(self.TravelTimeSet, actor, at, reason,  # type: ignore[attr-defined]
                   city_a=first, city_b=second, minutes=minutes)

    def clear_travel_time(self, *, actor: str, city_a: str, city_b: str, reason: str = "",
                          at: datetime | None = None) -> None:
        """Remove the trip's own value for two cities: the configured default applies again."""
        reason = self._check_open(reason)  # type: ignore[attr-defined]
        first, second = self._pair(city_a, city_b, known=False)
        if self.travel_time(first, second) is None:
            raise InvariantError("city_b", "the trip sets no travel time between %(first)s and "
                                           "%(second)s; the default applies already",
                                           first=first, second=second)
        stored = self._entry(first, second)
        self._emit(self.TravelTimeCleared, actor, at, reason,  # type: ignore[attr-defined]
                   city_a=stored["city_a"], city_b=stored["city_b"])

    def travel_time(self, city_a: str, city_b: str) -> int | None:
        """The trip's own minutes between two cities, or None when the default applies."""
        entry = self._entry(city_a, city_b)
        return None if entry is None else int(entry["minutes"])

    def _entry(self, city_a: str, city_b: str) -> Any:
        pair = {city_key(city_a), city_key(city_b)}
        return next((entry for entry in self.travel_times
                     if pair == {city_key(entry["city_a"]), city_key(entry["city_b"])}), None)

    def _pair(self, city_a: str, city_b: str, known: bool = True) -> tuple[str, str]:
        """The two cities as the legs spell them, in the order of their keys. Clearing
        (`known=False`) also takes a pair whose leg was removed since its value was set."""
        cities = {city_key(leg["city"]): leg["city"] for leg in self.legs}
        for entry in [] if known else self.travel_times:
            for city in (entry["city_a"], entry["city_b"]):
                cities.setdefault(city_key(city), city)
        named = []
        for field, value in (("city_a", city_a), ("city_b", city_b)):
            city = v.text(field, value)
            if city_key(city) not in cities:
                listed = ", ".join(sorted(dict.fromkeys(leg["city"] for leg in self.legs)))
                if not listed:
                    raise ValidationError(field, "must be a city of the trip's legs (it has no "
                                                 "legs yet); got %(city)r", city=city)
                raise ValidationError(field, "must be a city of the trip's legs (%(cities)s); "
                                             "got %(city)r", cities=listed, city=city)
            named.append(cities[city_key(city)])
        if city_key(named[0]) == city_key(named[1]):
            raise ValidationError("city_b", "must be another city than city_a: no travel time "
                                            "is needed within one city")
        first, second = sorted(named, key=city_key)
        return first, second
