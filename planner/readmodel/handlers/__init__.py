"""The projector's dispatch table: one handler per event class, keyed by the class itself.

A guard test walks every aggregate under `planner.domain` and fails when an event class is
neither in HANDLERS nor in IGNORED, so a new event cannot be silently missed.

Handlers work on a `Batch`: the rows the batch's events change are read first, in one
statement per table, then changed in memory and written at the end in one statement per table
and kind; after that the warnings of the trips whose plans changed are computed once each.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any

from sqlalchemy import Table
from sqlalchemy.engine import Connection

from planner.domain.audit_trail import AuditTrail
from planner.readmodel import odd_ids
from planner.readmodel.handlers import (
    agreements,
    api_tokens,
    invitations,
    matchmaking,
    meetings,
    organisations,
    people,
    preferences,
    profiles,
    search,
    trips,
)
from planner.readmodel.handlers.batch import Batch
from planner.readmodel.handlers.common import Handler, key
from planner.readmodel.handlers.warnings import refresh_warnings

_MODULES = (trips, meetings, profiles, agreements, people, organisations, api_tokens,
            matchmaking, invitations, preferences)

HANDLERS: dict[type, Handler] = {
    **trips.HANDLERS,
    **meetings.HANDLERS,
    **profiles.HANDLERS,
    **agreements.HANDLERS,
    **people.HANDLERS,
    **organisations.HANDLERS,
    **api_tokens.HANDLERS,
    **matchmaking.HANDLERS,
    **invitations.HANDLERS,
    **preferences.HANDLERS,
}

# Event classes the read models deliberately do not show (name each with the reason).
IGNORED: frozenset[type] = frozenset({
    # Who viewed, exported or verified the log: planner.audit keeps its own tables for that.
    AuditTrail.Started, AuditTrail.Viewed, AuditTrail.Exported, AuditTrail.Verified,
})

# The rows each event changes besides its aggregate's own: read before the handlers run.
_OWN_TABLE: dict[str, Table] = {aggregate.__name__: table for module in _MODULES
                                for aggregate, table in module.TABLES.items()}
_LOADS: dict[type, tuple[Table, Callable[[Any], str]]] = {
    cls: need for module in _MODULES for cls, need in module.LOADS.items()}
_OWNERS: dict[Table, str] = {table: column for module in _MODULES
                             for table, column in getattr(module, "OWNS", {}).items()}

log = logging.getLogger(__name__)
_warned: set[type] = set()


def apply_batch(conn: Connection, items: Sequence[tuple[int, Any]]) -> None:
    """Apply decoded events, each with its log position, in log order, inside the caller's
    transaction. The one entry point of the read models: a command's own save and a
    catch-up or rebuild both come through here."""
    batch = Batch(conn, _OWNERS)
    _load(batch, items)
    for position, event in items:
        handler = HANDLERS.get(type(event))
        if handler is not None:
            handler(batch, odd_ids.checked(event), position)
        elif type(event) not in IGNORED and type(event) not in _warned:
            _warned.add(type(event))
            log.warning("read models: no handler for %s; its events are skipped",
                        type(event).__qualname__)
    search.index(batch)
    batch.flush()
    refresh_warnings(batch)


def _load(batch: Batch, items: Sequence[tuple[int, Any]]) -> None:
    """Read every row the events will change, one statement per table. An aggregate whose
    first event is in the batch has no rows yet (its first event makes them): its own row is
    not looked for, nor (Batch.fresh) its rows in the tables it owns."""
    wanted: dict[Table, set[str]] = defaultdict(set)
    fresh = batch.fresh
    for _, event in items:
        cls = type(event)
        if cls not in HANDLERS:
            continue
        aggregate = key(event)
        if event.originator_version == 1:
            fresh.add(aggregate)
        own = _OWN_TABLE.get(cls.__qualname__.split(".")[0])
        if own is not None and aggregate not in fresh:
            wanted[own].add(aggregate)
        if cls in _LOADS:
            table, value = _LOADS[cls]
            wanted[table].add(value(event))
    for table, keys in wanted.items():
        batch.load(table, keys)


__all__ = ["HANDLERS", "IGNORED", "Handler", "apply_batch"]
