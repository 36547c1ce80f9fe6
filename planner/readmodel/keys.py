"""Small conversions shared by the projector and the queries: search keys, instants, JSON."""

from __future__ import annotations

import json
import logging
import unicodedata
from datetime import UTC, datetime
from functools import lru_cache
from typing import Any
from uuid import UUID

from planner.domain.ids import stand_in

log = logging.getLogger(__name__)


def _is_latin(char: str) -> bool:
    """Latin base letters (Basic Latin up to IPA, and Latin Extended Additional)."""
    code = ord(char)
    return char.isalpha() and (code < 0x0250 or 0x1E00 <= code <= 0x1EFF)


@lru_cache(maxsize=8192)  # a rebuild folds the same city and person names again and again
def fold(text: str) -> str:
    """A search key: compatibility forms unified, case folded (ß -> ss), and accents dropped
    from Latin letters only ("Körner" -> "korner"), so marks that change the meaning in
    other scripts (Japanese dakuten, Devanagari vowel signs) are kept."""
    decomposed = unicodedata.normalize("NFKD", text)
    kept: list[str] = []
    base_is_latin = False
    for char in decomposed:
        if unicodedata.combining(char):
            if base_is_latin:
                continue
        else:
            base_is_latin = _is_latin(char)
        kept.append(char)
    folded = unicodedata.normalize("NFC", "".join(kept)).casefold()
    return " ".join(folded.split())


def like_pattern(text: str) -> str:
    """A LIKE pattern matching `text` anywhere, with the wildcards in it taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def to_db(instant: datetime) -> datetime:
    """An aware instant as the naive UTC value stored in the tables."""
    if instant.tzinfo is UTC:  # as the log's instants are decoded: no conversion needed
        return instant.replace(tzinfo=None)
    return instant.astimezone(UTC).replace(tzinfo=None)


def from_db(value: datetime) -> datetime:
    """A stored naive UTC value as an aware UTC instant."""
    return value.replace(tzinfo=UTC)


_ENCODER = json.JSONEncoder(ensure_ascii=False)  # what json.dumps builds anew on every call


def dumps(values: list[Any]) -> str:
    return _ENCODER.encode(list(values))


def loads(text: str) -> tuple[Any, ...]:
    return tuple(json.loads(text)) if text else ()


@lru_cache(maxsize=65536)  # parsing a UUID is slow, and pages and warnings see the same ids
def uid(value: str) -> UUID:
    """A stored id as a UUID. An odd one, written by an older release that did not check its
    ids, is logged and stands in as a stable id that matches no record, so the page renders."""
    try:
        return UUID(value)
    except (TypeError, ValueError, AttributeError):
        _odd(value)
        return UUID(stand_in(str(value)))


def opt_uid(value: str | None) -> UUID | None:
    """A stored optional id as a UUID or None; an odd one is logged and shown as none."""
    if not value:
        return None
    try:
        return UUID(value)
    except (TypeError, ValueError, AttributeError):
        _odd(value)
        return None


def _odd(value: object) -> None:
    shown = repr(value) if len(str(value)) <= 60 else repr(str(value)[:60]) + "..."
    log.warning("a stored record id is not a UUID: %s (written by an older release?); "
                "it is shown as linking to nothing", shown)
