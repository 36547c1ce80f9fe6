"""CompanyProfile events -> rm_profiles (current), its sectors, interests, contacts, and
rm_profile_versions: the profile's details at each version that changed them, so a trip can
show what was handed over."""

from __future__ import annotations

from typing import Any

from planner.domain.company import CompanyProfile
from planner.readmodel import tables as t
from planner.readmodel.handlers.batch import Batch
from planner.readmodel.handlers.common import Handler, created, key, touch
from planner.readmodel.keys import dumps, fold, to_db

TABLES = {CompanyProfile: t.profiles}  # each aggregate's own row, which its events change
LOADS: dict[type, Any] = {}
# Tables whose rows this aggregate's events alone write, by the column naming it (Batch).
OWNS = {t.profile_sectors: "profile_id", t.profile_interests: "profile_id"}

_FIELDS = ("name", "kind", "country", "city", "size", "description", "website")


def _values(e: Any) -> dict[str, Any]:
    values = {name: getattr(e, name) for name in _FIELDS}
    values.update(name_key=fold(e.name), country_key=fold(e.country), sectors=dumps(e.sectors),
                  interests=dumps(e.interests), fictitious=bool(e.fictitious))
    return values


def _lists(b: Batch, e: Any) -> None:
    profile_id = key(e)
    b.delete(t.profile_sectors, profile_id=profile_id)
    b.delete(t.profile_interests, profile_id=profile_id)
    b.insert(t.profile_sectors, *(dict(profile_id=profile_id, idx=i, sector=s, sector_key=fold(s))
                                  for i, s in enumerate(e.sectors)))
    b.insert(t.profile_interests, *(dict(profile_id=profile_id, idx=i, interest=s)
                                    for i, s in enumerate(e.interests)))


def _version(b: Batch, e: Any) -> None:
    """Record the profile's details as of this event's version. Contact events do not change
    the details, so the details of any version are those of the latest row at or before it."""
    b.insert(t.profile_versions, dict(
        profile_id=key(e), version=e.originator_version, sectors=dumps(e.sectors),
        interests=dumps(e.interests), fictitious=bool(e.fictitious),
        recorded_at=to_db(e.timestamp), **{name: getattr(e, name) for name in _FIELDS}))


def _registered(b: Batch, e: Any, seq: int) -> None:
    b.insert(t.profiles, dict(**_values(e), owner_org_id=e.owner_org_id, **created(e, seq)))
    _lists(b, e)
    _version(b, e)


def _details(b: Batch, e: Any, seq: int) -> None:
    touch(b, t.profiles, e, **_values(e))
    _lists(b, e)
    _version(b, e)


def _contact_added(b: Batch, e: Any, seq: int) -> None:
    b.insert(t.contacts, dict(
        contact_id=e.contact_id, profile_id=key(e), name=e.name, title=e.title, email=e.email,
        phone=e.phone, seq=seq))
    touch(b, t.profiles, e)


def _contact_removed(b: Batch, e: Any, seq: int) -> None:
    b.delete(t.contacts, contact_id=e.contact_id)
    touch(b, t.profiles, e)


HANDLERS: dict[type, Handler] = {
    CompanyProfile.Registered: _registered,
    CompanyProfile.DetailsChanged: _details,
    CompanyProfile.ContactAdded: _contact_added,
    CompanyProfile.ContactRemoved: _contact_removed,
}
