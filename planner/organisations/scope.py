"""The organisation rules as SQL: which rows of the read models a viewer may see.

Each function gives a WHERE clause for one kind of record, or None when the viewer sees all
of them (a global auditor). The clauses use the indexed owner and share columns and
subqueries, so a list filters in the database however many records other organisations have.
The rules are the ones planner.organisations.access states for one trip.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, Select, and_, false, or_, select, true

from planner.organisations.access import Viewer
from planner.readmodel import search_tables
from planner.readmodel import tables as t


def _member_trips(viewer: Viewer) -> Select[tuple[str]]:
    return select(t.members.c.trip_id).where(t.members.c.person_id == viewer.person_id)


def visible_trip_ids(viewer: Viewer) -> Select[tuple[str]] | None:
    """The ids of the trips the viewer may read (None: every trip)."""
    if viewer.sees_every_organisation:
        return None
    if not viewer.is_staff:
        return _member_trips(viewer)
    readable = select(t.trip_readers.c.trip_id).where(
        t.trip_readers.c.org_id == viewer.organisation_id)  # owned and shared: one index range
    if viewer.person_id:
        return readable.union(_member_trips(viewer))  # type: ignore[return-value]
    return readable


def trips_clause(viewer: Viewer, trip_id: ColumnElement[str]) -> ColumnElement[bool] | None:
    """A condition on a trip id column (rm_trips.id, rm_meetings.trip_id, ...)."""
    ids = visible_trip_ids(viewer)
    return None if ids is None else trip_id.in_(ids)


def profiles_clause(viewer: Viewer) -> ColumnElement[bool] | None:
    """Own profiles, those handed over on a trip the viewer's organisation may read, and
    the parties of agreements it may see (the counterpart of one's own MoU)."""
    if viewer.sees_every_organisation:
        return None
    if not viewer.is_staff:
        return false()
    on_trips = select(t.handovers.c.profile_id).where(
        t.handovers.c.trip_id.in_(visible_trip_ids(viewer)))  # type: ignore[arg-type]
    agreements = select(t.agreements.c.id).where(agreements_clause(viewer))  # type: ignore[arg-type]
    as_parties = select(t.parties.c.profile_id).where(t.parties.c.agreement_id.in_(agreements))
    return or_(t.profiles.c.owner_org_id == viewer.organisation_id,
               t.profiles.c.id.in_(on_trips), t.profiles.c.id.in_(as_parties))


def agreements_clause(viewer: Viewer) -> ColumnElement[bool] | None:
    """Own agreements, those the viewer's organisation is a party to, and those of a trip
    it may read (a participant: of the trips they are on)."""
    if viewer.sees_every_organisation:
        return None
    on_trips = t.agreements.c.trip_id.in_(visible_trip_ids(viewer))  # type: ignore[arg-type]
    if not viewer.is_staff:
        return on_trips
    as_party = select(t.parties.c.agreement_id).where(
        t.parties.c.organisation_id == viewer.organisation_id)
    return or_(t.agreements.c.owner_org_id == viewer.organisation_id,
               t.agreements.c.id.in_(as_party), on_trips)


def people_clause(viewer: Viewer) -> ColumnElement[bool] | None:
    """People the viewer's organisation registered or who belong to it, and the members
    of trips it may read."""
    if viewer.sees_every_organisation:
        return None
    if not viewer.is_staff:
        return t.people.c.id == viewer.person_id
    on_trips = select(t.members.c.person_id).where(
        t.members.c.trip_id.in_(visible_trip_ids(viewer)))  # type: ignore[arg-type]
    return or_(t.people.c.owner_org_id == viewer.organisation_id,
               t.people.c.organisation_id == viewer.organisation_id,
               t.people.c.id.in_(on_trips))


def accounts_clause(viewer: Viewer) -> ColumnElement[bool] | None:
    """Administrators and global auditors see every account; others their organisation's."""
    if viewer.sees_every_organisation or viewer.administers:
        return None
    if not viewer.is_staff:
        return false()
    return t.accounts.c.organisation_id == viewer.organisation_id


def search_clause(viewer: Viewer) -> ColumnElement[bool] | None:
    """The rows of the search index (rm_search) the viewer may see: each kind by its own
    rule above; organisations to every staff member (to choose partners)."""
    if viewer.sees_every_organisation:
        return None
    s = search_tables.search
    if not viewer.is_staff:
        return false()
    kind, record = s.c.kind, s.c.record_id

    def among(table: Any, clause: ColumnElement[bool] | None) -> ColumnElement[bool]:
        return record.in_(select(table.c.id).where(clause if clause is not None else true()))

    return or_(
        and_(kind == "trip", trips_clause(viewer, record)),  # type: ignore[arg-type]
        and_(kind == "meeting", trips_clause(viewer, s.c.trip_id)),  # type: ignore[arg-type]
        and_(kind == "person", among(t.people, people_clause(viewer))),
        kind == "organisation",
        and_(kind == "profile", among(t.profiles, profiles_clause(viewer))),
        and_(kind == "agreement", among(t.agreements, agreements_clause(viewer))),
    )
