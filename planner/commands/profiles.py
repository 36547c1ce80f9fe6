"""Commands and queries for company profiles."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from planner.commands.base import CommandSupport, plain
from planner.domain.company import CompanyProfile
from planner.domain.organisation import DEFAULT_ORGANISATION_ID


class ProfileCommands(CommandSupport):
    def register_profile(self, *, actor: str, name: str, kind: str, country: str,
                         city: str = "", sectors: list[str] | None = None, size: str = "",
                         description: str = "", interests: list[str] | None = None,
                         website: str = "", fictitious: bool = False,
                         owner_org_id: UUID | str = DEFAULT_ORGANISATION_ID) -> UUID:
        profile = CompanyProfile.register(
            actor=actor, name=name, kind=kind, country=country, city=city, sectors=sectors,
            size=size, description=description, interests=interests, website=website,
            fictitious=fictitious, at=self._stamp(),
            owner_org_id=self.known_organisation("owner_org_id", owner_org_id))
        self._commit(profile)
        return profile.id

    def change_profile(self, profile_id: UUID | str, *, actor: str, name: str, kind: str,
                       country: str, city: str = "", sectors: list[str] | None = None,
                       size: str = "", description: str = "",
                       interests: list[str] | None = None, website: str = "",
                       fictitious: bool | None = None, reason: str = "",
                       expected_version: int | None = None) -> int:
        return self._edit(CompanyProfile, profile_id, expected_version, lambda p: p.change_details(
            actor=actor, name=name, kind=kind, country=country, city=city, sectors=sectors or [],
            size=size, description=description, interests=interests or [], website=website,
            fictitious=fictitious, reason=reason, at=self._stamp()))

    def add_contact(self, profile_id: UUID | str, *, actor: str, name: str, title: str = "",
                    email: str = "", phone: str = "") -> str:
        return self._add(CompanyProfile, profile_id, lambda p: p.add_contact(
            actor=actor, name=name, title=title, email=email, phone=phone, at=self._stamp()))

    def remove_contact(self, profile_id: UUID | str, contact_id: str, *, actor: str,
                       reason: str = "", expected_version: int | None = None) -> int:
        return self._edit(CompanyProfile, profile_id, expected_version, lambda p: p.remove_contact(
            actor=actor, contact_id=contact_id, reason=reason, at=self._stamp()))

    def get_profile(self, profile_id: UUID | str, *, version: int | None = None,
                    at: datetime | None = None) -> dict[str, Any]:
        """The profile as plain data; with `version`, exactly what was handed over then."""
        return plain(self._as_of(CompanyProfile, profile_id, version, at))
