"""The outbox's tables: NOT read models (no rm_ prefix), so a rebuild never touches them.

A read model can be dropped and derived again; a mail cannot be unsent. The outbox therefore
keeps its own position (`mail_position`) and its rows are written once, in the transaction
of the command whose events they come from, and never again.
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

metadata = MetaData()

PENDING, SENT, FAILED, UNCONFIRMED = "pending", "sent", "failed", "unconfirmed"
"""A mail's status. `unconfirmed`: the sender stopped while the server was taking the mail,
so it may have arrived; it is never sent again automatically (see planner.mail.sender)."""

position = Table(
    "mail_position", metadata,
    Column("name", String(64), primary_key=True),
    Column("position", BigInteger, nullable=False),
)

outbox = Table(
    "mail_outbox", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("message_id", String(255), nullable=False),
    Column("position", BigInteger, nullable=False),   # the event's place in the log
    Column("event_id", String(80), nullable=False),   # originator id:version
    Column("rule", String(120), nullable=False),
    Column("recipient", Text, nullable=False),
    Column("recipient_name", Text, nullable=False, default=""),
    Column("subject", Text, nullable=False),
    Column("text_body", Text, nullable=False),
    Column("html_body", Text, nullable=False, default=""),
    Column("calendar", Text, nullable=False, default=""),
    Column("calendar_method", String(20), nullable=False, default=""),
    Column("person_id", String(36), nullable=False, default=""),
    Column("meeting_id", String(36), nullable=False, default=""),
    Column("trip_id", String(36), nullable=False, default=""),
    Column("organisation_id", String(36), nullable=False, default=""),
    Column("created_at", DateTime, nullable=False),
    Column("status", String(20), nullable=False),
    Column("attempts", Integer, nullable=False, default=0),
    Column("last_error", Text, nullable=False, default=""),
    Column("next_try_at", DateTime, nullable=True),
    Column("sent_at", DateTime, nullable=True),
    Column("claim", String(36), nullable=False, default=""),
    Column("claimed_until", DateTime, nullable=True),
    Index("mail_outbox_message_id", "message_id", unique=True),
    Index("mail_outbox_due", "status", "next_try_at"),
    Index("mail_outbox_org", "organisation_id", "id"),
    Index("mail_outbox_trip", "trip_id", "id"),
    Index("mail_outbox_person", "person_id", "id"),
)

attempts = Table(
    "mail_attempts", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("mail_id", Integer, nullable=False),
    Column("transport", String(20), nullable=False),
    Column("started_at", DateTime, nullable=False),
    Column("finished_at", DateTime, nullable=True),
    Column("outcome", String(20), nullable=False),  # transferring, accepted, deferred, refused,
    Column("error", Text, nullable=False, default=""),  # unconfirmed, delivered-found
    Index("mail_attempts_mail", "mail_id", "id"),
)


def create_tables(engine: Engine) -> None:
    metadata.create_all(engine, checkfirst=True)
