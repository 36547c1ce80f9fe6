"""The scheduling problem as plain values, and its fingerprint.

The fingerprint is a SHA-256 of the problem in a canonical form: the same input gives the same
fingerprint on every machine, so a proposed schedule can be told apart from one made for input
that has changed since (slots, tables, pairs, interpreters...).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any


@dataclass(frozen=True)
class Company:
    id: str
    side: str  # 'a' or 'b'
    name: str = ""
    people: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()

    @property
    def seats(self) -> int:
        """A company without named representatives still sends someone."""
        return max(1, len(self.people))


@dataclass(frozen=True)
class Pair:
    a: str
    b: str
    score: int = 0
    must: bool = False


@dataclass(frozen=True)
class Slot:
    id: str
    starts_at: datetime
    ends_at: datetime


@dataclass(frozen=True)
class Table:
    id: str
    seats: int
    name: str = ""


@dataclass(frozen=True)
class Block:
    """A blocked time: for everyone, or only for one company or one table."""

    starts_at: datetime
    ends_at: datetime
    company: str = ""
    table: str = ""
    label: str = ""


@dataclass(frozen=True)
class Interpreter:
    id: str  # a person id
    language_pairs: tuple[str, ...]  # 'de-zh' (codes in alphabetical order)
    available: tuple[tuple[datetime, datetime], ...] = ()  # none: all the time


@dataclass(frozen=True)
class Problem:
    companies: tuple[Company, ...]
    pairs: tuple[Pair, ...]
    slots: tuple[Slot, ...]
    tables: tuple[Table, ...]
    blocks: tuple[Block, ...] = ()
    interpreters: tuple[Interpreter, ...] = ()


@dataclass(frozen=True)
class Placement:
    a: str
    b: str
    slot: str
    table: str
    interpreter: str = ""


@dataclass(frozen=True)
class Unplaced:
    a: str
    b: str
    reason: str  # English; `parts` to translate (planner.matchmaking.parts)
    parts: tuple[Any, ...] = ()


@dataclass(frozen=True)
class Result:
    placements: tuple[Placement, ...]
    unplaced: tuple[Unplaced, ...]
    status: str  # the solver's: OPTIMAL, FEASIBLE, ...
    solver: str = field(default="")


def overlaps(start: datetime, end: datetime, other_start: datetime, other_end: datetime) -> bool:
    return start < other_end and other_start < end


def blocked(problem: Problem, slot: Slot, company: str = "", table: str = "") -> bool:
    """Whether a blocked time takes the slot from everyone, or from this company or table."""
    for block in problem.blocks:
        if not overlaps(block.starts_at, block.ends_at, slot.starts_at, slot.ends_at):
            continue
        if not block.company and not block.table:
            return True
        if (company and block.company == company) or (table and block.table == table):
            return True
    return False


def covers(windows: tuple[tuple[datetime, datetime], ...], slot: Slot) -> bool:
    """Available throughout the slot (no windows: always available)."""
    return not windows or any(s <= slot.starts_at and slot.ends_at <= e for s, e in windows)


def interpretable(pair: str, first: tuple[str, ...], second: tuple[str, ...]) -> bool:
    """Whether an interpreter for `pair` ('de-zh') bridges the two companies' languages."""
    x, _, y = pair.partition("-")
    return (x in first and y in second) or (y in first and x in second)


def fingerprint(problem: Problem) -> str:
    """The SHA-256 (hex) of the problem's canonical JSON (order-independent where order
    means nothing)."""
    data = asdict(problem)
    for key in ("companies", "pairs", "slots", "tables", "blocks", "interpreters"):
        data[key] = sorted(data[key], key=lambda item: json.dumps(item, sort_keys=True,
                                                                   default=str))
    text = json.dumps(data, sort_keys=True, default=_iso, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()


def _iso(value: object) -> str:
    return value.isoformat() if isinstance(value, datetime) else str(value)
