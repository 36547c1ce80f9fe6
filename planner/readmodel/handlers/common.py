"""What every handler shares: the row columns that record an aggregate's version and changes."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from sqlalchemy import ClauseElement, Executable, Table, and_, bindparam
from sqlalchemy.engine import Connection

from planner.readmodel.keys import to_db

Handler = Callable[[Connection, Any, int], None]


def key(event: Any) -> str:
    """The aggregate id of an event, as stored in the tables."""
    return str(event.originator_id)


def created(event: Any, seq: int) -> dict[str, Any]:
    """Columns of a new aggregate row, from its first event."""
    at = to_db(event.timestamp)
    return dict(id=key(event), version=event.originator_version, created_seq=seq, created_at=at,
                last_changed_by=event.actor, last_changed_at=at, last_reason=event.reason)


def touch(conn: Connection, table: Table, event: Any, **values: Any) -> None:
    """Update an aggregate row: the given columns plus its version and last change."""
    update(conn, table, dict(id=key(event)), dict(
        version=event.originator_version, last_changed_by=event.actor,
        last_changed_at=to_db(event.timestamp), last_reason=event.reason, **values))


# -- statements built once and reused: a rebuild runs thousands of them -------------------
_STATEMENTS: dict[tuple[str, str, tuple[str, ...], tuple[str, ...]], Executable] = {}


def _where(table: Table, names: tuple[str, ...]) -> Any:
    return and_(*(table.c[n] == bindparam(f"w_{n}") for n in names))


def _cached(kind: str, table: Table, where: tuple[str, ...], values: tuple[str, ...],
            build: Callable[[], Executable]) -> Executable:
    signature = (kind, table.name, where, values)
    statement = _STATEMENTS.get(signature)
    if statement is None:
        statement = _STATEMENTS[signature] = build()
    return statement


def insert(conn: Connection, table: Table, rows: dict[str, Any] | list[dict[str, Any]]) -> None:
    """Insert one row or several (several in one executemany)."""
    if rows:
        conn.execute(_cached("insert", table, (), (), table.insert), rows)


def update(conn: Connection, table: Table, where: dict[str, Any], values: dict[str, Any]) -> None:
    """Update the rows matching `where` (column = value each). Values that are SQL
    expressions (a column + 1, a CASE) make a one-off statement."""
    names = tuple(sorted(where))
    if any(isinstance(value, ClauseElement) for value in values.values()):
        conn.execute(table.update().where(*(table.c[n] == where[n] for n in names))
                     .values(**values))
        return
    columns = tuple(sorted(values))
    statement = _cached("update", table, names, columns, lambda: table.update().where(
        _where(table, names)).values({c: bindparam(f"v_{c}") for c in columns}))
    conn.execute(statement, {**{f"w_{n}": where[n] for n in names},
                             **{f"v_{c}": values[c] for c in columns}})


def delete(conn: Connection, table: Table, **where: Any) -> None:
    names = tuple(sorted(where))
    statement = _cached("delete", table, names, (),
                        lambda: table.delete().where(_where(table, names)))
    conn.execute(statement, {f"w_{n}": where[n] for n in names})


def touching(table: Table) -> Handler:
    """A handler for events that change nothing the read model shows but the version."""

    def handle(conn: Connection, event: Any, seq: int) -> None:
        touch(conn, table, event)

    return handle
