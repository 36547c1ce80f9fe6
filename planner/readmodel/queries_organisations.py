"""Organisations, trip shares and one trip's access for a viewer (planner.organisations)."""

from __future__ import annotations

from uuid import UUID

from sqlalchemy import Select, exists, false, or_, select, true
from sqlalchemy.engine import Connection, RowMapping

from planner.domain.organisation import DEFAULT_ORGANISATION_ID
from planner.organisations import scope
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
        """The viewer's access to a trip (None: there is no such trip). One statement."""
        key = record_id("trip_id", trip_id)
        found = self._access(viewer, select(t.trips.c.id).where(t.trips.c.id == key))
        return None if found is None else found[1]

    def meeting_access(self, viewer: Viewer,
                       meeting_id: UUID | str) -> tuple[str, TripAccess] | None:
        """The trip of a meeting and the viewer's access to it (None: there is no such
        meeting), in one statement: the guard of a meeting's pages needs no more."""
        key = record_id("meeting_id", meeting_id)
        m = t.meetings
        return self._access(viewer, select(t.trips.c.id).join(m, m.c.trip_id == t.trips.c.id)
                            .where(m.c.id == key))

    def person_access(self, viewer: Viewer,
                      person_id: UUID | str) -> tuple[str, bool] | None:
        """A person's owner organisation and whether the viewer may see them
        (planner.organisations.scope.people_clause), or None: no such person. One statement."""
        key = record_id("person_id", person_id)
        clause = scope.people_clause(viewer)
        seen = true() if clause is None else clause
        with self.engine.connect() as conn:
            row = conn.execute(select(t.people.c.owner_org_id, seen.label("seen"))
                               .where(t.people.c.id == key)).first()
        return None if row is None else (row[0], bool(row[1]))

    def _access(self, viewer: Viewer,
                query: Select[tuple[str]]) -> tuple[str, TripAccess] | None:
        """`query` selects one trip's id; its owner, the viewer organisation's share and
        whether the viewer is a member come in the same row (one indexed read, no snapshot
        needed for a single statement)."""
        tr, s, m = t.trips, t.trip_shares, t.members
        share = (select(s.c.access).where(s.c.trip_id == tr.c.id,
                                          s.c.org_id == viewer.organisation_id)
                 .scalar_subquery())
        member = (exists().where(m.c.trip_id == tr.c.id, m.c.person_id == viewer.person_id)
                  if viewer.person_id else false())
        with self.engine.connect() as conn:
            row = conn.execute(query.add_columns(tr.c.owner_org_id, share.label("share"),
                                                 member.label("member"))).first()
        if row is None:
            return None
        trip_id, owner, shared, is_member = row
        shares = {viewer.organisation_id: shared} if shared else {}
        return trip_id, trip_access(viewer, owner, shares, bool(is_member))
