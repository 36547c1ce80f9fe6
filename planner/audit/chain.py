"""Tamper evidence: a hash chain over the stored events in log order.

Each link is sha256(previous link + "\\n" + canonical form of one stored event). The canonical
form is compact JSON of [position, originator id, originator version, topic, base64(state)]:
exactly the bytes the database holds, so any changed byte, a deleted or inserted event, or two
events swapped (their payloads, topics or ids) changes that link and every link after it.

The chain proves the log unchanged since it was chained, not who wrote it: someone who can
rewrite the events and recompute every link can rewrite history. That is why the head (the
last position and link) is shown to auditors to note down, and verification can start from
such a noted head: if the noted link is no longer at its position, history was rewritten.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, func, select
from sqlalchemy.engine import Engine

from planner.audit.tables import audit_chain, audit_follower

GENESIS = "0" * 64
FOLLOWER = "chain"
BATCH = 1000
_HEAD = re.compile(r"^\s*(\d+)\s*:\s*([0-9a-fA-F]{16,64})\s*$")


class HeadError(ValueError):
    """A noted head could not be read (the message names the expected form)."""


@dataclass(frozen=True)
class StoredRow:
    """One stored event exactly as the database holds it."""

    position: int
    originator_id: str
    originator_version: int
    topic: str
    state: bytes


@dataclass(frozen=True)
class Head:
    """A position in the log and the chain's link there: what an auditor notes down."""

    position: int
    link: str

    def __str__(self) -> str:
        return f"{self.position}:{self.link}"

    def matches(self, position: int, link: str) -> bool:
        return position == self.position and link.startswith(self.link.lower())


@dataclass(frozen=True)
class Verdict:
    """The outcome of a verification. `first_bad` is a position (database) or line (file)."""

    ok: bool
    head: Head
    checked: int
    first_bad: int = 0
    problem: str = ""

    def summary(self) -> str:
        if self.ok:
            return f"chain intact: {self.checked} events checked, head {self.head}"
        return f"chain BROKEN: {self.problem}"


def parse_head(text: str) -> Head:
    """Read a noted head 'POSITION:LINK' (the link may be shortened to its first 16 digits)."""
    match = _HEAD.match(text or "")
    if not match:
        raise HeadError(f"--from-head: must be POSITION:LINK as printed by 'planner log verify' "
                        f"(e.g. 412:3f9a0c...), with at least 16 hex digits; got {text!r}")
    return Head(int(match.group(1)), match.group(2).lower())


def canonical(row: StoredRow) -> bytes:
    fields = [row.position, str(row.originator_id), row.originator_version, row.topic,
              base64.b64encode(row.state).decode("ascii")]
    return json.dumps(fields, separators=(",", ":"), ensure_ascii=True).encode("ascii")


def next_link(previous: str, row: StoredRow) -> str:
    return hashlib.sha256(previous.encode("ascii") + b"\n" + canonical(row)).hexdigest()


def stored_row(record: Any) -> StoredRow:
    """A StoredRow from a row of the events table (or a library Notification)."""
    state = record.state
    if isinstance(state, str):  # SQLite hands back text if someone stored text there
        state = state.encode("utf-8")
    return StoredRow(int(record.id), str(record.originator_id), int(record.originator_version),
                     str(record.topic), bytes(state))


def iter_events(engine: Engine, events: Table, after: int, upto: int) -> Iterator[StoredRow]:
    """Stored events with after < position <= upto, in order, read in batches."""
    while True:
        with engine.connect() as conn:
            rows = conn.execute(select(events).where(events.c.id > after, events.c.id <= upto)
                                .order_by(events.c.id).limit(BATCH)).all()
        if not rows:
            return
        for row in rows:
            yield stored_row(row)
        after = rows[-1].id


def iter_links(engine: Engine, after: int, upto: int) -> Iterator[tuple[int, str]]:
    while True:
        with engine.connect() as conn:
            rows = conn.execute(select(audit_chain.c.position, audit_chain.c.link)
                                .where(audit_chain.c.position > after,
                                       audit_chain.c.position <= upto)
                                .order_by(audit_chain.c.position).limit(BATCH)).all()
        if not rows:
            return
        for position, link in rows:
            yield int(position), link
        after = rows[-1][0]


def chained_head(engine: Engine) -> Head:
    """The head as far as the follower has chained: the value to show and note down."""
    with engine.connect() as conn:
        row = conn.execute(select(audit_follower.c.position, audit_follower.c.link)
                           .where(audit_follower.c.name == FOLLOWER)).first()
    return Head(int(row[0]), row[1]) if row else Head(0, GENESIS)


def _last_link(engine: Engine) -> int:
    """The last position with a link (beyond the follower's position only if someone moved
    the follower back: those links are checked too)."""
    with engine.connect() as conn:
        return int(conn.execute(select(func.max(audit_chain.c.position))).scalar() or 0)


def _link_before(engine: Engine, position: int) -> tuple[int, str]:
    with engine.connect() as conn:
        row = conn.execute(select(audit_chain.c.position, audit_chain.c.link)
                           .where(audit_chain.c.position < position)
                           .order_by(audit_chain.c.position.desc()).limit(1)).first()
    return (int(row[0]), row[1]) if row else (0, GENESIS)


class ChainBreak(Exception):
    """The chain breaks at `position`: `what` says how."""

    def __init__(self, position: int, what: str) -> None:
        super().__init__(f"position {position}: {what}")
        self.position = position
        self.what = what


def walk(engine: Engine, events: Table, *, after: int, end: int,
         previous: str) -> Iterator[tuple[StoredRow, str]]:
    """The stored events after `after` up to `end`, each with its link, recomputed and checked
    against the stored link; raises ChainBreak at the first position where they disagree."""
    event_rows, link_rows = iter_events(engine, events, after, end), iter_links(engine, after, end)
    event, link = next(event_rows, None), next(link_rows, None)
    while event is not None or link is not None:
        if link is None or (event is not None and event.position < link[0]):
            assert event is not None
            raise ChainBreak(event.position, "a stored event that is not in the chain "
                                             "(inserted)")
        if event is None or link[0] < event.position:
            raise ChainBreak(link[0], "the chain has a link here but the stored event is "
                                      "missing (deleted or renumbered)")
        computed = next_link(previous, event)
        if computed != link[1]:
            raise ChainBreak(event.position, "the stored event does not match its link "
                                             "(changed, inserted or swapped)")
        yield event, computed
        previous = computed
        event, link = next(event_rows, None), next(link_rows, None)


def verify_database(engine: Engine, events: Table, *, from_head: Head | None = None,
                    progress: Callable[[int], None] | None = None) -> Verdict:
    """Recompute the chain from the stored events and compare it with the stored links.

    Covers every position the follower has chained; events written since (a live system)
    are not yet part of the chain and are left for the next verification.
    """
    end = max(chained_head(engine).position, _last_link(engine))
    after, previous = 0, GENESIS
    if from_head is not None and from_head.position:
        if from_head.position > end:
            return _broken(from_head.position, 0, f"the noted head {from_head} is beyond the "
                                                  f"end of the chain (it ends at position {end})")
        after, previous = _link_before(engine, from_head.position)
    checked, head_seen = 0, from_head is None or from_head.position == 0
    try:
        for event, link in walk(engine, events, after=after, end=end, previous=previous):
            if from_head is not None and event.position == from_head.position:
                head_seen = True
                if not from_head.matches(event.position, link):
                    return _broken(event.position, checked, f"the noted head {from_head} is "
                                   f"no longer in the chain (the link here is now {link}): "
                                   "history was rewritten at or before this position")
            previous, checked = link, checked + 1
            if progress and checked % BATCH == 0:
                progress(checked)
    except ChainBreak as broken:
        return _broken(broken.position, checked, broken.what)
    if not head_seen:
        assert from_head is not None
        return _broken(from_head.position, checked, f"the noted head {from_head} is no longer "
                                                    "in the chain (no event at its position)")
    return Verdict(True, Head(end, previous), checked)


def _broken(position: int, checked: int, what: str) -> Verdict:
    return Verdict(False, Head(position, ""), checked, position,
                   f"position {position}: {what}")
