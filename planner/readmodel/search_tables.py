"""The search index (rm_search): one row per trip, meeting, person, organisation, profile and
agreement, with its title and folded search key, filled by the projector like every rm_ table.

Matching is "every word of the query is part of the key" on both databases, so a query finds
the same records on SQLite and PostgreSQL, and Chinese names (which word tokenizers do not
split) are found by any of their characters. The databases' own search indexes make it fast:

- SQLite: an FTS5 table with the `trigram` tokenizer (SQLite >= 3.34) over the keys, kept by
  triggers (external content, so the keys are stored once). A trigram needs three characters:
  words of one or two characters are matched with LIKE on the key (a scan of rm_search).
- PostgreSQL: a full-text index (`to_tsvector('simple', key)`, which ranks whole words first)
  and, where the pg_trgm extension is installed or may be installed, a trigram GIN index that
  serves the LIKE of every word; without pg_trgm the LIKE scans rm_search (correct, slower).
"""

from __future__ import annotations

import logging
import re
import sqlite3
from typing import Any

import sqlalchemy.dialects.postgresql  # noqa: F401 - registers to_tsvector's types before it is built below
from sqlalchemy import Column, Index, String, Table, event, func, literal_column, text
from sqlalchemy.engine import Connection

from planner.readmodel import tables as t

log = logging.getLogger(__name__)

KINDS = ("trip", "meeting", "person", "organisation", "profile", "agreement")
"""The kinds of record the search finds, in the order a result page shows them."""

search = Table(
    "rm_search", t.metadata,
    Column("kind", String(16), primary_key=True), t._id("record_id", True),
    t._text("title"), t._text("title_key"),
    t._text("owner_org_id"), t._text("organisation_id"), t._text("trip_id"),
    Index("rm_search_words", func.to_tsvector(literal_column("'simple'"),
                                              literal_column("title_key")),
          postgresql_using="gin").ddl_if(dialect="postgresql"),
    Index("rm_search_trigrams", "title_key", postgresql_using="gin",
          postgresql_ops={"title_key": "gin_trgm_ops"}).ddl_if(
        dialect="postgresql", callable_=lambda ddl, target, bind, **kw: _pg_trgm(bind)),
)

FTS = "rm_search_fts"
HAS_TRIGRAM = sqlite3.sqlite_version_info >= (3, 34, 0)
_SHADOW = re.compile(rf"^{FTS}_(data|idx|docsize|config|content)$")

_SQLITE_DDL = (
    f"CREATE VIRTUAL TABLE {FTS} USING fts5(title_key, content='rm_search', "
    "tokenize='trigram')",
    f"CREATE TRIGGER rm_search_added AFTER INSERT ON rm_search BEGIN "
    f"INSERT INTO {FTS}(rowid, title_key) VALUES (new.rowid, new.title_key); END",
    f"CREATE TRIGGER rm_search_removed AFTER DELETE ON rm_search BEGIN "
    f"INSERT INTO {FTS}({FTS}, rowid, title_key) VALUES ('delete', old.rowid, old.title_key); "
    "END",
    f"CREATE TRIGGER rm_search_changed AFTER UPDATE ON rm_search BEGIN "
    f"INSERT INTO {FTS}({FTS}, rowid, title_key) VALUES ('delete', old.rowid, old.title_key); "
    f"INSERT INTO {FTS}(rowid, title_key) VALUES (new.rowid, new.title_key); END",
)


def is_shadow(name: str) -> bool:
    """A table SQLite keeps for the FTS5 index itself: it goes when the index is dropped."""
    return bool(_SHADOW.match(name))


def is_index(name: str) -> bool:
    """A table that belongs to the search index, not to the metadata (kept by triggers)."""
    return name == FTS or is_shadow(name)


def uses_fts(conn: Connection) -> bool:
    return conn.dialect.name == "sqlite" and HAS_TRIGRAM


def _pg_trgm(conn: Connection) -> bool:
    """Whether pg_trgm's operators can be used here, installing it if this user may (in a
    savepoint, so that a refusal leaves the transaction usable)."""
    visible = ("SELECT 1 FROM pg_opclass WHERE opcname = 'gin_trgm_ops' "
               "AND pg_opclass_is_visible(oid)")
    if conn.exec_driver_sql(visible).first() is not None:
        return True
    try:
        with conn.begin_nested():
            conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    except Exception as error:  # noqa: BLE001 - any refusal means: search without it
        log.warning("search: pg_trgm is not available (%s); words are matched by a scan",
                    str(error).splitlines()[0])
        return False
    return conn.exec_driver_sql(visible).first() is not None


@event.listens_for(search, "after_create")
def _create_fts(target: Table, conn: Connection, **kw: Any) -> None:
    if uses_fts(conn):
        for statement in _SQLITE_DDL:
            conn.execute(text(statement))
    elif conn.dialect.name == "sqlite":
        log.warning("search: SQLite %s has no trigram tokenizer (3.34 or later has); words "
                    "are matched by a scan", sqlite3.sqlite_version)
