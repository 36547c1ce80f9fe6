"""One record's history and its state at a past moment, for a viewer.

Who may open which record is the audit pages' rule (web.audit, planner.audit.visibility):
participants open none (refused), organisers and administrators the kinds they read, auditors
every kind; then a record the viewer's organisation may not see is answered as if it did not
exist. The history is the change feed of that one record, in the same shape.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from enum import Enum
from typing import Any
from uuid import UUID

from planner.audit import asof, logquery, visibility
from planner.changefeed.feed import DEFAULT_LIMIT, ChangePage, changes
from planner.changefeed.shape import fields_of, instant
from planner.domain.errors import ValidationError
from planner.i18n.words import N_
from planner.organisations.access import Viewer

MAX_MOMENT = 40  # characters: '2025-06-02T10:00:00.000000+02:00' and a little room


class Reach(Enum):
    """Whether a viewer may open a record's history and past states."""

    READ = "read"
    REFUSED = "refused"  # by role: 403
    MISSING = "missing"  # no such record of that kind, or one the viewer may not see: 404


def reach(planner: Any, viewer: Viewer, kind: str, record_id: object) -> Reach:
    """`kind` as the audit index names it ('trip', 'meeting', 'company profile', ...)."""
    kinds = visibility.history_kinds(viewer)
    if kinds == frozenset() or (kinds is not None and kind not in kinds):
        return Reach.REFUSED
    try:
        uid = str(UUID(str(record_id)))
    except ValueError:
        return Reach.MISSING
    if logquery.kind_of(planner.engine, uid) != kind:
        return Reach.MISSING
    if not logquery.is_visible(planner.engine, visibility.visible_clause(viewer),
                               record_id=uid):
        return Reach.MISSING
    return Reach.READ


def history(planner: Any, viewer: Viewer, record_id: str, *, after: int = 0,
            limit: int = DEFAULT_LIMIT) -> ChangePage:
    """The record's events after `after`, oldest first (check `reach` first)."""
    return changes(planner, viewer, after=after, limit=limit, record_id=record_id)


def moment(field: str, text: object) -> datetime:
    """An ISO 8601 date and time with its offset ('2025-06-02T10:00:00+02:00' or '...Z'),
    as UTC; a moment without an offset is refused, since it could mean any zone."""
    raw = str(text or "").strip()
    if not raw or len(raw) > MAX_MOMENT or not raw.isascii():
        raise ValidationError(field, _NOT_A_MOMENT, raw=raw[:MAX_MOMENT])
    try:
        found = datetime.fromisoformat(raw)
    except ValueError:
        raise ValidationError(field, _NOT_A_MOMENT, raw=raw) from None
    if found.tzinfo is None or found.utcoffset() is None:
        raise ValidationError(field, N_("must be an ISO 8601 date and time with an offset, e.g. "
                                        "2025-06-02T10:00:00+02:00; got %(raw)r (no offset)"),
                              raw=raw)
    try:
        return found.astimezone(UTC)
    except OverflowError:
        raise ValidationError(field, "is too far in the past or future; got %(raw)r",
                              raw=raw) from None


_NOT_A_MOMENT = N_("must be an ISO 8601 date and time with an offset, e.g. "
                   "2025-06-02T10:00:00+02:00; got %(raw)r")


@dataclass(frozen=True)
class PastState:
    """A record as it stood at a moment."""

    record_type: str
    record_id: str
    as_of: datetime  # the moment asked for (UTC)
    version: int  # the version it had then
    latest_version: int
    changed_at: datetime  # when that version came about (UTC)
    fields: dict[str, Any]

    def as_json(self) -> dict[str, Any]:
        return {"record_type": self.record_type, "record_id": self.record_id,
                "as_of": instant(self.as_of), "version": self.version,
                "latest_version": self.latest_version, "changed_at": instant(self.changed_at),
                "fields": self.fields}


def as_of(planner: Any, record_id: str, at: datetime) -> PastState:
    """The record at moment `at` (check `reach` first); NotFoundError when it did not exist
    yet."""
    found = asof.record_as_of(planner, record_id, at=at)
    return PastState(found.kind, str(found.record_id), at.astimezone(UTC), found.version,
                     found.latest_version, found.changed_at, fields_of(found.state))
