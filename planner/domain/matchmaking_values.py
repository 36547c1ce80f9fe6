"""The values a matchmaking conference checks on the way in: sides, preference levels,
languages, NACE codes, ratings and follow-up states. Each refusal names the field and rule."""

from __future__ import annotations

import re
from datetime import datetime
from enum import StrEnum
from typing import Any

from planner.domain import values as v
from planner.domain.errors import ValidationError
from planner.matchmaking import nace


class Side(StrEnum):
    A = "a"
    B = "b"


class SetBy(StrEnum):
    """Who set a preference: either side's company, or the organiser."""

    A = "a"
    B = "b"
    ORGANISER = "organiser"


class Preference(StrEnum):
    MUST = "must meet"
    WOULD_LIKE = "would like"
    NOT_INTERESTED = "not interested"


class NextStep(StrEnum):
    """What a side says comes next, right after the one-to-one."""

    NONE = "no further contact"
    EXCHANGE = "exchange information"
    SECOND_MEETING = "second meeting"
    VISIT = "site visit"
    OFFER = "send an offer"


class Stage(StrEnum):
    """The second stage, months later: what came of the meeting."""

    TALKS = "talks continue"
    NEGOTIATION = "negotiation started"
    AGREEMENT = "cooperation agreement reached"
    ENDED = "no further contact"


_LANGUAGE = re.compile(r"^[a-z]{2,3}$")
MAX_ITEMS = 30
MIN_SEATS, MAX_SEATS = 2, 30
MIN_RATING, MAX_RATING = 1, 5


def language(field: str, value: object) -> str:
    """An ISO 639 language code such as 'de', 'zh', 'en' (lower case)."""
    code = v.text(field, value, max_len=40).lower()
    if not _LANGUAGE.match(code):
        raise ValidationError(field, "must be an ISO 639 language code such as 'de' or 'zh'; "
                                     "got %(code)r", code=code)
    return code


def languages(field: str, values: object, *, required: bool = False) -> list[str]:
    codes = [language(field, c) for c in v.text_list(field, values, max_items=MAX_ITEMS,
                                                        max_len=40)]
    if required and not codes:
        raise ValidationError(field, "must name at least one language")
    return sorted(set(codes), key=codes.index)


def language_pair(field: str, value: object) -> str:
    """'de-zh': two different language codes, stored in alphabetical order."""
    pair = v.text(field, value, max_len=40).lower().replace("_", "-")
    parts = pair.split("-")
    if len(parts) != 2:
        raise ValidationError(field, "must be two language codes joined by '-', such as "
                                     "'de-zh'; got %(pair)r", pair=pair)
    first, second = (language(field, p) for p in parts)
    if first == second:
        raise ValidationError(field, "must name two different languages; got %(pair)r",
                              pair=pair)
    return "-".join(sorted((first, second)))


def sectors(field: str, values: object) -> list[str]:
    """NACE Rev. 2 codes (sections or divisions, optionally groups and classes)."""
    codes = v.text_list(field, values, max_items=MAX_ITEMS, max_len=40)
    result: list[str] = []
    for code in codes:
        problem, params = nace.refusal(code)
        if problem:
            raise ValidationError(field, problem, **params)
        if nace.normalise(code) not in result:
            result.append(nace.normalise(code))
    return result


def phrases(field: str, values: object) -> list[str]:
    """Offers or requests: short phrases ('CNC machining', 'machine-tool supplier')."""
    return v.text_list(field, values, max_items=MAX_ITEMS, max_len=200)


def window(start_field: str, starts_at: object, end_field: str,
           ends_at: object) -> tuple[datetime, datetime]:
    start, end = v.utc_instant(start_field, starts_at), v.utc_instant(end_field, ends_at)
    if end <= start:
        raise ValidationError(end_field, "must be after %(start_field)s", start_field=start_field)
    return start, end


def rating(value: object) -> int:
    return v.whole_number("rating", value, low=MIN_RATING, high=MAX_RATING)


def overlaps(a: dict[str, Any], b: dict[str, Any]) -> bool:
    """Two dicts with starts_at/ends_at share some time."""
    return bool(a["starts_at"] < b["ends_at"] and b["starts_at"] < a["ends_at"])


def parts(field: str, items: object) -> list[dict[str, Any]]:
    """Translatable pieces of a text as plain data: [{template, params}] (from
    planner.matchmaking.parts.as_data)."""
    if items is None:
        return []
    if not isinstance(items, list) or not all(
            isinstance(i, dict) and isinstance(i.get("template"), str)
            and isinstance(i.get("params", {}), dict) for i in items):
        raise ValidationError(field, "must be a list of {template, params}")
    return [dict(template=i["template"], params=dict(i.get("params", {}))) for i in items]


def pair_key(a_id: str, b_id: str) -> str:
    """The key of a pair: side a's profile id, '/', side b's."""
    return f"{a_id}/{b_id}"
