"""The last fetch of each personal feed: a small table beside the log, not events.

Why not events: a subscribed client fetches every hour or so, for every member, for months;
as events that would be most of the log, none of it a decision about a record, and the audit
trail would record people's phones polling. Only the last fetch per person is useful ("has
their calendar been fetched since the change?"), so one row per person is overwritten. No
address is stored, and of the User-Agent only the product name (planner.feedwatch.clients).
A read-model rebuild does not touch this table (it is not derived from the log).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from sqlalchemy import Column, DateTime, MetaData, String, Table, Text, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine

from planner.feedwatch.clients import client_kind

metadata = MetaData()
fetches = Table(
    "feed_fetches", metadata,
    Column("person_id", String(36), primary_key=True),
    Column("fetched_at", DateTime, nullable=False),  # naive UTC
    Column("client", Text, nullable=False),  # a name from planner.feedwatch.clients
)


@dataclass(frozen=True)
class Fetch:
    person_id: UUID
    fetched_at: datetime  # aware UTC
    client: str


class FeedFetches:
    """Records feed fetches and tells when each person's feed was last fetched."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        metadata.create_all(engine, checkfirst=True)

    def record(self, person_id: UUID | str, user_agent: str | None, at: datetime) -> None:
        """This person's feed was served (200 or 304) now, to a client with this User-Agent."""
        values = {"person_id": str(person_id), "client": client_kind(user_agent),
                  "fetched_at": at.astimezone(UTC).replace(tzinfo=None)}
        with self.engine.begin() as conn:
            conn.execute(_upsert(conn.dialect.name, values))

    def last(self, person_ids: Iterable[UUID | str]) -> dict[UUID, Fetch]:
        keys = sorted({str(p) for p in person_ids})
        if not keys:
            return {}
        with self.engine.connect() as conn:
            rows = conn.execute(select(fetches).where(fetches.c.person_id.in_(keys))).all()
        return {UUID(r.person_id): Fetch(UUID(r.person_id), r.fetched_at.replace(tzinfo=UTC),
                                         r.client) for r in rows}


def _upsert(dialect: str, values: dict[str, object]) -> Any:
    """One statement that inserts the row or overwrites it: two fetches of one feed at once
    (several web workers) must not both insert (a DELETE then INSERT raced to a duplicate key
    on PostgreSQL). SQLite and PostgreSQL both have INSERT ... ON CONFLICT DO UPDATE."""
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = insert(fetches).values(**values)
    return statement.on_conflict_do_update(
        index_elements=[fetches.c.person_id],
        set_={"fetched_at": statement.excluded.fetched_at, "client": statement.excluded.client})
