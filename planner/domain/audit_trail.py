"""AuditTrail: what an auditor (or organiser) looked at, exported and verified, in the log itself.

One trail per actor, with an id derived from the actor's name, so recording a viewing needs no
look-up. Viewing, exporting and verifying change no planning record; they are events so that
"who looked at what, who took a copy of the log, and when was it last checked" is answered by
the same tamper-evident log as everything else.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from uuid import NAMESPACE_URL, UUID, uuid5

from planner.domain import values as v
from planner.domain.base import PlannerAggregate

_MANY = 10**15


def audit_trail_id(actor: str) -> UUID:
    """The trail of one actor (an account e-mail or a job name such as 'cli:alice')."""
    return uuid5(NAMESPACE_URL, f"delegation-planner:audit-trail:{actor.strip().lower()}")


class AuditTrail(PlannerAggregate):
    class Started(PlannerAggregate.Created):
        owner: str

    def __init__(self, actor: str, reason: str, owner: str) -> None:
        self.owner = owner
        self.viewings = 0
        self.exports = 0
        self.verifications = 0

    @classmethod
    def start(cls, *, actor: str, at: datetime | None = None) -> AuditTrail:
        owner = v.text("actor", actor)
        return cls._start(cls.Started, owner, at, id=audit_trail_id(owner), owner=owner)

    class Viewed(PlannerAggregate.Event):
        what: str

        def apply(self, trail: AuditTrail) -> None:
            trail.viewings += 1
            trail.last_viewed = self.what
            trail.last_viewed_at = self.timestamp

    def viewed_lately(self, what: str, now: datetime, window: timedelta) -> bool:
        """Whether the last thing viewed was `what`, less than `window` before `now` (a
        reload or a second tab is not a new viewing). Trails from before this was kept (and
        their snapshots) have no last viewing: the next one is recorded."""
        at = getattr(self, "last_viewed_at", None)
        return (getattr(self, "last_viewed", None) == what and isinstance(at, datetime)
                and timedelta(0) <= now - at < window)

    def viewed(self, *, what: str, at: datetime | None = None) -> None:
        self._emit(self.Viewed, self.owner, at, what=v.text("what", what, max_len=500))

    class Exported(PlannerAggregate.Event):
        file: str
        head: str
        count: int

        def apply(self, trail: AuditTrail) -> None:
            trail.exports += 1

    def exported(self, *, file: str, head: str, count: int, at: datetime | None = None) -> None:
        self._emit(self.Exported, self.owner, at, file=v.text("file", file, max_len=1000),
                   head=v.text("head", head, required=False),
                   count=v.whole_number("count", count, low=0, high=_MANY))

    class Verified(PlannerAggregate.Event):
        """`source` is 'database' or the file checked; `first_bad` is 0 when intact."""

        source: str
        head: str
        ok: bool
        first_bad: int
        detail: str

        def apply(self, trail: AuditTrail) -> None:
            trail.verifications += 1

    def verified(self, *, source: str, head: str, ok: bool, first_bad: int, detail: str,
                 at: datetime | None = None) -> None:
        self._emit(self.Verified, self.owner, at, source=v.text("source", source, max_len=1000),
                   head=v.text("head", head, required=False), ok=bool(ok),
                   first_bad=v.whole_number("first_bad", first_bad, low=0, high=_MANY),
                   detail=v.text("detail", detail, max_len=1000, required=False))
