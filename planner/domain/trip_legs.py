"""A trip's legs: the cities it stays in, each with its time zone and the days there.

The stored topics stay `planner.domain.trip:Trip.LegAdded` and so on: eventsourcing declares
each event of this mixin again on the Trip aggregate, in Trip's module and under its name.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from planner.domain import values as v
from planner.domain import window as w
from planner.domain.base import PlannerAggregate
from planner.domain.errors import ValidationError
from planner.domain.ids import new_id, same
from planner.domain.values import reason_text
from planner.i18n.words import N_


class TripLegs:
    """Mixin for the Trip aggregate: `legs`, ordered by arrival and departure."""

    legs: list[dict[str, Any]]
    starts_on: date
    ends_on: date

    class LegAdded(PlannerAggregate.Event):
        leg_id: str
        city: str
        country: str
        timezone: str
        arrives_on: date
        departs_on: date

        def apply(self, trip: Any) -> None:
            trip.legs.append(dict(leg_id=self.leg_id, city=self.city, country=self.country,
                                  timezone=self.timezone, arrives_on=self.arrives_on,
                                  departs_on=self.departs_on))
            trip.legs.sort(key=lambda leg: (leg["arrives_on"], leg["departs_on"]))

    class LegChanged(LegAdded):
        def apply(self, trip: Any) -> None:
            trip.legs = [leg for leg in trip.legs if leg["leg_id"] != self.leg_id]
            TripLegs.LegAdded.apply(self, trip)

    class LegRemoved(PlannerAggregate.Event):
        leg_id: str

        def apply(self, trip: Any) -> None:
            trip.legs = [leg for leg in trip.legs if leg["leg_id"] != self.leg_id]

    def leg(self, leg_id: str) -> dict[str, Any]:
        leg_id = v.record_id("leg_id", leg_id)
        if found := next((leg for leg in self.legs if same(leg["leg_id"], leg_id)), None):
            return found
        raise ValidationError("leg_id", "the trip has no leg %(leg_id)s", leg_id=leg_id)

    def add_leg(self, *, actor: str, city: str, country: str, timezone: str, arrives_on: date,
                departs_on: date, at: datetime | None = None, reason: str = "") -> str:
        reason = self._check_open(reason)  # type: ignore[attr-defined]
        fields = w.leg_fields(city, country, timezone, arrives_on, departs_on,
                              trip=(self.starts_on, self.ends_on), others=self.legs)
        leg_id = str(new_id())
        self._emit(self.LegAdded, actor, at, reason,  # type: ignore[attr-defined]
                   leg_id=leg_id, **fields)
        return leg_id

    def change_leg(self, *, actor: str, leg_id: str, city: str, country: str, timezone: str,
                   arrives_on: date, departs_on: date, reason: str = "",
                   at: datetime | None = None) -> None:
        reason = self._check_open(reason)  # type: ignore[attr-defined]
        current = self.leg(leg_id)
        leg_id = current["leg_id"]
        fields = w.leg_fields(city, country, timezone, arrives_on, departs_on,
                              trip=(self.starts_on, self.ends_on),
                              others=[leg for leg in self.legs if leg["leg_id"] != leg_id],
                              keep_zone=current["timezone"])
        self._emit(self.LegChanged, actor, at, reason,  # type: ignore[attr-defined]
                   leg_id=leg_id, **fields)

    def remove_leg(self, *, actor: str, leg_id: str, reason: str,
                   at: datetime | None = None) -> None:
        reason = reason_text(reason, required=True, what=N_("removing a leg"))
        self._check_open(reason)  # type: ignore[attr-defined]
        leg_id = self.leg(leg_id)["leg_id"]
        self._emit(self.LegRemoved, actor, at, reason,  # type: ignore[attr-defined]
                   leg_id=leg_id)
