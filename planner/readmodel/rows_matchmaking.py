"""What the matchmaking queries return: plain frozen dataclasses. Profile and person ids are
UUIDs; slot, table and block ids strings (parts of the record). Instants are aware UTC
datetimes; `local_*` in the conference's zone."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from planner.matchmaking.parts import Part


@dataclass(frozen=True)
class ConferenceRow:
    id: UUID
    trip_id: UUID
    meeting_id: UUID | None
    title: str
    venue: str
    city: str
    timezone: str
    side_a: str
    side_b: str
    status: str  # open, proposed, published
    fingerprint: str
    solver: str
    proposed_at: datetime | None
    published_at: datetime | None
    version: int


@dataclass(frozen=True)
class Sector:
    code: str
    name: str  # English NACE name: translate with gettext


@dataclass(frozen=True)
class CompanyRow:
    profile_id: UUID
    side: str
    name: str
    people: tuple[tuple[UUID, str], ...]  # (person id, name)
    offers: tuple[str, ...]
    requests: tuple[str, ...]
    sectors: tuple[Sector, ...]
    languages: tuple[str, ...]
    interests: tuple[str, ...]
    has_profile: bool


@dataclass(frozen=True)
class SuggestionRow:
    a_id: UUID
    b_id: UUID
    a_name: str
    b_name: str
    score: int
    explanation: str  # English; `parts` to translate piece by piece
    parts: tuple[Part, ...]
    must: bool
    excluded: bool  # someone is not interested
    decision: str  # '', accepted, rejected


@dataclass(frozen=True)
class PairRow:
    a_id: UUID
    b_id: UUID
    a_name: str
    b_name: str
    decision: str  # accepted, rejected, '' (only preferences so far)
    origin: str  # suggested, added
    score: int
    explanation: str  # English, as accepted; `parts` to translate
    parts: tuple[Part, ...]
    preferences: tuple[tuple[str, str], ...]  # (set_by, level)
    meeting_id: UUID | None


@dataclass(frozen=True)
class SlotRow:
    slot_id: str
    starts_at: datetime
    ends_at: datetime
    local_start: datetime
    local_end: datetime


@dataclass(frozen=True)
class TableRow:
    table_id: str
    name: str
    seats: int


@dataclass(frozen=True)
class Cell:
    slot_id: str
    table_id: str
    a_id: UUID
    b_id: UUID
    a_name: str
    b_name: str
    interpreter_id: UUID | None
    interpreter_name: str
    meeting_id: UUID | None


@dataclass(frozen=True)
class BlockRow:
    block_id: str
    label: str
    local_start: datetime
    local_end: datetime
    profile_id: UUID | None
    table_id: str


@dataclass(frozen=True)
class InterpreterRow:
    person_id: UUID
    name: str
    language_pairs: tuple[str, ...]
    available: tuple[tuple[datetime, datetime], ...]  # local; none: all the time


@dataclass(frozen=True)
class ScheduleGrid:
    conference: ConferenceRow
    slots: tuple[SlotRow, ...]
    tables: tuple[TableRow, ...]
    cells: tuple[Cell, ...]
    blocks: tuple[BlockRow, ...]
    interpreters: tuple[InterpreterRow, ...]

    def cell(self, slot_id: str, table_id: str) -> Cell | None:
        return next((c for c in self.cells if c.slot_id == slot_id and c.table_id == table_id),
                    None)


@dataclass(frozen=True)
class UnplacedRow:
    a_id: UUID
    b_id: UUID
    a_name: str
    b_name: str
    reason: str  # English; `parts` to translate
    parts: tuple[Part, ...]


@dataclass(frozen=True)
class Rating:
    side: str
    rating: int
    next_step: str
    comment: str


@dataclass(frozen=True)
class OutcomeRow:
    a_id: UUID
    b_id: UUID
    a_name: str
    b_name: str
    meeting_id: UUID
    meeting_status: str
    local_start: datetime
    ratings: tuple[Rating, ...]
    stage: str
    agreement_id: UUID | None
    stage_note: str


@dataclass(frozen=True)
class ConferenceReport:
    conference: ConferenceRow
    published: int
    held: int  # published, not cancelled, ended by `now`
    cancelled: int
    rated: int  # meetings with at least one rating
    average_rating: float | None
    ratings_by_side: tuple[tuple[str, float], ...]  # (side, average)
    next_steps: tuple[tuple[str, int], ...]
    stages: tuple[tuple[str, int], ...]
    agreements: int  # pairs whose second stage reached a cooperation agreement
