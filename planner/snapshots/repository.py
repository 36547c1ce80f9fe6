"""Loading from a snapshot only when its seal holds; a broken snapshot is dropped and logged.

A record is rebuilt from its last snapshot and the few events after it, so loading one with
thousands of events costs about as much as loading a new one. The snapshot is trusted only if
its keyed digest matches: otherwise it is deleted with a warning, the record is rebuilt from
the previous good snapshot (or from its first event), and a fresh sealed snapshot of the true
state replaces it.
"""

from __future__ import annotations

import logging
from itertools import chain
from pathlib import Path
from typing import Any
from uuid import UUID

from eventsourcing.application import AggregateNotFoundError, Repository
from eventsourcing.domain import Snapshot
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError

from planner.instance import instance_secret
from planner.snapshots.seal import KEY_FILE, SnapshotSeal

log = logging.getLogger(__name__)


class SealedRepository(Repository):
    """The library's repository, with sealed snapshots once `seal` is set (SQL storage)."""

    seal: SnapshotSeal | None = None

    def _reconstruct_aggregate(self, aggregate_id: UUID, version: int | None,
                               projector_func: Any) -> Any:
        if self.seal is None or self.snapshot_store is None:
            return super()._reconstruct_aggregate(aggregate_id, version, projector_func)
        dropped = False
        while (row := self.seal.latest(aggregate_id, version)) is not None:
            if self.seal.is_intact(row):
                break
            log.warning("snapshot of record %s at version %s %s; dropped, the record is "
                        "rebuilt from its events", aggregate_id, row.stored.originator_version,
                        "does not match its seal (edited, or sealed with another instance "
                        "folder's key)" if row.digest else "has no seal (taken before "
                        "snapshots were sealed, or its seal was deleted)")
            self.seal.drop(row.stored)
            dropped = True
        snapshots = [self.snapshot_store.mapper.to_domain_event(row.stored)] if row else []
        gt = row.stored.originator_version if row else None
        events = self.event_store.get(originator_id=aggregate_id, gt=gt, lte=version)
        aggregate = projector_func(None, chain(snapshots, events))
        if aggregate is None:
            raise AggregateNotFoundError(f"Aggregate {aggregate_id!r} version {version!r} "
                                         "not found.")
        if dropped and version is None:
            self.reseal(aggregate)
        return aggregate

    def reseal(self, aggregate: Any) -> None:
        """Store a sealed snapshot of an aggregate just rebuilt from its events."""
        assert self.seal is not None and self.snapshot_store is not None
        snapshot_class = getattr(type(aggregate), "Snapshot", Snapshot)
        stored = self.snapshot_store.mapper.to_stored_event(snapshot_class.take(aggregate))
        try:
            self.seal.put(stored)
        except IntegrityError:
            pass  # another process stored a snapshot of this version first


def install_seal(app: Any, engine: Engine, instance: Path | str) -> None:
    """Seal and check the snapshots of an application on SQL storage (bootstrap calls this;
    in memory nobody can edit a row behind the application's back)."""
    repository = app.repository
    if app.snapshots is not None and isinstance(repository, SealedRepository):
        repository.seal = SnapshotSeal(instance_secret(instance, KEY_FILE), engine,
                                       app.snapshots.recorder)
