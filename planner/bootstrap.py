"""The one wiring point: Settings in, a ready Planner (application, engine, read models) out."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.exc import OperationalError

from planner.application import PlannerApplication
from planner.audit.follower import attach as attach_audit
from planner.audit.people_index import attach as attach_people_index
from planner.readmodel import Projector, Queries
from planner.readmodel.projector import Progress
from planner.settings import Settings, load_settings
from planner.snapshots.repository import install_seal

MEMORY = "memory"


def application_env(database_url: str) -> dict[str, str]:
    """The eventsourcing environment for a database URL ('memory' for plain Python objects)."""
    if database_url == MEMORY:
        return {"PERSISTENCE_MODULE": "eventsourcing.popo"}
    return {
        "PERSISTENCE_MODULE": "eventsourcing_sqlalchemy",
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

    def close(self) -> None:
        self.app.close()
        if self.engine is not None:
            self.engine.dispose()


def build(settings: Settings | None = None, *, clock: Callable[[], datetime] | None = None,
          database_url: str | None = None, catch_up: bool = True,
          progress: Progress | None = None) -> Planner:
    """Wire the application and its read models. On start-up the projector catches up (and
    rebuilds, reporting `progress`, when the read-model schema version changed); after every
    save it catches up again, so a command's own request reads its write."""
    settings = settings or load_settings()
    url = database_url or settings.database_url
    if url.startswith("sqlite:///") and ":memory:" not in url:
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    app = PlannerApplication(application_env(url), clock=clock)
    engine = None if url == MEMORY else app.factory.datastore.engine
    if engine is not None and engine.dialect.name == "sqlite":
        _wait_for_sqlite_locks(engine)
        _use_write_ahead_log(app, engine)
    planner = Planner(settings=settings, app=app, engine=engine)
    if engine is not None:
        install_seal(app, engine, settings.instance_path)
        _wire_read_models(planner, engine, catch_up=catch_up, progress=progress)
    attach_audit(planner)
    attach_people_index(planner)
    return planner


def _wire_read_models(planner: Planner, engine: Engine, *, catch_up: bool,
                      progress: Progress | None) -> None:
    app = planner.app
    events = app.recorder.events_record_cls.__table__  # type: ignore[attr-defined]
    projector = Projector(engine, app.mapper, events)
    if catch_up:
        projector.ensure_current(progress)
    app.saved_listeners.append(projector.listener)
    planner.projector = projector
    planner.queries = Queries(engine, planner.settings)


def _wait_for_sqlite_locks(engine: Engine) -> None:
    """Let several processes share one SQLite file: wait for a lock instead of failing."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.execute("PRAGMA busy_timeout = 60000")

    engine.dispose()


def _use_write_ahead_log(app: PlannerApplication, engine: Engine) -> None:
    """Switch the SQLite file to WAL once, here, instead of on the library's first transaction.

    The library issues `PRAGMA journal_mode=WAL` unconditionally on first use, which fails with
    "database is locked" (no busy wait applies to it) when another process is writing at that
    moment. The mode is stored in the file, so it is read first and set only when missing.
    """
    deadline = time.monotonic() + 60
    with engine.connect() as connection:
        while connection.exec_driver_sql("PRAGMA journal_mode").scalar() != "wal":
            try:
                connection.exec_driver_sql("PRAGMA journal_mode=WAL")
            except OperationalError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.05)
    datastore = app.factory.datastore  # type: ignore[attr-defined]
    datastore.is_sqlite_wal_mode = True
    datastore._tried_init_sqlite_wal_mode = True
