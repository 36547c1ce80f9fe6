"""The read-model tables of matchmaking conferences (rm_mm_*), on the same metadata as the
others (planner.readmodel.tables). A pair is (a_id, b_id): side a's and side b's profile id.
Lists are JSON text; instants naive UTC."""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Column, DateTime, Index, Integer, String, Table, Text

from planner.readmodel.table_columns import ID, _changed, _id, _text, metadata


def _pair() -> list[Column[str]]:
    return [_id("conference_id", True), _id("a_id", True), _id("b_id", True)]


def _by() -> list[Column[object]]:
    return [_text("changed_by"), Column("changed_at", DateTime, nullable=False)]


conferences = Table(
    "rm_mm_conferences", metadata,
    _id("id", True), _id("trip_id"), _text("meeting_id"), _text("title"), _text("venue"),
    _text("city"), _text("timezone"), _text("leg_id"), _text("side_a"), _text("side_b"),
    _text("status"),  # open, proposed, published
    _text("fingerprint"), _text("solver"),
    Column("proposed_at", DateTime, nullable=True), Column("published_at", DateTime, nullable=True),
    *_changed(),
    Index("rm_mm_conferences_trip", "trip_id"),
)

companies = Table(
    "rm_mm_companies", metadata,
    _id("conference_id", True), _id("profile_id", True), Column("side", String(1), nullable=False),
    _text("name"), Column("people", Text, nullable=False),
    Column("seq", BigInteger, nullable=False),
)

profiles = Table(
    "rm_mm_profiles", metadata,
    _id("conference_id", True), _id("profile_id", True),
    Column("offers", Text, nullable=False), Column("requests", Text, nullable=False),
    Column("sectors", Text, nullable=False), Column("languages", Text, nullable=False),
    Column("interests", Text, nullable=False), *_by(),
)

preferences = Table(
    "rm_mm_preferences", metadata,
    *_pair(), Column("set_by", String(16), primary_key=True), _text("level"), *_by(),
)

pairs = Table(
    "rm_mm_pairs", metadata,
    *_pair(), _text("decision"), _text("origin"), Column("score", Integer, nullable=False),
    Column("explanation", Text, nullable=False), Column("explanation_parts", Text, nullable=False),
    *_by(), Column("seq", BigInteger, nullable=False),
)

slots = Table(
    "rm_mm_slots", metadata,
    _id("slot_id", True), _id("conference_id"), Column("starts_at", DateTime, nullable=False),
    Column("ends_at", DateTime, nullable=False), Column("idx", Integer, nullable=False),
    Index("rm_mm_slots_conference", "conference_id"),
)

tables = Table(
    "rm_mm_tables", metadata,
    _id("table_id", True), _id("conference_id"), _text("name"),
    Column("seats", Integer, nullable=False), Column("seq", BigInteger, nullable=False),
    Index("rm_mm_tables_conference", "conference_id"),
)

blocks = Table(
    "rm_mm_blocks", metadata,
    _id("block_id", True), _id("conference_id"), Column("starts_at", DateTime, nullable=False),
    Column("ends_at", DateTime, nullable=False), _text("label"), _text("profile_id"),
    _text("table_id"), Column("seq", BigInteger, nullable=False),
    Index("rm_mm_blocks_conference", "conference_id"),
)

interpreters = Table(
    "rm_mm_interpreters", metadata,
    _id("conference_id", True), _id("person_id", True),
    Column("language_pairs", Text, nullable=False), Column("available", Text, nullable=False),
    Column("seq", BigInteger, nullable=False),
)

placements = Table(
    "rm_mm_placements", metadata,  # the provisional schedule: placed pairs and unplaced ones
    *_pair(), Column("placed", Boolean, nullable=False), _text("slot_id"), _text("table_id"),
    _text("interpreter_id"), Column("reason", Text, nullable=False),
    Column("reason_parts", Text, nullable=False),
    Column("idx", Integer, nullable=False),
)

meetings = Table(
    "rm_mm_meetings", metadata,  # the published one-to-ones
    *_pair(), Column("meeting_id", String(ID), nullable=False),
    Index("rm_mm_meetings_meeting", "meeting_id"),
)

ratings = Table(
    "rm_mm_ratings", metadata,
    *_pair(), Column("side", String(1), primary_key=True),
    Column("rating", Integer, nullable=False),
    _text("next_step"), Column("comment", Text, nullable=False), *_by(),
)

stages = Table(
    "rm_mm_stages", metadata,
    *_pair(), _text("state"), _text("agreement_id"), Column("note", Text, nullable=False), *_by(),
)
