"""The projector: follows the event log and keeps the rm_ tables current, exactly once.

Each batch is one transaction that first locks the position row (PostgreSQL: SELECT ... FOR
UPDATE; SQLite: BEGIN IMMEDIATE takes the write lock before anything is read), then reads the
position, the next events after it, applies them and writes the new position. Two processes
catching up at once therefore take turns and never apply an event twice, and a crash rolls the
rows and the position back together. Batches keep a rebuild from holding the log in memory.

On PostgreSQL the rows are read under a shared advisory lock that a reset takes exclusively, so
a catch-up never runs into tables being dropped and recreated under it.
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from eventsourcing.persistence import Mapper, StoredEvent
from sqlalchemy import Table, func, inspect, select, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import OperationalError

from planner.readmodel import tables as t
from planner.readmodel.handlers import apply_batch

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
"""Called after each batch with (events applied so far, events to apply in all)."""

BATCH_SIZE = 500
POSITION_NAME = "planner"


class Projector:
    """Applies stored events to the read-model tables of one database (or scratch schema)."""

    def __init__(self, engine: Engine, mapper: Mapper[Any], events: Table, *,
                 batch_size: int = BATCH_SIZE, schema: str | None = None,
                 source: Engine | None = None) -> None:
        """`schema` puts the tables in another PostgreSQL schema and `source` reads the events
        from another engine: both are how `verify` rebuilds into a scratch place."""
        self.engine = engine
        self.mapper = mapper
        self.events = events
        self.batch_size = batch_size
        self.schema = schema
        self.source = source
        self._lock_key = zlib.crc32(f"planner-readmodel:{schema or ''}".encode())

    # -- connections and locks ------------------------------------------------------------
    @contextmanager
    def connect(self) -> Iterator[Connection]:
        """A connection to the read-model tables (translated to the scratch schema if any)."""
        with self.engine.connect() as conn:
            if self.schema:
                conn = conn.execution_options(schema_translate_map={None: self.schema})
            yield conn

    @property
    def _is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def _locked(self, conn: Connection, *, exclusive: bool) -> Iterator[None]:
        """A transaction holding the write lock (SQLite) or the schema lock (PostgreSQL)."""
        with conn.begin():
            if self._is_sqlite:
                conn.exec_driver_sql("BEGIN IMMEDIATE")
            else:
                mode = "" if exclusive else "_shared"
                conn.execute(text(f"SELECT pg_advisory_xact_lock{mode}(:key)"),
                             {"key": self._lock_key})
            yield

    @contextmanager
    def _event_source(self, conn: Connection) -> Iterator[Connection]:
        if self.source is None and self.schema is None:
            yield conn
            return
        with (self.source or self.engine).connect() as other:
            yield other

    # -- schema ---------------------------------------------------------------------------
    def schema_version(self) -> int | None:
        """The stored schema version, or None when the read models do not exist yet."""
        with self.connect() as conn:
            return self._stored_version(conn)

    def reset(self) -> None:
        """Empty every rm_ table at position 0, in one transaction: tables of the current
        schema are emptied (far faster than dropping them on PostgreSQL), others recreated."""
        with self.connect() as conn, self._locked(conn, exclusive=True):
            names = {n for n in inspect(conn).get_table_names(schema=self.schema)
                     if n.startswith(t.PREFIX)}
            if (names != set(t.metadata.tables)
                    or self._stored_version(conn) != t.SCHEMA_VERSION):
                self._reset(conn)
                return
            for name in sorted(names):  # TRUNCATE takes a third of a second on PostgreSQL
                conn.exec_driver_sql(f"DELETE FROM {self._qualified(name)}")
            self._start(conn)

    def _reset(self, conn: Connection) -> None:
        # Every rm_ table goes, also those an earlier release had and this one no longer has.
        for name in inspect(conn).get_table_names(schema=self.schema):
            if name.startswith(t.PREFIX):
                conn.exec_driver_sql(f"DROP TABLE {self._qualified(name)}")
        t.metadata.create_all(conn, checkfirst=False)
        self._start(conn)

    @staticmethod
    def _start(conn: Connection) -> None:
        conn.execute(t.schema.insert().values(version=t.SCHEMA_VERSION))
        conn.execute(t.position.insert().values(name=POSITION_NAME, position=0))

    def _qualified(self, name: str) -> str:
        quote = self.engine.dialect.identifier_preparer.quote
        return f"{quote(self.schema)}.{quote(name)}" if self.schema else quote(name)

    def ensure_current(self, progress: Progress | None = None) -> bool:
        """Start-up: rebuild when the schema version changed (or tables are missing), then
        catch up. Returns True when the read models were rebuilt."""
        rebuilt = False
        if self.schema_version() != t.SCHEMA_VERSION:
            with self.connect() as conn, self._locked(conn, exclusive=True):
                # Another process may have rebuilt while this one waited for the lock.
                stored = self._stored_version(conn)
                if stored != t.SCHEMA_VERSION:
                    if stored is not None:
                        log.warning("read-model schema %s -> %s: rebuilding from the event log",
                                    stored, t.SCHEMA_VERSION)
                    self._reset(conn)
                    rebuilt = True
        self.catch_up(progress or (_log_progress if rebuilt else None))
        return rebuilt

    def _stored_version(self, conn: Connection) -> int | None:
        if not inspect(conn).has_table(t.schema.name, schema=self.schema):
            return None
        return conn.execute(select(func.max(t.schema.c.version))).scalar()

    def rebuild(self, progress: Progress | None = None) -> int:
        """Drop and rebuild every read model from the log; returns the events applied."""
        self.reset()
        return self.catch_up(progress)

    # -- catching up ----------------------------------------------------------------------
    def position(self) -> int:
        with self.connect() as conn:
            return _position(conn)

    def catch_up(self, progress: Progress | None = None, *, stop: int | None = None) -> int:
        """Apply every event after the position (up to `stop`); returns how many."""
        applied, total = 0, -1
        with self.connect() as conn:
            while True:
                with self._locked(conn, exclusive=False), self._event_source(conn) as source:
                    position = _position(conn, lock=True)
                    if total < 0:
                        total = self._pending(source, position, stop) if progress else 0
                    rows = self._next_batch(source, position, stop)
                    apply_batch(conn, [(row.id, self._decode(row)) for row in rows])
                    if rows:
                        conn.execute(t.position.update()
                                     .where(t.position.c.name == POSITION_NAME)
                                     .values(position=rows[-1].id))
                if not rows:
                    return applied
                applied += len(rows)
                if progress:
                    progress(applied, max(total, applied))

    def listener(self) -> None:
        """For `app.saved_listeners`: the save has committed, so catch up now and the same
        request reads its own write. A lock timeout only delays (the next catch-up applies
        the event); any other failure is a bug and is raised."""
        try:
            self.catch_up()
        except OperationalError as error:
            log.error("read-model catch-up postponed: %s", error)

    def _next_batch(self, source: Connection, position: int, stop: int | None) -> list[Any]:
        ev = self.events.c
        query = (select(ev.id, ev.originator_id, ev.originator_version, ev.topic, ev.state)
                 .where(ev.id > position).order_by(ev.id).limit(self.batch_size))
        if stop is not None:
            query = query.where(ev.id <= stop)
        return list(source.execute(query))

    def _pending(self, source: Connection, position: int, stop: int | None) -> int:
        query = select(func.count()).select_from(self.events).where(self.events.c.id > position)
        if stop is not None:
            query = query.where(self.events.c.id <= stop)
        return int(source.execute(query).scalar() or 0)

    def _decode(self, row: Any) -> Any:
        state = row.state if isinstance(row.state, bytes) else bytes(row.state)
        return self.mapper.to_domain_event(StoredEvent(
            originator_id=row.originator_id, originator_version=row.originator_version,
            topic=row.topic, state=state))


def _position(conn: Connection, *, lock: bool = False) -> int:
    query = select(t.position.c.position).where(t.position.c.name == POSITION_NAME)
    if lock:
        query = query.with_for_update()
    return int(conn.execute(query).scalar_one())


def _log_progress(done: int, total: int) -> None:
    """Start-up rebuild progress for the server log: about every tenth of the way."""
    step = max(total // 10, 1)
    if done == total or done // step != (done - BATCH_SIZE) // step:
        log.warning("rebuilding read models: %d of %d events", done, total)
