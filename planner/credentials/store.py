"""The credential store: events name a secret by a random reference, the store holds it.

Why: the log is exported, imported and shown to auditors, and its hash chain covers every
stored event, so a secret inside an event could never be removed from an export without
breaking the chain. Instead an event records *that* a password or a feed address was set,
with a reference (a random id, no secret), and the hash itself goes into this table. An
export therefore carries no secret, and a database imported from one has events whose
references point nowhere: those accounts need a password reset, those people a new feed link.

The secret is written before the event is saved. If the save fails (a concurrent edit), the
row is never referenced and stays unused; an event never names a reference that is missing
(except after an import, on purpose).
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Protocol

from sqlalchemy import Column, DateTime, Index, MetaData, Table, Text, insert, select
from sqlalchemy.engine import Engine

PASSWORD, FEED, API_TOKEN = "password", "feed", "api_token"

metadata = MetaData()
secrets_table = Table(
    "credential_secrets", metadata,
    Column("ref", Text, primary_key=True),
    Column("kind", Text, nullable=False),
    Column("secret", Text, nullable=False),
    Column("stored_at", DateTime, nullable=False),
    Index("credential_secrets_lookup", "kind", "secret"),
)


class Credentials(Protocol):
    def put(self, kind: str, secret: str) -> str: ...

    def get(self, kind: str, ref: str) -> str | None: ...

    def find(self, kind: str, secret: str) -> str | None: ...


def new_ref() -> str:
    return uuid.uuid4().hex


class MemoryCredentials:
    """For in-memory storage (domain and application tests): the same rules in a dict."""

    def __init__(self) -> None:
        self._rows: dict[str, tuple[str, str]] = {}

    def put(self, kind: str, secret: str) -> str:
        ref = new_ref()
        self._rows[ref] = (kind, secret)
        return ref

    def get(self, kind: str, ref: str) -> str | None:
        row = self._rows.get(ref)
        return row[1] if row and row[0] == kind else None

    def find(self, kind: str, secret: str) -> str | None:
        return next((ref for ref, row in self._rows.items() if row == (kind, secret)), None)


class SqlCredentials:
    """The table beside the events, in the same database (and so in the same backups)."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        metadata.create_all(engine, checkfirst=True)

    def put(self, kind: str, secret: str) -> str:
        ref = new_ref()
        with self.engine.begin() as conn:
            conn.execute(insert(secrets_table).values(
                ref=ref, kind=kind, secret=secret,
                stored_at=datetime.now(UTC).replace(tzinfo=None)))
        return ref

    def get(self, kind: str, ref: str) -> str | None:
        if not ref:
            return None
        with self.engine.connect() as conn:
            return conn.execute(select(secrets_table.c.secret).where(
                secrets_table.c.ref == ref, secrets_table.c.kind == kind)).scalar()

    def find(self, kind: str, secret: str) -> str | None:
        if not secret:
            return None
        with self.engine.connect() as conn:
            return conn.execute(select(secrets_table.c.ref).where(
                secrets_table.c.kind == kind, secrets_table.c.secret == secret)).scalar()
