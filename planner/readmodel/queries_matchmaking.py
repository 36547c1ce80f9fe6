"""Queries for the matchmaking pages: the conference, its companies and profiles, the
suggestions and the pairs. Every query takes the viewer: a conference is visible to whoever
may read its trip (planner.organisations.scope); otherwise it does not exist (None / [])."""

from __future__ import annotations

from collections import defaultdict
from typing import Any
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.engine import Connection, RowMapping

from planner.matchmaking import nace
from planner.matchmaking.parts import from_data
from planner.matchmaking.suggest import MatchProfile, suggest
from planner.organisations import scope
from planner.organisations.access import Viewer
from planner.readmodel import matchmaking_tables as mt
from planner.readmodel.keys import from_db, loads, opt_uid, uid
from planner.readmodel.queries_base import QueryBase, record_id
from planner.readmodel.rows_matchmaking import (
    CompanyRow,
    ConferenceRow,
    PairRow,
    Sector,
    SuggestionRow,
)


def conference_row(r: RowMapping) -> ConferenceRow:
    return ConferenceRow(
        id=uid(r["id"]), trip_id=uid(r["trip_id"]), meeting_id=opt_uid(r["meeting_id"] or None),
        title=r["title"], venue=r["venue"], city=r["city"], timezone=r["timezone"],
        side_a=r["side_a"], side_b=r["side_b"], status=r["status"],
        fingerprint=r["fingerprint"], solver=r["solver"],
        proposed_at=from_db(r["proposed_at"]) if r["proposed_at"] else None,
        published_at=from_db(r["published_at"]) if r["published_at"] else None,
        version=r["version"])


class MatchmakingQueries(QueryBase):
    def _conference(self, conn: Connection, viewer: Viewer,
                    matchmaking_id: UUID | str) -> ConferenceRow | None:
        key = record_id("matchmaking_id", matchmaking_id)
        query = select(mt.conferences).where(mt.conferences.c.id == key)
        clause = scope.trips_clause(viewer, mt.conferences.c.trip_id)
        if clause is not None:
            query = query.where(clause)
        row = conn.execute(query).mappings().first()
        return None if row is None else conference_row(row)

    def matchmaking(self, viewer: Viewer, matchmaking_id: UUID | str) -> ConferenceRow | None:
        """The conference, or None when there is none or the viewer may not read its trip."""
        with self._connect() as conn:
            return self._conference(conn, viewer, matchmaking_id)

    def matchmakings_of_trip(self, viewer: Viewer, trip_id: UUID | str) -> list[ConferenceRow]:
        key = record_id("trip_id", trip_id)
        c = mt.conferences
        query = select(c).where(c.c.trip_id == key).order_by(c.c.created_seq)
        clause = scope.trips_clause(viewer, c.c.trip_id)
        if clause is not None:
            query = query.where(clause)
        with self._connect() as conn:
            return [conference_row(r) for r in conn.execute(query).mappings()]

    # -- companies ------------------------------------------------------------------------
    def _companies(self, conn: Connection, conference_id: str) -> list[CompanyRow]:
        c, p = mt.companies, mt.profiles
        query = (select(c, p.c.offers, p.c.requests, p.c.sectors, p.c.languages, p.c.interests,
                        p.c.changed_at)
                 .outerjoin(p, (p.c.conference_id == c.c.conference_id)
                            & (p.c.profile_id == c.c.profile_id))
                 .where(c.c.conference_id == conference_id))
        rows = conn.execute(query).mappings().all()
        names = self._names(conn, (p for r in rows for p in loads(r["people"])))
        found = [CompanyRow(
            profile_id=uid(r["profile_id"]), side=r["side"], name=r["name"],
            people=tuple((uid(p), names.get(p, "")) for p in loads(r["people"])),
            offers=loads(r["offers"] or ""), requests=loads(r["requests"] or ""),
            sectors=tuple(Sector(s, nace.name(s)) for s in loads(r["sectors"] or "")),
            languages=loads(r["languages"] or ""), interests=loads(r["interests"] or ""),
            has_profile=r["changed_at"] is not None) for r in rows]
        return sorted(found, key=lambda f: (f.side, f.name.casefold(), str(f.profile_id)))

    def matchmaking_companies(self, viewer: Viewer,
                              matchmaking_id: UUID | str) -> list[CompanyRow]:
        """Both sides' companies (side a first), each with its matchmaking profile."""
        with self._connect() as conn:
            conference = self._conference(conn, viewer, matchmaking_id)
            return [] if conference is None else self._companies(conn, str(conference.id))

    def _preferences(self, conn: Connection,
                     conference_id: str) -> dict[tuple[str, str], dict[str, str]]:
        p = mt.preferences
        found: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
        for r in conn.execute(select(p).where(p.c.conference_id == conference_id)).mappings():
            found[r["a_id"], r["b_id"]][r["set_by"]] = r["level"]
        return found

    def matchmaking_suggestions(self, viewer: Viewer, matchmaking_id: UUID | str, *,
                                include_excluded: bool = False,
                                limit: int | None = None) -> list[SuggestionRow]:
        """Every cross-delegation pair with something in its favour, best first, with its
        score, explanation and the organiser's decision so far."""
        with self._connect() as conn:
            conference = self._conference(conn, viewer, matchmaking_id)
            if conference is None:
                return []
            key = str(conference.id)
            companies = self._companies(conn, key)
            preferences = self._preferences(conn, key)
            decisions = {(r["a_id"], r["b_id"]): r["decision"] for r in conn.execute(
                select(mt.pairs).where(mt.pairs.c.conference_id == key)).mappings()}
        profiles = [MatchProfile(str(c.profile_id), c.side, c.name,
                                 tuple(s.code for s in c.sectors), c.offers, c.requests,
                                 c.languages, c.interests) for c in companies]
        names = {str(c.profile_id): c.name for c in companies}
        found = suggest(profiles, preferences, include_excluded=include_excluded)
        return [SuggestionRow(
            a_id=uid(s.a), b_id=uid(s.b), a_name=names[s.a], b_name=names[s.b], score=s.score,
            explanation=s.explanation(), parts=s.parts, must=s.must, excluded=s.excluded,
            decision=decisions.get((s.a, s.b), "")) for s in found[:limit]]

    def matchmaking_pairs(self, viewer: Viewer, matchmaking_id: UUID | str) -> list[PairRow]:
        """Pairs the organiser decided on or someone set a preference for: accepted first,
        then by score."""
        with self._connect() as conn:
            conference = self._conference(conn, viewer, matchmaking_id)
            if conference is None:
                return []
            key = str(conference.id)
            names = {r[0]: r[1] for r in conn.execute(
                select(mt.companies.c.profile_id, mt.companies.c.name)
                .where(mt.companies.c.conference_id == key))}
            preferences = self._preferences(conn, key)
            decided = {(r["a_id"], r["b_id"]): r for r in conn.execute(
                select(mt.pairs).where(mt.pairs.c.conference_id == key)).mappings()}
            meetings = {(r[0], r[1]): r[2] for r in conn.execute(
                select(mt.meetings.c.a_id, mt.meetings.c.b_id, mt.meetings.c.meeting_id)
                .where(mt.meetings.c.conference_id == key))}
        rows = []
        for a_id, b_id in sorted(set(decided) | set(preferences)):
            d: Any = decided.get((a_id, b_id)) or {}
            rows.append(PairRow(
                a_id=uid(a_id), b_id=uid(b_id), a_name=names.get(a_id, ""),
                b_name=names.get(b_id, ""), decision=d.get("decision", ""),
                origin=d.get("origin", ""), score=d.get("score", 0),
                explanation=d.get("explanation", ""),
                parts=from_data(loads(d.get("explanation_parts") or "")),
                preferences=tuple(sorted(preferences.get((a_id, b_id), {}).items())),
                meeting_id=opt_uid(meetings.get((a_id, b_id)))))
        order = {"accepted": 0, "": 1, "rejected": 2}
        return sorted(rows, key=lambda r: (order[r.decision], -r.score, r.a_name.casefold(),
                                           r.b_name.casefold()))
