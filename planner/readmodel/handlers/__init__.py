"""The projector's dispatch table: one handler per event class, keyed by the class itself.

A guard test walks every aggregate under `planner.domain` and fails when an event class is
neither in HANDLERS nor in IGNORED, so a new event cannot be silently missed.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from sqlalchemy.engine import Connection

from planner.domain.audit_trail import AuditTrail
from planner.readmodel import odd_ids
from planner.readmodel.handlers import agreements, meetings, people, profiles, trips
from planner.readmodel.handlers.common import Handler

HANDLERS: dict[type, Handler] = {
    **trips.HANDLERS,
    **meetings.HANDLERS,
    **profiles.HANDLERS,
    **agreements.HANDLERS,
    **people.HANDLERS,
}

# Event classes the read models deliberately do not show (name each with the reason).
IGNORED: frozenset[type] = frozenset({
    # Who viewed, exported or verified the log: planner.audit keeps its own tables for that.
    AuditTrail.Started, AuditTrail.Viewed, AuditTrail.Exported, AuditTrail.Verified,
})

log = logging.getLogger(__name__)
_warned: set[type] = set()


def apply_batch(conn: Connection, items: Sequence[tuple[int, Any]]) -> None:
    """Apply decoded events, each with its log position, in log order, inside the caller's
    transaction. The one entry point of the read models: a command's own save and a
    catch-up or rebuild both come through here."""
    for position, event in items:
        handler = HANDLERS.get(type(event))
        if handler is not None:
            handler(conn, odd_ids.checked(event), position)
        elif type(event) not in IGNORED and type(event) not in _warned:
            _warned.add(type(event))
            log.warning("read models: no handler for %s; its events are skipped",
                        type(event).__qualname__)


__all__ = ["HANDLERS", "IGNORED", "Handler", "apply_batch"]
