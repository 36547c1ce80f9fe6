"""`planner log verify` on the database: the keyed chain, every stored column, the log index.

One pass in log order over three things stored per position: the event, its chain link and
its index row. At the first position where they disagree it stops and says how:

forged   an event without a link (appended outside the planner, e.g. with SQL), or with a
         link made without the chain key (someone imitating the chain);
broken   a linked event that no longer matches its link (changed, swapped, renumbered), a
         link without its event (deleted), an index row that does not say what its event says
         (or is missing, or has no event);
unkeyed  a chain written before chains were keyed: `planner log rekey` moves it over.

With a noted head the pass still starts at the first event: a noted head only adds that its
link must still be at its position, so edits before it are found as well as edits after.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Engine

from planner.audit.chain import (
    BATCH,
    GENESIS,
    Head,
    StoredRow,
    Verdict,
    iter_events,
    iter_links,
    keyed_link,
    next_link,
)
from planner.audit.follower import KEY_MISMATCH, key_fingerprint, stored_fingerprint
from planner.audit.index import Decode, Known, difference, index_row
from planner.audit.tables import audit_log

FORGED, BROKEN, UNKEYED, WRONG_KEY = "forged", "broken", "unkeyed", "key"
_END = 1 << 62


class _Stop(Exception):
    def __init__(self, position: int, kind: str, what: str) -> None:
        super().__init__(what)
        self.position, self.kind, self.what = position, kind, what


def verify_database(planner: Any, *, from_head: Head | None = None,
                    progress: Callable[[int], None] | None = None,
                    accept_unkeyed: bool = False) -> Verdict:
    """Check every stored event against its link and its index row (see the module doc).

    `accept_unkeyed` (for `rekey`) lets unkeyed links pass as long as no keyed link came
    before them: the chain an earlier release wrote, continued by this one."""
    engine: Engine = planner.engine
    stored = stored_fingerprint(engine)
    if stored is not None and stored != key_fingerprint(planner.chain_key):
        return Verdict(False, Head(0, ""), 0, 0, f"cannot verify: {KEY_MISMATCH}", WRONG_KEY)
    checked, previous, last = 0, GENESIS, 0
    head_seen = from_head is None or from_head.position == 0
    known: Known = {}
    keyed_seen = False
    try:
        for position, event, link, indexed in _positions(engine, planner.events_table):
            if event is None:
                what = ("the chain has a link here but the stored event is missing (deleted "
                        "or renumbered)") if link else ("the log index has a row here but "
                                                    "there is no stored event")
                raise _Stop(position, BROKEN, what)
            if link is None:
                raise _Stop(position, FORGED, "a stored event without a chain link: it was "
                                              "appended outside the planner (e.g. with SQL)")
            if link != keyed_link(planner.chain_key, previous, event):
                if link != next_link(previous, event):
                    raise _Stop(position, BROKEN, "the stored event does not match its link "
                                                  "(changed, or events swapped or renumbered)")
                if keyed_seen:
                    raise _Stop(position, FORGED, "the link was made without the chain key "
                                                  "(someone imitated the chain)")
                if not accept_unkeyed:
                    raise _Stop(position, UNKEYED, "the chain was made without a key (by a "
                                "release before keyed chains, or forged): check it with "
                                "'planner log rekey --from-head HEAD' against a noted head")
            else:
                keyed_seen = True
            _check_index(position, event, indexed, known, planner.app.mapper.transcoder.decode)
            if from_head is not None and position == from_head.position:
                head_seen = True
                if not from_head.matches(position, link):
                    raise _Stop(position, BROKEN, f"the noted head {from_head} is no longer in "
                                f"the chain (the link here is now {link}): history was "
                                "rewritten at or before this position")
            previous, last, checked = link, position, checked + 1
            if progress and checked % BATCH == 0:
                progress(checked)
    except _Stop as stop:
        return _verdict(stop.position, checked, stop.kind, stop.what)
    if not head_seen:
        assert from_head is not None
        where = ("beyond the end of the chain" if from_head.position > last
                 else "no longer in the chain (no event at its position)")
        return _verdict(from_head.position, checked, BROKEN,
                        f"the noted head {from_head} is {where}")
    return Verdict(True, Head(last, previous), checked)


def _check_index(position: int, event: StoredRow, indexed: Any, known: Known,
                 decode: Decode) -> None:
    expected = index_row(event, known, decode)
    if indexed is None:
        raise _Stop(position, BROKEN, "the log index (audit_log) has no row for this event")
    problem = difference(indexed, expected)
    if problem:
        raise _Stop(position, BROKEN, f"the log index (audit_log) was changed: {problem}")


def _verdict(position: int, checked: int, kind: str, what: str) -> Verdict:
    return Verdict(False, Head(position, ""), checked, position,
                   f"position {position}: {kind}: {what}", kind)


def _positions(engine: Engine, events: Any) -> Iterator[tuple[int, StoredRow | None,
                                                             str | None, Any]]:
    """(position, event, link, index row) for every position any of the three has."""
    streams: list[Iterator[tuple[int, Any]]] = [
        ((e.position, e) for e in iter_events(engine, events, 0, _END)),
        iter_links(engine, 0, _END),
        _iter_index(engine)]
    current = [next(s, None) for s in streams]
    while any(c is not None for c in current):
        position = min(c[0] for c in current if c is not None)
        found: list[Any] = [None, None, None]
        for n, item in enumerate(current):
            if item is not None and item[0] == position:
                found[n] = item[1]
                current[n] = next(streams[n], None)
        yield position, found[0], found[1], found[2]


def _iter_index(engine: Engine) -> Iterator[tuple[int, Any]]:
    after = 0
    while True:
        with engine.connect() as conn:
            rows = conn.execute(select(audit_log).where(audit_log.c.position > after)
                                .order_by(audit_log.c.position).limit(BATCH)).all()
        if not rows:
            return
        for row in rows:
            yield int(row.position), row
        after = rows[-1].position


def rekey(planner: Any, *, from_head: Head | None = None) -> Verdict:
    """Move a chain written before keyed chains over to the key: check it whole (unkeyed
    links, possibly continued by keyed ones, and against a noted head if given), then link
    every event afresh with the key. Nothing changes unless the check passes."""
    verdict = verify_database(planner, from_head=from_head, accept_unkeyed=True)
    if verdict.ok:
        planner.audit_follower.rechain()
        verdict = verify_database(planner)
    return verdict
