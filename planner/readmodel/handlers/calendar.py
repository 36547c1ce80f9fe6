"""The rm_ ``calendar_sequence`` and ``calendar_changed_at`` columns, from planner.calendar.stamps.

The rule lives there (the as-of views fold it over the log); here it becomes column values:
a SEQUENCE that goes up is ``calendar_sequence + 1`` and, where the change depends on the
row's status before the event, a CASE on that status, so no row is read first.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Table, case

from planner.calendar.stamps import UNCHANGED, Change
from planner.readmodel.keys import to_db


def new_row_stamps(change: Change, at: datetime) -> dict[str, Any]:
    """The calendar columns of a row inserted by the event (SEQUENCE starts at 0)."""
    return dict(calendar_sequence=change.bump, calendar_changed_at=to_db(at) if change.shown
                else None)


def stamps(table: Table, change: Change, at: datetime) -> dict[str, Any]:
    """The calendar columns to update after an event (none when it changes nothing shown)."""
    return stamps_by_status(table, {"": change}, at, None)


def stamps_by_status(table: Table, changes: Mapping[str, Change], at: datetime,
                     status: ColumnElement[Any] | None) -> dict[str, Any]:
    """As ``stamps``, when the change depends on the row's ``status`` before the event:
    ``changes`` gives it for every status the row can have."""
    distinct = set(changes.values())
    if distinct == {UNCHANGED}:
        return {}
    sequence, changed_at = table.c.calendar_sequence, table.c.calendar_changed_at
    if len(distinct) == 1 or status is None:
        (change,) = distinct
        values: dict[str, Any] = {}
        if change.bump:
            values["calendar_sequence"] = sequence + change.bump
        if change.shown:
            values["calendar_changed_at"] = to_db(at)
        return values
    bumps = {name: change.bump for name, change in changes.items() if change.bump}
    shown = [name for name, change in changes.items() if change.shown]
    return dict(
        calendar_sequence=sequence + case(bumps, value=status, else_=0) if bumps else sequence,
        calendar_changed_at=case((status.in_(shown), to_db(at)), else_=changed_at) if shown
        else changed_at)
