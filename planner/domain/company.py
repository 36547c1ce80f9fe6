"""CompanyProfile: an organisation the agency deals with, versioned like every aggregate."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from planner.domain import values as v
from planner.domain.base import PlannerAggregate
from planner.domain.errors import ValidationError
from planner.domain.ids import new_id
from planner.domain.organisation import DEFAULT_ORGANISATION_ID
from planner.domain.values import reason_text


def _profile_fields(name: str, kind: str, country: str, city: str, sectors: list[str],
                    size: str, description: str, interests: list[str], website: str,
                    fictitious: bool, keep_website: str | None = None) -> dict[str, Any]:
    return dict(
        name=v.text("name", name), kind=v.choice("kind", kind, v.ProfileKind),
        country=v.text("country", country, max_len=100),
        city=v.text("city", city, max_len=100, required=False),
        sectors=v.text_list("sectors", sectors, max_items=20, max_len=100),
        size=v.choice("size", size, v.CompanySize),
        description=v.text("description", description, max_len=v.LONG_TEXT, required=False,
                           multiline=True),
        interests=[v.choice("interests", i, v.Interest)
                   for i in v.text_list("interests", interests, max_items=20)],
        website=v.web_address("website", website, keep=keep_website),
        fictitious=bool(fictitious))


class CompanyProfile(PlannerAggregate):
    """Version 2 added the owning organisation (snapshots are upcast)."""

    class_version = 2

    @staticmethod
    def upcast_v1_v2(state: dict[str, Any]) -> None:
        state["owner_org_id"] = DEFAULT_ORGANISATION_ID

    class Registered(PlannerAggregate.Created):
        """Version 2 added `fictitious` (demo and invented profiles are marked as such),
        version 3 `owner_org_id` (older profiles belong to the default organisation)."""

        class_version = 3
        name: str
        kind: str
        country: str
        city: str
        sectors: list[str]
        size: str
        description: str
        interests: list[str]
        website: str
        fictitious: bool
        owner_org_id: str

        @staticmethod
        def upcast_v1_v2(state: dict[str, Any]) -> None:
            state["fictitious"] = False

        @staticmethod
        def upcast_v2_v3(state: dict[str, Any]) -> None:
            state["owner_org_id"] = DEFAULT_ORGANISATION_ID

    def __init__(self, actor: str, reason: str, name: str, kind: str, country: str, city: str,
                 sectors: list[str], size: str, description: str, interests: list[str],
                 website: str, fictitious: bool, owner_org_id: str) -> None:
        self.owner_org_id = owner_org_id
        self.name, self.kind, self.country, self.city = name, kind, country, city
        self.sectors, self.size = list(sectors), size
        self.description, self.interests = description, list(interests)
        self.website, self.fictitious = website, fictitious
        self.contacts: list[dict[str, Any]] = []

    @classmethod
    def register(cls, *, actor: str, name: str, kind: str, country: str, city: str = "",
                 sectors: list[str] | None = None, size: str = "", description: str = "",
                 interests: list[str] | None = None, website: str = "",
                 fictitious: bool = False, owner_org_id: UUID | str = DEFAULT_ORGANISATION_ID,
                 at: datetime | None = None) -> CompanyProfile:
        return cls._start(cls.Registered, actor, at,
                          owner_org_id=v.record_id("owner_org_id", owner_org_id),
                          **_profile_fields(
            name, kind, country, city, sectors or [], size, description, interests or [],
            website, fictitious))

    class DetailsChanged(PlannerAggregate.Event):
        name: str
        kind: str
        country: str
        city: str
        sectors: list[str]
        size: str
        description: str
        interests: list[str]
        website: str
        fictitious: bool

        def apply(self, profile: CompanyProfile) -> None:
            for key in ("name", "kind", "country", "city", "size", "description", "website",
                        "fictitious"):
                setattr(profile, key, getattr(self, key))
            profile.sectors, profile.interests = list(self.sectors), list(self.interests)

    def change_details(self, *, actor: str, name: str, kind: str, country: str, city: str,
                       sectors: list[str], size: str, description: str, interests: list[str],
                       website: str = "", fictitious: bool | None = None, reason: str = "",
                       at: datetime | None = None) -> None:
        fields = _profile_fields(name, kind, country, city, sectors, size, description,
                                 interests, website,
                                 self.fictitious if fictitious is None else fictitious,
                                 keep_website=self.website)
        self._emit(self.DetailsChanged, actor, at, reason_text(reason, required=False), **fields)

    class ContactAdded(PlannerAggregate.Event):
        contact_id: str
        name: str
        title: str
        email: str
        phone: str

        def apply(self, profile: CompanyProfile) -> None:
            profile.contacts.append(dict(contact_id=self.contact_id, name=self.name,
                                         title=self.title, email=self.email, phone=self.phone))

    class ContactRemoved(PlannerAggregate.Event):
        contact_id: str

        def apply(self, profile: CompanyProfile) -> None:
            profile.contacts = [c for c in profile.contacts if c["contact_id"] != self.contact_id]

    def add_contact(self, *, actor: str, name: str, title: str = "", email: str = "",
                    phone: str = "", at: datetime | None = None) -> str:
        contact_id = str(new_id())
        self._emit(self.ContactAdded, actor, at, contact_id=contact_id,
                   name=v.text("contact name", name), title=v.text("title", title, required=False),
                   email=v.optional_email("email", email),
                   phone=v.text("phone", phone, max_len=50, required=False))
        return contact_id

    def remove_contact(self, *, actor: str, contact_id: str, reason: str = "",
                       at: datetime | None = None) -> None:
        contact_id = v.record_id("contact_id", contact_id)
        if not any(c["contact_id"] == contact_id for c in self.contacts):
            raise ValidationError("contact_id", "the profile has no contact %(contact_id)s",
                                  contact_id=contact_id)
        self._emit(self.ContactRemoved, actor, at, reason_text(reason, required=False),
                   contact_id=contact_id)
