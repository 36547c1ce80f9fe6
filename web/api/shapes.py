"""Input shapes the record operations share (profiles, agreements): text limits and the
optional reason of a removal."""

from __future__ import annotations

from pydantic import Field

from web.api.operation import Input

TEXT, LONG = 300, 5000
"""Longest name-like and free-text inputs (the domain has its own, stricter rules)."""


class Removal(Input):
    """Removing an entry of a record (a contact, a party, a signatory)."""

    reason: str = Field("", max_length=LONG, description="Kept in the record's history.")
