"""Meetings: schedule (local time at the venue), the meeting page, and the POST addresses of
edit, move, relocate and status (their GET pages lead to the one change page, meeting_page)."""

from __future__ import annotations

from typing import Any, NamedTuple
from uuid import UUID

from flask import Blueprint, flash, redirect, render_template, request, url_for

from planner.places.zones import propose_zone
from web import access, warnings_flash
from web.forms import Form, form_page, render_form
from web.trips import trip
from web.wiring import actor, commands, found, queries, read_once, today

bp = Blueprint("meetings", __name__)


class TripLink(NamedTuple):
    """What a meeting form shows of its trip (the breadcrumb), from the meeting's own row."""

    id: UUID
    title: str


def meeting(meeting_id: UUID) -> Any:
    return read_once("meeting", meeting_id, lambda: found(
        queries().meeting(meeting_id, today=today()), "meeting", meeting_id))


def _to_meeting(meeting_id: UUID) -> Any:
    return redirect(url_for("meetings.show", meeting_id=meeting_id))


def to_change_page(meeting_id: UUID, part: str) -> Any:
    """The old single-purpose pages (edit, move, relocate, status, attendees) lead to the one
    page that changes a meeting, at their part of it; their forms' POST addresses still work
    (and show their own page again when a post is refused)."""
    return redirect(url_for("meeting_page.form", meeting_id=meeting_id) + f"#{part}")


def _place(form: Form, trip_row: Any) -> tuple[str, str, str | None]:
    """City and zone default to the chosen leg's, so a no-JavaScript form needs no retyping;
    an unknown zone is refused naming the zones of the leg's country and similar names."""
    leg_id = form.optional("leg_id")
    leg = next((leg for leg in trip_row.legs if str(leg.leg_id) == leg_id), None)
    city = form.text("city").strip() or (leg.city if leg else "")
    zone = form.text("timezone").strip() or (leg.timezone if leg else "")
    if zone and leg is not None:
        zone = propose_zone("timezone", zone, leg.country, city).zone
    return city, zone, leg_id


# -- schedule -------------------------------------------------------------------------------
def _new_context(trip_id: UUID) -> dict[str, Any]:
    return {"trip": trip(trip_id), "meeting": None}


def _new_values(trip_id: UUID) -> dict[str, Any]:
    """The leg asked for (`?leg_id=`, as "Schedule another meeting" on a meeting page asks
    for that meeting's), else the first; the day that leg begins."""
    row = trip(trip_id)
    wanted = request.args.get("leg_id", "")
    first = next((leg for leg in row.legs if str(leg.leg_id) == wanted),
                 row.legs[0] if row.legs else None)
    day = first.arrives_on if first else row.starts_on
    return {"kind": "official meeting", "leg_id": str(first.leg_id) if first else "",
            "starts_at": f"{day}T09:00", "ends_at": f"{day}T10:00"}


@bp.get("/trips/<uuid:trip_id>/meetings/new")
@access.trip_planner
def new(trip_id: UUID) -> Any:
    return render_form("meetings/schedule.html", _new_values(trip_id), **_new_context(trip_id))


@bp.post("/trips/<uuid:trip_id>/meetings/new")
@access.trip_planner
@form_page("meetings/schedule.html", _new_context)
def schedule(trip_id: UUID) -> Any:
    form = Form()
    city, zone, leg_id = _place(form, trip(trip_id))
    earlier = warnings_flash.before(trip_id)
    meeting_id = commands().schedule_meeting(
        trip_id, actor=actor(), kind=form.text("kind"), title=form.text("title"),
        venue=form.text("venue"), city=city, timezone=zone, leg_id=leg_id,
        starts=form.local_datetime("starts_at"), ends=form.local_datetime("ends_at"),
        counterparts=form.lines("counterparts"), agenda=form.text("agenda"),
        attendees=form.choices("attendees"))
    flash("The meeting is scheduled.", "success")
    warnings_flash.flash_new(trip_id, earlier)
    return _to_meeting(str(meeting_id))


@bp.get("/meetings/<uuid:meeting_id>")
@access.meeting_reader
def show(meeting_id: UUID) -> Any:
    row = meeting(meeting_id)
    return render_template("meetings/show.html", meeting=row, trip=trip(row.trip_id),
                           today=today())


# -- details --------------------------------------------------------------------------------
def _context(meeting_id: UUID) -> dict[str, Any]:
    row = meeting(meeting_id)
    return {"meeting": row, "trip": TripLink(row.trip_id, row.trip_title)}


def _context_with_legs(meeting_id: UUID) -> dict[str, Any]:
    row = meeting(meeting_id)
    return {"meeting": row, "trip": trip(str(row.trip_id))}


def _details(meeting_id: UUID) -> dict[str, Any]:
    row = meeting(meeting_id)
    return {"kind": row.kind, "title": row.title, "counterparts": "\n".join(row.counterparts),
            "agenda": row.agenda, "expected_version": row.version}


@bp.get("/meetings/<uuid:meeting_id>/edit")
@access.meeting_planner
def edit(meeting_id: UUID) -> Any:
    return to_change_page(meeting_id, "details")


@bp.post("/meetings/<uuid:meeting_id>/edit")
@access.meeting_planner
@form_page("meetings/edit.html", _context, _details)
def update(meeting_id: UUID) -> Any:
    form = Form()
    commands().change_meeting_details(
        meeting_id, actor=actor(), kind=form.text("kind"), title=form.text("title"),
        counterparts=form.lines("counterparts"), agenda=form.text("agenda"),
        reason=form.text("reason"), expected_version=form.version())
    flash("The meeting's details are saved.", "success")
    return _to_meeting(meeting_id)


# -- move and relocate ----------------------------------------------------------------------
def _time(meeting_id: UUID) -> dict[str, Any]:
    row = meeting(meeting_id)
    return {"starts_at": row.local_start.replace(tzinfo=None),
            "ends_at": row.local_end.replace(tzinfo=None), "expected_version": row.version}


@bp.get("/meetings/<uuid:meeting_id>/move")
@access.meeting_planner
def move_form(meeting_id: UUID) -> Any:
    return to_change_page(meeting_id, "time")


@bp.post("/meetings/<uuid:meeting_id>/move")
@access.meeting_planner
@form_page("meetings/move.html", _context, _time)
def move(meeting_id: UUID) -> Any:
    form, trip_id = Form(), meeting(meeting_id).trip_id
    earlier = warnings_flash.before(trip_id)
    commands().move_meeting(meeting_id, actor=actor(), starts=form.local_datetime("starts_at"),
                            ends=form.local_datetime("ends_at"), reason=form.text("reason"),
                            expected_version=form.version())
    flash("The meeting is moved; its old time stays in the history.", "success")
    warnings_flash.flash_new(trip_id, earlier)
    return _to_meeting(meeting_id)


def _location(meeting_id: UUID) -> dict[str, Any]:
    row = meeting(meeting_id)
    return {"venue": row.venue, "city": row.city, "timezone": row.timezone,
            "leg_id": row.leg_id or "", "expected_version": row.version}


@bp.get("/meetings/<uuid:meeting_id>/relocate")
@access.meeting_planner
def relocate_form(meeting_id: UUID) -> Any:
    return to_change_page(meeting_id, "place")


@bp.post("/meetings/<uuid:meeting_id>/relocate")
@access.meeting_planner
@form_page("meetings/relocate.html", _context_with_legs, _location)
def relocate(meeting_id: UUID) -> Any:
    form = Form()
    trip_id = meeting(meeting_id).trip_id
    city, zone, leg_id = _place(form, trip(trip_id))
    earlier = warnings_flash.before(trip_id)
    commands().relocate_meeting(meeting_id, actor=actor(), venue=form.text("venue"), city=city,
                                timezone=zone, leg_id=leg_id, reason=form.text("reason"),
                                expected_version=form.version())
    flash("The meeting has a new place.", "success")
    warnings_flash.flash_new(trip_id, earlier)
    return _to_meeting(meeting_id)


# -- status ---------------------------------------------------------------------------------
def _version(meeting_id: UUID) -> dict[str, Any]:
    row = meeting(meeting_id)
    return {"status": row.status, "expected_version": row.version}


@bp.get("/meetings/<uuid:meeting_id>/status")
@access.meeting_planner
def status(meeting_id: UUID) -> Any:
    return to_change_page(meeting_id, "status")


@bp.post("/meetings/<uuid:meeting_id>/confirm")
@access.meeting_planner
@form_page("meetings/status.html", _context, _version)
def confirm(meeting_id: UUID) -> Any:
    commands().confirm_meeting(meeting_id, actor=actor(), expected_version=Form().version())
    flash("The meeting is confirmed.", "success")
    return _to_meeting(meeting_id)


@bp.post("/meetings/<uuid:meeting_id>/cancel")
@access.meeting_planner
@form_page("meetings/status.html", _context, _version)
def cancel(meeting_id: UUID) -> Any:
    form = Form()
    commands().cancel_meeting(meeting_id, actor=actor(), reason=form.text("reason"),
                              expected_version=form.version())
    flash("The meeting is cancelled; it stays in the history and can be reinstated.", "success")
    return _to_meeting(meeting_id)


@bp.post("/meetings/<uuid:meeting_id>/reinstate")
@access.meeting_planner
@form_page("meetings/status.html", _context, _version)
def reinstate(meeting_id: UUID) -> Any:
    form, trip_id = Form(), meeting(meeting_id).trip_id
    earlier = warnings_flash.before(trip_id)
    commands().reinstate_meeting(meeting_id, actor=actor(), reason=form.text("reason"),
                                 expected_version=form.version())
    flash("The meeting is reinstated (as proposed).", "success")
    warnings_flash.flash_new(trip_id, earlier)
    return _to_meeting(meeting_id)
