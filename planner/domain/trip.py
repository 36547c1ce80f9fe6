"""Trip: a delegation journey with legs, delegation members, handed-over profiles, objectives."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

from planner.domain import values as v
from planner.domain import window as w
from planner.domain.base import PlannerAggregate
from planner.domain.errors import InvariantError, ValidationError
from planner.domain.ids import new_id, same
from planner.domain.organisation import DEFAULT_ORGANISATION_ID
from planner.domain.sharing import SharedWithPartners
from planner.domain.travel import TravelTimes
from planner.domain.trip_language import TripLanguage
from planner.domain.values import reason_text
from planner.domain.window import TripWindow
from planner.i18n.words import N_

MAX_VERSION = 1_000_000_000


class Trip(SharedWithPartners, TravelTimes, TripLanguage, PlannerAggregate):
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

    def leg(self, leg_id: str) -> dict[str, Any]:
        leg_id = v.record_id("leg_id", leg_id)
        if found := next((leg for leg in self.legs if same(leg["leg_id"], leg_id)), None):
            return found
        raise ValidationError("leg_id", "the trip has no leg %(leg_id)s", leg_id=leg_id)

    def member(self, person_id: UUID | str) -> dict[str, Any] | None:
        person_id = v.record_id("person_id", person_id)
        return next((m for m in self.members if same(m["person_id"], person_id)), None)

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

    # -- legs -----------------------------------------------------------------------------
    class LegAdded(PlannerAggregate.Event):
        leg_id: str
        city: str
        country: str
        timezone: str
        arrives_on: date
        departs_on: date

        def apply(self, trip: Trip) -> None:
            trip.legs.append(dict(leg_id=self.leg_id, city=self.city, country=self.country,
                                  timezone=self.timezone, arrives_on=self.arrives_on,
                                  departs_on=self.departs_on))
            trip.legs.sort(key=lambda leg: (leg["arrives_on"], leg["departs_on"]))

    class LegChanged(LegAdded):
        def apply(self, trip: Trip) -> None:
            trip.legs = [leg for leg in trip.legs if leg["leg_id"] != self.leg_id]
            Trip.LegAdded.apply(self, trip)

    class LegRemoved(PlannerAggregate.Event):
        leg_id: str

        def apply(self, trip: Trip) -> None:
            trip.legs = [leg for leg in trip.legs if leg["leg_id"] != self.leg_id]

    def add_leg(self, *, actor: str, city: str, country: str, timezone: str, arrives_on: date,
                departs_on: date, at: datetime | None = None, reason: str = "") -> str:
        reason = self._check_open(reason)
        fields = w.leg_fields(city, country, timezone, arrives_on, departs_on,
                              trip=(self.starts_on, self.ends_on), others=self.legs)
        leg_id = str(new_id())
        self._emit(self.LegAdded, actor, at, reason, leg_id=leg_id, **fields)
        return leg_id

    def change_leg(self, *, actor: str, leg_id: str, city: str, country: str, timezone: str,
                   arrives_on: date, departs_on: date, reason: str = "",
                   at: datetime | None = None) -> None:
        reason = self._check_open(reason)
        current = self.leg(leg_id)
        leg_id = current["leg_id"]
        fields = w.leg_fields(city, country, timezone, arrives_on, departs_on,
                              trip=(self.starts_on, self.ends_on),
                              others=[leg for leg in self.legs if leg["leg_id"] != leg_id],
                              keep_zone=current["timezone"])
        self._emit(self.LegChanged, actor, at, reason, leg_id=leg_id, **fields)

    def remove_leg(self, *, actor: str, leg_id: str, reason: str,
                   at: datetime | None = None) -> None:
        reason = reason_text(reason, required=True, what=N_("removing a leg"))
        self._check_open(reason)
        leg_id = self.leg(leg_id)["leg_id"]
        self._emit(self.LegRemoved, actor, at, reason, leg_id=leg_id)

    # -- delegation members ---------------------------------------------------------------
    class MemberAdded(PlannerAggregate.Event):
        person_id: str
        role: str
        organisation: str

        def apply(self, trip: Trip) -> None:
            trip.members = [m for m in trip.members if m["person_id"] != self.person_id]
            trip.members.append(dict(person_id=self.person_id, role=self.role,
                                     organisation=self.organisation))

    class MemberChanged(MemberAdded):
        pass

    class MemberRemoved(PlannerAggregate.Event):
        person_id: str

        def apply(self, trip: Trip) -> None:
            trip.members = [m for m in trip.members if m["person_id"] != self.person_id]

    def add_member(self, *, actor: str, person_id: UUID | str, role: str,
                   organisation: str = "", at: datetime | None = None,
                   reason: str = "") -> bool:
        """Add a person to the delegation; returns False if they are already in it."""
        reason = self._check_open(reason)
        person_id = v.record_id("person_id", person_id)
        if self.member(person_id):
            return False
        self._emit(self.MemberAdded, actor, at, reason, person_id=person_id,
                   role=v.choice("role", role, v.MemberRole),
                   organisation=v.text("organisation", organisation, required=False))
        return True

    def change_member(self, *, actor: str, person_id: UUID | str, role: str,
                      organisation: str = "", reason: str = "",
                      at: datetime | None = None) -> None:
        reason = self._check_open(reason)
        person_id = self._member_id(person_id)
        self._emit(self.MemberChanged, actor, at, reason, person_id=person_id,
                   role=v.choice("role", role, v.MemberRole),
                   organisation=v.text("organisation", organisation, required=False))

    def remove_member(self, *, actor: str, person_id: UUID | str, reason: str = "",
                      at: datetime | None = None) -> None:
        reason = self._check_open(reason)
        self._emit(self.MemberRemoved, actor, at, reason, person_id=self._member_id(person_id))

    def _member_id(self, person_id: UUID | str) -> str:
        """The member's id as stored (an odd one from an older release included)."""
        member = self.member(person_id)
        if member is None:
            raise ValidationError("person_id", "person %(person_id)s is not in the delegation",
                                  person_id=person_id)
        return str(member["person_id"])

    # -- company profiles handed over -----------------------------------------------------
    class ProfileAttached(PlannerAggregate.Event):
        profile_id: str
        profile_version: int

        def apply(self, trip: Trip) -> None:
            trip.profiles = [p for p in trip.profiles if p["profile_id"] != self.profile_id]
            trip.profiles.append(dict(profile_id=self.profile_id,
                                      profile_version=self.profile_version))

    class ProfileDetached(PlannerAggregate.Event):
        profile_id: str

        def apply(self, trip: Trip) -> None:
            trip.profiles = [p for p in trip.profiles if p["profile_id"] != self.profile_id]

    def attach_profile(self, *, actor: str, profile_id: UUID | str, profile_version: int,
                       at: datetime | None = None, reason: str = "") -> None:
        """Record that a profile is handed over on this trip, as it stands at that version."""
        reason = self._check_open(reason)
        self._emit(self.ProfileAttached, actor, at, reason,
                   profile_id=v.record_id("profile_id", profile_id),
                   profile_version=v.whole_number("profile_version", profile_version, low=1,
                                                  high=MAX_VERSION))

    def detach_profile(self, *, actor: str, profile_id: UUID | str, reason: str = "",
                       at: datetime | None = None) -> None:
        reason = self._check_open(reason)
        wanted = v.record_id("profile_id", profile_id)
        stored = next((p["profile_id"] for p in self.profiles if same(p["profile_id"], wanted)),
                      "")
        if not stored:
            raise ValidationError("profile_id", "profile %(wanted)s is not attached", wanted=wanted)
        self._emit(self.ProfileDetached, actor, at, reason, profile_id=stored)

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

    # -- calendar mails ---------------------------------------------------------------------
    class AttendeeAddressesShared(PlannerAggregate.Event):
        """Whether calendar mails of the trip's meetings show the other attendees' e-mail
        addresses (planner.itip); before any choice they do not."""

        shared: bool

        def apply(self, trip: Trip) -> None:
            trip.__dict__["attendee_addresses_shared"] = self.shared

    def share_attendee_addresses(self, *, actor: str, shared: bool,
                                 at: datetime | None = None) -> None:
        if not isinstance(shared, bool):
            raise InvariantError("shared", "must be yes or no")
        self._emit(self.AttendeeAddressesShared, actor, at, shared=shared)

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
