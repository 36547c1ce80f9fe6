"""The import command: many new people or profiles in one save, or none."""

from __future__ import annotations

from collections.abc import Sequence
from uuid import UUID

from planner.commands.base import CommandSupport
from planner.domain.errors import DomainError
from planner.domain.organisation import DEFAULT_ORGANISATION_ID
from planner.imports.checking import RowError, register
from planner.imports.fields import known_kind
from planner.privacy.keys import KeyStore


class ImportRefused(DomainError):
    """Some rows break a rule: nothing was saved. `errors` names each row, field and rule."""

    def __init__(self, errors: Sequence[RowError]) -> None:
        super().__init__("rows", "; ".join(str(e) for e in errors))
        self.errors = list(errors)


class ImportCommands(CommandSupport):
    keys: KeyStore  # set by PlannerApplication.construct_mapper
    def import_records(self, kind: str, rows: Sequence[tuple[int, dict[str, str]]], *,
                       actor: str, owner_org_id: UUID | str = DEFAULT_ORGANISATION_ID
                       ) -> list[UUID]:
        """Register one record per row (row number, field -> text) in one save. Any row
        the domain refuses refuses the whole import (ImportRefused, nothing saved).

        Which rows are new is the caller's to decide (planner.imports.service compares
        them with the read model); this command only guarantees all or nothing."""
        known_kind(kind)
        owner = self.known_organisation("owner_org_id", owner_org_id)
        made, errors = [], []
        for number, values in rows:
            try:
                made.append(register(kind, values, actor=actor, owner_org_id=owner,
                                     at=self._stamp()))
            except DomainError as error:
                errors.append(RowError.of(number, error))
        if errors:
            raise ImportRefused(errors)
        if made:
            with self.keys.reading():  # each new person's key is read once, not thrice
                self._commit(*made)
        return [a.id for a in made]
