"""A meeting's attendees, outcome and follow-ups in the API (its planners change them).
Each change answers with the whole meeting at its new version."""

from __future__ import annotations

from uuid import UUID

from flask import Response

from web import access
from web.api.blueprint import bp
from web.api.meeting_models import AttendeesNew, FollowUpDone, FollowUpNew, Meeting, OutcomeInput
from web.api.meetings import changed_meeting, current_meeting
from web.api.operation import operation, reply
from web.api.trip_parts import ReasonQuery
from web.wiring import actor, commands

TAGS = ["meeting parts"]


@bp.post("/meetings/<uuid:meeting_id>/attendees")
@access.meeting_planner
@operation(reply=Meeting, body=AttendeesNew, tags=TAGS)
def add_meeting_attendees(meeting_id: UUID, body: AttendeesNew) -> Response:
    """Add delegation members to the meeting (adding commutes with other changes)."""
    commands().add_attendees(meeting_id, list(body.person_ids), actor=actor(),
                             reason=body.reason)
    return reply(current_meeting(meeting_id))


@bp.delete("/meetings/<uuid:meeting_id>/attendees/<uuid:person_id>")
@access.meeting_planner
@operation(reply=Meeting, query=ReasonQuery, tags=TAGS, conditional=True)
def remove_meeting_attendee(meeting_id: UUID, person_id: UUID,
                            query: ReasonQuery) -> Response:
    """Take a person off the meeting."""
    return changed_meeting(commands().remove_attendee, meeting_id, person_id=person_id,
                           reason=query.reason)


@bp.put("/meetings/<uuid:meeting_id>/outcome")
@access.meeting_planner
@operation(reply=Meeting, body=OutcomeInput, tags=TAGS, conditional=True)
def record_meeting_outcome(meeting_id: UUID, body: OutcomeInput) -> Response:
    """Record what came of the meeting (not before it starts)."""
    return changed_meeting(commands().record_outcome, meeting_id, **body.model_dump())


@bp.post("/meetings/<uuid:meeting_id>/followups")
@access.meeting_planner
@operation(reply=Meeting, body=FollowUpNew, tags=TAGS)
def add_meeting_followup(meeting_id: UUID, body: FollowUpNew) -> Response:
    """Add a follow-up action with its owner and due date."""
    commands().add_followup(meeting_id, actor=actor(), **body.model_dump())
    return reply(current_meeting(meeting_id))


@bp.post("/meetings/<uuid:meeting_id>/followups/<followup_id>/done")
@access.meeting_planner
@operation(reply=Meeting, body=FollowUpDone, tags=TAGS)
def complete_meeting_followup(meeting_id: UUID, followup_id: str,
                              body: FollowUpDone) -> Response:
    """Mark a follow-up as done on a date."""
    commands().complete_followup(meeting_id, followup_id, actor=actor(), **body.model_dump())
    return reply(current_meeting(meeting_id))
