"""The one wiring point: Settings in, a ready Planner (application, engine, read models) out.

On SQL the application stores events through planner.storage's recorder, and each save's
transaction also runs the read models' and the audit chain's steps: a command is one
transaction, and its request reads its own write with no catch-up. Catch-up remains for
start-up, rebuilds and a backlog (see planner.readmodel.projector).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Table
from sqlalchemy.engine import Engine

from planner.application import PlannerApplication
from planner.audit.follower import CHAIN_KEY_FILE
from planner.audit.follower import attach as attach_audit
from planner.audit.people_index import attach as attach_people_index
from planner.credentials.store import SqlCredentials
from planner.instance import instance_secret
from planner.itinerary.prints import PrintLog
from planner.mail.outbox import attach as attach_outbox
from planner.readmodel import Projector, Queries
from planner.readmodel.projector import Progress
from planner.readmodel.tables import SCHEMA_VERSION
from planner.settings import Settings, load_settings
from planner.signin.attempts import SignInLog
from planner.snapshots.repository import install_seal
from planner.storage.recorder import PlannerRecorder

MEMORY = "memory"


def application_env(database_url: str) -> dict[str, str]:
    """The eventsourcing environment for a database URL ('memory' for plain Python objects)."""
    if database_url == MEMORY:
        return {"PERSISTENCE_MODULE": "eventsourcing.popo"}
    return {
        "PERSISTENCE_MODULE": "planner.storage.recorder:PlannerFactory",
        "SQLALCHEMY_URL": database_url,
        "CREATE_TABLE": "y",
    }


@dataclass
class Planner:
    """The wired system: the application and, on a SQL database, the read models
    (`projector` and `queries` are None on in-memory storage)."""

    settings: Settings
    app: PlannerApplication
    engine: Engine | None
    projector: Projector | None = None
    queries: Queries | None = None
    audit_follower: Any = None
    chain_key: bytes = b""
    """The audit chain's key, from the instance folder (empty on in-memory storage)."""

    @property
    def events_table(self) -> Table:
        """The stored events (SQL storage only)."""
        recorder = self.app.recorder
        assert isinstance(recorder, PlannerRecorder), "the events table needs SQL storage"
        return recorder.events_table
    signins: SignInLog | None = None
    prints: PrintLog | None = None
    """When each person's itinerary of each trip was last printed (planner.itinerary)."""
    outbox: Any = None
    """planner.mail.outbox.Outbox on SQL storage."""

    def close(self) -> None:
        self.app.close()
        if self.engine is not None:
            self.engine.dispose()


def build(settings: Settings | None = None, *, clock: Callable[[], datetime] | None = None,
          database_url: str | None = None, catch_up: bool = True,
          progress: Progress | None = None) -> Planner:
    """Wire the application and its read models. On start-up the projector catches up (and
    rebuilds, reporting `progress`, when the read-model schema version changed); every save
    then applies its own events in its own transaction."""
    settings = settings or load_settings()
    url = database_url or settings.database_url
    if url.startswith("sqlite:///") and ":memory:" not in url:
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    app = PlannerApplication(application_env(url), clock=clock)
    engine = None if url == MEMORY else app.factory.datastore.engine  # type: ignore[attr-defined]
    planner = Planner(settings=settings, app=app, engine=engine)
    if engine is not None:
        planner.chain_key = instance_secret(Path(settings.instance_path), CHAIN_KEY_FILE)
        app.credentials = SqlCredentials(engine)
        install_seal(app, engine, settings.instance_path)
        _wire_read_models(planner, engine, catch_up=catch_up, progress=progress)
    try:
        attach_audit(planner)
        attach_people_index(planner)
        attach_outbox(planner)  # after the read models' step: rules read current rows
    except Exception:
        planner.close()
        raise
    return planner


def _wire_read_models(planner: Planner, engine: Engine, *, catch_up: bool,
                      progress: Progress | None) -> None:
    app = planner.app
    projector = Projector(engine, app.mapper, planner.events_table)
    if catch_up:
        projector.ensure_current(progress)
    else:
        projector.live = projector.schema_version() == SCHEMA_VERSION
    recorder = app.recorder
    assert isinstance(recorder, PlannerRecorder)
    if engine.dialect.name == "postgresql":
        recorder.with_lock.append(projector.reset_lock_sql)
        projector.lock_taken = True
    recorder.in_transaction.append(projector.apply_in_transaction)
    app.saved_listeners.append(projector.listener)
    planner.projector = projector
    planner.queries = Queries(engine, planner.settings)
    planner.signins = SignInLog(engine)
    planner.prints = PrintLog(engine)
