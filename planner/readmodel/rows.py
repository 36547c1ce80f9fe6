"""What the queries return about trips, their itineraries, people and accounts: plain frozen
dataclasses, never ORM objects or aggregates (meetings, profiles, agreements, reports and the
dashboard: rows_records).

Aggregate ids (trip, meeting, person, profile, agreement, account) are UUIDs; ids of parts of a
record (leg, follow-up, party, signatory, milestone, contact) are strings, as in the domain.
Instants are aware datetimes; `*_at` in UTC, `local_*` in the venue's zone.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Generic, TypeVar
from uuid import UUID

from planner.i18n import translator
from planner.readmodel.warning_text import compose
from planner.readmodel.warning_text import kind_name as warning_kind_name

T = TypeVar("T")


@dataclass(frozen=True)
class Page(Generic[T]):
    items: tuple[T, ...]
    page: int
    per_page: int
    total: int

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    @property
    def has_next(self) -> bool:
        return self.page < self.pages

    @property
    def has_previous(self) -> bool:
        return self.page > 1


# -- trips ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class TripRow:
    id: UUID
    title: str
    organiser: str
    direction: str
    status: str
    starts_on: date
    ends_on: date
    home_timezone: str
    cities: tuple[str, ...]
    version: int
    owner_org_id: str
    language: str  # of the trip's calendar (Trip.LanguageSet); "" the configured one


@dataclass(frozen=True)
class OrganisationRow:
    id: str
    name: str
    latin_name: str
    kind: str
    country: str
    timezone: str
    version: int  # 0: the default organisation, named in config.toml, not yet recorded

    @property
    def display_name(self) -> str:
        """Both names where it has two: "南京市人民政府 / Nanjing Municipal People's ..."."""
        return f"{self.name} / {self.latin_name}" if self.latin_name else self.name


@dataclass(frozen=True)
class ShareRow:
    """A partner organisation a trip is shared with, and how ("plan" or "view")."""

    org_id: str
    name: str
    access: str


@dataclass(frozen=True)
class LegRow:
    leg_id: str
    city: str
    country: str
    timezone: str
    arrives_on: date
    departs_on: date


@dataclass(frozen=True)
class MemberRow:
    person_id: UUID
    name: str
    role: str
    organisation: str
    email: str


@dataclass(frozen=True)
class HandedOverProfile:
    """A profile handed over on a trip: the version given then, and its name at that version."""

    profile_id: UUID
    name: str
    version: int
    current_version: int
    name_at_handover: str
    kind: str
    country: str


@dataclass(frozen=True)
class TripDetail(TripRow):
    purpose: str
    objectives: tuple[str, ...]
    legs: tuple[LegRow, ...]
    members: tuple[MemberRow, ...]
    profiles: tuple[HandedOverProfile, ...]
    created_at: datetime
    last_changed_by: str
    last_changed_at: datetime
    shares: tuple[ShareRow, ...]


# -- itinerary ------------------------------------------------------------------------------
@dataclass(frozen=True)
class ItineraryItem:
    meeting_id: UUID
    trip_id: UUID
    trip_title: str
    title: str
    kind: str
    status: str
    venue: str
    city: str
    timezone: str
    leg_id: str
    starts_at: datetime
    ends_at: datetime
    local_start: datetime
    local_end: datetime
    home_timezone: str
    home_start: datetime | None
    home_end: datetime | None
    attendees: tuple[str, ...]
    attendee_ids: tuple[UUID, ...]
    counterparts: tuple[str, ...]
    agenda: str
    version: int
    last_changed_at: datetime
    answers: tuple[str, ...] = ()  # per attendee (as attendee_ids): accepted, declined or ""

    def answer_of(self, person_id: UUID) -> str:
        """The person's answer to this meeting ("" when they have not answered)."""
        for attendee, answer in zip(self.attendee_ids, self.answers, strict=False):
            if attendee == person_id:
                return answer
        return ""


@dataclass(frozen=True)
class ItineraryDay:
    date: date
    items: tuple[ItineraryItem, ...]


@dataclass(frozen=True)
class ItineraryLeg:
    """One leg's days (every day of the leg, free days with no items), or, with leg None,
    the days of meetings that fall inside no leg."""

    leg: LegRow | None
    days: tuple[ItineraryDay, ...]


@dataclass(frozen=True)
class Itinerary:
    trip_id: UUID
    title: str
    home_timezone: str
    starts_on: date
    ends_on: date
    legs: tuple[ItineraryLeg, ...]

    @property
    def items(self) -> tuple[ItineraryItem, ...]:
        """Every item once, in time order."""
        seen = {i.meeting_id: i for g in self.legs for d in g.days for i in d.items}
        return tuple(sorted(seen.values(), key=lambda i: (i.starts_at, i.title)))


@dataclass(frozen=True)
class Warning:
    """A soft conflict in a trip's plan: its kind and the parameters of its sentence (JSON
    text, see planner.readmodel.warning_text), composed in the reader's language by `text`."""

    kind: str
    params: str
    meeting_ids: tuple[UUID, ...]
    person_ids: tuple[UUID, ...] = ()

    @property
    def details(self) -> dict[str, Any]:
        """The parameters: meetings (title, city, zone, UTC instants), dates, names, minutes."""
        return dict(json.loads(self.params))

    def text(self, language: str | None) -> str:
        """The warning as a sentence in the language (English when unknown)."""
        return compose(self.kind, self.details, translator(language))

    def kind_name(self, language: str | None) -> str:
        """The kind as the reader calls it ("double booking", "Doppelbuchung")."""
        return warning_kind_name(self.kind, translator(language))

    @property
    def message(self) -> str:
        """The sentence in English."""
        return self.text("en")


@dataclass(frozen=True)
class TripPage:
    """Everything the trip page shows, read in one snapshot. `itinerary` is None when the
    caller already holds it rendered for `position` (the read models' position in that
    snapshot)."""

    trip: TripDetail
    itinerary: Itinerary | None
    warnings: tuple[Warning, ...]
    position: int = 0


# -- people and accounts ------------------------------------------------------------------
@dataclass(frozen=True)
class PersonRow:
    id: UUID
    name: str
    title: str
    organisation: str
    email: str
    home_timezone: str
    has_feed: bool
    version: int
    owner_org_id: str
    organisation_id: str


@dataclass(frozen=True)
class AccountRow:
    id: UUID
    email: str
    name: str
    role: str
    person_id: UUID | None
    active: bool
    version: int
    organisation_id: str
    global_auditor: bool


__all__ = [
    "OrganisationRow",
    "ShareRow",
    "AccountRow",
    "HandedOverProfile",
    "Itinerary",
    "ItineraryDay",
    "ItineraryItem",
    "ItineraryLeg",
    "LegRow",
    "MemberRow",
    "Page",
    "PersonRow",
    "TripDetail",
    "TripPage",
    "TripRow",
    "Warning",
]
