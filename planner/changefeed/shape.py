"""What an event or a record looks like as JSON: plain values only, never a secret.

The fields shown are those of the history pages (planner.audit.history): everything the event
or record holds except secrets: those planner.audit.readable lists (password, feed-token and
API token hashes and their references) and, so that a record kind added later cannot leak
one before someone lists it, every field named like one (`..._hash`, `..._ref`).

Personal data sealed in the log reaches this module already opened by the application's
mapper, or as the erased placeholder once the person's key is deleted
(planner.privacy.sealing): the feed never reads the stored bytes itself.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from enum import Enum
from typing import Any
from uuid import UUID

from planner.audit.readable import SECRET_FIELDS

EVENT_ATTRIBUTES = frozenset({"originator_id", "originator_version", "timestamp", "actor",
                              "reason"})
"""Shown as the change's own keys, not among its fields."""


def is_secret(name: str) -> bool:
    return name in SECRET_FIELDS or name.endswith(("_hash", "_ref"))


def instant(value: datetime) -> str:
    """An instant as ISO 8601 in UTC with its offset ('2025-06-02T08:00:00+00:00'); the zone
    a record's times belong to is a field of its own (`timezone`, `home_timezone`)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC).isoformat()


def plain(value: Any) -> Any:
    """A value as JSON can hold it: instants and dates as ISO 8601, ids as text."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, datetime):
        return instant(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, Enum):
        return plain(value.value)
    if isinstance(value, dict):
        return {str(plain(k)): plain(v) for k, v in value.items()
                if not is_secret(str(k))}
    if isinstance(value, list | tuple | set | frozenset):
        items = [plain(v) for v in value]
        return sorted(items, key=str) if isinstance(value, set | frozenset) else items
    return str(value)


def fields_of(values: dict[str, Any], leave_out: frozenset[str] = frozenset()) -> dict[str, Any]:
    """An event's or a record's fields, without secrets (and without `leave_out`)."""
    return {k: plain(v) for k, v in values.items()
            if not k.startswith("_") and not is_secret(k) and k not in leave_out}


@dataclass(frozen=True)
class Change:
    """One event of the log as the feed and a record's history show it."""

    position: int  # in the whole log: resume the feed after it
    recorded_at: datetime  # the event's time (UTC)
    record_type: str  # 'trip', 'meeting', 'company profile', ... (planner.audit.follower.KINDS)
    record_id: str
    record_version: int  # the record's version after this event
    trip_id: str | None  # the trip a meeting or agreement belongs to
    event_type: str  # 'Meeting.Moved'
    actor: str
    reason: str
    fields: dict[str, Any]

    def as_json(self) -> dict[str, Any]:
        return {"position": self.position, "recorded_at": instant(self.recorded_at),
                "record_type": self.record_type, "record_id": self.record_id,
                "record_version": self.record_version, "trip_id": self.trip_id,
                "event_type": self.event_type, "actor": self.actor, "reason": self.reason,
                "fields": self.fields}
