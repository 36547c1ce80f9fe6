"""Matchmaking events -> the rm_mm_* tables (planner.readmodel.matchmaking_tables).

Rows other than the conference's own are written whole: an event replaces the row it names
(delete by key, insert), so no handler needs to read a row first.
"""

from __future__ import annotations

import json
from typing import Any

from planner.domain.matchmaking import Matchmaking
from planner.readmodel import matchmaking_tables as mt
from planner.readmodel.handlers.batch import Batch
from planner.readmodel.handlers.common import Handler, created, key, touch
from planner.readmodel.keys import to_db

TABLES = {Matchmaking: mt.conferences}


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, default=str)


def _by(e: Any) -> dict[str, Any]:
    return dict(changed_by=e.actor, changed_at=to_db(e.timestamp))


def _pair(e: Any) -> dict[str, str]:
    return dict(conference_id=key(e), a_id=e.a_id, b_id=e.b_id)


def _replace(b: Batch, table: Any, row: dict[str, Any], *pk: str) -> None:
    b.delete(table, **{name: row[name] for name in pk})
    b.insert(table, row)


def _opened(b: Batch, e: Any, seq: int) -> None:
    b.insert(mt.conferences, dict(
        trip_id=e.trip_id, meeting_id=e.meeting_id, title=e.title, venue=e.venue, city=e.city,
        timezone=e.timezone, leg_id=e.leg_id, side_a=e.side_a, side_b=e.side_b, status="open",
        fingerprint="", solver="", proposed_at=None, published_at=None, **created(e, seq)))


def _enrolled(b: Batch, e: Any, seq: int) -> None:
    _replace(b, mt.companies, dict(conference_id=key(e), profile_id=e.profile_id, side=e.side,
                                   name=e.name, people=_json(e.people), seq=seq),
             "conference_id", "profile_id")
    touch(b, mt.conferences, e)


def _withdrawn(b: Batch, e: Any, seq: int) -> None:
    """Like the aggregate: the company's profile, preferences and pairs leave with it."""
    b.delete(mt.companies, conference_id=key(e), profile_id=e.profile_id)
    b.delete(mt.profiles, conference_id=key(e), profile_id=e.profile_id)
    for table in (mt.preferences, mt.pairs):
        b.delete(table, conference_id=key(e), a_id=e.profile_id)
        b.delete(table, conference_id=key(e), b_id=e.profile_id)
    touch(b, mt.conferences, e)


def _profile(b: Batch, e: Any, seq: int) -> None:
    _replace(b, mt.profiles, dict(
        conference_id=key(e), profile_id=e.profile_id, offers=_json(e.offers),
        requests=_json(e.requests), sectors=_json(e.sectors), languages=_json(e.languages),
        interests=_json(e.interests), **_by(e)), "conference_id", "profile_id")
    touch(b, mt.conferences, e)


def _preference(b: Batch, e: Any, seq: int) -> None:
    b.delete(mt.preferences, **_pair(e), set_by=e.set_by)
    if e.level:
        b.insert(mt.preferences, dict(**_pair(e), set_by=e.set_by, level=e.level, **_by(e)))
    touch(b, mt.conferences, e)


def _accepted(b: Batch, e: Any, seq: int) -> None:
    _replace(b, mt.pairs, dict(**_pair(e), decision="accepted", origin=e.origin, score=e.score,
                               explanation=e.explanation,
                               explanation_parts=_json(e.explanation_parts), seq=seq, **_by(e)),
             "conference_id", "a_id", "b_id")
    touch(b, mt.conferences, e)


def _rejected(b: Batch, e: Any, seq: int) -> None:
    _replace(b, mt.pairs, dict(**_pair(e), decision="rejected", origin="suggested", score=0,
                               explanation="", explanation_parts="[]", seq=seq, **_by(e)),
             "conference_id", "a_id", "b_id")
    touch(b, mt.conferences, e)


def _slots(b: Batch, e: Any, seq: int) -> None:
    b.delete(mt.slots, conference_id=key(e))
    b.insert(mt.slots, *(dict(slot_id=s["slot_id"], conference_id=key(e),
                              starts_at=to_db(s["starts_at"]), ends_at=to_db(s["ends_at"]),
                              idx=i) for i, s in enumerate(e.slots)))
    touch(b, mt.conferences, e)


def _table_added(b: Batch, e: Any, seq: int) -> None:
    b.insert(mt.tables, dict(table_id=e.table_id, conference_id=key(e), name=e.name,
                             seats=e.seats, seq=seq))
    touch(b, mt.conferences, e)


def _table_removed(b: Batch, e: Any, seq: int) -> None:
    b.delete(mt.tables, table_id=e.table_id)
    b.delete(mt.blocks, conference_id=key(e), table_id=e.table_id)
    touch(b, mt.conferences, e)


def _blocked(b: Batch, e: Any, seq: int) -> None:
    b.insert(mt.blocks, dict(block_id=e.block_id, conference_id=key(e),
                             starts_at=to_db(e.starts_at), ends_at=to_db(e.ends_at),
                             label=e.label, profile_id=e.profile_id, table_id=e.table_id,
                             seq=seq))
    touch(b, mt.conferences, e)


def _unblocked(b: Batch, e: Any, seq: int) -> None:
    b.delete(mt.blocks, block_id=e.block_id)
    touch(b, mt.conferences, e)


def _interpreter(b: Batch, e: Any, seq: int) -> None:
    _replace(b, mt.interpreters, dict(
        conference_id=key(e), person_id=e.person_id, language_pairs=_json(e.language_pairs),
        available=_json([[to_db(w["starts_at"]), to_db(w["ends_at"])] for w in e.available]),
        seq=seq), "conference_id", "person_id")
    touch(b, mt.conferences, e)


def _interpreter_removed(b: Batch, e: Any, seq: int) -> None:
    b.delete(mt.interpreters, conference_id=key(e), person_id=e.person_id)
    touch(b, mt.conferences, e)


def _proposed(b: Batch, e: Any, seq: int) -> None:
    b.delete(mt.placements, conference_id=key(e))
    rows = [dict(conference_id=key(e), a_id=p["a_id"], b_id=p["b_id"], placed=True,
                 slot_id=p["slot_id"], table_id=p["table_id"],
                 interpreter_id=p["interpreter_id"], reason="", reason_parts="[]")
            for p in e.placements]
    rows += [dict(conference_id=key(e), a_id=u["a_id"], b_id=u["b_id"], placed=False,
                  slot_id="", table_id="", interpreter_id="", reason=u["reason"],
                  reason_parts=_json(u["parts"]))
             for u in e.unplaced]
    b.insert(mt.placements, *(dict(row, idx=i) for i, row in enumerate(rows)))
    touch(b, mt.conferences, e, status="proposed", fingerprint=e.fingerprint, solver=e.solver,
          proposed_at=to_db(e.timestamp))


def _published(b: Batch, e: Any, seq: int) -> None:
    b.insert(mt.meetings, *(dict(conference_id=key(e), a_id=m["a_id"], b_id=m["b_id"],
                                 meeting_id=m["meeting_id"]) for m in e.meetings))
    touch(b, mt.conferences, e, status="published", published_at=to_db(e.timestamp))


def _rated(b: Batch, e: Any, seq: int) -> None:
    _replace(b, mt.ratings, dict(**_pair(e), side=e.side, rating=e.rating,
                                 next_step=e.next_step, comment=e.comment, **_by(e)),
             "conference_id", "a_id", "b_id", "side")
    touch(b, mt.conferences, e)


def _stage(b: Batch, e: Any, seq: int) -> None:
    _replace(b, mt.stages, dict(**_pair(e), state=e.state, agreement_id=e.agreement_id,
                                note=e.note, **_by(e)), "conference_id", "a_id", "b_id")
    touch(b, mt.conferences, e)


M = Matchmaking
HANDLERS: dict[type, Handler] = {
    M.Opened: _opened, M.CompanyEnrolled: _enrolled, M.CompanyWithdrawn: _withdrawn,
    M.ProfileSet: _profile, M.PreferenceSet: _preference, M.PairAccepted: _accepted,
    M.PairRejected: _rejected, M.SlotsDefined: _slots, M.TableAdded: _table_added,
    M.TableRemoved: _table_removed, M.TimeBlocked: _blocked, M.BlockRemoved: _unblocked,
    M.InterpreterAdded: _interpreter, M.InterpreterRemoved: _interpreter_removed,
    M.ScheduleProposed: _proposed, M.Published: _published, M.MeetingRated: _rated,
    M.StageRecorded: _stage,
}
LOADS: dict[type, Any] = {}  # the mixins' events are the aggregate's own (Matchmaking.X)
