"""Company profiles: create, read, list with search (`q`), update, contacts.

Who sees which profile and who changes it are the web UI's rules (web.record_access over
planner.organisations): staff read the profiles their organisation may see (others are 404),
only organisers and administrators of the owning organisation change one (403 otherwise),
participants have no profile register (403).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

from flask import Response, g, url_for
from pydantic import BaseModel, Field

from planner.domain import values as v
from web import record_access as ra
from web.api.blueprint import bp
from web.api.operation import Input, expected_version, operation, reply
from web.api.shapes import LONG, TEXT, Removal, entry
from web.api.values import Page, PageQuery, page_of
from web.wiring import actor, commands, queries

TAGS = ["profiles"]
_ITEMS = 50


class ProfileFields(Input):
    name: str = Field(max_length=TEXT, description="In any script (Körner, 南京).")
    kind: v.ProfileKind
    country: str = Field(max_length=TEXT)
    city: str = Field("", max_length=TEXT)
    sectors: list[str] = Field(default_factory=list, max_length=_ITEMS)
    size: v.CompanySize = v.CompanySize.UNKNOWN
    description: str = Field("", max_length=LONG)
    interests: list[v.Interest] = Field(default_factory=list, max_length=_ITEMS)
    website: str = Field("", max_length=TEXT)


class ProfileChange(ProfileFields):
    """The whole profile as it should now be (a new version); `reason` is kept in its
    history."""

    reason: str = Field("", max_length=LONG)


class ContactIn(Input):
    name: str = Field(max_length=TEXT)
    title: str = Field("", max_length=TEXT)
    email: str = Field("", max_length=TEXT)
    phone: str = Field("", max_length=TEXT)


class Contact(BaseModel):
    contact_id: str
    name: str
    title: str
    email: str
    phone: str


class Handover(BaseModel):
    trip_id: UUID
    trip_title: str
    starts_on: date
    version: int = Field(description="The profile's version handed over on that trip.")


class ProfileSummary(BaseModel):
    id: UUID
    name: str
    kind: str
    country: str
    city: str
    sectors: list[str]
    interests: list[str]
    size: str
    version: int


class Profile(ProfileSummary):
    description: str
    website: str
    owner_org_id: str
    contacts: list[Contact]
    handed_over: list[Handover] = Field(description="Trips (that you may read) it was "
                                                    "handed over on, with the version.")
    last_changed_by: str
    last_changed_at: datetime = Field(description="UTC.")


class ProfileQuery(PageQuery):
    """Ordered by name (ignoring case and accents), then id."""

    q: str = Field("", max_length=200, description="Any part of the name, in any script, "
                                                   "ignoring case and accents (Korner finds "
                                                   "Körner).")
    kind: v.ProfileKind | None = None
    sector: str = Field("", max_length=TEXT)
    interest: v.Interest | None = None
    country: str = Field("", max_length=TEXT)


def _summary(row: Any) -> ProfileSummary:
    return ProfileSummary(id=row.id, name=row.name, kind=row.kind, country=row.country,
                          city=row.city, sectors=list(row.sectors),
                          interests=list(row.interests), size=row.size, version=row.version)


def profile_of(profile_id: UUID) -> Profile:
    """The profile as the token's account may see it (404 otherwise)."""
    row = ra.visible_profile(profile_id)
    return Profile(**_summary(row).model_dump(), description=row.description,
                   website=row.website, owner_org_id=row.owner_org_id,
                   contacts=[Contact(**vars(c)) for c in row.contacts],
                   handed_over=[Handover(**vars(h)) for h in row.trips],
                   last_changed_by=row.last_changed_by, last_changed_at=row.last_changed_at)


def _fields(body: ProfileFields) -> dict[str, Any]:
    return {"name": body.name, "kind": body.kind.value, "country": body.country,
            "city": body.city, "sectors": body.sectors, "size": body.size.value,
            "description": body.description,
            "interests": [i.value for i in body.interests], "website": body.website}


@bp.get("/profiles")
@ra.staff
@operation(reply=Page[ProfileSummary], query=ProfileQuery, tags=TAGS, refusals=(403,))
def list_profiles(query: ProfileQuery) -> Response:
    """The profiles your organisation may see, by name; `q` searches the name."""
    found = queries().profiles(
        name=query.q or None, kind=query.kind.value if query.kind else None,
        sector=query.sector or None, interest=query.interest.value if query.interest else None,
        country=query.country or None, page=query.page, per_page=query.limit,
        viewer=ra.viewer())
    return reply(page_of(query, found.total, found.items, _summary))


@bp.post("/profiles")
@ra.record_planner
@operation(reply=Profile, body=ProfileFields, status=201, tags=TAGS, refusals=(403,))
def create_profile(body: ProfileFields) -> Response:
    """Register a profile, owned by your organisation."""
    profile_id = commands().register_profile(actor=actor(), **_fields(body),
                                             owner_org_id=g.user.organisation_id)
    return reply(profile_of(profile_id), 201,
                 location=url_for("api.read_profile", profile_id=profile_id))


@bp.get("/profiles/<uuid:profile_id>")
@ra.profile_reader
@operation(reply=Profile, tags=TAGS, refusals=(403,))
def read_profile(profile_id: UUID) -> Response:
    """One profile as it is now, with its contacts and the trips it was handed over on."""
    return reply(profile_of(profile_id))


@bp.put("/profiles/<uuid:profile_id>")
@ra.profile_owner
@operation(reply=Profile, body=ProfileChange, tags=TAGS, conditional=True)
def update_profile(profile_id: UUID, body: ProfileChange) -> Response:
    """Save the profile as a new version (trips keep the version they handed over)."""
    version = expected_version(lambda: profile_of(profile_id))
    commands().change_profile(profile_id, actor=actor(), **_fields(body), reason=body.reason,
                              expected_version=version)
    return reply(profile_of(profile_id))


@bp.post("/profiles/<uuid:profile_id>/contacts")
@ra.profile_owner
@operation(reply=Contact, body=ContactIn, status=201, tags=TAGS, conditional=True)
def add_contact(profile_id: UUID, body: ContactIn) -> Response:
    """Add a contact person to the profile (a new version of the profile)."""
    expected_version(lambda: profile_of(profile_id))
    contact_id = commands().add_contact(profile_id, actor=actor(), name=body.name,
                                        title=body.title, email=body.email, phone=body.phone)
    return reply(_contact(profile_id, contact_id), 201, location=url_for(
        "api.read_contact", profile_id=profile_id, contact_id=contact_id))


def _contact(profile_id: UUID, contact_id: str) -> Contact:
    return entry(profile_of(profile_id).contacts, "contact_id", contact_id, "contact")


@bp.get("/profiles/<uuid:profile_id>/contacts/<contact_id>")
@ra.profile_reader
@operation(reply=Contact, tags=TAGS, refusals=(403,))
def read_contact(profile_id: UUID, contact_id: str) -> Response:
    """One contact of the profile."""
    return reply(_contact(profile_id, contact_id))


@bp.delete("/profiles/<uuid:profile_id>/contacts/<contact_id>")
@ra.profile_owner
@operation(reply=Profile, query=Removal, tags=TAGS, conditional=True)
def remove_contact(profile_id: UUID, contact_id: str, query: Removal) -> Response:
    """Remove a contact (earlier versions of the profile still show it); answers with the
    profile. If-Match names the profile's version."""
    _contact(profile_id, contact_id)
    version = expected_version(lambda: profile_of(profile_id))
    commands().remove_contact(profile_id, contact_id, actor=actor(), reason=query.reason,
                              expected_version=version)
    return reply(profile_of(profile_id))
