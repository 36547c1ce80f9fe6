"""Recording audit activity in the log: viewings, exports, verifications; the last check.

Each actor has one AuditTrail; the first activity starts it in the same save. Recording
commutes with everything else, so a concurrent save of the same trail is simply retried.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from eventsourcing.application import AggregateNotFoundError
from eventsourcing.persistence import RecordConflictError
from sqlalchemy import select

from planner.audit.chain import Verdict
from planner.audit.tables import audit_log
from planner.domain.audit_trail import AuditTrail, audit_trail_id
from planner.domain.errors import ConflictError

RETRIES = 10
REPEAT_WINDOW = timedelta(minutes=1)
VERIFIED = f"{AuditTrail.Verified.__module__}:{AuditTrail.Verified.__qualname__}"


@dataclass(frozen=True)
class LastVerification:
    actor: str
    at: datetime  # UTC
    source: str
    ok: bool
    head: str
    detail: str


def _record(app: Any, actor: str,
            change: Callable[[AuditTrail, datetime | None], bool | None]) -> None:
    """Apply `change` to the actor's trail and save; a change returning False saves nothing."""
    uid = audit_trail_id(actor)
    for tries in range(RETRIES):
        stamp = app.clock() if app.clock else None
        try:
            trail = app.repository.get(uid)
        except AggregateNotFoundError:
            trail = AuditTrail.start(actor=actor, at=stamp)
        if change(trail, app.clock() if app.clock else None) is False:
            return
        try:
            app.save(trail)
            return
        except RecordConflictError:
            time.sleep(random.uniform(0.005, 0.02) * 2 ** min(tries, 5))
    raise ConflictError("audit trail", uid, None, -1)


def record_viewed(app: Any, actor: str, what: str) -> None:
    """Record that `actor` looked at an audit screen or history ('history of meeting X').

    The same page viewed again within REPEAT_WINDOW (a reload, paging, a second tab) is one
    viewing, not several: it is not recorded again.
    """
    def change(trail: AuditTrail, at: datetime | None) -> bool:
        if trail.viewed_lately(what, (at or datetime.now(UTC)).astimezone(UTC), REPEAT_WINDOW):
            return False
        trail.viewed(what=what, at=at)
        return True

    _record(app, actor, change)


def record_exported(app: Any, actor: str, file: str, head: str, count: int) -> None:
    _record(app, actor, lambda trail, at: trail.exported(file=file, head=head, count=count,
                                                         at=at))


def record_verified(app: Any, actor: str, source: str, verdict: Verdict) -> None:
    head = str(verdict.head) if verdict.ok else ""
    _record(app, actor, lambda trail, at: trail.verified(
        source=source, head=head, ok=verdict.ok, first_bad=verdict.first_bad,
        detail=verdict.problem, at=at))


def last_verification(planner: Any) -> LastVerification | None:
    """The latest recorded verification of the log, from the log itself."""
    app = planner.app
    if planner.engine is not None:
        with planner.engine.connect() as conn:
            position = conn.execute(select(audit_log.c.position)
                                    .where(audit_log.c.event_type == "AuditTrail.Verified")
                                    .order_by(audit_log.c.position.desc()).limit(1)).scalar()
        if position is None:
            return None
        found = app.recorder.select_notifications(start=position, limit=1)
    else:
        found = app.recorder.select_notifications(start=None, limit=10**9, topics=[VERIFIED])[-1:]
    if not found:
        return None
    event = app.mapper.to_domain_event(found[-1])
    return LastVerification(event.actor, event.timestamp.astimezone(UTC), event.source,
                            event.ok, event.head, event.detail)
