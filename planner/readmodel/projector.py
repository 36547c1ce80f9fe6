"""The projector: keeps the rm_ tables current from the event log, exactly once.

A command's own events are applied in the command's transaction (`apply_in_transaction`, run
by planner.storage's recorder after the events are flushed): the rows and the position commit
with the events, so the request that made the command reads its write. The log is locked
while that runs (PostgreSQL: the library's LOCK TABLE; SQLite: the one write lock), so
commands apply in log order; events stored before them that are not yet applied (another
program's raw insert, an earlier release) are applied first, in the same transaction, up to
`IN_TRANSACTION_BACKLOG` of them. A longer backlog (a rebuild under way) is left to catch-up,
which runs after the save commits.

Catch-up stays for rebuilds, start-up and that backlog. It is this module's own loop, not
`eventsourcing.projection`'s ProjectionRunner: the runner needs the recorder's `subscribe()`,
which eventsourcing-sqlalchemy implements for PostgreSQL only (LISTEN/NOTIFY), and the rows,
their position and the command's events must commit in one transaction on one connection, which
a separate tracking recorder's session does not give. Each catch-up batch is one transaction
that first locks the position row (PostgreSQL: SELECT ... FOR UPDATE; SQLite: BEGIN IMMEDIATE
takes the write lock before anything is read), then reads the position, the next events after
it, applies them and writes the new position. Two processes catching up at once therefore take
turns and never apply an event twice, and a crash rolls the rows and the position back
together. Batches keep a rebuild from holding the log in memory.

On PostgreSQL the rows are read under a shared advisory lock that a reset takes exclusively, so
a catch-up never runs into tables being dropped and recreated under it.
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

from eventsourcing.persistence import Mapper, StoredEvent
from sqlalchemy import Table, func, inspect, select, text
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import OperationalError

from planner.readmodel import search_tables
from planner.readmodel import tables as t
from planner.readmodel.handlers import apply_batch
from planner.storage.recorder import Stored

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
"""Called after each batch with (events applied so far, events to apply in all)."""

BATCH_SIZE = 2000
"""Events per catch-up transaction. Each batch costs a few statements per table, the warnings'
reads and a commit whatever its size, so larger batches rebuild faster (500 -> 2000: about a
sixth less time on bench/bench_projector.py's log); the rows a batch holds stay a few megabytes."""
POSITION_NAME = "planner"
IN_TRANSACTION_BACKLOG = 200
"""At most this many earlier, unapplied events are applied inside a command's transaction."""

# Built once: reusing a statement spares SQLAlchemy its cache key on every command.
_POSITION = text("SELECT position FROM rm_position WHERE name = :name")
_SHARE_RESET_LOCK = text("SELECT pg_advisory_xact_lock_shared(:key)")
_LOCKED_POSITION = text("SELECT position FROM rm_position WHERE name = :name FOR UPDATE")
_MOVE = text("UPDATE rm_position SET position = :position WHERE name = :name")
_MOVE_IF_AT = text("UPDATE rm_position SET position = :position "
                   "WHERE name = :name AND position = :at")

_behind: ContextVar[bool] = ContextVar("readmodel_behind", default=False)


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
        self.lock_taken = False
        """True when the recorder takes `reset_lock_sql` with the events lock (PostgreSQL)."""
        self.live = False
        """True once the tables exist at this release's schema version: only then does a
        command apply its events in its own transaction."""

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

    @property
    def reset_lock_sql(self) -> str:
        """The statement that shares the reset lock (for the recorder to send with its own)."""
        return f"SELECT pg_advisory_xact_lock_shared({int(self._lock_key)})"

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
                     if n.startswith(t.PREFIX) and not search_tables.is_index(n)}
            if (names != set(t.metadata.tables)
                    or self._stored_version(conn) != t.SCHEMA_VERSION):
                self._reset(conn)
            else:
                for name in sorted(names):  # TRUNCATE takes a third of a second on PostgreSQL
                    conn.exec_driver_sql(f"DELETE FROM {self._qualified(name)}")
                self._start(conn)
        self.live = True

    def _reset(self, conn: Connection) -> None:
        # Every rm_ table goes, also those an earlier release had and this one no longer has.
        # The search index's own tables go with it (search_tables): not one by one.
        for name in inspect(conn).get_table_names(schema=self.schema):
            if name.startswith(t.PREFIX) and not search_tables.is_shadow(name):
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
        self.live = True
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

    def apply_in_transaction(self, conn: Connection, stored: Stored) -> None:
        """A command's step: apply its just-stored events (and any earlier unapplied ones)
        and move the position, in the command's transaction. Too long a backlog, or tables
        not yet at this release's schema, are left to catch-up after the commit."""
        if not self.live:
            _behind.set(True)
            return
        first, last = stored[0][0], stored[-1][0]
        if not self._is_sqlite and not self.lock_taken:  # a reset drops the tables under its
            # exclusive lock: share it before touching any rm_ table (else a deadlock with a
            # reset is possible)
            conn.execute(_SHARE_RESET_LOCK, {"key": self._lock_key})
        # The usual case in one statement: nothing pending before this save, so lock the
        # position row and move it on at once.
        if conn.execute(_MOVE_IF_AT, {"name": POSITION_NAME, "at": first - 1,
                                      "position": last}).rowcount == 1:
            apply_batch(conn, [(at, self.mapper.to_domain_event(e)) for at, e in stored])
            return
        position = conn.execute(_LOCKED_POSITION if not self._is_sqlite else _POSITION,
                                {"name": POSITION_NAME}).scalar_one()
        if first - 1 - position > IN_TRANSACTION_BACKLOG:
            _behind.set(True)
            return
        items = [(row.id, self._decode(row)) for row in
                 self._between(conn, position, first)] if first - 1 > position else []
        items += [(at, self.mapper.to_domain_event(event)) for at, event in stored
                  if at > position]
        apply_batch(conn, items)
        conn.execute(_MOVE, {"name": POSITION_NAME, "position": max(position, last)})

    def listener(self) -> None:
        """For `app.saved_listeners`: when a command's step left its events to catch-up,
        catch up now, so the request still reads its own write. A lock timeout only delays
        (the next catch-up applies the event); any other failure is a bug and is raised."""
        if not _behind.get():
            return
        _behind.set(False)
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

    def _between(self, conn: Connection, after: int, before: int) -> list[Any]:
        ev = self.events.c
        return list(conn.execute(
            select(ev.id, ev.originator_id, ev.originator_version, ev.topic, ev.state)
            .where(ev.id > after, ev.id < before).order_by(ev.id)))

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
