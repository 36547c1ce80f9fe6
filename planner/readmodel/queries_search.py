"""The search box: records of every kind whose title holds every word of the query, in the
viewer's organisation's reach (planner.organisations.scope.search_clause). How words are
matched on each database is in planner.readmodel.search_tables."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID

import sqlalchemy.dialects.postgresql  # noqa: F401 - registers to_tsvector's types
from sqlalchemy import ColumnElement, and_, case, func, literal_column, select, text
from sqlalchemy.engine import Connection

from planner.domain.errors import ValidationError
from planner.organisations.access import Viewer
from planner.organisations.scope import search_clause
from planner.readmodel.keys import fold, like_pattern, uid
from planner.readmodel.queries_base import QueryBase, paging
from planner.readmodel.rows import Page
from planner.readmodel.search_tables import FTS, KINDS, search, uses_fts

MAX_QUERY = 200  # characters: a name, not a document
TRIGRAM = 3  # the shortest word the trigram indexes serve


@dataclass(frozen=True)
class SearchHit:
    kind: str  # one of search_tables.KINDS
    id: UUID
    title: str
    trip_id: UUID | None  # a meeting's trip (its page's address)


def search_words(query: str) -> list[str]:
    """The folded words of a query (accents and case ignored), or a clear error."""
    if not isinstance(query, str):
        raise ValidationError("q", "must be text, got %(type)s", type=type(query).__name__)
    if len(query) > MAX_QUERY:
        raise ValidationError("q", "must be at most %(max_query)s characters; got %(count)s",
                              max_query=MAX_QUERY, count=len(query))
    return fold(query).split()


def _fts_phrase(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def words_clause(conn: Connection, words: list[str]) -> ColumnElement[bool]:
    """Every word is part of the key. The LIKE is the rule; on SQLite the FTS5 trigram index
    narrows the rows first for words of three characters or more."""
    key = search.c.title_key
    conditions: list[ColumnElement[bool]] = [key.like(like_pattern(w), escape="\\")
                                             for w in words]
    long_words = [w for w in words if len(w) >= TRIGRAM]
    if long_words and uses_fts(conn):
        match = " ".join(_fts_phrase(w) for w in long_words)
        rowids = text(f"SELECT rowid FROM {FTS} WHERE {FTS} MATCH :match").bindparams(
            match=match).columns(literal_column("rowid"))
        conditions.append(literal_column("rm_search.rowid").in_(rowids))
    return and_(*conditions)


def _ranking(conn: Connection, words: list[str]) -> list[Any]:
    """Kinds in their order; within a kind, on PostgreSQL, titles with the words as whole
    words first (full-text search); then by title."""
    order: list[Any] = [case({k: i for i, k in enumerate(KINDS)}, value=search.c.kind)]
    if conn.dialect.name == "postgresql":
        vector = func.to_tsvector(literal_column("'simple'"), search.c.title_key)
        query = func.plainto_tsquery(literal_column("'simple'"), " ".join(words))
        order.append(vector.bool_op("@@")(query).desc())
    return [*order, search.c.title_key, search.c.record_id]


class SearchQueries(QueryBase):
    def search(self, query: str, *, viewer: Viewer, kinds: tuple[str, ...] = KINDS,
               page: int = 1, per_page: int = 50) -> Page[SearchHit]:
        """Records whose title holds every word of `query`, grouped by kind (in KINDS order),
        that the viewer may see; an empty query finds nothing."""
        words = search_words(query)
        page, per_page = paging(page, per_page)
        unknown = sorted(set(kinds) - set(KINDS))
        if unknown:
            raise ValidationError("kind", "must be one of %(value)s; got %(unknown)r",
                                  value=', '.join(KINDS), unknown=unknown[0])
        if not words:
            return Page(items=(), page=page, per_page=per_page, total=0)
        with self._connect() as conn:
            statement = select(search.c.kind, search.c.record_id, search.c.title,
                               search.c.trip_id).where(words_clause(conn, words),
                                                       search.c.kind.in_(kinds))
            visible = search_clause(viewer)
            if visible is not None:
                statement = statement.where(visible)
            statement = statement.order_by(*_ranking(conn, words))
            return self._page(conn, statement, page, per_page, _hits)


def _hits(conn: Connection, rows: list[Any]) -> list[SearchHit]:
    return [SearchHit(kind=r["kind"], id=uid(r["record_id"]), title=r["title"],
                      trip_id=uid(r["trip_id"]) if r["trip_id"] else None) for r in rows]
