"""The audit tables, in the same database as the events.

audit_chain     one link per stored event position (the keyed hash chain), written in the
                transaction that stores the event
audit_follower  bookkeeping rows: "index" (the version of the index rules; a change re-indexes
                the log at start-up) and "key" (the chain key's fingerprint, so that a process
                with another instance folder's key is refused); "chain" in databases of
                earlier releases, no longer used
audit_log       an index of the whole log for the log browser: who did what to which record,
                when and why. Derived from the events like any read model, in the same
                transaction; rebuilt on import; `planner log verify` checks every row.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

metadata = MetaData()

_ID = BigInteger().with_variant(Integer(), "sqlite")

audit_chain = Table(
    "audit_chain", metadata,
    Column("position", _ID, primary_key=True, autoincrement=False),
    Column("link", String(64), nullable=False),
)

audit_follower = Table(
    "audit_follower", metadata,
    Column("name", String(32), primary_key=True),
    Column("position", _ID, nullable=False),
    Column("link", String(64), nullable=False),
)

audit_log = Table(
    "audit_log", metadata,
    Column("position", _ID, primary_key=True, autoincrement=False),
    Column("record_id", String(36), nullable=False),
    Column("record_kind", String(40), nullable=False),
    Column("record_version", Integer, nullable=False),
    Column("event_type", String(80), nullable=False),
    Column("actor", String(320), nullable=False),
    Column("occurred_at", DateTime(timezone=False), nullable=False),
    Column("reason", Text, nullable=False),
    Column("label", Text, nullable=False),
    Column("parent_id", String(36), nullable=False),
    Index("audit_log_record", "record_id", "record_version"),
    Index("audit_log_actor", "actor"),
    Index("audit_log_time", "occurred_at"),
    Index("audit_log_type", "event_type"),
    Index("audit_log_parent", "parent_id"),
)


def create_tables(engine: Engine) -> None:
    """Create the audit tables if missing; tolerate another process creating them at once."""
    try:
        metadata.create_all(engine, checkfirst=True)
    except SQLAlchemyError:
        metadata.create_all(engine, checkfirst=True)
