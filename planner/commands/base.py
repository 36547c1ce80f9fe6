"""What every command shares: loading with a version check, saving, retrying, the clock."""

from __future__ import annotations

import logging
import random
import time
from collections.abc import Callable
from copy import deepcopy
from datetime import UTC, datetime
from typing import Any, TypeVar
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError, Application, ProcessingEvent
from eventsourcing.domain import Snapshot
from eventsourcing.persistence import RecordConflictError

from planner.domain import values as v
from planner.domain.account import Account
from planner.domain.agreement import Agreement
from planner.domain.api_token import ApiToken
from planner.domain.base import PlannerAggregate
from planner.domain.company import CompanyProfile
from planner.domain.errors import ConflictError, NotFoundError, ValidationError, Word
from planner.domain.invitation import Invitation
from planner.domain.matchmaking import Matchmaking
from planner.domain.meeting import Meeting
from planner.domain.organisation import DEFAULT_ORGANISATION_ID, Organisation
from planner.domain.person import Person
from planner.domain.trip import Trip
from planner.snapshots.repository import SealedRepository

A = TypeVar("A", bound=PlannerAggregate)
T = TypeVar("T")

KINDS: dict[type[PlannerAggregate], str] = {
    Trip: "trip", Meeting: "meeting", CompanyProfile: "company profile",
    Agreement: "agreement", Person: "person", Account: "account",
    Organisation: "organisation", ApiToken: "API token", Matchmaking: "matchmaking",
    Invitation: "invitation",
}
RETRIES = 10
log = logging.getLogger(__name__)


def as_uuid(field: str, value: UUID | str) -> UUID:
    return value if isinstance(value, UUID) else UUID(v.record_id(field, value))


class CommandSupport(Application):
    """Mixin base: the pieces each command module uses. Not an application on its own."""

    clock: Callable[[], datetime] | None = None
    saved_listeners: list[Callable[[], None]]

    def _stamp(self) -> datetime | None:
        """The event time to record: the injected clock's (demo history) or the library's now."""
        return self.clock() if self.clock else None

    def now(self) -> datetime:
        return self.clock() if self.clock else datetime.now(UTC)

    def construct_repository(self) -> SealedRepository:
        """The library's repository (no aggregate cache: each command loads what is stored),
        loading from sealed snapshots once a seal is installed."""
        return SealedRepository(event_store=self.events, snapshot_store=self.snapshots)

    def _take_snapshots(self, processing_event: ProcessingEvent[Any]) -> None:
        """Snapshot each saved aggregate whose new events reached a multiple of its interval.

        The snapshot is taken of the aggregate in hand, at the version just saved, instead of
        loading it again (the library's way): a save costs one insert more, not a second load.
        """
        if not self.snapshots:
            return
        first: dict[Any, int] = {}
        for event in processing_event.events:
            first.setdefault(event.originator_id, event.originator_version)
        for aggregate_id, aggregate in processing_event.aggregates.items():
            interval = self.snapshotting_intervals.get(type(aggregate))
            if interval and aggregate_id in first and (
                    aggregate.version // interval > (first[aggregate_id] - 1) // interval):
                self._store_snapshot(aggregate)

    def take_snapshot(self, aggregate_id: Any, version: int | None = None,
                      projector_func: Any = None) -> None:
        """Snapshot a stored record (now or at a version), sealed like every snapshot."""
        self._store_snapshot(self.repository.get(aggregate_id, version=version))

    def _store_snapshot(self, aggregate: Any) -> None:
        """Store (and seal, on SQL storage) a snapshot. The save has committed by now and a
        snapshot is only a shortcut, so failing to store one is logged, not raised."""
        assert self.snapshots is not None
        snapshot = getattr(type(aggregate), "Snapshot", Snapshot).take(aggregate)
        seal = getattr(self.repository, "seal", None)
        try:
            if seal is None:
                self.snapshots.put([snapshot])
            else:
                seal.put(self.snapshots.mapper.to_stored_event(snapshot))
        except Exception:  # noqa: BLE001 - the events are saved; the next interval retries
            log.exception("snapshot of record %s at version %s not stored", aggregate.id,
                          aggregate.version)

    def _load(self, cls: type[A], record_id: UUID | str, expected_version: int | None = None,
              *, version: int | None = None) -> A:
        kind = KINDS[cls]
        uid = as_uuid(f"{kind} id", record_id)
        try:
            aggregate = self.repository.get(uid, version=version)
        except AggregateNotFoundError:
            raise NotFoundError(kind, uid) from None
        if not isinstance(aggregate, cls):
            raise NotFoundError(kind, uid)
        if expected_version is not None and aggregate.version != expected_version:
            raise ConflictError(kind, uid, expected_version, aggregate.version)
        return aggregate

    def known_organisation(self, field: str, organisation_id: UUID | str | None) -> str:
        """An organisation a command names, checked to exist ('' stays ''); the default
        organisation always exists, even before its record is written."""
        if organisation_id is None or organisation_id == "":
            return ""
        uid = as_uuid(field, organisation_id)
        if str(uid) != DEFAULT_ORGANISATION_ID:
            self._referenced(Organisation, field, uid)
        return str(uid)

    def _referenced(self, cls: type[A], field: str, record_id: UUID | str) -> A:
        """A record that a command's field refers to: an unknown one is bad input in that
        field (the form shows it beside the field), not a missing page."""
        uid = as_uuid(field, record_id)
        try:
            return self._load(cls, uid)
        except NotFoundError:
            raise ValidationError(field, "there is no %(kind)s with id %(uid)s",
                                  kind=Word(KINDS[cls]), uid=uid) from None

    def _commit(self, *aggregates: PlannerAggregate, expected_version: int | None = None) -> int:
        """Save in one transaction; a concurrent save of any of them is a ConflictError.

        The error names the record that moved on (in a save of several, not always the first)
        and nothing of the save is stored.
        """
        loaded = [(a, a.version - len(a.pending_events)) for a in aggregates]
        try:
            self.save(*aggregates)
        except RecordConflictError:
            for aggregate, version in loaded:
                current = self._current_version(aggregate.id)
                if current != version:
                    break
            else:
                aggregate, current = loaded[0][0], self._current_version(loaded[0][0].id)
            seen = expected_version if aggregate is aggregates[0] else None
            raise ConflictError(KINDS[type(aggregate)], aggregate.id, seen, current) from None
        return aggregates[0].version

    def _current_version(self, record_id: UUID) -> int:
        last = list(self.events.get(record_id, desc=True, limit=1))
        return last[0].originator_version if last else 0

    def _retrying(self, attempt: Callable[[], T]) -> T:
        """Run a commuting command again when a concurrent save got there first."""
        for tries in range(RETRIES):
            try:
                return attempt()
            except ConflictError:
                if tries == RETRIES - 1:
                    raise
                # Jittered, growing back-off so that competing writers fall out of step.
                time.sleep(random.uniform(0.005, 0.02) * 2 ** min(tries, 5))
        raise AssertionError("unreachable")

    def _add(self, cls: type[A], record_id: UUID | str, add: Callable[[A], T]) -> T:
        """Load, add one part (a party, a contact, a follow-up...), save; returns what `add`
        returns (the new part's id). Adding commutes, so a conflicting save is retried."""
        def attempt() -> T:
            aggregate = self._load(cls, record_id)
            added = add(aggregate)
            self._commit(aggregate)
            return added
        return self._retrying(attempt)

    def _edit(self, cls: type[A], record_id: UUID | str, expected_version: int | None,
              change: Callable[[A], Any], *others: PlannerAggregate) -> int:
        """Load, apply one change, save: the shape of most editing commands."""
        aggregate = self._load(cls, record_id, expected_version)
        change(aggregate)
        return self._commit(aggregate, *others, expected_version=expected_version)

    def _notify(self, recordings: Any) -> None:
        for listener in list(getattr(self, "saved_listeners", [])):
            listener()

    # -- plain data for queries -----------------------------------------------------------
    def _as_of(self, cls: type[A], record_id: UUID | str, version: int | None,
               at: datetime | None) -> A:
        if at is not None:
            if version is not None:
                raise ValidationError("at", "give a version or a moment, not both")
            uid = as_uuid(f"{KINDS[cls]} id", record_id)
            version = self.version_at(uid, at)
            if version is None:
                moment = at.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S")
                raise NotFoundError(KINDS[cls], f"{uid} (it did not exist yet at {moment} UTC)")
        elif version is not None and (isinstance(version, bool) or not isinstance(version, int)
                                      or version < 1):
            raise ValidationError("version", "must be a whole number from 1; got %(version)r",
                                  version=version)
        aggregate = self._load(cls, record_id, version=version)
        if version is not None and aggregate.version != version:
            raise NotFoundError(KINDS[cls], f"{aggregate.id} at version {version} "
                                f"(it has {aggregate.version} versions)")
        return aggregate

    def version_at(self, record_id: UUID, at: datetime) -> int | None:
        """The record's version as it stood at a moment: the last event at or before it."""
        if not isinstance(at, datetime) or at.tzinfo is None:
            raise ValidationError("at", "must be a date and time with a time zone")
        moment = at.astimezone(UTC)
        found = None
        for event in self.events.get(record_id):
            if event.timestamp > moment:
                break
            found = event.originator_version
        return found


def plain(aggregate: PlannerAggregate) -> dict[str, Any]:
    """An aggregate's state as plain data (a deep copy: callers cannot change the record)."""
    data = {k: deepcopy(val) for k, val in vars(aggregate).items() if not k.startswith("_")}
    data.update(id=aggregate.id, version=aggregate.version, created_on=aggregate.created_on,
                modified_on=aggregate.modified_on)
    return data
