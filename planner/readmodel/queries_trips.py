"""Queries for trips, people and accounts."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from uuid import UUID

from sqlalchemy import ColumnElement, Select, exists, select
from sqlalchemy.engine import Connection, RowMapping

from planner.domain import values as v
from planner.organisations import scope
from planner.organisations.access import Viewer
from planner.readmodel import tables as t
from planner.readmodel.keys import from_db, opt_uid, uid
from planner.readmodel.queries_base import (
    LEGS_IN_ORDER,
    NEWEST_TRIPS_FIRST,
    QueryBase,
    optional_choice,
    optional_key,
    optional_year,
    paging,
    record_id,
    trip_row,
)
from planner.readmodel.queries_organisations import trip_shares
from planner.readmodel.rows import (
    AccountRow,
    HandedOverProfile,
    LegRow,
    MemberRow,
    Page,
    PersonRow,
    TripDetail,
    TripRow,
)


def leg_row(r: RowMapping) -> LegRow:
    return LegRow(leg_id=r["leg_id"], city=r["city"], country=r["country"],
                  timezone=r["timezone"], arrives_on=r["arrives_on"], departs_on=r["departs_on"])


def trip_legs(conn: Connection, trip_id: str) -> list[LegRow]:
    """A trip's legs in the order it visits them."""
    query = select(t.legs).where(t.legs.c.trip_id == trip_id).order_by(*LEGS_IN_ORDER)
    return [leg_row(r) for r in conn.execute(query).mappings()]


def person_row(r: RowMapping) -> PersonRow:
    return PersonRow(id=uid(r["id"]), name=r["name"], title=r["title"],
                     organisation=r["organisation"], email=r["email"],
                     home_timezone=r["home_timezone"], has_feed=bool(r["feed_token_hash"]),
                     version=r["version"], owner_org_id=r["owner_org_id"],
                     organisation_id=r["organisation_id"])


def _scoped(query: Select[tuple[object, ...]], viewer: Viewer | None,
            clause: Callable[[Viewer], ColumnElement[bool] | None]
            ) -> Select[tuple[object, ...]]:
    """The query limited to what the viewer may see (None: the CLI and the system: all)."""
    where = None if viewer is None else clause(viewer)
    return query if where is None else query.where(where)


class TripQueries(QueryBase):
    def trips(self, *, status: str | None = None, year: int | str | None = None,
              city: str | None = None, country: str | None = None,
              organiser: str | None = None, page: int = 1,
              per_page: int = 25, viewer: Viewer | None = None) -> Page[TripRow]:
        """Trips newest first (by start date). `year` matches trips touching that year;
        city, country and organiser ignore case and accents; organiser matches a part.
        With a `viewer`, only the trips their organisation may read (None: every trip)."""
        page, per_page = paging(page, per_page)
        query = select(t.trips).order_by(*NEWEST_TRIPS_FIRST)
        if viewer is not None and (seen := scope.trips_clause(viewer, t.trips.c.id)) is not None:
            query = query.where(seen)
        if (wanted := optional_choice("status", status, v.TripStatus)) is not None:
            query = query.where(t.trips.c.status == wanted)
        if (y := optional_year(year)) is not None:
            query = query.where(t.trips.c.starts_on <= date(y, 12, 31),
                                t.trips.c.ends_on >= date(y, 1, 1))
        for column, value in ((t.legs.c.city_key, city), (t.legs.c.country_key, country)):
            if (key := optional_key(value)) is not None:
                query = query.where(exists().where(t.legs.c.trip_id == t.trips.c.id,
                                                   column == key))
        if (key := optional_key(organiser)) is not None:
            query = query.where(t.trips.c.organiser_key.contains(key, autoescape=True))
        with self._connect() as conn:
            return self._page(conn, query, page, per_page, self._trip_rows)

    def trip(self, trip_id: UUID | str) -> TripDetail | None:
        key = record_id("trip_id", trip_id)
        with self._connect() as conn:
            return self._trip_detail(conn, key)

    def _trip_detail(self, conn: Connection, key: str) -> TripDetail | None:
        r = conn.execute(select(t.trips).where(t.trips.c.id == key)).mappings().first()
        if r is None:
            return None
        legs = tuple(trip_legs(conn, key))
        base = trip_row(r, tuple(dict.fromkeys(leg.city for leg in legs)))
        return TripDetail(
            **vars(base), purpose=r["purpose"], objectives=tuple(json.loads(r["objectives"])),
            legs=legs, members=self._members(conn, key), profiles=self._handed_over(conn, key),
            created_at=from_db(r["created_at"]), last_changed_by=r["last_changed_by"],
            last_changed_at=from_db(r["last_changed_at"]), shares=trip_shares(conn, key))

    @staticmethod
    def _members(conn: Connection, trip_id: str) -> tuple[MemberRow, ...]:
        m, p = t.members, t.people
        query = (select(m.c.person_id, m.c.role, m.c.organisation, p.c.name, p.c.email)
                 .join(p, p.c.id == m.c.person_id, isouter=True)
                 .where(m.c.trip_id == trip_id).order_by(m.c.seq))
        return tuple(MemberRow(person_id=uid(r["person_id"]), name=r["name"] or "",
                               role=r["role"], organisation=r["organisation"],
                               email=r["email"] or "")
                     for r in conn.execute(query).mappings())

    @staticmethod
    def _handed_over(conn: Connection, trip_id: str) -> tuple[HandedOverProfile, ...]:
        h, p, pv = t.handovers, t.profiles, t.profile_versions
        then = (select(pv.c.name).where(pv.c.profile_id == h.c.profile_id,
                                        pv.c.version <= h.c.profile_version)
                .order_by(pv.c.version.desc()).limit(1).scalar_subquery())
        query = (select(h.c.profile_id, h.c.profile_version, p.c.name, p.c.version, p.c.kind,
                        p.c.country, then.label("name_then"))
                 .join(p, p.c.id == h.c.profile_id)
                 .where(h.c.trip_id == trip_id).order_by(h.c.seq))
        return tuple(HandedOverProfile(
            profile_id=uid(r["profile_id"]), name=r["name"], version=r["profile_version"],
            current_version=r["version"], name_at_handover=r["name_then"] or r["name"],
            kind=r["kind"], country=r["country"]) for r in conn.execute(query).mappings())

    def trips_of_person(self, person_id: UUID | str, *,
                        viewer: Viewer | None = None) -> tuple[TripRow, ...]:
        """Trips the person is a delegation member of, newest first (with a `viewer`, those
        the viewer may read)."""
        key = record_id("person_id", person_id)
        query = (select(t.trips).join(t.members, t.members.c.trip_id == t.trips.c.id)
                 .where(t.members.c.person_id == key).order_by(*NEWEST_TRIPS_FIRST))
        query = _scoped(query, viewer, lambda v: scope.trips_clause(v, t.trips.c.id))
        with self._connect() as conn:
            return tuple(self._trip_rows(conn, list(conn.execute(query).mappings())))

    # -- people and accounts --------------------------------------------------------------
    def _people(self, query: Select[tuple[object, ...]]) -> tuple[PersonRow, ...]:
        with self._connect() as conn:
            return tuple(person_row(r) for r in conn.execute(query).mappings())

    def people(self, *, viewer: Viewer | None = None) -> tuple[PersonRow, ...]:
        """Everyone the viewer may see (planner.organisations.scope; None: everyone), by
        name."""
        query = select(t.people).order_by(t.people.c.name_key, t.people.c.id)
        return self._people(_scoped(query, viewer, scope.people_clause))

    def person(self, person_id: UUID | str, *,
               viewer: Viewer | None = None) -> PersonRow | None:
        """The person, or None (also when the viewer may not see them)."""
        key = record_id("person_id", person_id)
        query = select(t.people).where(t.people.c.id == key)
        return next(iter(self._people(_scoped(query, viewer, scope.people_clause))),
                    None)

    def person_by_email(self, email: str) -> PersonRow | None:
        address = (email or "").strip().lower()
        if not address:
            return None
        query = select(t.people).where(t.people.c.email == address).order_by(t.people.c.created_seq)
        return next(iter(self._people(query)), None)

    def person_by_feed_token_hash(self, token_hash: str) -> PersonRow | None:
        """The person whose current calendar-feed token has this hash (a reset revokes)."""
        if not token_hash:
            return None
        query = select(t.people).where(t.people.c.feed_token_hash == token_hash)
        return next(iter(self._people(query)), None)

    def accounts(self, *, viewer: Viewer | None = None,
                 person_id: UUID | str | None = None) -> tuple[AccountRow, ...]:
        """Staff accounts the viewer may see (None: all) by e-mail, or those linked to one
        person; password hashes are never in the read model."""
        query = select(t.accounts).order_by(t.accounts.c.email)
        if person_id is not None:
            query = query.where(t.accounts.c.person_id == record_id("person_id", person_id))
        return self._accounts(_scoped(query, viewer, scope.accounts_clause))

    def account_with_id(self, account_id: UUID | str, *,
                        viewer: Viewer | None = None) -> AccountRow | None:
        """One account by its id, or None (also when the viewer may not see it)."""
        query = select(t.accounts).where(
            t.accounts.c.id == record_id("account_id", account_id))
        return next(iter(self._accounts(_scoped(query, viewer, scope.accounts_clause))), None)

    def account(self, email: str, *, viewer: Viewer | None = None) -> AccountRow | None:
        """The account with this e-mail address (any case), or None (also when the viewer
        may not see it)."""
        address = (email or "").strip().lower()
        if not address:
            return None
        query = select(t.accounts).where(t.accounts.c.email == address)
        return next(iter(self._accounts(
            _scoped(query, viewer, scope.accounts_clause))), None)

    def _accounts(self, query: Select[tuple[object, ...]]) -> tuple[AccountRow, ...]:
        with self._connect() as conn:
            return tuple(AccountRow(id=uid(r["id"]), email=r["email"], name=r["name"],
                                    role=r["role"], person_id=opt_uid(r["person_id"]),
                                    active=bool(r["active"]), version=r["version"],
                                    organisation_id=r["organisation_id"],
                                    global_auditor=bool(r["global_auditor"]))
                         for r in conn.execute(query).mappings())
