"""Matchmaking, part 3: the floor (meeting slots, tables, blocked times, the interpreter
pool), running the scheduler, the provisional schedule as a slot × table grid with the pairs
it could not place and why, and publishing it into the trip's programme."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import Blueprint, flash, g, redirect, url_for
from flask_babel import gettext as _

from planner.domain.errors import ValidationError
from planner.matchmaking.parts import joined
from web import access
from web.forms import Form, form_page, render_form, whole_number
from web.matchmaking_common import clock, conference, local_instant, page
from web.refusals import request_translator
from web.trips import trip
from web.wiring import actor, commands, queries
from web.words import word

bp = Blueprint("matchmaking_floor", __name__,
               url_prefix="/trips/<uuid:trip_id>/matchmaking/<uuid:matchmaking_id>")


def _number(form: Form, name: str, what: str, *, required: bool = True) -> int | None:
    raw = form.text(name)
    if not raw.strip() and not required:
        return None
    number = whole_number(raw, digits=4)
    if number is None:
        raise ValidationError(name, _("must not be empty: give %(what)s", what=what)
                              if not raw.strip() else
                              _("must be a whole number; got %(raw)s: give %(what)s",
                                raw=repr(raw), what=what))
    return number


def _floor_context(trip_id: UUID, matchmaking_id: UUID) -> dict[str, Any]:
    mm = conference(trip_id, matchmaking_id)
    grid = queries().matchmaking_grid(g.user.viewer, mm.id)
    companies = queries().matchmaking_companies(g.user.viewer, mm.id)
    names = {str(c.profile_id): c.name for c in companies}
    return page(trip_id, matchmaking_id, grid=grid, names=names,
                companies=[(c.profile_id, c.name) for c in companies],
                members=[(m.person_id, f"{m.name} ({word(m.role)})")
                         for m in trip(trip_id).members])


def _back(trip_id: UUID, matchmaking_id: UUID, endpoint: str = "floor") -> Any:
    return redirect(url_for(f"matchmaking_floor.{endpoint}", trip_id=trip_id,
                            matchmaking_id=matchmaking_id))


@bp.get("/floor")
@access.trip_staff
def floor(trip_id: UUID, matchmaking_id: UUID) -> Any:
    return render_form("matchmaking/floor.html", {"minutes": 20, "seats": 2},
                       **_floor_context(trip_id, matchmaking_id))


@bp.post("/floor/slots")
@access.trip_planner
@form_page("matchmaking/floor.html", _floor_context)
def define_slots(trip_id: UUID, matchmaking_id: UUID) -> Any:
    """Slots of `minutes` from `first_start` until `last_end`, leaving out the break."""
    form, mm = Form(), conference(trip_id, matchmaking_id)
    day = form.date("day")
    first, last = clock(form, "first_start"), clock(form, "last_end")
    minutes = _number(form, "minutes", _("the minutes per meeting, e.g. 20")) or 0
    if not 5 <= minutes <= 240:
        raise ValidationError("minutes", _("must be from 5 to 240; got %(minutes)s",
                                            minutes=minutes))
    pause = (clock(form, "break_start", required=False),
             clock(form, "break_end", required=False))
    if (pause[0] is None) != (pause[1] is None):
        raise ValidationError("break_end", _("give both ends of the break, or neither"))
    breaks = [(pause[0], pause[1])] if pause[0] is not None and pause[1] is not None else []
    commands().define_slot_series(mm.id, actor=actor(), day=day, first=first, last=last,
                                  minutes=minutes, breaks=breaks)
    flash(_("The meeting slots are set."), "success")
    return _back(trip_id, matchmaking_id)


@bp.post("/floor/tables")
@access.trip_planner
@form_page("matchmaking/floor.html", _floor_context)
def add_table(trip_id: UUID, matchmaking_id: UUID) -> Any:
    form, mm = Form(), conference(trip_id, matchmaking_id)
    name = form.required("name", _("a table name"))
    commands().add_table(mm.id, actor=actor(), name=name,
                         seats=_number(form, "seats", _("the seats at the table, e.g. 2")) or 0)
    flash(_("The table %(name)s is added.", name=name.strip()), "success")
    return _back(trip_id, matchmaking_id)


@bp.post("/floor/tables/remove")
@access.trip_planner
@form_page("matchmaking/floor.html", _floor_context)
def remove_table(trip_id: UUID, matchmaking_id: UUID) -> Any:
    form = Form()
    commands().remove_table(conference(trip_id, matchmaking_id).id,
                                        actor=actor(),
                                        table_id=form.required("table_id", _("a table")))
    flash(_("The table is removed."), "success")
    return _back(trip_id, matchmaking_id)


@bp.post("/floor/blocks")
@access.trip_planner
@form_page("matchmaking/floor.html", _floor_context)
def block_time(trip_id: UUID, matchmaking_id: UUID) -> Any:
    form, mm = Form(), conference(trip_id, matchmaking_id)
    commands().block_time(mm.id, actor=actor(), label=form.text("label"),
                          starts=local_instant(form, "starts_at"),
                          ends=local_instant(form, "ends_at"),
                          profile_id=form.text("profile_id"))
    flash(_("The time is blocked."), "success")
    return _back(trip_id, matchmaking_id)


@bp.post("/floor/blocks/remove")
@access.trip_planner
@form_page("matchmaking/floor.html", _floor_context)
def unblock(trip_id: UUID, matchmaking_id: UUID) -> Any:
    commands().unblock_time(conference(trip_id, matchmaking_id).id,
                                        actor=actor(),
                                        block_id=Form().required("block_id", _("a blocked time")))
    flash(_("The blocked time is free again."), "success")
    return _back(trip_id, matchmaking_id)


@bp.post("/floor/interpreters")
@access.trip_planner
@form_page("matchmaking/floor.html", _floor_context)
def add_interpreter(trip_id: UUID, matchmaking_id: UUID) -> Any:
    form, mm = Form(), conference(trip_id, matchmaking_id)
    window = (local_instant(form, "available_from", required=False),
              local_instant(form, "available_until", required=False))
    if (window[0] is None) != (window[1] is None):
        raise ValidationError("available_until", _("give both ends of the availability, or "
                                                   "neither (available all afternoon)"))
    commands().add_interpreter(
        mm.id, actor=actor(), person_id=form.required("person_id", _("an interpreter")),
        language_pairs=form.text("language_pairs").split(),
        available=[window] if window[0] is not None else [])
    flash(_("The interpreter is in the pool."), "success")
    return _back(trip_id, matchmaking_id)


@bp.post("/floor/interpreters/remove")
@access.trip_planner
@form_page("matchmaking/floor.html", _floor_context)
def remove_interpreter(trip_id: UUID, matchmaking_id: UUID) -> Any:
    commands().remove_interpreter(
        conference(trip_id, matchmaking_id).id, actor=actor(),
        person_id=Form().required("person_id", "an interpreter"))
    flash(_("The interpreter left the pool."), "success")
    return _back(trip_id, matchmaking_id)


# -- schedule -------------------------------------------------------------------------------
def _schedule_context(trip_id: UUID, matchmaking_id: UUID) -> dict[str, Any]:
    mm, viewer = conference(trip_id, matchmaking_id), g.user.viewer
    grid = queries().matchmaking_grid(viewer, mm.id)
    rows = [{"slot": slot, "cells": [grid.cell(slot.slot_id, table.table_id)
                                     for table in grid.tables]} for slot in grid.slots]
    pairs = queries().matchmaking_pairs(viewer, mm.id)
    tr = request_translator()
    unplaced = [{"a_name": u.a_name, "b_name": u.b_name, "reason": joined(u.parts, tr)}
                for u in queries().matchmaking_unplaced(viewer, mm.id)]
    return page(trip_id, matchmaking_id, grid=grid, rows=rows, unplaced=unplaced,
                accepted=sum(p.decision == "accepted" for p in pairs))


@bp.get("/schedule")
@access.trip_staff
def schedule(trip_id: UUID, matchmaking_id: UUID) -> Any:
    return render_form("matchmaking/schedule.html", {},
                       **_schedule_context(trip_id, matchmaking_id))


@bp.post("/schedule/propose")
@access.trip_planner
@form_page("matchmaking/schedule.html", _schedule_context)
def propose(trip_id: UUID, matchmaking_id: UUID) -> Any:
    result = commands().propose_schedule(conference(trip_id, matchmaking_id).id,
                                         actor=actor())
    flash(_("The scheduler placed %(placed)s pairs; %(unplaced)s could not be placed.",
            placed=result["placed"], unplaced=result["unplaced"]), "success")
    return _back(trip_id, matchmaking_id, "schedule")


@bp.post("/schedule/publish")
@access.trip_planner
@form_page("matchmaking/schedule.html", _schedule_context)
def publish(trip_id: UUID, matchmaking_id: UUID) -> Any:
    meetings = commands().publish_schedule(conference(trip_id, matchmaking_id).id,
                                           actor=actor(), expected_version=Form().version())
    flash(_("Published: %(n)s one-to-one meetings are in the trip's programme and the "
            "participants' calendars.", n=len(meetings)), "success")
    return _back(trip_id, matchmaking_id, "schedule")
