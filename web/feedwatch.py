"""Who is out of date: feed fetches are recorded (planner.feedwatch) and the trip page shows,
to those who plan the trip, per member whether their calendar is current and whether they were
reached at all. No routes of its own: a slot on the trip page and one template function."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID

from flask import Blueprint, request

from planner.feedwatch.status import MemberCalendar
from web.layout import add_slot
from web.wiring import feed_watch

bp = Blueprint("feedwatch", __name__)
add_slot("trip", "feedwatch/_members.html")


def record_fetch(person_id: UUID) -> None:
    """A personal feed was served: remember when, and which kind of client asked."""
    watch = feed_watch()
    if watch is not None:
        watch.record(person_id, request.headers.get("User-Agent"), datetime.now(UTC))


@bp.app_template_global()
def member_calendars_of(trip_id: UUID) -> list[MemberCalendar]:
    watch = feed_watch()
    return [] if watch is None else watch.member_calendars(trip_id)
