"""One record's history: every event in order with actor, time, reason, and before/after.

Before and after come from replaying the record's own events, so they show exactly what the
record looked like on either side of each event, whatever the event class is.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from copy import deepcopy
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

from planner.audit.follower import kind_name
from planner.audit.labels import say
from planner.audit.logquery import label_of, positions_of
from planner.audit.readable import (
    HIDDEN_FIELDS,
    SECRET_FIELDS,
    Names,
    describe,
    describe_item,
    item_key,
    summary,
    words,
)
from planner.commands.base import as_uuid
from planner.domain.errors import NotFoundError, Translate
from planner.domain.organisation import DEFAULT_ORGANISATION_ID


@dataclass(frozen=True)
class Change:
    """One field an event changed. For lists, `added` and `removed` name the entries."""

    field: str
    before: str
    after: str
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()
    changed: tuple[str, ...] = ()  # entries that stayed but changed: "Jining: departs on: ..."

    def lines(self) -> list[str]:
        if self.added or self.removed or self.changed:
            return ([f"{self.field}: + {a}" for a in self.added]
                    + [f"{self.field}: ~ {c}" for c in self.changed]
                    + [f"{self.field}: - {r}" for r in self.removed])
        if self.before == "—":
            return [f"{self.field}: {self.after}"]
        return [f"{self.field}: {self.before} -> {self.after}"]


@dataclass(frozen=True)
class HistoryEntry:
    version: int
    position: int | None  # in the whole log (None on in-memory storage)
    event_type: str  # e.g. "Moved"
    what: str  # e.g. "moved"
    actor: str
    at_utc: datetime
    at_local: datetime
    zone: str
    reason: str
    changes: tuple[Change, ...]


@dataclass(frozen=True)
class RecordHistory:
    record_id: UUID
    kind: str
    label: str
    entries: tuple[HistoryEntry, ...]
    trip_id: str | None = None  # the trip the record belongs to (a trip: itself)


def state_of(aggregate: Any) -> dict[str, Any]:
    """The record's fields (a deep copy, so replaying further cannot change it)."""
    if aggregate is None:
        return {}
    return {k: deepcopy(v) for k, v in vars(aggregate).items()
            if not k.startswith("_") and k not in HIDDEN_FIELDS}


def record_zone(state: dict[str, Any], default: str) -> str:
    """Local time of a record: a meeting's venue, else the trip's or person's home zone."""
    return str(state.get("timezone") or state.get("home_timezone") or default)


def label_of_record(aggregate: Any) -> str | None:
    """What names a record: its name, title or (an audit trail) owner."""
    return next((str(getattr(aggregate, f)) for f in ("name", "title", "owner")
                 if getattr(aggregate, f, None)), None)


def names_for(planner: Any, *, with_ids: bool = True) -> Names:
    """Show ids as names ("Michael Körner (d4df...)", or just the name without `with_ids`):
    from the log index on SQL, from the records themselves in memory."""
    engine = planner.engine

    @lru_cache(maxsize=1024)
    def label(record_id: str) -> str | None:
        if record_id == DEFAULT_ORGANISATION_ID and planner.queries is not None:
            found = planner.queries.organisation(record_id)  # named before its record exists
            return found.name if found else None
        if engine is not None:
            return label_of(engine, record_id)
        try:
            aggregate = planner.app.repository.get(UUID(record_id))
        except Exception:  # noqa: BLE001 - not a record id: show the id itself
            return None
        return label_of_record(aggregate)

    def name(record_id: str) -> str | None:
        found = label(record_id)
        return f"{found} ({record_id})" if found and with_ids else found

    return name


def with_legs(names: Names, planner: Any, trip_id: str) -> Names:
    """`names`, and the legs the trip ever had ("Jining, China") by their leg ids."""
    legs: dict[str, str] = {}
    try:
        trip_events = list(planner.app.events.get(UUID(str(trip_id))))
    except ValueError:
        return names
    trip: Any = None
    for event in trip_events:
        trip = event.mutate(trip)
        for leg in getattr(trip, "legs", None) or []:
            if isinstance(leg, dict) and leg.get("leg_id"):
                legs[str(leg["leg_id"])] = ", ".join(
                    str(leg[k]) for k in ("city", "country") if leg.get(k))
    return lambda value: legs.get(value) or names(value)


def diff(before: dict[str, Any], after: dict[str, Any], *, zone: str,
         names: Names, tr: Translate | None = None) -> tuple[Change, ...]:
    changes = []
    for field in [*after, *(k for k in before if k not in after)]:
        old, new = before.get(field), after.get(field)
        if old == new or (old is None and new in ("", [], {}, None)):
            continue
        label = say(tr, words(field.removesuffix("_id") if field.endswith("_id") else field))
        if field in SECRET_FIELDS:
            changes.append(Change(label, say(tr, "(secret)"), say(tr, "(secret, changed)")))
            continue
        if isinstance(old, list | type(None)) and isinstance(new, list) and (old or new):
            old_keys = {item_key(i): i for i in old or []}
            new_keys = {item_key(i): i for i in new}
            added = [i for k, i in new_keys.items() if k not in old_keys]
            removed = [i for k, i in old_keys.items() if k not in new_keys]
            changed = [_item_change(old_keys[k], i, zone, names, tr)
                       for k, i in new_keys.items() if k in old_keys and old_keys[k] != i]
            changes.append(Change(label, describe(old, zone=zone, names=names, tr=tr),
                                  describe(new, zone=zone, names=names, tr=tr),
                                  tuple(_one(i, zone, names, tr) for i in added),
                                  tuple(_one(i, zone, names, tr) for i in removed),
                                  tuple(changed)))
            continue
        changes.append(Change(label, describe(old, zone=zone, names=names, tr=tr),
                              describe(new, zone=zone, names=names, tr=tr)))
    return tuple(changes)


def _item_change(old: Any, new: Any, zone: str, names: Names,
                 tr: Translate | None = None) -> str:
    """'Jining: departs on: 2019-06-29 -> 2019-06-30' for an entry kept under the same id."""
    if not (isinstance(old, dict) and isinstance(new, dict)):
        return f"{_one(old, zone, names, tr)} -> {_one(new, zone, names, tr)}"
    title = next((str(v) for k, v in new.items() if isinstance(v, str) and v
                  and not k.endswith("_id")), "")
    title = title if len(title) <= 60 else title[:57] + "..."
    parts = [f"{say(tr, words(k))}: {describe(old.get(k), zone=zone, names=names, tr=tr)} -> "
             f"{describe(new.get(k), zone=zone, names=names, tr=tr)}"
             for k in [*new, *(k for k in old if k not in new)] if old.get(k) != new.get(k)]
    return f"{title}: {'; '.join(parts)}" if title else "; ".join(parts)


def _one(item: Any, zone: str, names: Names, tr: Translate | None = None) -> str:
    if isinstance(item, dict):
        return describe_item(item, zone=zone, names=names, tr=tr)
    return describe(item, zone=zone, names=names, tr=tr)


def record_history(planner: Any, record_id: UUID | str, *, zone: str | None = None,
                   with_ids: bool = True, after_version: int = 0,
                   fields: Callable[[str], Collection[str]] | None = None,
                   tr: Translate | None = None) -> RecordHistory:
    """Every event of one record, oldest first, with what each changed.

    Times are shown in UTC and in the record's local zone (a meeting's venue, a trip's home);
    `zone` overrides that, e.g. the viewer's own zone. Other records are shown by name
    (followed by their id `with_ids`), a meeting's leg by its city. `after_version` leaves out
    the events up to that version; `fields(kind)` limits the changes shown to the fields it
    allows. What each event did and the fields' names are in the language of `tr` (English
    without it: the CLI's).
    """
    uid = as_uuid("record id", record_id)
    events = list(planner.app.events.get(uid))
    if not events:
        raise NotFoundError("record", uid)
    default = zone or planner.settings.default_timezone
    names = names_for(planner, with_ids=with_ids)
    trip_id = next((e.trip_id for e in events if getattr(e, "trip_id", None)), None)
    if trip_id:
        names = with_legs(names, planner, str(trip_id))
    positions = positions_of(planner.engine, str(uid))
    aggregate: Any = None
    entries = []
    for event in events:
        before = state_of(aggregate)
        aggregate = event.mutate(aggregate)
        after = state_of(aggregate)
        if event.originator_version <= after_version:
            continue
        if fields is not None:
            allowed = fields(type(aggregate).__name__)
            before = {k: v for k, v in before.items() if k in allowed}
            after = {k: v for k, v in after.items() if k in allowed}
        shown = zone or record_zone(after, default)
        at = event.timestamp.astimezone(UTC)
        entries.append(HistoryEntry(
            version=event.originator_version, position=positions.get(event.originator_version),
            event_type=type(event).__name__, what=summary(event, names, tr),
            actor=event.actor, at_utc=at, at_local=at.astimezone(ZoneInfo(shown)), zone=shown,
            reason=getattr(event, "reason", ""),
            changes=diff(before, after, zone=shown, names=names, tr=tr)))
    kind = kind_name(type(aggregate).__name__)
    return RecordHistory(uid, kind, label_of_record(aggregate) or str(uid), tuple(entries),
                         str(uid) if kind == "trip" else str(trip_id) if trip_id else None)


def format_history(history: RecordHistory) -> list[str]:
    """Plain-text lines for the CLI."""
    lines = [f"{history.kind} {history.record_id}: {history.label}"]
    for e in history.entries:
        where = f" #{e.position}" if e.position else ""
        local = f"{e.at_local:%Y-%m-%d %H:%M} {e.zone}" if e.zone != "UTC" else ""
        lines.append(f"v{e.version}{where}  {e.at_utc:%Y-%m-%d %H:%M:%S} UTC"
                     f"{'  (' + local + ')' if local else ''}  {e.what}  by {e.actor}")
        if e.reason:
            lines.append(f"    reason: {e.reason}")
        for change in e.changes:
            lines.extend(f"    {part}" for part in change.lines())
    return lines
