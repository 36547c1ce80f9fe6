"""What the record operations share (profiles, agreements): text limits, the optional reason
of a removal, and finding one entry (a contact, a party, a signatory) of a record."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

from pydantic import Field

from planner.domain.errors import NotFoundError
from web.api.operation import Input

T = TypeVar("T")

TEXT, LONG = 300, 5000
"""Longest name-like and free-text inputs (the domain has its own, stricter rules)."""


class Removal(Input):
    """Removing an entry of a record (a contact, a party, a signatory)."""

    reason: str = Field("", max_length=LONG, description="Kept in the record's history.")


def entry(items: Iterable[T], key: str, wanted: str, kind: str) -> T:
    """The entry whose `key` is `wanted`; 404 naming the `kind` when there is none."""
    found = next((item for item in items if getattr(item, key) == wanted), None)
    if found is None:
        raise NotFoundError(kind, wanted)
    return found
