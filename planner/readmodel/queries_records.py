"""Queries for company profiles and the agreements register, and the organisation page's
counts. A `viewer` (planner.organisations.access.Viewer) limits every list and record to what
planner.organisations.scope lets that account see; None (the CLI, the system) sees all."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from uuid import UUID

from sqlalchemy import ColumnElement, Select, and_, exists, func, or_, select
from sqlalchemy.engine import Connection, RowMapping

from planner.domain import values as v
from planner.organisations import scope
from planner.organisations.access import Viewer
from planner.readmodel import tables as t
from planner.readmodel.builders import agreement_rows
from planner.readmodel.keys import from_db, loads, opt_uid, uid
from planner.readmodel.queries_base import (
    QueryBase,
    optional_choice,
    optional_key,
    optional_year,
    paging,
    record_id,
)
from planner.readmodel.rows import Page, TripRow
from planner.readmodel.rows_records import (
    AgreementDetail,
    AgreementRow,
    ContactRow,
    MilestoneRow,
    PartyRow,
    ProfileDetail,
    ProfileHandover,
    ProfileRow,
    SignatoryRow,
)


def _profile_rows(conn: Connection, rows: Sequence[RowMapping]) -> list[ProfileRow]:
    return [ProfileRow(id=uid(r["id"]), name=r["name"], kind=r["kind"], country=r["country"],
                       city=r["city"], sectors=loads(r["sectors"]),
                       interests=loads(r["interests"]), size=r["size"],
                       fictitious=bool(r["fictitious"]), version=r["version"]) for r in rows]


def _within(query: Select[tuple[object, ...]],
            clause: ColumnElement[bool] | None) -> Select[tuple[object, ...]]:
    """The query limited by a scope clause (None: nothing to limit)."""
    return query if clause is None else query.where(clause)


def _profiles_of(viewer: Viewer | None) -> ColumnElement[bool] | None:
    return None if viewer is None else scope.profiles_clause(viewer)


def _agreements_of(viewer: Viewer | None) -> ColumnElement[bool] | None:
    return None if viewer is None else scope.agreements_clause(viewer)


def _trips_of(viewer: Viewer | None,
              trip_id: ColumnElement[str]) -> ColumnElement[bool] | None:
    return None if viewer is None else scope.trips_clause(viewer, trip_id)


class RecordQueries(QueryBase):
    def profiles(self, *, name: str | None = None, kind: str | None = None,
                 sector: str | None = None, interest: str | None = None,
                 country: str | None = None, page: int = 1,
                 per_page: int = 25, viewer: Viewer | None = None) -> Page[ProfileRow]:
        """Profiles by name. `name` matches any part of the name in any script, ignoring case
        and accents on Latin letters ("Korner" finds "Körner"); sector and country match
        whole values, ignoring case and accents."""
        page, per_page = paging(page, per_page)
        p = t.profiles
        query = _within(select(p).order_by(p.c.name_key, p.c.id), _profiles_of(viewer))
        if (key := optional_key(name)) is not None:
            query = query.where(p.c.name_key.contains(key, autoescape=True))
        if (wanted := optional_choice("kind", kind, v.ProfileKind)) is not None:
            query = query.where(p.c.kind == wanted)
        if (key := optional_key(sector)) is not None:
            s = t.profile_sectors
            query = query.where(exists().where(s.c.profile_id == p.c.id, s.c.sector_key == key))
        if (wanted := optional_choice("interest", interest, v.Interest)) is not None:
            i = t.profile_interests
            query = query.where(exists().where(i.c.profile_id == p.c.id, i.c.interest == wanted))
        if (key := optional_key(country)) is not None:
            query = query.where(p.c.country_key == key)
        with self._connect() as conn:
            return self._page(conn, query, page, per_page, _profile_rows)

    def profile(self, profile_id: UUID | str, *,
                viewer: Viewer | None = None) -> ProfileDetail | None:
        """A profile as it is now, with its contacts and the trips it was handed over on
        (those the viewer may read); None also when the viewer may not see it."""
        key = record_id("profile_id", profile_id)
        with self._connect() as conn:
            r = conn.execute(_within(select(t.profiles).where(t.profiles.c.id == key),
                                     _profiles_of(viewer))).mappings().first()
            if r is None:
                return None
            contacts = conn.execute(select(t.contacts).where(t.contacts.c.profile_id == key)
                                    .order_by(t.contacts.c.seq)).mappings().all()
            h, tr = t.handovers, t.trips
            trips = conn.execute(_within(
                select(h.c.trip_id, h.c.profile_version, tr.c.title, tr.c.starts_on)
                .join(tr, tr.c.id == h.c.trip_id).where(h.c.profile_id == key)
                .order_by(tr.c.starts_on, h.c.seq), _trips_of(viewer, h.c.trip_id))
            ).mappings().all()
            base = _profile_rows(conn, [r])[0]
        return ProfileDetail(
            **vars(base), description=r["description"], website=r["website"],
            contacts=tuple(ContactRow(contact_id=c["contact_id"], name=c["name"],
                                      title=c["title"], email=c["email"], phone=c["phone"])
                           for c in contacts),
            trips=tuple(ProfileHandover(trip_id=uid(x["trip_id"]), trip_title=x["title"],
                                        starts_on=x["starts_on"], version=x["profile_version"])
                        for x in trips),
            last_changed_by=r["last_changed_by"], last_changed_at=from_db(r["last_changed_at"]),
            owner_org_id=r["owner_org_id"])

    def agreements(self, *, kind: str | None = None, status: str | None = None,
                   party: str | None = None, trip_id: UUID | str | None = None,
                   year: int | str | None = None, page: int = 1,
                   per_page: int = 25, viewer: Viewer | None = None) -> Page[AgreementRow]:
        """The register, newest first: signed ones by signing date, drafts by when drafted.
        `party` matches any part of a party's name; `year` is the signing year."""
        page, per_page = paging(page, per_page)
        a = t.agreements
        newest = func.coalesce(a.c.signed_on, func.date(a.c.created_at))
        query = _within(select(a).order_by(newest.desc(), a.c.created_seq.desc()),
                        _agreements_of(viewer))
        if (wanted := optional_choice("kind", kind, v.AgreementKind)) is not None:
            query = query.where(a.c.kind == wanted)
        if (wanted := optional_choice("status", status, v.AgreementStatus)) is not None:
            query = query.where(a.c.status == wanted)
        if (key := optional_key(party)) is not None:
            pa = t.parties
            query = query.where(exists().where(
                pa.c.agreement_id == a.c.id, pa.c.name_key.contains(key, autoescape=True)))
        if trip_id:
            query = query.where(a.c.trip_id == record_id("trip_id", trip_id))
        if (y := optional_year(year)) is not None:
            query = query.where(and_(a.c.signed_on >= date(y, 1, 1),
                                     a.c.signed_on <= date(y, 12, 31)))
        with self._connect() as conn:
            return self._page(conn, query, page, per_page, agreement_rows)

    def agreement(self, agreement_id: UUID | str, *,
                  viewer: Viewer | None = None) -> AgreementDetail | None:
        """One agreement with its parties, signatories and milestones; None also when the
        viewer may not see it."""
        key = record_id("agreement_id", agreement_id)
        with self._connect() as conn:
            r = conn.execute(_within(select(t.agreements).where(t.agreements.c.id == key),
                                     _agreements_of(viewer))).mappings().first()
            if r is None:
                return None
            base = agreement_rows(conn, [r])[0]
            parties = conn.execute(select(t.parties).where(t.parties.c.agreement_id == key)
                                   .order_by(t.parties.c.seq)).mappings().all()
            names = {p["party_id"]: p["name"] for p in parties}
            signatories = conn.execute(
                select(t.signatories).where(t.signatories.c.agreement_id == key)
                .order_by(t.signatories.c.seq)).mappings().all()
            milestones = conn.execute(
                select(t.milestones).where(t.milestones.c.agreement_id == key)
                .order_by(t.milestones.c.due_on, t.milestones.c.seq)).mappings().all()
            meeting_title = conn.execute(select(t.meetings.c.title).where(
                t.meetings.c.id == r["meeting_id"])).scalar() if r["meeting_id"] else None
        return AgreementDetail(
            **vars(base), subject=r["subject"], meeting_title=meeting_title or "",
            parties=tuple(PartyRow(party_id=p["party_id"], name=p["name"],
                                   profile_id=opt_uid(p["profile_id"]),
                                   organisation_id=p["organisation_id"] or "")
                          for p in parties),
            signatories=tuple(SignatoryRow(
                signatory_id=s["signatory_id"], name=s["name"], title=s["title"],
                party_id=s["party_id"], party_name=names.get(s["party_id"], ""))
                for s in signatories),
            milestones=tuple(MilestoneRow(milestone_id=m["milestone_id"], title=m["title"],
                                          due_on=m["due_on"], done_on=m["done_on"])
                             for m in milestones),
            last_changed_by=r["last_changed_by"], last_changed_at=from_db(r["last_changed_at"]),
            owner_org_id=r["owner_org_id"])

    # -- what forms and the organisation page offer -----------------------------------------
    def trip_choices(self, viewer: Viewer | None = None) -> tuple[tuple[str, str], ...]:
        """(id, title) of the trips the viewer may read, newest first: what a form may link
        a record to and a list may filter by."""
        tr = t.trips
        query = _within(select(tr.c.id, tr.c.title)
                        .order_by(tr.c.starts_on.desc(), tr.c.created_seq.desc()),
                        _trips_of(viewer, tr.c.id))
        with self._connect() as conn:
            return tuple((str(i), title) for i, title in conn.execute(query).tuples())

    def organisation_accounts(self, organisation_id: str) -> int:
        """How many accounts (active or not) belong to the organisation."""
        query = select(func.count()).where(t.accounts.c.organisation_id == organisation_id)
        with self._connect() as conn:
            return int(conn.execute(query).scalar_one())

    def organisation_trips(self, organisation_id: str, viewer: Viewer | None = None
                           ) -> tuple[tuple[TripRow, str], ...]:
        """The trips the organisation owns ("owner") or that are shared with it ("plan" or
        "view"), newest first, as far as the viewer may read them."""
        tr, s = t.trips, t.trip_shares
        share = (select(s.c.access).where(s.c.trip_id == tr.c.id, s.c.org_id == organisation_id)
                 .limit(1).scalar_subquery())
        query = _within(select(tr, share.label("shared_as")).where(or_(
            tr.c.owner_org_id == organisation_id,
            tr.c.id.in_(select(s.c.trip_id).where(s.c.org_id == organisation_id))))
            .order_by(tr.c.starts_on.desc(), tr.c.created_seq.desc()), _trips_of(viewer, tr.c.id))
        with self._connect() as conn:
            rows = list(conn.execute(query).mappings())
            trips = self._trip_rows(conn, rows)
        return tuple((trip, "owner" if r["owner_org_id"] == organisation_id else r["shared_as"])
                     for trip, r in zip(trips, rows, strict=True))
