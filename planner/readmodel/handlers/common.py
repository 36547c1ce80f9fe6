"""What every handler shares: the row columns that record an aggregate's version and changes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import Table
from sqlalchemy.engine import Connection

from planner.readmodel.keys import to_db

Handler = Callable[[Connection, Any, int], None]


def key(event: Any) -> str:
    """The aggregate id of an event, as stored in the tables."""
    return str(event.originator_id)


def created(event: Any, seq: int) -> dict[str, Any]:
    """Columns of a new aggregate row, from its first event."""
    at = to_db(event.timestamp)
    return dict(id=key(event), version=event.originator_version, created_seq=seq, created_at=at,
                last_changed_by=event.actor, last_changed_at=at, last_reason=event.reason)


def touch(conn: Connection, table: Table, event: Any, **values: Any) -> None:
    """Update an aggregate row: the given columns plus its version and last change."""
    conn.execute(table.update().where(table.c.id == key(event)).values(
        version=event.originator_version, last_changed_by=event.actor,
        last_changed_at=to_db(event.timestamp), last_reason=event.reason, **values))


def touching(table: Table) -> Handler:
    """A handler for events that change nothing the read model shows but the version."""

    def handle(conn: Connection, event: Any, seq: int) -> None:
        touch(conn, table, event)

    return handle
