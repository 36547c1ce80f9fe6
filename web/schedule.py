"""My schedule: a participant's meetings across their trips, in local and home time."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from flask import Blueprint, render_template
from flask_babel import lazy_gettext

from web import access
from web.layout import add_nav
from web.wiring import my_person, queries

bp = Blueprint("schedule", __name__)
add_nav(lazy_gettext("My schedule"), "schedule.mine",
        roles=("participant", "organiser", "administrator", "auditor"), order=15)


@bp.get("/schedule")
@access.signed_in
def mine() -> Any:
    """Everyone with a person record has a schedule; accounts without one see why it is empty."""
    person = my_person()
    items = queries().person_schedule(person.id) if person else ()
    days = [(day, list(group)) for day, group in
            groupby(items, key=lambda item: item.local_start.date())]
    return render_template("schedule.html", person=person, days=days,
                           trips=queries().trips_of_person(person.id) if person else ())
