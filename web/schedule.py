"""My schedule: a participant's meetings across their trips, what is next first."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, render_template
from flask_babel import lazy_gettext

from planner.itinerary.order import order_schedule
from web import access
from web.layout import add_nav
from web.wiring import my_person, now, queries

bp = Blueprint("schedule", __name__)
add_nav(lazy_gettext("My schedule"), "schedule.mine",
        roles=("participant", "organiser", "administrator", "auditor"), order=15)


@bp.get("/schedule")
@access.signed_in
def mine() -> Any:
    """Everyone with a person record has a schedule; accounts without one see why it is empty."""
    person = my_person()
    schedule = None
    if person:
        schedule = order_schedule(queries().person_schedule(person.id),
                                  queries().trips_of_person(person.id), now())
    return render_template("schedule.html", person=person, schedule=schedule)
