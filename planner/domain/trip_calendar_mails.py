"""Whether calendar mails of a trip's meetings show the other attendees' e-mail addresses
(planner.itip); before any choice they do not.

The stored topic stays `planner.domain.trip:Trip.AttendeeAddressesShared`: eventsourcing
declares the event again on the Trip aggregate, in Trip's module and under its name.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from planner.domain.base import PlannerAggregate
from planner.domain.errors import InvariantError


class TripCalendarMails:
    """Mixin for the Trip aggregate: `attendee_addresses_shared`, set only by its event."""

    class AttendeeAddressesShared(PlannerAggregate.Event):
        """Whether calendar mails of the trip's meetings show the other attendees' e-mail
        addresses (planner.itip); before any choice they do not."""

        shared: bool

        def apply(self, trip: Any) -> None:
            trip.__dict__["attendee_addresses_shared"] = self.shared

    def share_attendee_addresses(self, *, actor: str, shared: bool,
                                 at: datetime | None = None) -> None:
        if not isinstance(shared, bool):
            raise InvariantError("shared", "must be yes or no")
        self._emit(self.AttendeeAddressesShared, actor, at,  # type: ignore[attr-defined]
                   shared=shared)
