"""What the read-model tables share: the one MetaData they are all defined on, and the
column kinds they use (ids, texts, the version and last change of an aggregate row)."""

from __future__ import annotations

from sqlalchemy import BigInteger, Column, DateTime, Integer, MetaData, String, Text

metadata = MetaData()

ID = 36  # a UUID as text


def _id(name: str, primary_key: bool = False) -> Column[str]:
    return Column(name, String(ID), primary_key=primary_key, nullable=False)


def _text(name: str) -> Column[str]:
    """Free text of any length: folded keys can be longer than the text they come from."""
    return Column(name, Text, nullable=False, default="")


def _changed() -> list[Column[object]]:
    """Version and last change of an aggregate row (from the last event applied to it)."""
    return [
        Column("version", Integer, nullable=False),
        Column("created_seq", BigInteger, nullable=False),
        Column("created_at", DateTime, nullable=False),
        _text("last_changed_by"),
        Column("last_changed_at", DateTime, nullable=False),
        Column("last_reason", Text, nullable=False, default=""),
    ]
