"""A trip's own travel times between its cities: a box on the trip page, and the page where
those who may plan the trip set one or return to the configured default."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import Blueprint, flash, g, redirect, url_for
from flask_babel import gettext

from planner.domain.errors import ValidationError
from planner.domain.travel import MOST_MINUTES
from web import access, fragments
from web.forms import Form, form_page, render_form, whole_number
from web.layout import add_slot
from web.trips import trip
from web.wiring import actor, commands, database_key, queries

bp = Blueprint("travel", __name__, url_prefix="/trips/<uuid:trip_id>/travel-times")
add_slot("trip", "travel/_trip_box.html")


@bp.app_context_processor
def travel_times() -> dict[str, Any]:
    """For the trip page's box: the travel time between each two of the trip's cities (kept
    by the read-model position the trip page read, `g.rm_position`: web/fragments.py)."""
    def rows(trip_id: object) -> Any:
        key = ("travel-times", str(trip_id), database_key())
        return fragments.rows_at(g.get("rm_position"), key,
                                 lambda: queries().travel_times(trip_id))
    return {"travel_times": rows}


def _context(trip_id: UUID) -> dict[str, Any]:
    row = trip(trip_id)
    cities = list(dict.fromkeys(leg.city for leg in row.legs))
    return {"trip": row, "cities": cities, "rows": queries().travel_times(trip_id),
            "most": MOST_MINUTES}


def _values(trip_id: UUID) -> dict[str, Any]:
    """A trip in two cities has one pair: it is chosen already."""
    row = trip(trip_id)
    cities = list(dict.fromkeys(leg.city for leg in row.legs))
    pair = dict(zip(("city_a", "city_b"), cities, strict=True)) if len(cities) == 2 else {}
    return {"expected_version": row.version, **pair}


def _minutes(form: Form) -> int:
    raw = form.text("minutes")
    number = whole_number(raw, digits=6)
    if number is None:
        if not raw.strip():
            raise ValidationError("minutes", "must not be empty: give the minutes from 1 to "
                                             "%(most)s", most=MOST_MINUTES)
        raise ValidationError("minutes", "must be a whole number; got %(raw)r: give the minutes "
                                         "from 1 to %(most)s", raw=raw, most=MOST_MINUTES)
    return number


@bp.get("")
@access.trip_planner
def times(trip_id: UUID) -> Any:
    return render_form("travel/times.html", _values(trip_id), **_context(trip_id))


@bp.post("")
@access.trip_planner
@form_page("travel/times.html", _context, _values)
def set_time(trip_id: UUID) -> Any:
    form = Form()
    city_a = form.required("city_a", gettext("a city"))
    city_b = form.required("city_b", gettext("a city"))
    commands().set_travel_time(trip_id, actor=actor(), city_a=city_a, city_b=city_b,
                               minutes=_minutes(form), reason=form.text("reason"),
                               expected_version=form.version())
    flash(gettext("The travel time between %(city_a)s and %(city_b)s is %(minutes)s minutes "
                  "for this trip; its warnings use it.", city_a=city_a, city_b=city_b,
                  minutes=form.text("minutes").strip()), "success")
    return redirect(url_for("travel.times", trip_id=trip_id))


@bp.post("/clear")
@access.trip_planner
@form_page("travel/times.html", _context, _values)
def clear_time(trip_id: UUID) -> Any:
    form = Form()
    city_a = form.required("city_a", gettext("a city"))
    city_b = form.required("city_b", gettext("a city"))
    commands().clear_travel_time(trip_id, actor=actor(), city_a=city_a, city_b=city_b,
                                 reason=form.text("reason"), expected_version=form.version())
    flash(gettext("The travel time between %(city_a)s and %(city_b)s is the configured default "
                  "again.", city_a=city_a, city_b=city_b),
          "success")
    return redirect(url_for("travel.times", trip_id=trip_id))
