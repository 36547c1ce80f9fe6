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
from uuid import UUID

from sqlalchemy import Column, DateTime, MetaData, String, Table, Text, delete, insert, select
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
        key = str(person_id)
        instant = at.astimezone(UTC).replace(tzinfo=None)
        with self.engine.begin() as conn:
            conn.execute(delete(fetches).where(fetches.c.person_id == key))
            conn.execute(insert(fetches).values(person_id=key, fetched_at=instant,
                                                client=client_kind(user_agent)))

    def last(self, person_ids: Iterable[UUID | str]) -> dict[UUID, Fetch]:
        keys = sorted({str(p) for p in person_ids})
        if not keys:
            return {}
        with self.engine.connect() as conn:
            rows = conn.execute(select(fetches).where(fetches.c.person_id.in_(keys))).all()
        return {UUID(r.person_id): Fetch(UUID(r.person_id), r.fetched_at.replace(tzinfo=UTC),
                                         r.client) for r in rows}
