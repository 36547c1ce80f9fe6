"""`rebuild --verify`: rebuild the read models into a scratch place and compare row by row.

The scratch place is a temporary SQLite file next to nothing (for a SQLite database) or a
scratch schema in the same PostgreSQL database, dropped afterwards. The live tables are read in
one snapshot, and the scratch copy is rebuilt up to exactly the live position, so writes going
on meanwhile cannot show up as differences.
"""

from __future__ import annotations

import shutil
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Table, create_engine, select, text
from sqlalchemy.engine import Connection

from planner.readmodel import tables as t
from planner.readmodel.projector import Progress, Projector
from planner.readmodel.queries_base import read_snapshot


@dataclass(frozen=True)
class Difference:
    table: str
    key: str
    column: str
    live: Any
    rebuilt: Any

    def __str__(self) -> str:
        return (f"{self.table} [{self.key}] {self.column}: live {self.live!r}, "
                f"rebuilt {self.rebuilt!r}")


@contextmanager
def scratch_projector(live: Projector) -> Iterator[Projector]:
    """A projector writing to a throw-away copy of the read-model tables."""
    if live.engine.dialect.name == "sqlite":
        folder = Path(tempfile.mkdtemp(prefix="planner-verify-"))
        engine = create_engine(f"sqlite:///{folder / 'scratch.sqlite3'}")
        try:
            yield Projector(engine, live.mapper, live.events, batch_size=live.batch_size,
                            source=live.engine)
        finally:
            engine.dispose()
            shutil.rmtree(folder, ignore_errors=True)
        return
    schema = f"rm_verify_{uuid.uuid4().hex[:12]}"
    with live.engine.begin() as conn:
        conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield Projector(live.engine, live.mapper, live.events, batch_size=live.batch_size,
                        schema=schema)
    finally:
        with live.engine.begin() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))


def verify(live: Projector, progress: Progress | None = None) -> list[Difference]:
    """Catch the live read models up, rebuild a scratch copy from the log to the same
    position and return every difference between the two (empty when identical)."""
    live.ensure_current()
    with scratch_projector(live) as scratch, read_snapshot(live.engine) as live_conn:
        position = int(live_conn.execute(select(t.position.c.position)).scalar() or 0)
        scratch.reset()
        scratch.catch_up(progress, stop=position)
        with scratch.connect() as scratch_conn:
            return [difference for table in t.metadata.sorted_tables
                    for difference in compare(table, live_conn, scratch_conn)]


def _rows(conn: Connection, table: Table) -> dict[tuple[Any, ...], dict[str, Any]]:
    keys = list(table.primary_key.columns)
    rows = conn.execute(select(table).order_by(*keys)).mappings()
    return {tuple(r[c.name] for c in keys): dict(r) for r in rows}


def compare(table: Table, live_conn: Connection, scratch_conn: Connection) -> list[Difference]:
    """The differences in one table, keyed by primary key, in key order."""
    live, rebuilt = _rows(live_conn, table), _rows(scratch_conn, table)
    names = [c.name for c in table.primary_key.columns]
    found = []
    for key in sorted(set(live) | set(rebuilt), key=lambda k: tuple(map(str, k))):
        label = ", ".join(f"{n}={v}" for n, v in zip(names, key, strict=True))
        if key not in rebuilt:
            found.append(Difference(table.name, label, "(row)", "present", "missing"))
        elif key not in live:
            found.append(Difference(table.name, label, "(row)", "missing", "present"))
        else:
            for column in table.columns:
                a, b = live[key][column.name], rebuilt[key][column.name]
                if a != b:
                    found.append(Difference(table.name, label, column.name, a, b))
    return found
