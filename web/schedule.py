"""My schedule: a participant's meetings across their trips, what is next first.

The page's two large parts, "today / next" and the trips' days, are rendered once and kept
(web/fragments.py) under the read-model position and everything else they show: the person,
the signed-in account, the language and the links' root; the answer buttons' form token is
filled in for each session when shown (web/csrf.py). They also depend on the clock: which
date is "today" at each trip's venues and which meeting is next. They are kept for the span
of time in which those stay as they were (planner.itinerary.order: `PersonSchedule.until`),
so a view after the next local midnight or after the next meeting's start renders them
afresh. A kept view reads the position and the person, not the meetings.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from flask import Blueprint, g, render_template, request
from flask_babel import get_locale, lazy_gettext
from markupsafe import Markup

from planner.itinerary.order import order_schedule
from web import access, conditional, csrf, fragments
from web.layout import add_nav
from web.wiring import database_key, my_person, now, queries

bp = Blueprint("schedule", __name__)
add_nav(lazy_gettext("My schedule"), "schedule.mine",
        roles=("participant", "organiser", "administrator", "auditor"), order=15)
PARTS = (("now", "schedule_now"), ("trips", "schedule_trips"))


@bp.get("/schedule")
@access.signed_in
def mine() -> Any:
    """Everyone with a person record has a schedule; accounts without one see why it is empty."""
    person = my_person()
    if not person:
        return render_template("schedule.html", person=None, schedule=None)
    position, at = queries().position(), now()  # the position first: never older than a key
    g.rm_position = position  # the side column's boxes may keep what they read by it
    key = ("schedule", str(person.id), position, g.user, str(get_locale()),
           request.script_root, database_key())
    kept = {part: fragments.kept_at((*key, part), at) for part, _ in PARTS}
    if any(found is None for found in kept.values()):
        kept = _rendered(person, at)
        for part, found in kept.items():
            fragments.keep((*key, part), found.html, since=found.since, until=found.until)
    etag = conditional.page_etag(key, kept["trips"].until)
    unchanged = conditional.not_modified(etag)
    if unchanged is not None:
        return unchanged
    return conditional.tagged(render_template(
        "schedule.html", person=person, schedule=None, now_html=csrf.fill(kept["now"].html),
        trips_html=csrf.fill(kept["trips"].html)), etag)


def _rendered(person: Any, at: datetime) -> dict[str, fragments.Kept]:
    schedule = order_schedule(queries().person_schedule(person.id),
                              queries().trips_of_person(person.id), at)
    context = {"person": person, "schedule": schedule}
    return {part: fragments.Kept(Markup(fragments.render_block("schedule.html", block,
                                                               **context)), at, schedule.until)
            for part, block in PARTS}

