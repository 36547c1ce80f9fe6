"""An import from start to end: compare with what the importer's organisation sees, check,
then save the new rows in one command.

A row matching a record the organisation may see (planner.organisations.scope) is `existing`
and adds nothing. A record only another organisation sees is not compared with: the import
neither reveals it nor changes it, and the importer's organisation gets its own record.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol
from uuid import UUID

from planner.commands.imports import ImportRefused
from planner.imports.checking import Preview, check
from planner.imports.fields import PEOPLE, column_map, identity, known_kind
from planner.organisations.access import Viewer
from planner.spreadsheet.reading import Table


class IdentitySource(Protocol):
    def people_identities(self, viewer: Viewer | None) -> list[dict[str, str]]: ...

    def profile_identities(self, viewer: Viewer | None) -> list[dict[str, str]]: ...


class Importer(Protocol):
    def import_records(self, kind: str, rows: list[tuple[int, dict[str, str]]], *,
                       actor: str, owner_org_id: UUID | str) -> list[UUID]: ...


@dataclass(frozen=True)
class ImportResult:
    preview: Preview
    added: list[UUID]
    dropped: int  # rows with errors left out (only when asked to drop them)


def known_identities(queries: IdentitySource, kind: str, viewer: Viewer | None) -> set[str]:
    records = (queries.people_identities(viewer) if kind == PEOPLE
               else queries.profile_identities(viewer))
    return {identity(kind, r) for r in records}


def preview(queries: IdentitySource, kind: str, table: Table,
            given: Mapping[str, str] | None, viewer: Viewer | None) -> Preview:
    """Every row checked against the rules and against what the viewer's organisation sees."""
    mapping = column_map(known_kind(kind), table.columns, given)
    return check(kind, table, mapping, known_identities(queries, kind, viewer))


def run(app: Importer, queries: IdentitySource, kind: str, table: Table,
        given: Mapping[str, str] | None, viewer: Viewer | None, *, actor: str,
        owner_org_id: UUID | str, drop_refused: bool = False) -> ImportResult:
    """Save every new row in one command. With errors in any row nothing is saved
    (ImportRefused), unless `drop_refused`: then the rows with errors are left out."""
    checked = preview(queries, kind, table, given, viewer)
    errors = checked.errors
    if errors and not drop_refused:
        raise ImportRefused(errors)
    added = app.import_records(kind, checked.new_rows(), actor=actor,
                               owner_org_id=owner_org_id)
    return ImportResult(checked, added, len({e.number for e in errors}))
