"""The projector's dispatch table: one handler per event class, keyed by the class itself.

A guard test walks every aggregate under `planner.domain` and fails when an event class is
neither in HANDLERS nor in IGNORED, so a new event cannot be silently missed.
"""

from __future__ import annotations

from planner.domain.audit_trail import AuditTrail
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

__all__ = ["HANDLERS", "IGNORED", "Handler"]
