"""Domain errors. Each message names the field (or record) and the rule that was broken.

A rule is a message template with named placeholders ("must be at most %(limit)s characters"):
the template is the message id in planner/translations, the values travel beside it in
`params`, so the same refusal can be read in German, English or Chinese. `str(error)` and
`error.rule` stay English. Rules are string literals at the raise site (never built with an
f-string, `%` or `.format`), so the catalogue test extracts every one of them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from uuid import UUID

from planner.i18n.words import N_

Translate = Callable[..., str]


class Word(str):
    """A stored word of the domain (a status, kind or role) or a phrase marked with N_:
    shown in the reader's language."""

    __slots__ = ()


class Words(tuple[str, ...]):
    """Several stored words, shown as 'one', 'two', 'three' in the reader's language."""

    def __new__(cls, values: Iterable[object]) -> Words:
        return super().__new__(cls, (str(value) for value in values))

    def __str__(self) -> str:
        return ", ".join(repr(value) for value in self)


class Phrase(str):
    """A text composed of several translated parts (a country's time zones): the str is the
    English text; `translated(tr)` composes it again in the reader's language."""

    __slots__ = ("_compose",)
    _compose: Callable[[Translate | None], str]

    def __new__(cls, compose: Callable[[Translate | None], str]) -> Phrase:
        phrase = super().__new__(cls, compose(None))
        phrase._compose = compose
        return phrase

    def translated(self, tr: Translate | None) -> str:
        return self._compose(tr)

    def __reduce__(self) -> tuple[type[str], tuple[str]]:
        """A copy (or a pickle) is the English text."""
        return str, (str(self),)


def shown(value: object, tr: Translate | None) -> object:
    """A parameter as the reader sees it: words and phrases translated (tr given), lists
    joined."""
    if tr is not None and isinstance(value, Phrase):
        return value.translated(tr)
    if tr is not None and isinstance(value, Word):
        return tr(str(value)) if value else ""
    if isinstance(value, Words):
        return str(Words(tr(w) if w else w for w in value)) if tr is not None else str(value)
    return value


def fill(template: str, params: dict[str, object], tr: Translate | None = None) -> str:
    """The template with its values; a template without params is taken as it is."""
    if not params:
        return template
    return template % {name: shown(value, tr) for name, value in params.items()}


def translate(tr: Translate, message_id: str, params: Mapping[str, object]) -> str:
    """A rule in the reader's language: its template translated, then its values shown."""
    return tr(message_id, **{name: shown(value, tr) for name, value in params.items()})


class DomainError(Exception):
    """A command was refused; nothing was written."""

    def __init__(self, field: str, rule: str, /, **params: object) -> None:
        self.field = field
        self.message_id = rule
        self.params = params
        self.rule = fill(rule, params)
        super().__init__(f"{field}: {self.rule}")

    def translated(self, tr: Translate) -> str:
        """The rule in the reader's language (`tr`: a planner.i18n translator)."""
        return translate(tr, self.message_id, self.params)


class ValidationError(DomainError):
    """An input value breaks a rule of its field (empty, too long, unknown zone...)."""


class InvariantError(DomainError):
    """The command is well-formed but the record's state does not allow it."""


class NotFoundError(DomainError):
    def __init__(self, kind: str, record_id: UUID | str) -> None:
        super().__init__(kind, N_("no %(kind)s with id %(record_id)s"),
                         kind=Word(kind), record_id=record_id)
        self.kind = kind
        self.record_id = record_id


class ConflictError(DomainError):
    """The record changed after the caller read it; the caller must look again."""

    def __init__(
        self, kind: str, record_id: UUID, expected_version: int | None, current_version: int
    ) -> None:
        if expected_version is None:
            super().__init__(kind, N_("%(kind)s %(record_id)s was changed by someone else at "
                                      "the same time"), kind=Word(kind), record_id=record_id)
        else:
            super().__init__(kind, N_("%(kind)s %(record_id)s has changed since you loaded it "
                                      "(you saw version %(seen)s, it is now at version "
                                      "%(current)s)"),
                             kind=Word(kind), record_id=record_id, seen=expected_version,
                             current=current_version)
        self.kind = kind
        self.record_id = record_id
        self.expected_version = expected_version
        self.current_version = current_version
