"""The domain's refusals in the language the request is answered in.

A DomainError carries its rule as a message id and values (planner/domain/errors.py); the
texts live in planner's catalogues (planner/translations), so this is the one place where
web/ turns a refusal into what a person reads: the rule translated, the field shown by its
label (`field_label` is also a template global for the form's list of errors).
"""

from __future__ import annotations

from flask import Flask
from flask_babel import get_locale

from planner.domain.errors import DomainError
from planner.i18n import Translator, translator
from planner.i18n.fields import field_label as _field_label


def request_translator() -> Translator:
    """planner's translator for the request's language (web.i18n.select_locale)."""
    return translator(str(get_locale() or "en"))


def domain_message(error: DomainError, *, with_field: bool = False) -> str:
    """The refusal's rule in the request's language; `with_field`: "Label: rule"."""
    tr = request_translator()
    text = error.translated(tr)
    return f"{_field_label(tr, error.field)}: {text}" if with_field else text


def field_label(field: str) -> str:
    return _field_label(request_translator(), field)


def register(app: Flask) -> None:
    app.jinja_env.globals["field_label"] = field_label
