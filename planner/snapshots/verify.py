"""Checking every stored snapshot against a replay of the record's events.

Each record's events are read once, oldest first; at every version that has a snapshot the
replayed state is compared with the snapshot's. A snapshot whose state differs from the events
is tampered with (or broken) and reported. One whose state is true but whose seal does not
match was sealed under another key (a process with another instance folder) or lost its seal:
harmless, it is counted, and the next load re-derives and re-seals it. Nothing is changed here.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from itertools import groupby
from typing import Any
from uuid import UUID

from eventsourcing.domain import Snapshot

from planner.snapshots.seal import SealedRow


@dataclass(frozen=True)
class SnapshotProblem:
    record_id: UUID
    version: int
    kind: str  # "meeting", "company profile"... as the events say ("record" if they cannot)
    what: str

    def __str__(self) -> str:
        return f"snapshot of {self.kind} {self.record_id} at version {self.version}: {self.what}"


def _kind(aggregate: Any) -> str:
    if aggregate is None:
        return "record"
    return re.sub(r"(?<!^)(?=[A-Z])", " ", type(aggregate).__name__).lower()


@dataclass(frozen=True)
class SnapshotReport:
    checked: int
    tampered: tuple[SnapshotProblem, ...]
    unsealed: int  # true state, but no seal or one under another key

    @property
    def ok(self) -> bool:
        return not self.tampered


def verify_snapshots(planner: Any) -> SnapshotReport:
    """Every stored snapshot re-derived from the events (nothing to check in memory)."""
    seal = getattr(planner.app.repository, "seal", None)
    if seal is None:
        return SnapshotReport(0, (), 0)
    problems: list[SnapshotProblem] = []
    rows = sorted(seal.every(), key=lambda r: (str(r.stored.originator_id),
                                               r.stored.originator_version))
    for record_id, group in groupby(rows, key=lambda r: r.stored.originator_id):
        problems.extend(_check_record(planner.app, record_id, list(group)))
    bad = {(p.record_id, p.version) for p in problems}
    unsealed = sum(1 for row in rows if not seal.is_intact(row) and (
        row.stored.originator_id, row.stored.originator_version) not in bad)
    return SnapshotReport(len(rows), tuple(problems), unsealed)


def _check_record(app: Any, record_id: UUID, rows: list[SealedRow]) -> list[SnapshotProblem]:
    encode = app.mapper.transcoder.encode
    found = []
    aggregate: Any = None
    events = iter(app.events.get(record_id))
    for row in rows:
        stored = row.stored
        problem = ""
        while aggregate is None or aggregate.version < stored.originator_version:
            event = next(events, None)
            if event is None:
                break
            aggregate = event.mutate(aggregate)
        if aggregate is None or aggregate.version != stored.originator_version:
            problem = problem or "the record has no event at this version"
        else:
            take = getattr(type(aggregate), "Snapshot", Snapshot).take
            replayed = take(aggregate)
            try:
                kept = app.snapshots.mapper.to_domain_event(stored)
                # Compared as loading reads it: a snapshot taken by an older release (an
                # older class_version) is upcast first, as the repository does, and the
                # fields an upcaster adds come last, so the order of keys does not count.
                upcast = take(kept.mutate(None))
                same = (kept.topic == replayed.topic
                        and json.loads(encode(upcast.state))
                        == json.loads(encode(replayed.state)))
            except Exception:  # noqa: BLE001 - an undecodable snapshot is a broken one
                same = False
            if not same:
                problem = "its state differs from the events"
        if problem:
            found.append(SnapshotProblem(record_id, stored.originator_version,
                                         _kind(aggregate), problem))
    return found
