"""Who is out of date: feed fetches are recorded (planner.feedwatch) and the trip page shows,
to those who plan the trip, per member whether their calendar is current and whether they were
reached at all. No routes of its own: a slot on the trip page and one template function."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from flask import Blueprint, request

from planner.feedwatch.mails import last_mail_states
from planner.feedwatch.status import MemberCalendar, member_calendars
from web.layout import add_slot
from web.wiring import feed_fetches, stored

bp = Blueprint("feedwatch", __name__)
add_slot("trip", "feedwatch/_members.html")


def record_fetch(person_id: UUID) -> None:
    """A personal feed was served: remember when, and which kind of client asked."""
    fetches = feed_fetches()
    if fetches is not None:
        fetches.record(person_id, request.headers.get("User-Agent"), datetime.now(UTC))


@bp.app_template_global()
def member_calendars_of(trip_id: UUID) -> list[MemberCalendar]:
    fetches = feed_fetches()
    if fetches is None:
        return []

    def read(engine: Any) -> list[MemberCalendar]:
        rows = member_calendars(engine, fetches, trip_id)
        states = last_mail_states(engine, [r.person_id for r in rows])
        return [replace(r, mail=states.get(r.person_id, "")) for r in rows]
    return stored(read, [])
