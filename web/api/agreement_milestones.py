"""An agreement's follow-up milestones: add one, read it, mark it done. As on the web page,
only organisers and administrators of the agreement's owner change them
(web.record_access); If-Match names the agreement's version."""

from __future__ import annotations

from datetime import date
from uuid import UUID

from flask import Response, url_for
from pydantic import Field

from web import record_access as ra
from web.api.agreements import TAGS, Agreement, Milestone, agreement_of
from web.api.blueprint import bp
from web.api.operation import Input, expected_version, operation, reply
from web.api.shapes import LONG, TEXT, entry
from web.wiring import actor, commands


class MilestoneIn(Input):
    title: str = Field(max_length=TEXT)
    due_on: date


class MilestoneDone(Input):
    done_on: date
    reason: str = Field("", max_length=LONG)


def _milestone(agreement_id: UUID, milestone_id: str) -> Milestone:
    return entry(agreement_of(agreement_id).milestones, "milestone_id", milestone_id,
                 "milestone")


@bp.post("/agreements/<uuid:agreement_id>/milestones")
@ra.agreement_owner
@operation(reply=Milestone, body=MilestoneIn, status=201, tags=TAGS, conditional=True)
def add_milestone(agreement_id: UUID, body: MilestoneIn) -> Response:
    """Add a follow-up milestone with its due date."""
    expected_version(lambda: agreement_of(agreement_id))
    milestone_id = commands().add_milestone(agreement_id, actor=actor(), title=body.title,
                                            due_on=body.due_on)
    return reply(_milestone(agreement_id, milestone_id), 201, location=url_for(
        "api.read_milestone", agreement_id=agreement_id, milestone_id=milestone_id))


@bp.get("/agreements/<uuid:agreement_id>/milestones/<milestone_id>")
@ra.agreement_reader
@operation(reply=Milestone, tags=TAGS, refusals=(403,))
def read_milestone(agreement_id: UUID, milestone_id: str) -> Response:
    """One milestone of the agreement."""
    return reply(_milestone(agreement_id, milestone_id))


@bp.post("/agreements/<uuid:agreement_id>/milestones/<milestone_id>/done")
@ra.agreement_owner
@operation(reply=Agreement, body=MilestoneDone, tags=TAGS, conditional=True)
def complete_milestone(agreement_id: UUID, milestone_id: str, body: MilestoneDone) -> Response:
    """Mark a milestone done on a date; answers with the agreement."""
    _milestone(agreement_id, milestone_id)
    expected_version(lambda: agreement_of(agreement_id))
    commands().complete_milestone(agreement_id, milestone_id, actor=actor(),
                                  done_on=body.done_on, reason=body.reason)
    return reply(agreement_of(agreement_id))
