"""Checking every row of a file against the domain's rules, writing nothing.

A row is `new` (it will be saved), `existing` (the importer's organisation already sees the
same record: importing adds nothing) or `refused` (its errors say why). Rows the same as an
earlier row of the file are refused too ("the same person as row 12"), so that the file, not
the order of its rows, decides what is saved.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from planner.domain.company import CompanyProfile
from planner.domain.errors import DomainError, Translate, Word, translate
from planner.domain.organisation import DEFAULT_ORGANISATION_ID
from planner.domain.person import Person
from planner.imports.fields import FIELDS, PEOPLE, identity, split_list
from planner.spreadsheet.reading import Table

NEW, EXISTING, REFUSED = "new", "existing", "refused"


@dataclass(frozen=True)
class RowError:
    number: int
    field: str
    rule: str  # in English; `translated` gives the reader's language
    message_id: str = ""
    params: Mapping[str, object] = field(default_factory=dict, compare=False, hash=False)

    @classmethod
    def of(cls, number: int, error: DomainError) -> RowError:
        return cls(number, error.field, error.rule, error.message_id, error.params)

    def translated(self, tr: Translate) -> str:
        return translate(tr, self.message_id or self.rule, self.params)

    def __str__(self) -> str:
        return f"row {self.number}: {self.field}: {self.rule}"


@dataclass
class CheckedRow:
    number: int
    values: dict[str, str]  # field -> the text of its cell
    errors: list[RowError] = field(default_factory=list)
    state: str = NEW


@dataclass
class Preview:
    kind: str
    mapping: dict[str, str]
    rows: list[CheckedRow]

    def count(self, state: str) -> int:
        return sum(1 for r in self.rows if r.state == state)

    @property
    def errors(self) -> list[RowError]:
        return [e for r in self.rows for e in r.errors]

    def new_rows(self) -> list[tuple[int, dict[str, str]]]:
        return [(r.number, r.values) for r in self.rows if r.state == NEW]


def register(kind: str, values: Mapping[str, str], *, actor: str,
             owner_org_id: str = DEFAULT_ORGANISATION_ID, at: Any = None
             ) -> Person | CompanyProfile:
    """The new aggregate for a row (its constructor checks every rule); not saved."""
    given = {k: (values.get(k) or "") for k in FIELDS[kind]}
    if kind == PEOPLE:
        return Person.register(actor=actor, owner_org_id=owner_org_id, at=at, **given)
    given["sectors"] = split_list(given["sectors"])  # type: ignore[assignment]
    given["interests"] = split_list(given["interests"])  # type: ignore[assignment]
    return CompanyProfile.register(actor=actor, owner_org_id=owner_org_id, at=at,
                                   **given)  # type: ignore[arg-type]


def row_errors(kind: str, number: int, values: Mapping[str, str]) -> list[RowError]:
    """Every field's error, then (if none) whatever the constructor still refuses."""
    errors = []
    for name, check in FIELDS[kind].items():
        try:
            check(values.get(name) or "")
        except DomainError as error:
            errors.append(RowError.of(number, error))
    if not errors:
        try:
            register(kind, values, actor="import")
        except DomainError as error:
            errors.append(RowError.of(number, error))
    return errors


def check(kind: str, table: Table, mapping: Mapping[str, str],
          known: Iterable[str] = ()) -> Preview:
    """Each row of `table` checked; `known`: identities of records the importer sees."""
    existing = set(known)
    seen: dict[str, int] = {}
    what = "person" if kind == PEOPLE else "profile"
    rows = []
    for sheet_row in table.rows:
        values = {f: sheet_row.cells.get(c, "") for c, f in mapping.items()}
        row = CheckedRow(sheet_row.number, values, row_errors(kind, sheet_row.number, values))
        key = identity(kind, values)
        key_field = "email" if kind == PEOPLE and values.get("email") else "name"
        if row.errors:
            row.state = REFUSED
        elif key in existing:
            row.state = EXISTING
        elif key in seen:
            row.state = REFUSED
            row.errors.append(RowError.of(row.number, DomainError(
                key_field, "the same %(what)s as row %(row)s", what=Word(what),
                row=seen[key])))
        seen.setdefault(key, row.number)
        rows.append(row)
    return Preview(kind, dict(mapping), rows)
