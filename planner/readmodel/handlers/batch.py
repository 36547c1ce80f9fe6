"""The rows one batch of events changes, kept in memory and written once at its end.

Handlers never read or write the database themselves. Before they run, the rows the batch's
events change are read in one statement per table (`load`); handlers then change those rows
and insert new ones in memory, and `flush` writes the outcome with one statement per table and
kind: deletes (an IN list), then inserts (one executemany, multi-row VALUES where the driver
can). A row changed twice in a batch is written once; nothing is read back.

Inserts skip SQLAlchemy's per-row parameter handling, which costs more than the database's own
work here: rows go to the driver as tuples, converted by the columns' own bind processors (so
they are stored exactly as SQLAlchemy would store them); PostgreSQL takes them with COPY.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import datetime
from functools import cache
from operator import itemgetter
from typing import Any

from sqlalchemy import Table, tuple_
from sqlalchemy.engine import Connection, Dialect

Row = dict[str, Any]
Key = tuple[Any, ...]

CHUNK = 500  # keys per IN list: well inside every driver's parameter limit


def chunks(items: Iterable[Any], size: int = CHUNK) -> Iterator[list[Any]]:
    batch: list[Any] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


@cache
def _pk(table: Table) -> tuple[str, ...]:
    return tuple(c.name for c in table.primary_key.columns)


@cache
def _key_of(table: Table) -> Callable[[Row], Key]:
    """A row's primary key, as a tuple."""
    names = _pk(table)
    if len(names) == 1:
        only = names[0]
        return lambda row: (row[only],)
    return itemgetter(*names)


@cache
def _defaults(table: Table) -> tuple[tuple[str, Any], ...]:
    """What an insert leaves out gets the column's default, as a single insert would."""
    found = []
    for column in table.columns:
        default = column.default
        found.append((column.name, getattr(default, "arg", None) if default is not None else None))
    return tuple(found)


@cache
def _getter(table: Table) -> Callable[[Row], tuple[Any, ...]]:
    """Every column's value of a row, in the table's order (KeyError if one is missing)."""
    names = [name for name, _ in _defaults(table)]
    if len(names) == 1:
        only = names[0]
        return lambda row: (row[only],)
    return itemgetter(*names)


@cache
def _processors(table: Table, dialect: Dialect) -> tuple[tuple[int, Callable[[Any], Any]], ...]:
    """The columns (by position) whose values the dialect converts, with their converters."""
    found = []
    for i, column in enumerate(table.columns):
        process = column.type.dialect_impl(dialect).bind_processor(dialect)
        if process is not None:
            found.append((i, _as_isoformat(process) if _writes_isoformat(process) else process))
    return tuple(found)


_SAMPLES = (datetime(2030, 6, 1, 8, 5, 9, 7), datetime(987, 12, 31, 23, 59, 59),
            datetime(2024, 2, 29))


def _writes_isoformat(process: Callable[[Any], Any]) -> bool:
    """Whether a converter writes naive datetimes as `isoformat(" ", "microseconds")` does
    (SQLite's default DATETIME storage format does, with a %-format of a dict per value)."""
    try:
        return all(process(d) == d.isoformat(" ", "microseconds") for d in _SAMPLES)
    except (TypeError, ValueError, AttributeError):
        return False


def _as_isoformat(process: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """The same converter, three times faster for naive datetimes (a rebuild writes many)."""

    def convert(value: Any) -> Any:
        if type(value) is datetime and value.tzinfo is None:
            return value.isoformat(" ", "microseconds")
        return process(value)

    return convert


def insert_rows(conn: Connection, table: Table, rows: Iterable[Row]) -> None:
    """Insert rows (dicts; missing columns get their defaults) in one go."""
    dialect = conn.dialect
    columns = _defaults(table)
    processors = _processors(table, dialect)
    every = _getter(table)
    defaults, width = dict(columns), len(columns)
    tuples = []
    for row in rows:
        if len(row) < width:  # columns left to their defaults
            row = {**defaults, **row}
        try:
            values = every(row)  # one C call per row
        except KeyError:  # a row with other keys besides
            values = every({**defaults, **row})
        if processors:
            converted = list(values)
            for i, process in processors:
                converted[i] = process(converted[i])
            values = tuple(converted)
        tuples.append(values)
    if not tuples:
        return
    quote = dialect.identifier_preparer.quote
    schema = (conn.get_execution_options().get("schema_translate_map") or {}).get(None)
    target = f"{quote(schema)}.{quote(table.name)}" if schema else quote(table.name)
    names = ", ".join(quote(name) for name, _ in columns)
    if dialect.name == "postgresql":
        cursor = conn.connection.cursor()
        with cursor.copy(f"COPY {target} ({names}) FROM STDIN") as copy:
            for values in tuples:
                copy.write_row(values)
        return
    marks = ", ".join("?" if dialect.paramstyle == "qmark" else "%s" for _ in columns)
    conn.exec_driver_sql(f"INSERT INTO {target} ({names}) VALUES ({marks})", tuples)


class Batch:
    """An in-memory copy of the rows a batch touches, and what it must write at the end.

    `owners` names, for a table whose rows belong to one aggregate each, the column holding
    that aggregate's id (rm_members: trip_id). An aggregate in `fresh` (its first event is in
    this batch) has no rows in the database yet: deleting its rows needs no statement."""

    def __init__(self, conn: Connection, owners: Mapping[Table, str] | None = None) -> None:
        self.conn = conn
        self.owners: Mapping[Table, str] = owners or {}
        self.fresh: set[str] = set()
        self._owned: dict[Table, dict[Any, set[Key]]] = defaultdict(lambda: defaultdict(set))
        self._rows: dict[Table, dict[Key, Row | None]] = defaultdict(dict)
        self._changed: dict[Table, set[Key]] = defaultdict(set)
        self._stored: dict[Table, set[Key]] = defaultdict(set)  # may exist in the database
        self._deleted_by: dict[Table, dict[tuple[str, ...], set[Key]]] = defaultdict(
            lambda: defaultdict(set))
        self.before: dict[Table, dict[Key, Row]] = defaultdict(dict)
        self.notes: dict[str, set[Any]] = defaultdict(set)

    def note(self, topic: str, value: Any) -> None:
        """Remember something later steps need (which plans changed, for the warnings)."""
        self.notes[topic].add(value)

    # -- reading, once per table --------------------------------------------------------
    def load(self, table: Table, keys: Iterable[Any]) -> None:
        """Read the rows of `table` with these (single-column) primary keys into the batch."""
        (name,) = _pk(table)
        wanted = sorted({k for k in keys if (k,) not in self._rows[table]})
        column = table.c[name]
        for part in chunks(wanted):
            for row in self.conn.execute(table.select().where(column.in_(part))).mappings():
                key = (row[name],)
                self._rows[table][key] = dict(row)
                if table in self.owners:
                    self._owned[table][row[self.owners[table]]].add(key)
                self.before[table][key] = dict(row)
                self._stored[table].add(key)

    def rows(self, table: Table) -> Iterable[tuple[Key, Row | None]]:
        """Every row of `table` the batch holds (None: deleted), by primary key."""
        return self._rows[table].items()

    def changed(self, table: Table) -> list[tuple[Key, Row | None]]:
        """The rows of `table` this batch changed so far (None: deleted), by primary key."""
        rows = self._rows[table]
        return [(k, rows.get(k)) for k in self._changed.get(table, ())]

    def row(self, table: Table, *key: Any) -> Row | None:
        """A row loaded or inserted in this batch (None when there is none)."""
        return self._rows[table].get(tuple(key))

    # -- changing, in memory -----------------------------------------------------------
    def insert(self, table: Table, *rows: Row) -> None:
        key_of, held, changed = _key_of(table), self._rows[table], self._changed[table]
        owner = self.owners.get(table)
        for row in rows:
            key = key_of(row)
            held[key] = row
            changed.add(key)
            if owner is not None:
                self._owned[table][row[owner]].add(key)

    def update(self, table: Table, key: Key, values: Row) -> Row | None:
        """Change the row with this primary key; a missing row stays missing (like UPDATE)."""
        row = self._rows[table].get(key)
        if row is not None:
            row.update(values)
            self._changed[table].add(key)
        return row

    def delete(self, table: Table, **where: Any) -> None:
        """Delete the rows whose columns have these values (the primary key or any other)."""
        names = tuple(sorted(where))
        values = tuple(where[n] for n in names)
        rows = self._rows[table]
        owner = self.owners.get(table)
        stored = owner is None or where.get(owner) not in self.fresh  # may be in the database
        if names == tuple(sorted(_pk(table))):
            key = tuple(where[n] for n in _pk(table))
            rows[key] = None
            self._changed[table].add(key)
            if stored:
                self._stored[table].add(key)
            return
        # The rows held that may match: those of the owner named (all it inserted), or all.
        held = (self._owned[table].get(where[owner], ()) if owner in where
                else rows.keys())
        for key in list(held):
            row = rows[key]
            if row is not None and tuple(row[n] for n in names) == values:
                rows[key] = None
                self._changed[table].add(key)
        if stored:
            self._deleted_by[table][names].add(values)

    # -- writing, once per table -------------------------------------------------------
    def flush(self) -> None:
        for table in list(self._deleted_by):
            for names, values in self._deleted_by[table].items():
                self._delete_in(table, names, values)
        for table, keys in self._changed.items():
            rows = self._rows[table]
            self._delete_in(table, _pk(table), keys & self._stored[table])
            insert_rows(self.conn, table, (row for k, row in rows.items()
                                           if row is not None and k in keys))
        self._changed.clear()
        self._deleted_by.clear()

    def _delete_in(self, table: Table, names: tuple[str, ...], keys: Iterable[Key]) -> None:
        columns = [table.c[n] for n in names]
        target = columns[0] if len(columns) == 1 else tuple_(*columns)
        for part in chunks(keys):
            values = [k[0] for k in part] if len(columns) == 1 else part
            self.conn.execute(table.delete().where(target.in_(values)))
