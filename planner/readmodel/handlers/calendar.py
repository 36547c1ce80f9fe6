"""The rm_ ``calendar_sequence`` and ``calendar_changed_at`` columns, by planner.calendar.stamps.

The rule lives there (the as-of views fold it over the log); here it becomes column values.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from planner.calendar.stamps import Change
from planner.readmodel.keys import to_db


def stamp_values(sequence: Any, change: Change, at: datetime) -> dict[str, Any]:
    """The calendar columns after an event that makes `change` at `at`. `sequence` is the
    row's SEQUENCE before it (a number, or the column itself in an UPDATE), or None for the
    row the event creates; columns the event leaves alone are left out."""
    if sequence is None:
        return dict(calendar_sequence=change.bump,
                    calendar_changed_at=to_db(at) if change.shown else None)
    values: dict[str, Any] = {}
    if change.bump:
        values["calendar_sequence"] = sequence + change.bump
    if change.shown:
        values["calendar_changed_at"] = to_db(at)
    return values
