"""Sharing a trip with partner organisations: each share is an event with actor and reason.

A trip's owner organisation may let a partner *plan* its programme (legs, meetings,
attendees, outcomes) or *view* all of it; `none` ends a share. Who may change the sharing
(the owner's organisers) is decided in planner.organisations, not here.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from planner.domain import values as v
from planner.domain.base import PlannerAggregate
from planner.domain.errors import InvariantError, Word
from planner.domain.organisation import Access
from planner.i18n.words import N_


class SharedWithPartners:
    """Mixin for the Trip aggregate: `owner_org_id` and `shares` (partner id -> access)."""

    owner_org_id: str
    shares: dict[str, str]

    class SharingChanged(PlannerAggregate.Event):
        organisation_id: str
        access: str

        def apply(self, trip: Any) -> None:
            if self.access == Access.NONE:
                trip.shares.pop(self.organisation_id, None)
            else:
                trip.shares[self.organisation_id] = self.access

    def share(self, *, actor: str, organisation_id: UUID | str, access: str, reason: str,
              at: datetime | None = None) -> None:
        partner = v.record_id("organisation_id", organisation_id)
        level = v.choice("access", access, Access)
        reason = v.reason_text(reason, required=True, what=N_("changing who a trip is shared with"))
        if partner == self.owner_org_id:
            raise InvariantError("organisation_id", "the trip's own organisation always has "
                                                    "full access; share it with a partner")
        current = self.shares.get(partner, Access.NONE.value)
        if current == level:
            if level == Access.NONE:
                raise InvariantError("access", "the trip is not shared with that organisation")
            raise InvariantError("access", "the trip is already shared at %(level)r with that "
                                           "organisation", level=Word(level))
        self._emit(self.SharingChanged, actor, at, reason,  # type: ignore[attr-defined]
                   organisation_id=partner, access=level)

    def access_of(self, organisation_id: str) -> str:
        """'own', 'plan', 'view' or 'none' for an organisation."""
        if organisation_id == self.owner_org_id:
            return "own"
        return self.shares.get(organisation_id, Access.NONE.value)
