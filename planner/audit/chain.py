"""Tamper evidence: a keyed hash chain over the stored events in log order.

Each link is HMAC-SHA256(chain key, previous link + "\\n" + canonical form of one stored event).
The canonical form is compact JSON of [position, originator id, originator version, topic,
base64(state)]: every column the events table holds, exactly as stored, so any changed byte
(the payload or only the topic), a deleted or inserted event, or two events swapped changes
that link and every link after it.

The link is computed inside the transaction that stores the event (planner.audit.follower's
step, run by planner.storage's recorder), and the key lives in the instance folder
(`chain_key`, generated once like the web session key), not in the database. Someone with
write access to the database alone can therefore neither append an event with a valid link
nor recompute the chain after an edit: an event without a link, or with a link the key does
not give, is "forged"; a linked event that no longer matches its link is "broken". Whoever
also holds the key can still rewrite history, which is why the head (a position and its link)
is shown to auditors to note down, and verification against a noted head re-checks the whole
chain up to and beyond it.

Exported files (planner.audit.exchange) carry the unkeyed link (`next_link`, SHA-256 without a
key), so anyone can check a file offline against the head the export printed; the chain of
databases written before keyed chains is unkeyed too, and `planner log rekey` moves it over.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.engine import Engine

from planner.audit.tables import audit_chain

GENESIS = "0" * 64
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
    kind: str = ""
    """Why not ok: "forged", "broken" or "unkeyed" (planner.audit.verify); "" for a file."""

    def summary(self) -> str:
        if self.ok:
            return f"chain intact: {self.checked} events checked, head {self.head}"
        return f"chain {(self.kind or 'broken').upper()}: {self.problem}"


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
    """The unkeyed link: exported files, and chains written before keyed chains."""
    return hashlib.sha256(previous.encode("ascii") + b"\n" + canonical(row)).hexdigest()


def keyed_link(key: bytes, previous: str, row: StoredRow) -> str:
    """The database chain's link: only the holder of the chain key can compute it."""
    return hmac.new(key, previous.encode("ascii") + b"\n" + canonical(row),
                    hashlib.sha256).hexdigest()


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
    """The last link and its position: the value to show and note down."""
    with engine.connect() as conn:
        row = conn.execute(select(audit_chain.c.position, audit_chain.c.link)
                           .order_by(audit_chain.c.position.desc()).limit(1)).first()
    return Head(int(row[0]), row[1]) if row else Head(0, GENESIS)


class ChainBreak(Exception):
    """The chain breaks at `position`: `what` says how."""

    def __init__(self, position: int, what: str) -> None:
        super().__init__(f"position {position}: {what}")
        self.position = position
        self.what = what


def walk(engine: Engine, events: Table, key: bytes, *, after: int, end: int,
         previous: str) -> Iterator[tuple[StoredRow, str]]:
    """The stored events after `after` up to `end`, each with its link, recomputed and checked
    against the stored link; raises ChainBreak at the first position where they disagree."""
    event_rows, link_rows = iter_events(engine, events, after, end), iter_links(engine, after, end)
    event, link = next(event_rows, None), next(link_rows, None)
    while event is not None or link is not None:
        if link is None or (event is not None and event.position < link[0]):
            assert event is not None
            raise ChainBreak(event.position, "forged: a stored event without a chain link "
                                             "(appended outside the planner)")
        if event is None or link[0] < event.position:
            raise ChainBreak(link[0], "the chain has a link here but the stored event is "
                                      "missing (deleted or renumbered)")
        computed = keyed_link(key, previous, event)
        if computed != link[1]:
            raise ChainBreak(event.position, "the stored event does not match its link "
                                             "(changed, inserted or swapped)")
        yield event, computed
        previous = computed
        event, link = next(event_rows, None), next(link_rows, None)
