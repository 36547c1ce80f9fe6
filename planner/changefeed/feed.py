"""The change feed: the events an account may see, in log order, after a position.

A position is the event's place in the whole log (the library's notification id, the audit
index's `position`). The events come from the audit index (planner.audit.tables.audit_log)
filtered by the audit visibility rule (planner.audit.visibility.visible_clause: the same rule
as the log browser and the history pages, today's sharing), and their fields from the stored
events, decoded by the application's mapper so that sealed personal data reads as the log
allows (opened, or the erased placeholder).

Resuming is stable: positions are handed out and committed in order (the recorder holds the
events table's lock until the command commits; SQLite has one writer), so once a reader has
seen position N, no event at or below N can appear later. A page that is not full therefore
resumes after the log's head as read in the same snapshot, and a reader that sees no event
does not scan the same invisible stretch again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from eventsourcing.persistence import StoredEvent
from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from planner.audit import visibility
from planner.audit.tables import audit_log
from planner.changefeed.shape import EVENT_ATTRIBUTES, Change, fields_of
from planner.domain.errors import InvariantError, ValidationError
from planner.organisations.access import Viewer
from planner.readmodel.queries_base import read_snapshot
from planner.readmodel.queries_base import record_id as stored_id

DEFAULT_LIMIT = 50
MAX_LIMIT = 200


@dataclass(frozen=True)
class ChangePage:
    changes: tuple[Change, ...]
    after: int  # the position asked for
    next_after: int  # where to resume: ask again with after=next_after
    more: bool  # the page was full: more events may follow at once

    def as_json(self) -> dict[str, Any]:
        return {"changes": [c.as_json() for c in self.changes], "after": self.after,
                "next_after": self.next_after, "more": self.more}


def position(field: str, value: object) -> int:
    """A log position from text or a number: a whole number from 0, or a clear error."""
    text = str(value).strip() if value is not None else ""
    if isinstance(value, bool) or not text.isascii() or not text.isdigit() or len(text) > 18:
        raise ValidationError(field, "must be a log position, a whole number from 0; "
                                     "got %(value)r", value=str(value)[:40])
    return int(text)


def page_length(field: str, value: object) -> int:
    """How many changes a page holds: 1 to MAX_LIMIT."""
    text = str(value).strip() if value is not None else ""
    if isinstance(value, bool) or not text.isascii() or not text.isdigit() or len(text) > 6 \
            or not 1 <= int(text) <= MAX_LIMIT:
        raise ValidationError(field, "must be a whole number from 1 to %(max_limit)s; "
                                     "got %(value)r", max_limit=MAX_LIMIT, value=str(value)[:40])
    return int(text)


def changes(planner: Any, viewer: Viewer, *, after: int = 0, limit: int = DEFAULT_LIMIT,
            record_id: str | None = None) -> ChangePage:
    """The events `viewer` may see after position `after`, oldest first, at most `limit`
    (only those of one record with `record_id`: its history)."""
    after, limit = position("after", after), page_length("limit", limit)
    if planner.engine is None:
        raise InvariantError("database", "the change feed needs a SQL database "
                                         "(it is not available on in-memory storage)")
    c = audit_log.c
    query = select(audit_log).where(c.position > after)
    visible = visibility.visible_clause(viewer)
    if visible is not None:
        query = query.where(visible)
    if record_id is not None:
        query = query.where(c.record_id == stored_id("record_id", record_id))
    with read_snapshot(planner.engine) as conn:
        rows = conn.execute(query.order_by(c.position).limit(limit + 1)).all()
        head = int(conn.execute(select(func.max(c.position))).scalar() or 0)
        more = len(rows) > limit
        rows = rows[:limit]
        fields = _fields(planner, conn, rows)
    found = tuple(Change(
        position=int(r.position), recorded_at=r.occurred_at, record_type=r.record_kind,
        record_id=r.record_id, record_version=int(r.record_version),
        trip_id=r.parent_id or None, event_type=r.event_type, actor=r.actor, reason=r.reason,
        fields=fields.get(int(r.position), {})) for r in rows)
    resume = found[-1].position if more else max(after, head)
    return ChangePage(found, after, resume, more)


def _fields(planner: Any, conn: Connection, rows: Sequence[Any]) -> dict[int, dict[str, Any]]:
    """Each row's event fields, decoded as the application reads them."""
    if not rows:
        return {}
    events = planner.events_table
    stored = conn.execute(select(events.c.id, events.c.originator_id,
                                 events.c.originator_version, events.c.topic, events.c.state)
                          .where(events.c.id.in_([r.position for r in rows]))).all()
    found = {}
    for row in stored:
        state = row.state.encode("utf-8") if isinstance(row.state, str) else bytes(row.state)
        try:
            event = planner.app.mapper.to_domain_event(StoredEvent(
                originator_id=row.originator_id, originator_version=row.originator_version,
                topic=row.topic, state=state))
        except Exception:  # noqa: BLE001 - an event of a class this release lacks: no fields
            continue
        found[int(row.id)] = fields_of(vars(event), EVENT_ATTRIBUTES)
    return found
