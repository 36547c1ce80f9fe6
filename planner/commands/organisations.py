"""Commands and queries for organisations, record ownership and trip sharing."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from planner.commands.base import CommandSupport, plain
from planner.domain.account import Account, account_id
from planner.domain.errors import InvariantError
from planner.domain.organisation import Organisation
from planner.domain.person import Person
from planner.domain.trip import Trip


class OrganisationCommands(CommandSupport):
    def register_organisation(self, *, actor: str, name: str, kind: str, country: str,
                              timezone: str, latin_name: str = "",
                              organisation_id: UUID | str | None = None) -> UUID:
        """Register an organisation (`organisation_id` only for the default one, whose id is
        fixed, and for importers that keep ids)."""
        organisation = Organisation.register(
            actor=actor, name=name, latin_name=latin_name, kind=kind, country=country,
            timezone=timezone, organisation_id=organisation_id, at=self._stamp())
        if organisation.id in self.repository:
            raise InvariantError("organisation_id", "that organisation is already registered")
        self._commit(organisation)
        return organisation.id

    def change_organisation(self, organisation_id: UUID | str, *, actor: str, name: str,
                            kind: str, country: str, timezone: str, latin_name: str = "",
                            reason: str = "", expected_version: int | None = None) -> int:
        return self._edit(Organisation, organisation_id, expected_version,
                          lambda o: o.change_details(
                              actor=actor, name=name, latin_name=latin_name, kind=kind,
                              country=country, timezone=timezone, reason=reason,
                              at=self._stamp()))

    def get_organisation(self, organisation_id: UUID | str, *, version: int | None = None,
                         at: datetime | None = None) -> dict[str, Any]:
        return plain(self._as_of(Organisation, organisation_id, version, at))

    def share_trip(self, trip_id: UUID | str, *, actor: str, organisation_id: UUID | str,
                   access: str, reason: str, expected_version: int | None = None) -> int:
        """Share a trip with a partner at 'plan' or 'view', or end the share ('none')."""
        partner = self.known_organisation("organisation_id", organisation_id)
        if not partner:
            raise InvariantError("organisation_id", "must not be empty: name an organisation")
        return self._edit(Trip, trip_id, expected_version, lambda trip: trip.share(
            actor=actor, organisation_id=partner, access=access, reason=reason,
            at=self._stamp()))

    def set_global_auditor(self, email: str, *, actor: str, global_auditor: bool,
                           reason: str) -> int:
        return self._edit(Account, account_id(email), None, lambda a: a.set_global_auditor(
            actor=actor, global_auditor=global_auditor, reason=reason, at=self._stamp()))

    def name_person_organisation(self, person_id: UUID | str, *, actor: str,
                                 organisation_id: UUID | str | None, reason: str = "",
                                 expected_version: int | None = None) -> int:
        chosen = self.known_organisation("organisation_id", organisation_id)
        return self._edit(Person, person_id, expected_version, lambda p: p.name_organisation(
            actor=actor, organisation_id=chosen, reason=reason, at=self._stamp()))
