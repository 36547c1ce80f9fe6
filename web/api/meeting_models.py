"""Meetings' representations and inputs in the API."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

from pydantic import BaseModel, Field

from planner.domain.values import MeetingKind
from web.api.operation import Input
from web.api.values import Moment, moment

LOCAL = ("ISO 8601; without an offset it is the wall-clock time at the venue, with one it "
         "is that instant.")


class Attendee(BaseModel):
    person_id: UUID
    name: str
    role: str
    organisation: str


class MeetingOutcome(BaseModel):
    summary: str
    ideas: list[str]
    recorded_by: str
    recorded_at: Moment


class FollowUp(BaseModel):
    followup_id: str
    action: str
    owner: str
    due_on: date
    done_on: date | None
    overdue: bool


class MeetingSummary(BaseModel):
    id: UUID
    trip_id: UUID
    kind: str
    title: str
    status: str = Field(description="proposed, confirmed, held or cancelled.")
    venue: str
    city: str
    timezone: str
    leg_id: str
    starts_at: Moment = Field(description="Local time at the venue.")
    ends_at: Moment


class Meeting(MeetingSummary):
    counterparts: list[str]
    agenda: str
    attendees: list[Attendee]
    outcome: MeetingOutcome | None
    followups: list[FollowUp]
    cancellation_reason: str | None = Field(description="While cancelled: why.")
    version: int = Field(description="The meeting's version (also its ETag).")
    created_at: Moment
    last_changed_at: Moment
    last_changed_by: str


def times(model: Input) -> dict[str, object]:
    """The model's fields as the commands take them (`starts`, `ends`: their errors name
    `starts_at`, `ends_at`, as the API does)."""
    values = model.model_dump()
    values["starts"], values["ends"] = values.pop("starts_at"), values.pop("ends_at")
    return values


class MeetingNew(Input):
    kind: MeetingKind
    title: str
    venue: str
    city: str
    timezone: str = Field(description="IANA zone of the venue.")
    starts_at: datetime = Field(description=LOCAL)
    ends_at: datetime = Field(description=LOCAL)
    counterparts: list[str] = Field(default_factory=list, max_length=100)
    leg_id: str | None = None
    agenda: str = ""
    attendees: list[UUID] = Field(default_factory=list, max_length=500,
                                  description="Delegation members (person ids).")


class MeetingDetailsChange(Input):
    """Only the fields given change."""

    kind: MeetingKind | None = None
    title: str | None = None
    counterparts: list[str] | None = Field(None, max_length=100)
    agenda: str | None = None
    reason: str = ""


class Move(Input):
    starts_at: datetime = Field(description=LOCAL)
    ends_at: datetime = Field(description=LOCAL)
    reason: str = Field(description="Why it moves (required).")


class Relocation(Input):
    venue: str
    city: str
    timezone: str
    leg_id: str | None = None
    reason: str = Field(description="Why it moves (required).")


class AttendeesNew(Input):
    person_ids: list[UUID] = Field(min_length=1, max_length=500)
    reason: str = ""


class OutcomeInput(Input):
    summary: str
    ideas: list[str] = Field(default_factory=list, max_length=100)
    reason: str = ""


class FollowUpNew(Input):
    action: str
    owner: str
    due_on: date


class FollowUpDone(Input):
    done_on: date


def summary(row: Any) -> MeetingSummary:
    return MeetingSummary(
        id=getattr(row, "id", None) or row.meeting_id, trip_id=row.trip_id, kind=row.kind,
        title=row.title, status=row.status, venue=row.venue, city=row.city,
        timezone=row.timezone, leg_id=row.leg_id,
        starts_at=moment(row.starts_at, row.timezone), ends_at=moment(row.ends_at, row.timezone))


def meeting_of(row: Any) -> Meeting:
    zone, outcome = row.timezone, row.outcome
    return Meeting(
        **summary(row).model_dump(), counterparts=list(row.counterparts), agenda=row.agenda,
        attendees=[Attendee(person_id=a.person_id, name=a.name, role=a.role,
                            organisation=a.organisation) for a in row.attendees],
        outcome=None if outcome is None else MeetingOutcome(
            summary=outcome.summary, ideas=list(outcome.ideas),
            recorded_by=outcome.recorded_by, recorded_at=moment(outcome.recorded_at, zone)),
        followups=[FollowUp(followup_id=f.followup_id, action=f.action, owner=f.owner,
                            due_on=f.due_on, done_on=f.done_on, overdue=f.overdue)
                   for f in row.followups],
        cancellation_reason=row.cancellation.reason if row.cancellation else None,
        version=row.version, created_at=moment(row.created_at, zone),
        last_changed_at=moment(row.last_changed_at, zone),
        last_changed_by=row.last_changed_by)
