"""Printing an itinerary: the query object the web and the CLI are given (no engine)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from planner.i18n import translator
from planner.itinerary.pack import Pack, person_pack, trip_pack
from planner.itinerary.pdf import itinerary_pdf


class Itineraries:
    def __init__(self, planner: Any) -> None:
        self._planner = planner

    def person_pdf(self, person_id: UUID | str, trip_id: UUID | str, *, language: str | None,
                   base_url: str, viewer: Any = None,
                   feed_address: str | None = None) -> tuple[bytes, Pack]:
        """A participant's PDF of one trip; records the print, so the next one lists what
        changed since."""
        now = self._planner.app.now()
        pack = person_pack(self._planner, person_id, trip_id, now=now, base_url=base_url,
                           viewer=viewer, feed_address=feed_address)
        body = itinerary_pdf(pack, translator(language))
        if self._planner.prints is not None and pack.person is not None:
            self._planner.prints.record(pack.person.id, pack.trip.id, now)
        return body, pack

    def trip_pdf(self, trip_id: UUID | str, *, language: str | None, base_url: str,
                 viewer: Any = None) -> tuple[bytes, Pack]:
        pack = trip_pack(self._planner, trip_id, now=self._planner.app.now(),
                         base_url=base_url, viewer=viewer)
        return itinerary_pdf(pack, translator(language)), pack
