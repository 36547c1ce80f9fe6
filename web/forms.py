"""Turning form fields into command arguments, and rendering forms with their errors.

Every parser raises the domain's ValidationError naming the form field and the rule, so a bad
date and a rule broken inside the domain reach the user the same way: `web.errors` re-renders
the form declared with `form_page` (status 422), the message beside the field it names.
Form inputs are named after the command arguments (`starts_on`, `home_timezone`...) so that
a domain error's `field` finds its input.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import wraps
from typing import Any, TypeVar

from flask import g, render_template, request
from werkzeug.datastructures import MultiDict

from planner.domain.errors import DomainError, ValidationError

F = TypeVar("F", bound=Callable[..., Any])
VERSION_FIELD = "expected_version"
_DATE = r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})"
_DATETIME = re.compile(_DATE + r"(?:T|\s+)([0-9]{1,2}):([0-9]{2})(?::[0-9]{2})?")
DATE_PATTERN = r"\s*[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}\s*"
DATETIME_PATTERN = r"\s*[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(T|\s+)[0-9]{1,2}:[0-9]{2}(:[0-9]{2})?\s*"
"""What the date and time inputs accept as typed (`_form.html` makes them text inputs, so a
whole value can be typed or pasted): the same as the parsers below, which trim the value."""


def whole_number(raw: str, *, digits: int = 9) -> int | None:
    """`raw` as a whole number if it is one in ASCII digits (at most `digits` of them).

    `str.isdigit` also accepts '²' and '٣' and any length, which `int` then refuses or turns
    into a number too large for a query.
    """
    raw = raw.strip()
    return int(raw) if re.fullmatch(f"[0-9]{{1,{digits}}}", raw) else None


class Form:
    """The submitted fields of one request, parsed on demand."""

    def __init__(self, data: MultiDict[str, str] | None = None) -> None:
        self.data = data if data is not None else request.form

    def text(self, name: str) -> str:
        """Raw text: the domain trims and validates it (length, line breaks...)."""
        return self.data.get(name, "")

    def optional(self, name: str) -> str | None:
        value = self.data.get(name, "").strip()
        return value or None

    def required(self, name: str, what: str = "a value") -> str:
        value = self.data.get(name, "").strip()
        if not value:
            raise ValidationError(name, f"must not be empty: choose {what}")
        return value

    def lines(self, name: str) -> list[str]:
        """One entry per line (counterparts, ideas, objectives); blank lines are dropped."""
        return [line.strip() for line in self.data.get(name, "").splitlines() if line.strip()]

    def choices(self, name: str) -> list[str]:
        """Every checked box or selected option of a multiple choice."""
        return [value for value in self.data.getlist(name) if value.strip()]

    def date(self, name: str) -> date:
        """A calendar date as typed: 2027-05-12 (or 2027-5-12)."""
        raw = self.data.get(name, "").strip()
        if not raw:
            raise ValidationError(name, "must not be empty: give a date as YYYY-MM-DD")
        match = re.fullmatch(_DATE, raw)
        try:
            if not match:
                raise ValueError(raw)
            return date(*map(int, match.groups()))
        except ValueError:
            raise ValidationError(name, f"must be a date as YYYY-MM-DD; got {raw!r}") from None

    def local_datetime(self, name: str) -> datetime:
        """A wall-clock date and time at the venue (naive: the zone comes from the venue), as
        typed: 2027-05-12 14:30, or 2027-05-12T14:30 as a datetime-local input sends it."""
        raw = self.data.get(name, "").strip()
        if not raw:
            raise ValidationError(name, "must not be empty: give a date and time as "
                                        "YYYY-MM-DD HH:MM")
        match = _DATETIME.fullmatch(raw)
        try:
            if not match:
                raise ValueError(raw)
            return datetime(*map(int, match.groups()))
        except ValueError:
            raise ValidationError(name, "must be a date and time as YYYY-MM-DD HH:MM; "
                                        f"got {raw!r}") from None

    def version(self) -> int:
        """The version the form was rendered from: a stale form is refused, never applied."""
        number = whole_number(self.data.get(VERSION_FIELD, ""))
        if number is None:
            raise ValidationError(VERSION_FIELD, "the form is missing the version it was "
                                                 "loaded from; reload the page")
        return number


@contextmanager
def field_names(**inputs: str) -> Iterator[None]:
    """Point a domain error at the input that carries it, when the input is named otherwise.

    `with field_names(reason="remove_reason"): ...` for a second form on the same page.
    """
    try:
        yield
    except DomainError as error:
        if error.field in inputs:
            error.field = inputs[error.field]
        raise


@dataclass
class FormPage:
    """How to show a POST view's form again: after a refused command, or on a conflict."""

    template: str
    context: Callable[..., Mapping[str, Any]]
    current: Callable[..., Mapping[str, Any]] | None
    kwargs: dict[str, Any] = field(default_factory=dict)

    def render(self, status: int, **extra: Any) -> tuple[str, int]:
        values = MultiDict(request.form)
        if "values" in extra:
            values = extra.pop("values")
        return render_form(self.template, values, status=status,
                           **{**_call(self.context, self.kwargs), **extra})

    def current_values(self) -> Mapping[str, Any]:
        return _call(self.current, self.kwargs) if self.current else {}


def _call(function: Callable[..., Mapping[str, Any]], kwargs: dict[str, Any]) -> Mapping[str, Any]:
    """Call with the URL arguments it takes (a leg form's context needs no `person_id`)."""
    parameters = inspect.signature(function).parameters
    if any(p.kind is p.VAR_KEYWORD for p in parameters.values()):
        return function(**kwargs)
    return function(**{k: v for k, v in kwargs.items() if k in parameters})


def form_page(template: str, context: Callable[..., Mapping[str, Any]] | None = None,
              current: Callable[..., Mapping[str, Any]] | None = None) -> Callable[[F], F]:
    """Declare the form a POST view came from (same `context` as its GET view).

    `context(**view_args)` gives the template's extra variables; `current(**view_args)` the
    record's current values under the form's field names, for the stale-edit page.
    """
    def decorate(view: F) -> F:
        @wraps(view)
        def declared(*args: Any, **kwargs: Any) -> Any:
            g.form_page = FormPage(template, context or (lambda **_: {}), current, kwargs)
            return view(*args, **kwargs)
        return declared  # type: ignore[return-value]
    return decorate


def as_values(values: Mapping[str, Any] | None) -> MultiDict[str, str]:
    """Initial field values (lists for multiple choices) as the form templates expect them."""
    if isinstance(values, MultiDict):
        return values
    result: MultiDict[str, str] = MultiDict()
    for key, value in (values or {}).items():
        if isinstance(value, list | tuple | set | frozenset):
            for item in value:
                result.add(key, as_text(item))
        else:
            result.add(key, as_text(value))
    return result


def as_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def render_form(template: str, values: Mapping[str, Any] | None = None, *, status: int = 200,
                errors: Mapping[str, str] | None = None, **context: Any) -> tuple[str, int]:
    return render_template(template, values=as_values(values), errors=dict(errors or {}),
                           **context), status
