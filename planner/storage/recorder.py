"""The SQL persistence the planner runs on: eventsourcing-sqlalchemy with these additions.

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
3. Fewer round trips on PostgreSQL: reads of one record in one autocommit statement
   (`OneStatementReads`), the steps' own lock sent with the events lock (`with_lock`), and no
   NOTIFY after each insert (`_notify_channel`).
4. Plans for a hot database on PostgreSQL: each connection sets `random_page_cost` to 1.1, as
   PostgreSQL's documentation advises for storage with cheap random reads (SSDs, and read
   models that stay in memory). With the default 4.0 an organisation's trip list among 10,000
   trips of others was a sequential scan of every trip (bench/bench_org_scope.py: 2.1-2.6x the
   time without the others); with 1.1 it reads its own rows through the indexes.

These are the library's extension points: the factory's `datastore_class`,
`aggregate_recorder_class` and `application_recorder_class`, and the recorder and datastore
methods a subclass of the library overrides itself (`_insert_stored_events(session, ...)`,
`_lock_table`, `_notify_channel`, `select_events`, `init_sqlite_wal_mode`). The events table is
reached through the recorder's public `tables` list, not its record class.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from threading import Lock
from typing import Any
from uuid import UUID

from eventsourcing.persistence import ApplicationRecorder, StoredEvent
from eventsourcing_sqlalchemy.datastore import SQLAlchemyDatastore, transactions
from eventsourcing_sqlalchemy.factory import SQLAlchemyFactory
from eventsourcing_sqlalchemy.recorders import (
    SQLAlchemyAggregateRecorder,
    SQLAlchemyApplicationRecorder,
)
from sqlalchemy import Select, Table, bindparam, event, select, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

Stored = Sequence[tuple[int, StoredEvent]]
"""A save's events with their log positions, in log order."""
InTransaction = Callable[[Connection, Stored], None]
BUSY_TIMEOUT_MS = 60_000
RANDOM_PAGE_COST = 1.1  # see 4. above


class OneStatementReads(SQLAlchemyAggregateRecorder):
    """Reads a record's events (or its latest snapshot) with one statement in autocommit
    mode: the library wraps each read in BEGIN ... ROLLBACK on a new ORM session, and on
    PostgreSQL each of those is a round trip; a command loads one or two records, each from
    a snapshot and the events after it. The reads were never one transaction together (the
    library opens one per read), so nothing about what a command sees changes."""

    def select_events(self, originator_id: UUID | str, gt: int | None = None,
                      lte: int | None = None, desc: bool = False,
                      limit: int | None = None) -> list[StoredEvent]:
        if self.datastore.access_lock is not None or transactions.get(None) is not None:
            # SQLite in memory (one shared connection, serialised by the library's lock), or
            # a read inside one of the library's transactions: its way.
            return super().select_events(originator_id, gt, lte, desc, limit)
        query = self._read_query(gt is not None, lte is not None, desc, limit is not None)
        params = {"id": originator_id, "gt": gt, "lte": lte, "limit": limit}
        engine = self.datastore.engine
        assert isinstance(engine, Engine)
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            rows = conn.execute(query, params).all()
        return [StoredEvent(originator_id=r[0], originator_version=r[1], topic=r[2],
                            state=bytes(r[3])) for r in rows]

    def _read_query(self, gt: bool, lte: bool, desc: bool, limit: bool) -> Select[Any]:
        """The read's statement for one shape, built once (SQLAlchemy then skips its cache
        key work on every load)."""
        shapes: dict[tuple[bool, ...], Select[Any]] = self.__dict__.setdefault("_shapes", {})
        if (gt, lte, desc, limit) not in shapes:
            shapes[(gt, lte, desc, limit)] = self._build_read(gt, lte, desc, limit)
        return shapes[(gt, lte, desc, limit)]

    def _build_read(self, gt: bool, lte: bool, desc: bool, limit: bool) -> Select[Any]:
        table = self.tables[0]
        version = table.c.originator_version
        query = select(table.c.originator_id, version, table.c.topic, table.c.state).where(
            table.c.originator_id == bindparam("id"))
        if gt:
            query = query.where(version > bindparam("gt"))
        if lte:
            query = query.where(version <= bindparam("lte"))
        query = query.order_by(version.desc() if desc else version)
        return query.limit(bindparam("limit")) if limit else query


class PlannerSnapshotRecorder(OneStatementReads):
    """The snapshot store's recorder (the library's, with one-statement reads)."""


class PlannerRecorder(OneStatementReads, SQLAlchemyApplicationRecorder):
    """Stores events and runs the registered steps on them before the transaction commits."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.in_transaction: list[InTransaction] = []
        self.with_lock: list[str] = []
        """PostgreSQL: parameterless statements the steps need first (the read models' shared
        lock), sent with the library's LOCK TABLE in one round trip."""

    def _lock_table(self, session: Session) -> None:
        if not self.with_lock or session.get_bind().dialect.name != "postgresql":
            super()._lock_table(session)
            return
        name = self.events_table.name
        if self.events_table.schema:
            name = f"{self.events_table.schema}.{name}"
        session.execute(text("; ".join([f"LOCK TABLE {name} IN EXCLUSIVE MODE",
                                        *self.with_lock])))

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
        if self.engine is not None and self.engine.dialect.name == "postgresql":

            @event.listens_for(self.engine, "connect")
            def _hot_storage_plans(dbapi_connection: Any, _record: Any) -> None:
                with dbapi_connection.cursor() as cursor:
                    cursor.execute(f"SET random_page_cost = {RANDOM_PAGE_COST}")
                dbapi_connection.commit()

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
    aggregate_recorder_class = PlannerSnapshotRecorder
    application_recorder_class = PlannerRecorder

    def application_recorder(self) -> ApplicationRecorder:
        """The recorder, with its tables created; then the SQLite file switched to WAL at once
        (the library would do it at its first transaction, which reads no longer open)."""
        recorder = super().application_recorder()
        self.datastore.init_sqlite_wal_mode()
        return recorder
