"""Domain errors. Each message names the field (or record) and the rule that was broken."""

from __future__ import annotations

from uuid import UUID


class DomainError(Exception):
    """A command was refused; nothing was written."""

    def __init__(self, field: str, rule: str) -> None:
        super().__init__(f"{field}: {rule}")
        self.field = field
        self.rule = rule


class ValidationError(DomainError):
    """An input value breaks a rule of its field (empty, too long, unknown zone...)."""


class InvariantError(DomainError):
    """The command is well-formed but the record's state does not allow it."""


class NotFoundError(DomainError):
    def __init__(self, kind: str, record_id: UUID | str) -> None:
        super().__init__(kind, f"no {kind} with id {record_id}")
        self.kind = kind
        self.record_id = record_id


class ConflictError(DomainError):
    """The record changed after the caller read it; the caller must look again."""

    def __init__(
        self, kind: str, record_id: UUID, expected_version: int | None, current_version: int
    ) -> None:
        if expected_version is None:
            rule = f"{kind} {record_id} was changed by someone else at the same time"
        else:
            rule = (
                f"{kind} {record_id} has changed since you loaded it "
                f"(you saw version {expected_version}, it is now at version {current_version})"
            )
        super().__init__(kind, rule)
        self.kind = kind
        self.record_id = record_id
        self.expected_version = expected_version
        self.current_version = current_version
