"""Queries for the matchmaking schedule and what came of it: the grid of slots and tables,
the unplaced pairs with their reasons, the outcomes per one-to-one, and the conference report.
Scoped like planner.readmodel.queries_matchmaking (the conference's trip decides)."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import UTC, datetime
from uuid import UUID
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.engine import Connection

from planner.matchmaking.parts import from_data
from planner.organisations.access import Viewer
from planner.readmodel import matchmaking_tables as mt
from planner.readmodel import tables as t
from planner.readmodel.keys import from_db, loads, opt_uid, uid
from planner.readmodel.queries_matchmaking import MatchmakingQueries
from planner.readmodel.rows_matchmaking import (
    BlockRow,
    Cell,
    ConferenceReport,
    InterpreterRow,
    OutcomeRow,
    Rating,
    ScheduleGrid,
    SlotRow,
    TableRow,
    UnplacedRow,
)


class MatchmakingScheduleQueries(MatchmakingQueries):
    def _company_names(self, conn: Connection, key: str) -> dict[str, str]:
        c = mt.companies
        return dict(conn.execute(select(c.c.profile_id, c.c.name)
                                 .where(c.c.conference_id == key)).tuples().all())

    def matchmaking_grid(self, viewer: Viewer,
                         matchmaking_id: UUID | str) -> ScheduleGrid | None:
        """Slots (rows) by tables (columns), with the provisional or published schedule in
        the cells, the blocked times and the interpreter pool, in local time at the venue."""
        with self._connect() as conn:
            conference = self._conference(conn, viewer, matchmaking_id)
            if conference is None:
                return None
            key, zone = str(conference.id), ZoneInfo(conference.timezone)

            def local(value: datetime) -> datetime:
                return from_db(value).astimezone(zone)

            slots = tuple(SlotRow(r["slot_id"], from_db(r["starts_at"]), from_db(r["ends_at"]),
                                  local(r["starts_at"]), local(r["ends_at"]))
                          for r in conn.execute(select(mt.slots).where(
                              mt.slots.c.conference_id == key).order_by(mt.slots.c.idx))
                          .mappings())
            tables = tuple(TableRow(r["table_id"], r["name"], r["seats"])
                           for r in conn.execute(select(mt.tables).where(
                               mt.tables.c.conference_id == key).order_by(mt.tables.c.seq))
                           .mappings())
            blocks = tuple(BlockRow(r["block_id"], r["label"], local(r["starts_at"]),
                                    local(r["ends_at"]), opt_uid(r["profile_id"]),
                                    r["table_id"])
                           for r in conn.execute(select(mt.blocks).where(
                               mt.blocks.c.conference_id == key).order_by(mt.blocks.c.seq))
                           .mappings())
            pool = conn.execute(select(mt.interpreters).where(
                mt.interpreters.c.conference_id == key).order_by(mt.interpreters.c.seq)
            ).mappings().all()
            placed = conn.execute(select(mt.placements).where(
                mt.placements.c.conference_id == key, mt.placements.c.placed)
                .order_by(mt.placements.c.idx)).mappings().all()
            meetings = {(r[0], r[1]): r[2] for r in conn.execute(
                select(mt.meetings.c.a_id, mt.meetings.c.b_id, mt.meetings.c.meeting_id)
                .where(mt.meetings.c.conference_id == key))}
            names = self._company_names(conn, key)
            people = self._names(conn, [r["person_id"] for r in pool]
                                 + [r["interpreter_id"] for r in placed if r["interpreter_id"]])
        interpreters = tuple(InterpreterRow(
            uid(r["person_id"]), people.get(r["person_id"], ""), loads(r["language_pairs"]),
            tuple((local(datetime.fromisoformat(s)), local(datetime.fromisoformat(e)))
                  for s, e in loads(r["available"]))) for r in pool)
        cells = tuple(Cell(r["slot_id"], r["table_id"], uid(r["a_id"]), uid(r["b_id"]),
                           names.get(r["a_id"], ""), names.get(r["b_id"], ""),
                           opt_uid(r["interpreter_id"]), people.get(r["interpreter_id"], ""),
                           opt_uid(meetings.get((r["a_id"], r["b_id"]))))
                      for r in placed)
        return ScheduleGrid(conference, slots, tables, cells, blocks, interpreters)

    def matchmaking_unplaced(self, viewer: Viewer,
                             matchmaking_id: UUID | str) -> list[UnplacedRow]:
        """The accepted pairs the provisional schedule leaves out, each with its reason."""
        with self._connect() as conn:
            conference = self._conference(conn, viewer, matchmaking_id)
            if conference is None:
                return []
            key = str(conference.id)
            p = mt.placements
            rows = conn.execute(select(p).where(p.c.conference_id == key, ~p.c.placed)
                                .order_by(p.c.idx)).mappings().all()
            names = self._company_names(conn, key)
        return [UnplacedRow(uid(r["a_id"]), uid(r["b_id"]), names.get(r["a_id"], ""),
                            names.get(r["b_id"], ""), r["reason"],
                            from_data(loads(r["reason_parts"]))) for r in rows]

    def matchmaking_outcomes(self, viewer: Viewer,
                             matchmaking_id: UUID | str) -> list[OutcomeRow]:
        """Each published one-to-one with its meeting's status, both sides' ratings and
        next steps, and the second stage, in the order of the meetings."""
        with self._connect() as conn:
            conference = self._conference(conn, viewer, matchmaking_id)
            if conference is None:
                return []
            key, zone = str(conference.id), ZoneInfo(conference.timezone)
            m, rm = mt.meetings, t.meetings
            rows = conn.execute(
                select(m.c.a_id, m.c.b_id, m.c.meeting_id, rm.c.status, rm.c.starts_at)
                .join(rm, rm.c.id == m.c.meeting_id).where(m.c.conference_id == key)
                .order_by(rm.c.starts_at, m.c.a_id, m.c.b_id)).mappings().all()
            ratings: dict[tuple[str, str], list[Rating]] = defaultdict(list)
            for r in conn.execute(select(mt.ratings).where(mt.ratings.c.conference_id == key)
                                  .order_by(mt.ratings.c.side)).mappings():
                ratings[r["a_id"], r["b_id"]].append(Rating(r["side"], r["rating"],
                                                            r["next_step"], r["comment"]))
            stages = {(r["a_id"], r["b_id"]): r for r in conn.execute(
                select(mt.stages).where(mt.stages.c.conference_id == key)).mappings()}
            names = self._company_names(conn, key)
        found = []
        for r in rows:
            pair = (r["a_id"], r["b_id"])
            stage = stages.get(pair)
            found.append(OutcomeRow(
                uid(r["a_id"]), uid(r["b_id"]), names.get(r["a_id"], ""),
                names.get(r["b_id"], ""), uid(r["meeting_id"]), r["status"],
                from_db(r["starts_at"]).astimezone(zone), tuple(ratings.get(pair, ())),
                stage["state"] if stage else "", opt_uid(stage["agreement_id"]) if stage else None,
                stage["note"] if stage else ""))
        return found

    def matchmaking_report(self, viewer: Viewer, matchmaking_id: UUID | str, *,
                           now: datetime | None = None) -> ConferenceReport | None:
        """Meetings published, held (not cancelled and ended by `now`), ratings, next steps,
        second stages and how many led to a cooperation agreement."""
        conference = self.matchmaking(viewer, matchmaking_id)
        if conference is None:
            return None
        moment = (now or datetime.now(UTC)).astimezone(UTC)
        outcomes = self.matchmaking_outcomes(viewer, matchmaking_id)
        with self._connect() as conn:
            ends = dict(conn.execute(select(t.meetings.c.id, t.meetings.c.ends_at).where(
                t.meetings.c.id.in_([str(o.meeting_id) for o in outcomes]))).tuples().all())
        live = [o for o in outcomes if o.meeting_status != "cancelled"]
        held = [o for o in live if from_db(ends[str(o.meeting_id)]) <= moment]
        all_ratings = [r for o in outcomes for r in o.ratings]
        by_side = defaultdict(list)
        for r in all_ratings:
            by_side[r.side].append(r.rating)
        return ConferenceReport(
            conference=conference, published=len(outcomes), held=len(held),
            cancelled=len(outcomes) - len(live), rated=sum(1 for o in outcomes if o.ratings),
            average_rating=(round(sum(r.rating for r in all_ratings) / len(all_ratings), 2)
                            if all_ratings else None),
            ratings_by_side=tuple((side, round(sum(v) / len(v), 2))
                                  for side, v in sorted(by_side.items())),
            next_steps=tuple(sorted(Counter(r.next_step for r in all_ratings).items())),
            stages=tuple(sorted(Counter(o.stage for o in outcomes if o.stage).items())),
            agreements=sum(1 for o in outcomes if o.stage == "cooperation agreement reached"))
