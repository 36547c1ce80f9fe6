"""Warnings (planner.readmodel.conflicts), found again whenever a plan they depend on
changes, and each trip's span of planned meetings they are looked for in.

Part of the read-model tables; import them from planner.readmodel.tables."""

from __future__ import annotations

from sqlalchemy import Column, DateTime, Index, Integer, String, Table, Text

from planner.readmodel.table_columns import ID, _id, _text, metadata

warnings = Table(
    "rm_warnings", metadata,  # kept per trip: a clash between two trips is on both
    # Its key: the kind and the meetings it names (other_id: the second one, or "").
    _id("trip_id", True), Column("kind", String(32), primary_key=True),
    _id("meeting_id", True), Column("other_id", String(ID), primary_key=True, default=""),
    Column("params", Text, nullable=False),  # JSON: what its sentence says (warning_text)
    Column("meeting_ids", Text, nullable=False), Column("person_ids", Text, nullable=False),
    Column("first_at", DateTime, nullable=False),  # start of the first meeting it names
    # Travel time: minutes between the two meetings, and their cities.
    Column("minutes", Integer, nullable=True), _text("city_from"), _text("city_to"),
    Index("rm_warnings_meeting", "meeting_id"),  # a meeting's clashes, on every trip
)

plan_spans = Table(
    "rm_plan_spans", metadata,  # a trip's meetings that are not cancelled: first start, last end
    _id("trip_id", True), Column("first_at", DateTime, nullable=False),
    Column("last_at", DateTime, nullable=False),
    Index("rm_plan_spans_last", "last_at"),  # later plans: few while a log is replayed
)
