"""Trip: a delegation journey with legs, delegation members, handed-over profiles, objectives.

Its details, dates, objectives and status are here; the rest is in mixins, one module each:
legs (trip_legs), members and profiles (trip_delegation), sharing (sharing), travel times
(travel), language (trip_language), calendar mails (trip_calendar_mails)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

from planner.domain import values as v
from planner.domain import window as w
from planner.domain.base import PlannerAggregate
from planner.domain.errors import InvariantError
from planner.domain.organisation import DEFAULT_ORGANISATION_ID
from planner.domain.sharing import SharedWithPartners
from planner.domain.travel import TravelTimes
from planner.domain.trip_calendar_mails import TripCalendarMails
from planner.domain.trip_delegation import TripDelegation
from planner.domain.trip_language import TripLanguage
from planner.domain.trip_legs import TripLegs
from planner.domain.values import reason_text
from planner.domain.window import TripWindow
from planner.i18n.words import N_


class Trip(TripLegs, TripDelegation, SharedWithPartners, TravelTimes, TripLanguage,
           TripCalendarMails, PlannerAggregate):
    """Version 2 added the owning organisation and the shares, version 3 the trip's own
    travel times (snapshots are upcast)."""

    class_version = 3

    @staticmethod
    def upcast_v1_v2(state: dict[str, Any]) -> None:
        state["owner_org_id"] = DEFAULT_ORGANISATION_ID
        state["shares"] = {}

    @staticmethod
    def upcast_v2_v3(state: dict[str, Any]) -> None:
        state["travel_times"] = []

    class Created(PlannerAggregate.Created):
        """Version 2 added `owner_org_id`: older trips belong to the default organisation."""

        class_version = 2
        title: str
        purpose: str
        organiser: str
        direction: str
        home_timezone: str
        starts_on: date
        ends_on: date
        owner_org_id: str

        @staticmethod
        def upcast_v1_v2(state: dict[str, Any]) -> None:
            state["owner_org_id"] = DEFAULT_ORGANISATION_ID

    def __init__(self, actor: str, reason: str, title: str, purpose: str, organiser: str,
                 direction: str, home_timezone: str, starts_on: date, ends_on: date,
                 owner_org_id: str) -> None:
        self.owner_org_id = owner_org_id
        self.shares: dict[str, str] = {}  # partner organisation id -> "plan" | "view"
        self.title, self.purpose, self.organiser = title, purpose, organiser
        self.direction, self.home_timezone = direction, home_timezone
        self.starts_on, self.ends_on = starts_on, ends_on
        self.status = v.TripStatus.DRAFT.value
        self.status_before_cancel = ""
        self.legs: list[dict[str, Any]] = []
        self.members: list[dict[str, Any]] = []
        self.profiles: list[dict[str, Any]] = []
        self.objectives: list[str] = []
        self.travel_times: list[dict[str, Any]] = []  # the trip's own (planner.domain.travel)

    @classmethod
    def create(cls, *, actor: str, title: str, purpose: str = "", organiser: str,
               direction: str, home_timezone: str, starts_on: date, ends_on: date,
               owner_org_id: UUID | str = DEFAULT_ORGANISATION_ID,
               at: datetime | None = None, reason: str = "") -> Trip:
        """`reason` says where the trip came from (a copy names its original)."""
        first, last = v.date_range("starts_on", starts_on, "ends_on", ends_on)
        return cls._start(cls.Created, actor, at, starts_on=first, ends_on=last, reason=reason,
                          owner_org_id=v.record_id("owner_org_id", owner_org_id),
                          **_details(title, purpose, organiser, direction, home_timezone))

    # -- guards ---------------------------------------------------------------------------
    def _check_open(self, reason: object = "") -> str:
        """Refuse changes to a cancelled trip, and to a completed one unless they are
        corrections with a reason; returns the validated reason."""
        reason = reason_text(reason, required=False)
        if self.status == v.TripStatus.CANCELLED:
            raise InvariantError("status", "the trip is cancelled; reinstate it before changing it")
        if self.status == v.TripStatus.COMPLETED and not reason:
            raise InvariantError("reason", "the trip is completed; only corrections with a "
                                           "reason are accepted")
        return reason

    def window(self) -> TripWindow:
        return TripWindow(self.id, self.status, self.starts_on, self.ends_on, self.home_timezone,
                          {leg["leg_id"]: dict(leg) for leg in self.legs},
                          frozenset(m["person_id"] for m in self.members))

    # -- details and dates ----------------------------------------------------------------
    class DetailsChanged(PlannerAggregate.Event):
        title: str
        purpose: str
        organiser: str
        direction: str
        home_timezone: str

        def apply(self, trip: Trip) -> None:
            trip.title, trip.purpose, trip.organiser = self.title, self.purpose, self.organiser
            trip.direction, trip.home_timezone = self.direction, self.home_timezone

    def change_details(self, *, actor: str, title: str, purpose: str, organiser: str,
                       direction: str, home_timezone: str, reason: str = "",
                       at: datetime | None = None) -> None:
        reason = self._check_open(reason)
        self._emit(self.DetailsChanged, actor, at, reason,
                   **_details(title, purpose, organiser, direction, home_timezone,
                              keep=self.home_timezone))

    class DatesChanged(PlannerAggregate.Event):
        starts_on: date
        ends_on: date

        def apply(self, trip: Trip) -> None:
            trip.starts_on, trip.ends_on = self.starts_on, self.ends_on

    def change_dates(self, *, actor: str, starts_on: date, ends_on: date, reason: str,
                     at: datetime | None = None) -> None:
        reason = reason_text(reason, required=True, what=N_("changing the trip's dates"))
        self._check_open(reason)
        first, last = v.date_range("starts_on", starts_on, "ends_on", ends_on)
        w.check_legs_inside(self.legs, first, last)
        self._emit(self.DatesChanged, actor, at, reason, starts_on=first, ends_on=last)

    # -- objectives -----------------------------------------------------------------------
    class ObjectivesChanged(PlannerAggregate.Event):
        objectives: list[str]

        def apply(self, trip: Trip) -> None:
            trip.objectives = list(self.objectives)

    def set_objectives(self, *, actor: str, objectives: list[str], reason: str = "",
                       at: datetime | None = None) -> None:
        reason = self._check_open(reason)
        items = v.text_list("objectives", objectives, max_items=50, max_len=500)
        self._emit(self.ObjectivesChanged, actor, at, reason, objectives=items)

    # -- status ---------------------------------------------------------------------------
    class StatusChanged(PlannerAggregate.Event):
        status: str

        def apply(self, trip: Trip) -> None:
            trip.status = self.status

    class Cancelled(PlannerAggregate.Event):
        def apply(self, trip: Trip) -> None:
            trip.status_before_cancel, trip.status = trip.status, v.TripStatus.CANCELLED.value

    class Reinstated(PlannerAggregate.Event):
        def apply(self, trip: Trip) -> None:
            trip.status, trip.status_before_cancel = trip.status_before_cancel, ""

    def change_status(self, *, actor: str, status: str, reason: str = "",
                      at: datetime | None = None) -> None:
        """Move along draft -> planned -> confirmed -> completed; going back needs a reason."""
        target = v.choice("status", status, v.TripStatus)
        reason = reason_text(reason, required=False)
        w.check_status_change(self.status, target, reason, has_legs=bool(self.legs))
        self._emit(self.StatusChanged, actor, at, reason, status=target)

    def cancel(self, *, actor: str, reason: str, at: datetime | None = None) -> None:
        reason = reason_text(reason, required=True, what=N_("cancelling a trip"))
        if self.status == v.TripStatus.CANCELLED:
            raise InvariantError("status", "the trip is already cancelled")
        if self.status == v.TripStatus.COMPLETED:
            raise InvariantError("status", "a completed trip cannot be cancelled")
        self._emit(self.Cancelled, actor, at, reason)

    def reinstate(self, *, actor: str, reason: str, at: datetime | None = None) -> None:
        reason = reason_text(reason, required=True, what=N_("reinstating a trip"))
        if self.status != v.TripStatus.CANCELLED:
            raise InvariantError("status", "only a cancelled trip can be reinstated")
        self._emit(self.Reinstated, actor, at, reason)


def _details(title: str, purpose: str, organiser: str, direction: str,
             home_timezone: str, keep: str | None = None) -> dict[str, str]:
    return dict(title=v.text("title", title),
                purpose=v.text("purpose", purpose, max_len=v.LONG_TEXT, required=False,
                               multiline=True),
                organiser=v.text("organiser", organiser),
                direction=v.choice("direction", direction, v.Direction),
                home_timezone=v.zone("home_timezone", home_timezone, keep=keep))
