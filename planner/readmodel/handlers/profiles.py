"""CompanyProfile events -> rm_profiles (current), its sectors, interests, contacts, and
rm_profile_versions: the profile's details at each version that changed them, so a trip can
show what was handed over."""

from __future__ import annotations

from typing import Any

from sqlalchemy.engine import Connection

from planner.domain.company import CompanyProfile
from planner.readmodel import tables as t
from planner.readmodel.handlers.common import Handler, created, delete, insert, key, touch
from planner.readmodel.keys import dumps, fold, to_db

_FIELDS = ("name", "kind", "country", "city", "size", "description", "website")


def _values(e: Any) -> dict[str, Any]:
    values = {name: getattr(e, name) for name in _FIELDS}
    values.update(name_key=fold(e.name), country_key=fold(e.country), sectors=dumps(e.sectors),
                  interests=dumps(e.interests), fictitious=bool(e.fictitious))
    return values


def _lists(conn: Connection, e: Any) -> None:
    profile_id = key(e)
    delete(conn, t.profile_sectors, profile_id=profile_id)
    delete(conn, t.profile_interests, profile_id=profile_id)
    if e.sectors:
        insert(conn, t.profile_sectors, [
            dict(profile_id=profile_id, idx=i, sector=s, sector_key=fold(s))
            for i, s in enumerate(e.sectors)])
    if e.interests:
        insert(conn, t.profile_interests, [
            dict(profile_id=profile_id, idx=i, interest=s) for i, s in enumerate(e.interests)])


def _version(conn: Connection, e: Any) -> None:
    """Record the profile's details as of this event's version. Contact events do not change
    the details, so the details of any version are those of the latest row at or before it."""
    insert(conn, t.profile_versions, dict(
        profile_id=key(e), version=e.originator_version, sectors=dumps(e.sectors),
        interests=dumps(e.interests), fictitious=bool(e.fictitious),
        recorded_at=to_db(e.timestamp), **{name: getattr(e, name) for name in _FIELDS}))


def _registered(conn: Connection, e: Any, seq: int) -> None:
    insert(conn, t.profiles, dict(**_values(e), **created(e, seq)))
    _lists(conn, e)
    _version(conn, e)


def _details(conn: Connection, e: Any, seq: int) -> None:
    touch(conn, t.profiles, e, **_values(e))
    _lists(conn, e)
    _version(conn, e)


def _contact_added(conn: Connection, e: Any, seq: int) -> None:
    insert(conn, t.contacts, dict(
        contact_id=e.contact_id, profile_id=key(e), name=e.name, title=e.title, email=e.email,
        phone=e.phone, seq=seq))
    touch(conn, t.profiles, e)


def _contact_removed(conn: Connection, e: Any, seq: int) -> None:
    delete(conn, t.contacts, contact_id=e.contact_id)
    touch(conn, t.profiles, e)


HANDLERS: dict[type, Handler] = {
    CompanyProfile.Registered: _registered,
    CompanyProfile.DetailsChanged: _details,
    CompanyProfile.ContactAdded: _contact_added,
    CompanyProfile.ContactRemoved: _contact_removed,
}
