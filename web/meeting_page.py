"""One page to change a meeting: details, time, place, attendees and status, saved at once.

Only what differs from the meeting as loaded is recorded, each kind of change as its own event
with the one reason given, in one save (`revise_meeting`): a refused part saves nothing, and a
colleague's change in between is the usual 409 page with the input kept. The single-purpose
pages (edit, move, relocate, status, attendees) lead here; their POST addresses still work.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import Blueprint, flash, redirect, url_for

from planner.domain import values as v
from web import access, warnings_flash
from web.forms import Form, form_page, render_form
from web.meetings import meeting
from web.trips import trip
from web.wiring import actor, commands

bp = Blueprint("meeting_page", __name__)

S = v.MeetingStatus
# The statuses the page offers from each status (held only by recording the outcome).
STATUS_CHOICES = {
    S.PROPOSED: [(S.PROPOSED, "proposed"), (S.CONFIRMED, "confirmed"),
                 (S.CANCELLED, "cancelled")],
    S.CONFIRMED: [(S.CONFIRMED, "confirmed"), (S.CANCELLED, "cancelled")],
    S.CANCELLED: [(S.CANCELLED, "cancelled"), (S.PROPOSED, "proposed (reinstate)"),
                  (S.CONFIRMED, "confirmed (reinstate)")],
    S.HELD: [(S.HELD, "held")],
}
SAVED = {"DetailsChanged": "details", "Relocated": "place", "Moved": "time",
         "AttendeeAdded": "attendees", "AttendeeRemoved": "attendees",
         "Confirmed": "status", "Cancelled": "status", "Reinstated": "status"}


def _context(meeting_id: UUID) -> dict[str, Any]:
    """The meeting, its trip (legs, members) and whom the page offers as attendees: the
    delegation, and anyone still attending who has left it (so they can be removed)."""
    row = meeting(meeting_id)
    trip_row = trip(row.trip_id)
    members = [(str(m.person_id), f"{m.name} · {m.role}") for m in trip_row.members]
    listed = {value for value, _ in members}
    former = [(str(a.person_id), f"{a.name or a.person_id} · no longer in the delegation")
              for a in row.attendees if str(a.person_id) not in listed]
    return {"meeting": row, "trip": trip_row, "attendee_options": members + former,
            "status_options": [(value.value, label) for value, label
                               in STATUS_CHOICES[S(row.status)]]}


def _current(meeting_id: UUID) -> dict[str, Any]:
    """The meeting's values under the form's names (also the 409 page's current values)."""
    row = meeting(meeting_id)
    return {"title": row.title, "kind": row.kind, "counterparts": "\n".join(row.counterparts),
            "agenda": row.agenda, "starts_at": row.local_start.replace(tzinfo=None),
            "ends_at": row.local_end.replace(tzinfo=None), "leg_id": row.leg_id or "",
            "venue": row.venue, "city": row.city, "timezone": row.timezone,
            "status": row.status, "expected_version": row.version}


def _values(meeting_id: UUID) -> dict[str, Any]:
    return {**_current(meeting_id),
            "attendees": [str(a.person_id) for a in meeting(meeting_id).attendees]}


@bp.get("/meetings/<uuid:meeting_id>/change")
@access.meeting_planner
def form(meeting_id: UUID) -> Any:
    return render_form("meetings/change.html", _values(meeting_id), **_context(meeting_id))


@bp.post("/meetings/<uuid:meeting_id>/change")
@access.meeting_planner
@form_page("meetings/change.html", _context, _current)
def save(meeting_id: UUID) -> Any:
    data = Form()
    version = data.version()
    leg_id = data.text("leg_id").strip()
    trip_id = meeting(meeting_id).trip_id
    leg = next((leg for leg in trip(trip_id).legs if str(leg.leg_id) == leg_id), None)
    earlier = warnings_flash.before(trip_id)
    recorded = commands().revise_meeting(
        meeting_id, actor=actor(), reason=data.text("reason"), expected_version=version,
        kind=data.text("kind"), title=data.text("title"),
        counterparts=data.lines("counterparts"), agenda=data.text("agenda"),
        starts=data.local_datetime("starts_at"), ends=data.local_datetime("ends_at"),
        venue=data.text("venue"), leg_id=leg_id,
        city=data.text("city").strip() or (leg.city if leg else ""),
        timezone=data.text("timezone").strip() or (leg.timezone if leg else ""),
        status=data.text("status") or None, attendees=data.choices("attendees"))
    if recorded:
        saved = list(dict.fromkeys(SAVED[event] for event in recorded))
        flash(f"Saved: the meeting's {', '.join(saved)}. Earlier values stay in the history.",
              "success")
        warnings_flash.flash_new(trip_id, earlier)
    else:
        flash("Nothing was changed, so nothing was saved.", "message")
    return redirect(url_for("meetings.show", meeting_id=meeting_id))
