"""What every handler shares: the row columns that record an aggregate's version and changes."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any
from uuid import UUID

from sqlalchemy import Table

from planner.readmodel.handlers.batch import Batch
from planner.readmodel.keys import to_db

Handler = Callable[[Batch, Any, int], None]


def key(event: Any) -> str:
    """The aggregate id of an event, as stored in the tables."""
    if event is _last[0]:  # a handler asks several times for the event it handles
        return _last[1]
    found = text(event.originator_id)
    _last[:] = [event, found]
    return found


_last: list[Any] = [None, ""]


@lru_cache(maxsize=4096)  # str(UUID) is slow, and a batch names each aggregate many times
def text(value: UUID) -> str:
    """A UUID as the tables keep it."""
    return str(value)


def created(event: Any, seq: int) -> dict[str, Any]:
    """Columns of a new aggregate row, from its first event."""
    at = to_db(event.timestamp)
    return dict(id=key(event), version=event.originator_version, created_seq=seq, created_at=at,
                last_changed_by=event.actor, last_changed_at=at, last_reason=event.reason)


def touch(b: Batch, table: Table, event: Any, **values: Any) -> dict[str, Any] | None:
    """Update an aggregate row: the given columns plus its version and last change."""
    return b.update(table, (key(event),), dict(
        version=event.originator_version, last_changed_by=event.actor,
        last_changed_at=to_db(event.timestamp), last_reason=event.reason, **values))


def touching(table: Table) -> Handler:
    """A handler for events that change nothing the read model shows but the version."""

    def handle(b: Batch, event: Any, seq: int) -> None:
        touch(b, table, event)

    return handle
