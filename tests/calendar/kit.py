"""Reading calendars back for the integration tests.

`read` is the strict two-parser reader of the pure calendar tests (tests/ical/ical_testkit.py):
icalendar and the `ical` package must both parse the body without errors and agree on every
instant. `tests/ical` is a namespace directory on purpose (see its module docstring).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from tests.ical.ical_testkit import ReadCalendar, read

__all__ = ["ReadCalendar", "leg_day_uid", "meeting_instants", "model_instants", "read", "uid_of"]

DOMAIN = "delegation-planner.example.org"  # config.toml [calendar] domain


def uid_of(meeting_id: UUID) -> str:
    return f"meeting-{meeting_id}@{DOMAIN}"


def leg_day_uid(leg_id: str, day: int) -> str:
    return f"leg-{leg_id}-day-{day}@{DOMAIN}"


def model_instants(app: Any, *meeting_ids: UUID) -> dict[str, tuple[datetime, datetime]]:
    """What the model says: UID -> (start, end) as UTC instants, from the aggregates."""
    found = {}
    for meeting_id in meeting_ids:
        meeting = app.get_meeting(meeting_id)
        found[uid_of(meeting_id)] = (meeting["starts_at"], meeting["ends_at"])
    return found


def meeting_instants(calendar: ReadCalendar) -> dict[str, tuple[datetime, datetime]]:
    """The timed events of a calendar read back: UID -> (start, end) in UTC."""
    from tests.ical.ical_testkit import instants

    return {uid: pair for uid, pair in instants(calendar).items() if uid.startswith("meeting-")}
