"""Rows of meetings, outcomes, follow-ups, profiles, agreements, trip reports and the dashboard
(trips, itineraries and people: rows)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID

from planner.readmodel.rows import TripRow


# -- meetings, outcomes, follow-ups ---------------------------------------------------------
@dataclass(frozen=True)
class AttendeeRow:
    person_id: UUID
    name: str
    role: str
    organisation: str
    answer: str = ""  # accepted | declined | "" (not answered yet)


@dataclass(frozen=True)
class Outcome:
    summary: str
    ideas: tuple[str, ...]
    recorded_by: str
    recorded_at: datetime


@dataclass(frozen=True)
class FollowUpRow:
    followup_id: str
    meeting_id: UUID
    meeting_title: str
    trip_id: UUID
    trip_title: str
    action: str
    owner: str
    due_on: date
    done_on: date | None
    overdue: bool


@dataclass(frozen=True)
class AgreementRow:
    id: UUID
    title: str
    kind: str
    status: str
    signed_on: date | None
    signed_place: str
    trip_id: UUID | None
    trip_title: str
    meeting_id: UUID | None
    party_names: tuple[str, ...]
    version: int


@dataclass(frozen=True)
class Cancellation:
    """Who cancelled a meeting, when and why."""

    by: str
    at: datetime
    reason: str


@dataclass(frozen=True)
class MeetingDetail:
    id: UUID
    trip_id: UUID
    trip_title: str
    trip_home_timezone: str
    kind: str
    title: str
    counterparts: tuple[str, ...]
    venue: str
    city: str
    timezone: str
    leg_id: str
    agenda: str
    status: str
    starts_at: datetime
    ends_at: datetime
    local_start: datetime
    local_end: datetime
    home_start: datetime | None
    home_end: datetime | None
    version: int
    attendees: tuple[AttendeeRow, ...]
    outcome: Outcome | None
    followups: tuple[FollowUpRow, ...]
    agreements: tuple[AgreementRow, ...]
    created_at: datetime
    last_changed_by: str
    last_changed_at: datetime
    cancellation: Cancellation | None = None  # while the meeting is cancelled


# -- profiles -------------------------------------------------------------------------------
@dataclass(frozen=True)
class ProfileRow:
    id: UUID
    name: str
    kind: str
    country: str
    city: str
    sectors: tuple[str, ...]
    interests: tuple[str, ...]
    size: str
    fictitious: bool
    version: int


@dataclass(frozen=True)
class ContactRow:
    contact_id: str
    name: str
    title: str
    email: str
    phone: str


@dataclass(frozen=True)
class ProfileHandover:
    trip_id: UUID
    trip_title: str
    starts_on: date
    version: int


@dataclass(frozen=True)
class ProfileDetail(ProfileRow):
    description: str
    website: str
    contacts: tuple[ContactRow, ...]
    trips: tuple[ProfileHandover, ...]
    last_changed_by: str
    last_changed_at: datetime
    owner_org_id: str = ""


# -- agreements -----------------------------------------------------------------------------
@dataclass(frozen=True)
class PartyRow:
    party_id: str
    name: str
    profile_id: UUID | None
    organisation_id: str = ""  # the party is this organisation: it sees the agreement


@dataclass(frozen=True)
class SignatoryRow:
    signatory_id: str
    name: str
    title: str
    party_id: str
    party_name: str


@dataclass(frozen=True)
class MilestoneRow:
    milestone_id: str
    title: str
    due_on: date
    done_on: date | None


@dataclass(frozen=True)
class AgreementDetail(AgreementRow):
    subject: str
    meeting_title: str
    parties: tuple[PartyRow, ...]
    signatories: tuple[SignatoryRow, ...]
    milestones: tuple[MilestoneRow, ...]
    last_changed_by: str
    last_changed_at: datetime
    owner_org_id: str = ""


# -- reports --------------------------------------------------------------------------------
@dataclass(frozen=True)
class ReportMeeting:
    meeting_id: UUID
    title: str
    kind: str
    city: str
    local_start: datetime
    counterparts: tuple[str, ...]
    summary: str
    ideas: tuple[str, ...]


@dataclass(frozen=True)
class ReportIdea:
    meeting_id: UUID
    meeting_title: str
    idea: str


@dataclass(frozen=True)
class TripReport:
    trip: TripRow
    meetings_planned: int
    meetings_cancelled: int
    meetings_held: tuple[ReportMeeting, ...]
    ideas: tuple[ReportIdea, ...]
    agreements_signed: tuple[AgreementRow, ...]
    followups: tuple[FollowUpRow, ...]


# -- the dashboard ---------------------------------------------------------------------------
@dataclass(frozen=True)
class TripWarnings:
    trip_id: UUID
    title: str
    count: int


@dataclass(frozen=True)
class Dashboard:
    today: date
    current: tuple[TripRow, ...]
    upcoming: tuple[TripRow, ...]
    open_followups: tuple[FollowUpRow, ...]
    overdue_followups: tuple[FollowUpRow, ...]
    warnings: tuple[TripWarnings, ...]

    @property
    def warning_counts(self) -> dict[UUID, int]:
        return {w.trip_id: w.count for w in self.warnings}


__all__ = [
    "AgreementDetail",
    "AgreementRow",
    "AttendeeRow",
    "ContactRow",
    "Dashboard",
    "FollowUpRow",
    "MeetingDetail",
    "MilestoneRow",
    "Outcome",
    "PartyRow",
    "ProfileDetail",
    "ProfileHandover",
    "ProfileRow",
    "ReportIdea",
    "ReportMeeting",
    "SignatoryRow",
    "TripReport",
    "TripWarnings",
]
