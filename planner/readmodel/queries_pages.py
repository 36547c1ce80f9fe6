"""Queries for whole pages that show several read models at once, each in one snapshot."""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

from sqlalchemy import select

from planner.readmodel import tables as t
from planner.readmodel.queries_base import WarningRules, record_id
from planner.readmodel.queries_itinerary import ItineraryQueries
from planner.readmodel.queries_trips import TripQueries
from planner.readmodel.queries_warnings import WarningQueries, stored_warnings
from planner.readmodel.rows import TripDetail, TripPage


class PageQueries(TripQueries, ItineraryQueries, WarningQueries):
    def trip_page(self, trip_id: UUID | str, *, with_warnings: bool = True,
                  settings: WarningRules | None = None,
                  held: Callable[[int], bool] | None = None,
                  kept_trip: Callable[[int], TripDetail | None] | None = None,
                  ) -> TripPage | None:
        """The trip, its itinerary and (for those who may see them) its warnings, or None
        when there is no such trip. `held(position)` says whether the caller already holds
        the itinerary and the warnings as they are at that read-model position; then they
        are not read (`itinerary` None, no warnings). `kept_trip(position)` gives the trip's
        details as the caller kept them at that position, or None: then they are read."""
        key = record_id("trip_id", trip_id)
        with self._connect() as conn:
            position = int(conn.execute(select(t.position.c.position)).scalar() or 0)
            trip = (kept_trip(position) if kept_trip else None) or self._trip_detail(conn, key)
            if trip is None:
                return None
            if held is not None and held(position):
                return TripPage(trip=trip, itinerary=None, warnings=(), position=position)
            itinerary = self._itinerary(conn, key, vars(trip), trip.legs)
            warnings = (stored_warnings(conn, [key], self._rules(settings))[key]
                        if with_warnings else ())
        return TripPage(trip=trip, itinerary=itinerary, warnings=warnings, position=position)
