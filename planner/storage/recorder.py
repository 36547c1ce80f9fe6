"""The SQL persistence the planner runs on: eventsourcing-sqlalchemy with two additions.

1. One transaction per command. `PlannerRecorder` stores a save's events as the library does
   (on PostgreSQL under `LOCK TABLE ... IN EXCLUSIVE MODE`, on SQLite under the one write
   lock), and once the flush has given them their positions it hands them, in the same
   transaction, to the `in_transaction` steps the wiring registered: the read models and the
   audit chain. Everything commits together or not at all, and because the events table stays
   locked until the commit, the steps run in log order across processes.
2. Several processes on one SQLite file. `PlannerDatastore` waits for a lock instead of
   failing (busy_timeout) and switches the file to write-ahead logging without the library's
   unconditional `PRAGMA journal_mode=WAL`, which fails with "database is locked" (no busy
   wait applies to it) while another process writes.

It also sends no NOTIFY after each insert (see `_notify_channel`). All of these are the
library's extension points (the factory's `datastore_class` and
`application_recorder_class`, the recorder's `_insert_stored_events(session, ...)`, the
datastore's `init_sqlite_wal_mode()`); the events table is reached through the recorder's
public `tables` list.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from threading import Lock
from typing import Any

from eventsourcing.persistence import StoredEvent
from eventsourcing_sqlalchemy.datastore import SQLAlchemyDatastore
from eventsourcing_sqlalchemy.factory import SQLAlchemyFactory
from eventsourcing_sqlalchemy.recorders import SQLAlchemyApplicationRecorder
from sqlalchemy import Table, event
from sqlalchemy.engine import Connection
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

Stored = Sequence[tuple[int, StoredEvent]]
"""A save's events with their log positions, in log order."""
InTransaction = Callable[[Connection, Stored], None]
BUSY_TIMEOUT_MS = 60_000


class PlannerRecorder(SQLAlchemyApplicationRecorder):
    """Stores events and runs the registered steps on them before the transaction commits."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.in_transaction: list[InTransaction] = []

    @property
    def events_table(self) -> Table:
        """The stored events (id = log position, originator_id, originator_version, topic,
        state)."""
        return self.tables[0]

    def _insert_stored_events(self, session: Session, stored_events: Sequence[StoredEvent],
                              **kwargs: Any) -> Sequence[int]:
        positions = super()._insert_stored_events(session, stored_events, **kwargs)
        if self.in_transaction and positions:
            stored = list(zip(positions, stored_events, strict=True))
            connection = session.connection()
            for step in self.in_transaction:
                step(connection, stored)
        return positions

    def _notify_channel(self, session: Session) -> None:
        """No NOTIFY after each insert: nothing here LISTENs (commands bring their own read
        models and chain up to date, catch-up polls), and on PostgreSQL every NOTIFY is a
        round trip and serialises commits on the server's notification queue."""


class PlannerDatastore(SQLAlchemyDatastore):
    """The library's datastore, made to share one SQLite file between processes."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._journal_lock = Lock()
        if self.is_sqlite_filedb and self.engine is not None:

            @event.listens_for(self.engine, "connect")
            def _busy_wait(dbapi_connection: Any, _record: Any) -> None:
                dbapi_connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")

    def init_sqlite_wal_mode(self) -> None:
        """Read the journal mode first (it is stored in the file) and set WAL only when it is
        missing, retrying while another process holds the lock. The library asks before each
        of its transactions until WAL is on, so this is a flag test after the first time."""
        if not self.is_sqlite_filedb or self.is_sqlite_wal_mode or self.engine is None:
            return
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        with self._journal_lock, self.engine.connect() as connection:
            while connection.exec_driver_sql("PRAGMA journal_mode").scalar() != "wal":
                try:
                    connection.exec_driver_sql("PRAGMA journal_mode=WAL")
                except OperationalError:
                    if time.monotonic() > deadline:
                        raise
                    time.sleep(0.05)
        self.is_sqlite_wal_mode = True


class PlannerFactory(SQLAlchemyFactory):
    """PERSISTENCE_MODULE for the planner on SQL (see planner.bootstrap.application_env)."""

    datastore_class = PlannerDatastore
    application_recorder_class = PlannerRecorder
