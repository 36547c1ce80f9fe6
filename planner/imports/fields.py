"""The fields an import fills, how a file's columns map onto them, and a record's identity.

Each field is checked with the same rule the aggregate's constructor applies (values.py), so
that a row shows every bad field at once; the constructor then has the last word.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import Any

from planner.domain import values as v
from planner.domain.errors import ValidationError
from planner.readmodel.keys import fold

PEOPLE = "people"
PROFILES = "profiles"
KINDS = (PEOPLE, PROFILES)

Check = Callable[[str], Any]


def split_list(text: str) -> list[str]:
    """Sectors and interests: separated by `;` or `,`."""
    return [part.strip() for part in re.split(r"[;,]", text) if part.strip()]


def _interests(text: str) -> list[str]:
    return [v.choice("interests", i, v.Interest)
            for i in v.text_list("interests", split_list(text), max_items=20)]


FIELDS: dict[str, dict[str, Check]] = {
    PEOPLE: {
        "name": lambda s: v.text("name", s),
        "email": lambda s: v.optional_email("email", s),
        "organisation": lambda s: v.text("organisation", s, required=False),
        "title": lambda s: v.text("title", s, required=False),
        "home_timezone": lambda s: v.zone("home_timezone", s),
    },
    PROFILES: {
        "name": lambda s: v.text("name", s),
        "kind": lambda s: v.choice("kind", s, v.ProfileKind),
        "country": lambda s: v.text("country", s, max_len=100),
        "city": lambda s: v.text("city", s, max_len=100, required=False),
        "sectors": lambda s: v.text_list("sectors", split_list(s), max_items=20, max_len=100),
        "size": lambda s: v.choice("size", s, v.CompanySize),
        "description": lambda s: v.text("description", s, max_len=v.LONG_TEXT,
                                        required=False, multiline=True),
        "interests": _interests,
        "website": lambda s: v.web_address("website", s),
    },
}


def known_kind(kind: str) -> str:
    if kind not in KINDS:
        raise ValidationError("kind", "must be one of %(value)s; got %(kind)r",
                              value=', '.join(KINDS), kind=kind)
    return kind


def column_map(kind: str, columns: tuple[str, ...],
               given: Mapping[str, str] | None = None) -> dict[str, str]:
    """Column -> field. Columns named like a field (ignoring case, spaces and `-`) map to it
    unless `given` says otherwise; a column given "" (or unnamed) is left out."""
    fields = FIELDS[known_kind(kind)]
    given = dict(given or {})
    for column, field in given.items():
        if column not in columns:
            raise ValidationError("map", "the file has no column %(column)r; it has "
                                         "%(value)s", column=column, value=', '.join(columns))
        if field and field not in fields:
            raise ValidationError("map", "%(column)r: %(field)r is not a field of %(kind)s; "
                                         "the fields are %(value)s",
                                         column=column, field=field, kind=kind,
                                         value=', '.join(fields))
    mapping: dict[str, str] = {}
    for column in columns:
        field = given[column] if column in given else guess(kind, column)
        if field:
            mapping[column] = field
    counted: dict[str, list[str]] = {}
    for column, field in mapping.items():
        counted.setdefault(field, []).append(column)
    for field, cols in counted.items():
        if len(cols) > 1:
            raise ValidationError("map", "%(field)s is mapped from more than one column: "
                                         "%(value)s", field=field, value=', '.join(cols))
    if "name" not in counted:
        raise ValidationError("map", "no column is mapped to name")
    return mapping


def guess(kind: str, column: str) -> str:
    """The field a column's heading names, or ""."""
    key = re.sub(r"[\s\-]+", "_", column.strip().lower())
    aliases = {"e_mail": "email", "organization": "organisation", "zone": "home_timezone",
               "timezone": "home_timezone", "time_zone": "home_timezone"}
    key = aliases.get(key, key)
    return key if key in FIELDS[known_kind(kind)] else ""


def identity(kind: str, values: Mapping[str, Any]) -> str:
    """When two rows (or a row and a record) are the same: people by e-mail if given, else by
    name and organisation; profiles by name and country (case and accents folded)."""
    if kind == PEOPLE:
        email = str(values.get("email") or "").strip().lower()
        if email:
            return f"email:{email}"
        organisation = fold(str(values.get("organisation") or ""))
        return f"name:{fold(str(values.get('name') or ''))}|{organisation}"
    return f"{fold(str(values.get('name') or ''))}|{fold(str(values.get('country') or ''))}"
