"""Organisations, trip shares and one trip's access for a viewer (planner.organisations)."""

from __future__ import annotations

from uuid import UUID

from sqlalchemy import or_, select
from sqlalchemy.engine import Connection, RowMapping

from planner.domain.organisation import DEFAULT_ORGANISATION_ID
from planner.organisations.access import TripAccess, Viewer, trip_access
from planner.readmodel import tables as t
from planner.readmodel.keys import fold
from planner.readmodel.queries_base import QueryBase, record_id
from planner.readmodel.rows import OrganisationRow, ShareRow


def _row(r: RowMapping) -> OrganisationRow:
    return OrganisationRow(id=r["id"], name=r["name"], latin_name=r["latin_name"],
                           kind=r["kind"], country=r["country"], timezone=r["timezone"],
                           version=r["version"])


def trip_shares(conn: Connection, trip_id: str) -> tuple[ShareRow, ...]:
    s, o = t.trip_shares, t.organisations
    query = (select(s.c.org_id, s.c.access, o.c.name, o.c.latin_name)
             .join(o, o.c.id == s.c.org_id, isouter=True)
             .where(s.c.trip_id == trip_id).order_by(s.c.seq))
    return tuple(ShareRow(org_id=r["org_id"], access=r["access"],
                          name=(f"{r['name']} / {r['latin_name']}" if r["latin_name"]
                                else r["name"] or r["org_id"]))
                 for r in conn.execute(query).mappings())


class OrganisationQueries(QueryBase):
    def _default_organisation(self) -> OrganisationRow:
        """The default organisation as config.toml names it, until its record exists."""
        s = self.settings
        return OrganisationRow(
            id=DEFAULT_ORGANISATION_ID,
            name=getattr(s, "default_organisation", "Default organisation"),
            latin_name=getattr(s, "default_organisation_latin", ""),
            kind=getattr(s, "default_organisation_kind", "agency"),
            country=getattr(s, "default_organisation_country", "DE"),
            timezone=getattr(s, "default_timezone", "Europe/Berlin"), version=0)

    def organisations(self) -> tuple[OrganisationRow, ...]:
        """Every organisation by name (the default one even before it is recorded)."""
        with self._connect() as conn:
            rows = [_row(r) for r in conn.execute(
                select(t.organisations).order_by(t.organisations.c.name_key)).mappings()]
        if not any(r.id == DEFAULT_ORGANISATION_ID for r in rows):
            rows.insert(0, self._default_organisation())
        return tuple(rows)

    def organisation(self, organisation_id: UUID | str) -> OrganisationRow | None:
        key = record_id("organisation_id", organisation_id)
        with self._connect() as conn:
            r = conn.execute(select(t.organisations).where(t.organisations.c.id == key)
                             ).mappings().first()
        if r is None and key == DEFAULT_ORGANISATION_ID:
            return self._default_organisation()
        return None if r is None else _row(r)

    def organisation_named(self, name: str) -> OrganisationRow | None:
        """By its id, its name or its Latin name (ignoring case and accents); None when no
        organisation or more than one has that name."""
        wanted = (name or "").strip()
        try:
            return self.organisation(str(UUID(wanted)))
        except ValueError:
            pass
        key = fold(wanted)
        if not key:
            return None
        with self._connect() as conn:
            rows = conn.execute(select(t.organisations).where(or_(
                t.organisations.c.name_key == key, t.organisations.c.latin_key == key))
                .limit(2)).mappings().all()
        if len(rows) == 1:
            return _row(rows[0])
        default = self._default_organisation()
        if not rows and key in (fold(default.name), fold(default.latin_name)):
            return default
        return None

    def trip_access(self, viewer: Viewer, trip_id: UUID | str) -> TripAccess | None:
        """The viewer's access to a trip (None: there is no such trip). Three indexed reads."""
        key = record_id("trip_id", trip_id)
        with self._connect() as conn:
            owner = conn.execute(select(t.trips.c.owner_org_id)
                                 .where(t.trips.c.id == key)).scalar()
            if owner is None:
                return None
            shares = dict(conn.execute(
                select(t.trip_shares.c.org_id, t.trip_shares.c.access).where(
                    t.trip_shares.c.trip_id == key,
                    t.trip_shares.c.org_id == viewer.organisation_id)).tuples().all())
            member = bool(viewer.person_id) and conn.execute(
                select(t.members.c.trip_id).where(t.members.c.trip_id == key,
                                                  t.members.c.person_id == viewer.person_id)
            ).first() is not None
        return trip_access(viewer, owner, shares, member)
