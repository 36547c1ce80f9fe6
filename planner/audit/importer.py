"""Import an exported log into an empty database: all or nothing, in one transaction.

The file's chain is verified first (cheap, and it names the first bad line before anything is
written). Then, in ONE transaction, every line is checked again as it is read (chain, event
type, fields, versions, replay: see import_checks), and the events, their chain links, the
log index and the read-model rows are written together. Any bad line, a file cut short or a
failure while writing rolls everything back: the database is exactly as before (empty, so the
import can simply be run again), and the message names the line and the rule.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from uuid import UUID

from sqlalchemy import func, insert, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import SQLAlchemyError

from planner.audit.chain import GENESIS, Head, StoredRow, next_link
from planner.audit.exchange import ExchangeError, _Bad, _engine, read_header, read_log, verify_file
from planner.audit.follower import follower_for
from planner.audit.import_checks import BadEvent, EventChecker
from planner.audit.tables import audit_chain
from planner.readmodel import tables as rm
from planner.readmodel.handlers import apply_batch
from planner.readmodel.projector import POSITION_NAME

Progress = Callable[[str], None]
BATCH = 500


@dataclass(frozen=True)
class ImportResult:
    count: int
    head: Head


def import_log(planner: Any, path: str | Path, progress: Progress | None = None) -> ImportResult:
    """Load an exported log into this (empty) database with everything derived from it."""
    say = progress or (lambda _: None)
    engine = _engine(planner)
    events = planner.events_table
    with engine.connect() as conn:
        _refuse_unless_empty(conn, events)
    header = read_header(path)
    if header.app != planner.app.name:
        raise ExchangeError("%(path)s: line 1: the file is a log of application %(app)r, "
                            "not %(name)r; nothing was imported",
                            path=path, app=header.app, name=planner.app.name)
    say(f"verifying {path} ({header.count} events)")
    verdict = verify_file(path)
    if not verdict.ok:
        raise ExchangeError("%(path)s: %(problem)s; nothing was imported",
                            path=path, problem=verdict.problem)
    say("loading events, chaining, indexing and rebuilding read models (one transaction)")
    loader = _Loader(planner, events, say)
    try:
        with engine.begin() as conn:
            _lock(conn, events)
            _refuse_unless_empty(conn, events)
            count, head = loader.load(conn, path)
            if getattr(planner, "outbox", None) is not None:
                planner.outbox.skip_to_end(conn)  # an imported past is not news: no mails
    except (_Bad, BadEvent) as bad:
        raise ExchangeError("%(path)s: %(bad)s; nothing was imported", path=path, bad=bad) from None
    except SQLAlchemyError as error:
        raise ExchangeError("%(path)s: the database refused the events "
                            "(%(type)s: %(value)s); "
                            "nothing was imported", "database",
                            path=path, type=type(error.orig or error).__name__,
                            value=error.orig or error) from None
    return ImportResult(count, head)


class _Loader:
    """Writes checked lines in batches inside the caller's transaction."""

    def __init__(self, planner: Any, events: Any, say: Progress) -> None:
        self.events = events
        self.say = say
        self.checker = EventChecker(planner.app.mapper)
        self.follower = follower_for(planner)
        self.link = GENESIS

    def load(self, conn: Connection, path: str | Path) -> tuple[int, Head]:
        count, position = 0, 0
        for batch in _batches(read_log(path)):
            decoded = []
            for number, row, _link in batch:
                try:
                    decoded.append((row, self.checker.check(number, row)))
                except BadEvent as bad:
                    raise _Bad(number, str(bad)) from None
            self._write(conn, decoded, (batch[0][0], batch[-1][0]))
            count += len(batch)
            position = batch[-1][1].position
            self.say(f"loaded {count} events")
        conn.execute(rm.position.update().where(rm.position.c.name == POSITION_NAME)
                     .values(position=position))
        if conn.dialect.name == "postgresql" and count:
            conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{self.events.name}', "
                              f"'id'), (SELECT max(id) FROM {self.events.name}))"))
        keyed = conn.execute(select(audit_chain.c.link)
                             .where(audit_chain.c.position == position)).scalar()
        return count, Head(position, keyed or self.link)

    def _write(self, conn: Connection, decoded: list[tuple[StoredRow, Any]],
               lines: tuple[int, int]) -> None:
        rows = [row for row, _ in decoded]
        conn.execute(insert(self.events), [
            {"id": r.position, "originator_id": UUID(r.originator_id),
             "originator_version": r.originator_version, "topic": r.topic, "state": r.state}
            for r in rows])
        if self.follower is not None:
            # Linked afresh with this instance's key, in the import's own transaction; the
            # file's own chain (unkeyed) was checked line by line as it was read.
            self.follower.chain_in_transaction(conn, [(r.position, r) for r in rows])
        for row in rows:
            self.link = next_link(self.link, row)
        try:
            apply_batch(conn, [(row.position, event) for row, event in decoded])
        except SQLAlchemyError:
            raise
        except Exception as error:  # noqa: BLE001 - a handler cannot take these events
            raise _Bad(lines[0], f"(up to line {lines[1]}) the read models cannot be built "
                                 f"from these events ({type(error).__name__}: {error})") from None


def _batches(lines: Iterator[tuple[int, StoredRow, str]]) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in lines:
        batch.append(item)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _refuse_unless_empty(conn: Connection, events: Any) -> None:
    found = int(conn.execute(select(func.count()).select_from(events)).scalar() or 0)
    if found:
        raise ExchangeError("the database is not empty (it holds %(found)s events); import only "
                            "into a new, empty database; nothing was imported", "database",
                            found=found)


def _lock(conn: Connection, events: Any) -> None:
    """Keep other writers out until the import commits."""
    if conn.dialect.name == "postgresql":
        conn.execute(text(f"LOCK TABLE {events.name} IN EXCLUSIVE MODE"))
    else:
        conn.execute(text(f"DELETE FROM {events.name} WHERE 1 = 0"))  # takes the write lock
