"""My schedule: a participant's meetings across their trips, in local and home time."""

from __future__ import annotations

from itertools import groupby
from typing import Any

from flask import Blueprint, g, render_template

from web import access
from web.layout import add_nav
from web.wiring import queries

bp = Blueprint("schedule", __name__)
add_nav("My schedule", "schedule.mine", roles=("participant", "organiser", "auditor"), order=15)


@bp.get("/schedule")
@access.signed_in
def mine() -> Any:
    """Everyone with a person record has a schedule; accounts without one see why it is empty."""
    person = queries().person(g.user.person_id) if g.user.person_id else None
    items = queries().person_schedule(g.user.person_id) if person else ()
    days = [(day, list(group)) for day, group in
            groupby(items, key=lambda item: item.local_start.date())]
    return render_template("schedule.html", person=person, days=days,
                           trips=queries().trips_of_person(g.user.person_id) if person else ())
