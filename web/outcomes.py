"""A meeting's attendees (chosen from the delegation), its outcome and its follow-ups.

Outcomes and follow-ups are recorded from the meeting's start (planner.domain.timing): before
it, the pages say from when instead of offering a form the command would refuse.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import Blueprint, flash, redirect, url_for

from planner.domain import timing
from web import access, warnings_flash
from web.forms import Form, form_page, render_form
from web.meetings import TripLink, meeting, to_change_page
from web.trips import trip
from web.wiring import actor, commands, now, today

bp = Blueprint("outcomes", __name__, url_prefix="/meetings/<uuid:meeting_id>")


@bp.app_context_processor
def _recordable() -> dict[str, Any]:
    """For templates: whether a meeting has started by the application's clock (from then
    on its outcome and follow-ups can be recorded)."""
    return {"has_started": lambda row: timing.has_started(row.starts_at, now())}


def _context(meeting_id: UUID) -> dict[str, Any]:
    row = meeting(meeting_id)
    return {"meeting": row, "trip": TripLink(row.trip_id, row.trip_title), "today": today()}


def _attendees_context(meeting_id: UUID) -> dict[str, Any]:
    """The attendees form offers the delegation members not yet attending."""
    row = meeting(meeting_id)
    trip_row = trip(row.trip_id)
    attending = {str(a.person_id) for a in row.attendees}
    candidates = [m for m in trip_row.members if str(m.person_id) not in attending]
    return {"meeting": row, "trip": trip_row, "candidates": candidates, "today": today()}


def _version(meeting_id: UUID) -> dict[str, Any]:
    return {"expected_version": meeting(meeting_id).version}


def _to_page(meeting_id: UUID, endpoint: str) -> Any:
    return redirect(url_for(endpoint, meeting_id=meeting_id))


# -- attendees ------------------------------------------------------------------------------
@bp.get("/attendees")
@access.meeting_planner
def attendees(meeting_id: UUID) -> Any:
    return to_change_page(meeting_id, "attendees")


@bp.post("/attendees")
@access.meeting_planner
@form_page("meetings/attendees.html", _attendees_context, _version)
def add_attendee(meeting_id: UUID) -> Any:
    form, trip_id = Form(), meeting(meeting_id).trip_id
    earlier = warnings_flash.before(trip_id)
    added = commands().add_attendees(meeting_id, form.choices("person_id"), actor=actor())
    flash("Attendees added." if added else "They already attend this meeting.",
          "success" if added else "message")
    warnings_flash.flash_new(trip_id, earlier)
    return _to_page(meeting_id, "meetings.show")


@bp.post("/attendees/<uuid:person_id>/remove")
@access.meeting_planner
@form_page("meetings/attendees.html", _attendees_context, _version)
def remove_attendee(meeting_id: UUID, person_id: UUID) -> Any:
    form = Form()
    commands().remove_attendee(meeting_id, actor=actor(), person_id=person_id,
                               reason=form.text("reason"), expected_version=form.version())
    flash("The attendee is removed from this meeting.", "success")
    return _to_page(meeting_id, "meetings.show")


# -- outcome --------------------------------------------------------------------------------
def _outcome(meeting_id: UUID) -> dict[str, Any]:
    row = meeting(meeting_id)
    outcome = row.outcome
    return {"summary": outcome.summary if outcome else "",
            "ideas": "\n".join(outcome.ideas) if outcome else "",
            "expected_version": row.version}


@bp.get("/outcome")
@access.meeting_planner
def outcome(meeting_id: UUID) -> Any:
    return render_form("meetings/outcome.html", _outcome(meeting_id), **_context(meeting_id))


@bp.post("/outcome")
@access.meeting_planner
@form_page("meetings/outcome.html", _context, _outcome)
def record_outcome(meeting_id: UUID) -> Any:
    form = Form()
    commands().record_outcome(meeting_id, actor=actor(), summary=form.text("summary"),
                              ideas=form.lines("ideas"), reason=form.text("reason"),
                              expected_version=form.version())
    flash("The outcome is recorded and the meeting is marked as held.", "success")
    return _to_page(meeting_id, "meetings.show")


# -- follow-ups -----------------------------------------------------------------------------
@bp.get("/followups")
@access.meeting_planner
def followups(meeting_id: UUID) -> Any:
    return render_form("meetings/followups.html", _version(meeting_id), **_context(meeting_id))


@bp.post("/followups")
@access.meeting_planner
@form_page("meetings/followups.html", _context, _version)
def add_followup(meeting_id: UUID) -> Any:
    form = Form()
    commands().add_followup(meeting_id, actor=actor(), action=form.text("action"),
                            owner=form.text("owner"), due_on=form.date("due_on"))
    flash("The follow-up is added.", "success")
    return _to_page(meeting_id, "outcomes.followups")


@bp.post("/followups/<followup_id>/done")
@access.meeting_planner
@form_page("meetings/followups.html", _context, _version)
def complete_followup(meeting_id: UUID, followup_id: str) -> Any:
    form = Form()
    done_on = form.date("done_on") if form.text("done_on").strip() else today()
    commands().complete_followup(meeting_id, followup_id, actor=actor(), done_on=done_on)
    flash("The follow-up is done.", "success")
    return _to_page(meeting_id, "outcomes.followups")
