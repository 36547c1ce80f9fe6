"""Import an exported log into an empty database: verify first, then all or nothing.

The file is verified completely before anything is written; the events are then inserted in
one transaction with their original positions (and checked again while inserting, in case the
file changed in between). Afterwards the chain is rebuilt from the imported events, and must
cover every imported event (the file's head is that of its unkeyed chain; the database's
chain is linked afresh with this instance's key), and the read models are rebuilt from the
log.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from uuid import UUID

from eventsourcing.utils import TopicError, resolve_topic
from sqlalchemy import func, insert, select, text
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from planner.audit.chain import Head, chained_head
from planner.audit.exchange import ExchangeError, _Bad, _engine, read_header, read_log, verify_file
from planner.audit.follower import follower_for

Progress = Callable[[str], None]
BATCH = 500


@dataclass(frozen=True)
class ImportResult:
    count: int
    head: Head


def import_log(planner: Any, path: str | Path, progress: Progress | None = None) -> ImportResult:
    """Load an exported log into this (empty) database and rebuild everything derived."""
    say = progress or (lambda _: None)
    engine = _engine(planner)
    events = planner.events_table
    _refuse_unless_empty(engine, events)
    header = read_header(path)
    if header.app != planner.app.name:
        raise ExchangeError(f"{path}: line 1: the file is a log of application {header.app!r}, "
                            f"not {planner.app.name!r}; nothing was imported")
    say(f"verifying {path} ({header.count} events)")
    verdict = verify_file(path)
    if not verdict.ok:
        raise ExchangeError(f"{path}: {verdict.problem}; nothing was imported")
    say("loading events")
    try:
        with engine.begin() as conn:
            _lock(conn, events)
            _refuse_unless_empty(conn, events)
            count = _insert_all(conn, events, path, say)
            if conn.dialect.name == "postgresql" and count:
                conn.execute(text(f"SELECT setval(pg_get_serial_sequence('{events.name}', "
                                  f"'id'), (SELECT max(id) FROM {events.name}))"))
    except IntegrityError:
        raise ExchangeError(f"{path}: two lines give the same record version; nothing was "
                            "imported") from None
    say("chaining")
    follower = follower_for(planner)
    assert follower is not None
    follower.rechain()
    head = chained_head(engine)
    if head.position != header.head.position:
        raise ExchangeError(f"{path}: the imported chain ends at position {head.position}, "
                            f"not at the file's head {header.head}")
    say("rebuilding read models")
    rebuild_read_models(planner, say)
    return ImportResult(count, head)


def rebuild_read_models(planner: Any, say: Progress) -> None:
    """Rebuild the read models from the log, with whatever projector the planner has wired."""
    projector = planner.projector
    if projector is None:
        return
    projector.rebuild(lambda done, total: say(f"read models: {done}/{total} events"))


def _refuse_unless_empty(bind: Any, events: Any) -> None:
    def count(conn: Connection) -> int:
        return int(conn.execute(select(func.count()).select_from(events)).scalar() or 0)

    if isinstance(bind, Connection):
        found = count(bind)
    else:
        with bind.connect() as conn:
            found = count(conn)
    if found:
        raise ExchangeError(f"the database is not empty (it holds {found} events); import only "
                            "into a new, empty database; nothing was imported", "database")


def _lock(conn: Connection, events: Any) -> None:
    """Keep other writers out until the import commits."""
    if conn.dialect.name == "postgresql":
        conn.execute(text(f"LOCK TABLE {events.name} IN EXCLUSIVE MODE"))
    else:
        conn.execute(text(f"DELETE FROM {events.name} WHERE 1 = 0"))  # takes the write lock


def _insert_all(conn: Connection, events: Any, path: str | Path, say: Progress) -> int:
    batch: list[dict[str, Any]] = []
    count = 0
    try:
        for number, row, _link in read_log(path):
            try:
                resolve_topic(row.topic)
                originator = UUID(row.originator_id)
            except (TopicError, ValueError):
                raise _Bad(number, f"unknown event type or record id ({row.topic!r}, "
                                   f"{row.originator_id!r})") from None
            batch.append({"id": row.position, "originator_id": originator,
                          "originator_version": row.originator_version, "topic": row.topic,
                          "state": row.state})
            if len(batch) == BATCH:
                conn.execute(insert(events), batch)
                count += len(batch)
                batch = []
                say(f"loaded {count} events")
    except _Bad as bad:
        raise ExchangeError(f"{path}: {bad}; nothing was imported") from None
    if batch:
        conn.execute(insert(events), batch)
        count += len(batch)
    return count
