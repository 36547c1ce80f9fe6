"""Meetings in the API: a trip's list, schedule, read, change details, move, relocate,
confirm, cancel, reinstate (the web UI's guards: readers of the trip read, its planners
change). Attendees, outcome and follow-ups: web.api.meeting_parts."""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

from flask import Response, url_for

from web import access
from web.api.blueprint import bp
from web.api.meeting_models import (
    Meeting,
    MeetingDetailsChange,
    MeetingNew,
    MeetingSummary,
    Move,
    Relocation,
    meeting_of,
    summary,
    times,
)
from web.api.operation import checked_version, operation, reply
from web.api.trip_parts import Reason
from web.api.values import Page, PageQuery, page_of
from web.wiring import actor, commands, found, queries, today

TAGS = ["meetings"]


def current_meeting(meeting_id: UUID | str) -> Meeting:
    return meeting_of(found(queries().meeting(meeting_id, today=today()), "meeting",
                            meeting_id))


def checked(meeting_id: UUID) -> int:
    """The If-Match version, or the version read now: a change made meanwhile is a 409."""
    return checked_version(lambda: current_meeting(meeting_id))


def changed_meeting(command: Callable[..., object], meeting_id: UUID, *ids: object,
                    **fields: object) -> Response:
    """Run a command on the meeting as the signed-in account, at the If-Match (or current)
    version, and answer the meeting as it is now."""
    command(meeting_id, *ids, actor=actor(), expected_version=checked(meeting_id), **fields)
    return reply(current_meeting(meeting_id))


@bp.get("/trips/<uuid:trip_id>/meetings")
@access.trip_reader
@operation(reply=Page[MeetingSummary], query=PageQuery, tags=TAGS)
def list_trip_meetings(trip_id: UUID, query: PageQuery) -> Response:
    """The trip's meetings (cancelled ones too) in time order (start, then id)."""
    items = sorted(queries().itinerary(trip_id).items,
                   key=lambda i: (i.starts_at, str(i.meeting_id)))
    start = (query.page - 1) * query.limit
    return reply(page_of(query, len(items), items[start:start + query.limit], summary))


@bp.post("/trips/<uuid:trip_id>/meetings")
@access.trip_planner
@operation(reply=Meeting, body=MeetingNew, status=201, tags=TAGS)
def schedule_meeting(trip_id: UUID, body: MeetingNew) -> Response:
    """Schedule a meeting inside the trip's dates (and its leg's, if one is named)."""
    meeting_id = commands().schedule_meeting(trip_id, actor=actor(), **times(body))
    return reply(current_meeting(meeting_id), 201,
                 location=url_for("api.read_meeting", meeting_id=meeting_id))


@bp.get("/meetings/<uuid:meeting_id>")
@access.meeting_reader
@operation(reply=Meeting, tags=TAGS)
def read_meeting(meeting_id: UUID) -> Response:
    """One meeting with attendees, outcome and follow-ups."""
    return reply(current_meeting(meeting_id))


@bp.patch("/meetings/<uuid:meeting_id>")
@access.meeting_planner
@operation(reply=Meeting, body=MeetingDetailsChange, tags=TAGS, conditional=True)
def change_meeting(meeting_id: UUID, body: MeetingDetailsChange) -> Response:
    """Change kind, title, counterparts or agenda (the fields given)."""
    version = checked(meeting_id)
    now = current_meeting(meeting_id)
    given = body.model_dump(exclude_unset=True, exclude={"reason"})
    commands().change_meeting_details(
        meeting_id, actor=actor(), reason=body.reason, expected_version=version,
        **{name: given.get(name) if given.get(name) is not None else getattr(now, name)
           for name in ("kind", "title", "counterparts", "agenda")})
    return reply(current_meeting(meeting_id))


@bp.put("/meetings/<uuid:meeting_id>/time")
@access.meeting_planner
@operation(reply=Meeting, body=Move, tags=TAGS, conditional=True)
def move_meeting(meeting_id: UUID, body: Move) -> Response:
    """Move the meeting to another time (the old one stays in its history)."""
    return changed_meeting(commands().move_meeting, meeting_id, **times(body))


@bp.put("/meetings/<uuid:meeting_id>/place")
@access.meeting_planner
@operation(reply=Meeting, body=Relocation, tags=TAGS, conditional=True)
def relocate_meeting(meeting_id: UUID, body: Relocation) -> Response:
    """Move the meeting to another venue, city or zone."""
    return changed_meeting(commands().relocate_meeting, meeting_id, **body.model_dump())


@bp.post("/meetings/<uuid:meeting_id>/confirm")
@access.meeting_planner
@operation(reply=Meeting, tags=TAGS, conditional=True)
def confirm_meeting(meeting_id: UUID) -> Response:
    """Mark a proposed meeting as confirmed."""
    return changed_meeting(commands().confirm_meeting, meeting_id)


@bp.post("/meetings/<uuid:meeting_id>/cancel")
@access.meeting_planner
@operation(reply=Meeting, body=Reason, tags=TAGS, conditional=True)
def cancel_meeting(meeting_id: UUID, body: Reason) -> Response:
    """Cancel the meeting (a reason is required)."""
    return changed_meeting(commands().cancel_meeting, meeting_id, reason=body.reason)


@bp.post("/meetings/<uuid:meeting_id>/reinstate")
@access.meeting_planner
@operation(reply=Meeting, body=Reason, tags=TAGS, conditional=True)
def reinstate_meeting(meeting_id: UUID, body: Reason) -> Response:
    """Reinstate a cancelled meeting (a reason is required)."""
    return changed_meeting(commands().reinstate_meeting, meeting_id, reason=body.reason)
