"""What an import compares its rows with: the people and profiles the importer may see."""

from __future__ import annotations

from sqlalchemy import select

from planner.organisations import scope
from planner.organisations.access import Viewer
from planner.readmodel import tables as t
from planner.readmodel.queries_base import QueryBase


class ImportQueries(QueryBase):
    def people_identities(self, viewer: Viewer | None) -> list[dict[str, str]]:
        """E-mail, name and organisation of everyone the viewer may see (None: everyone)."""
        p = t.people
        query = select(p.c.id, p.c.email, p.c.name, p.c.organisation)
        clause = None if viewer is None else scope.people_clause(viewer)
        if clause is not None:
            query = query.where(clause)
        with self._connect() as conn:
            return [dict(r) for r in conn.execute(query).mappings()]

    def profile_identities(self, viewer: Viewer | None) -> list[dict[str, str]]:
        """Name and country of every profile the viewer may see (None: every profile)."""
        p = t.profiles
        query = select(p.c.id, p.c.name, p.c.country)
        clause = None if viewer is None else scope.profiles_clause(viewer)
        if clause is not None:
            query = query.where(clause)
        with self._connect() as conn:
            return [dict(r) for r in conn.execute(query).mappings()]
