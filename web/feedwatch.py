"""Who is out of date: feed fetches are recorded (planner.feedwatch) and the trip page shows,
to those who plan the trip, per member whether their calendar is current and whether they were
reached at all. No routes of its own: a slot on the trip page and two template functions."""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID

from flask import Blueprint, g, request
from flask_babel import get_locale
from markupsafe import Markup

from planner.feedwatch.status import MemberCalendar
from planner.organisations.access import may_manage
from web import access, fragments
from web.calendar_mails import attendee_addresses_shared
from web.layout import add_slot
from web.wiring import database_key, feed_watch, read_once

bp = Blueprint("feedwatch", __name__)
add_slot("trip", "feedwatch/_members.html")


def record_fetch(person_id: UUID) -> None:
    """A personal feed was served: remember when, and which kind of client asked."""
    watch = feed_watch()
    if watch is not None:
        watch.record(person_id, request.headers.get("User-Agent"), datetime.now(UTC))


@bp.app_template_global()
def member_calendars_of(trip_id: UUID) -> list[MemberCalendar]:
    """Read once per request (the trip page's ETag holds them too). The members and their
    last changes are kept by the page's read-model position (web/fragments.py); the fetches
    and mail states, which are no events, are read every time."""
    watch = feed_watch()
    if watch is None:
        return []

    def read() -> list[MemberCalendar]:
        stamps = fragments.rows_at(g.get("rm_position"),
                                   ("member-stamps", str(trip_id), database_key()),
                                   lambda: watch.member_stamps(trip_id))
        return watch.with_state(stamps)
    return read_once("member-calendars", trip_id, read)


@bp.app_template_global()
def member_calendars_box(trip_id: UUID) -> Markup:
    """The box, kept under everything it shows (60 members cost more to render than the rest
    of the trip page's side column): the rows with their fetches and mails, read each time."""
    rows = member_calendars_of(trip_id)
    if not rows:
        return Markup("")
    shared = attendee_addresses_shared(trip_id)
    manages = may_manage(access.trip_level(g.user, str(trip_id)))
    key = ("member-calendars", str(trip_id), tuple(rows), shared, manages, str(get_locale()),
           request.script_root, database_key())
    return fragments.lookup(key) or fragments.keep(key, fragments.render(
        "feedwatch/_members_box.html", trip_id=trip_id, rows=rows, shared=shared))
