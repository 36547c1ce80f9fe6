"""Who travels and what they hand over: a trip's delegation members and the company profiles
handed over on it (each as it stood at a version).

The stored topics stay `planner.domain.trip:Trip.MemberAdded` and so on: eventsourcing declares
each event of this mixin again on the Trip aggregate, in Trip's module and under its name.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from planner.domain import values as v
from planner.domain.base import PlannerAggregate
from planner.domain.errors import ValidationError
from planner.domain.ids import same

MAX_VERSION = 1_000_000_000


class TripDelegation:
    """Mixin for the Trip aggregate: `members` (person, role, organisation) and `profiles`
    (profile id and version)."""

    members: list[dict[str, Any]]
    profiles: list[dict[str, Any]]

    # -- delegation members ---------------------------------------------------------------
    class MemberAdded(PlannerAggregate.Event):
        person_id: str
        role: str
        organisation: str

        def apply(self, trip: Any) -> None:
            trip.members = [m for m in trip.members if m["person_id"] != self.person_id]
            trip.members.append(dict(person_id=self.person_id, role=self.role,
                                     organisation=self.organisation))

    class MemberChanged(MemberAdded):
        pass

    class MemberRemoved(PlannerAggregate.Event):
        person_id: str

        def apply(self, trip: Any) -> None:
            trip.members = [m for m in trip.members if m["person_id"] != self.person_id]

    def member(self, person_id: UUID | str) -> dict[str, Any] | None:
        person_id = v.record_id("person_id", person_id)
        return next((m for m in self.members if same(m["person_id"], person_id)), None)

    def add_member(self, *, actor: str, person_id: UUID | str, role: str,
                   organisation: str = "", at: datetime | None = None,
                   reason: str = "") -> bool:
        """Add a person to the delegation; returns False if they are already in it."""
        reason = self._check_open(reason)  # type: ignore[attr-defined]
        person_id = v.record_id("person_id", person_id)
        if self.member(person_id):
            return False
        self._emit(self.MemberAdded, actor, at, reason,  # type: ignore[attr-defined]
                   person_id=person_id, role=v.choice("role", role, v.MemberRole),
                   organisation=v.text("organisation", organisation, required=False))
        return True

    def change_member(self, *, actor: str, person_id: UUID | str, role: str,
                      organisation: str = "", reason: str = "",
                      at: datetime | None = None) -> None:
        reason = self._check_open(reason)  # type: ignore[attr-defined]
        person_id = self._member_id(person_id)
        self._emit(self.MemberChanged, actor, at, reason,  # type: ignore[attr-defined]
                   person_id=person_id, role=v.choice("role", role, v.MemberRole),
                   organisation=v.text("organisation", organisation, required=False))

    def remove_member(self, *, actor: str, person_id: UUID | str, reason: str = "",
                      at: datetime | None = None) -> None:
        reason = self._check_open(reason)  # type: ignore[attr-defined]
        self._emit(self.MemberRemoved, actor, at, reason,  # type: ignore[attr-defined]
                   person_id=self._member_id(person_id))

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

        def apply(self, trip: Any) -> None:
            trip.profiles = [p for p in trip.profiles if p["profile_id"] != self.profile_id]
            trip.profiles.append(dict(profile_id=self.profile_id,
                                      profile_version=self.profile_version))

    class ProfileDetached(PlannerAggregate.Event):
        profile_id: str

        def apply(self, trip: Any) -> None:
            trip.profiles = [p for p in trip.profiles if p["profile_id"] != self.profile_id]

    def attach_profile(self, *, actor: str, profile_id: UUID | str, profile_version: int,
                       at: datetime | None = None, reason: str = "") -> None:
        """Record that a profile is handed over on this trip, as it stands at that version."""
        reason = self._check_open(reason)  # type: ignore[attr-defined]
        self._emit(self.ProfileAttached, actor, at, reason,  # type: ignore[attr-defined]
                   profile_id=v.record_id("profile_id", profile_id),
                   profile_version=v.whole_number("profile_version", profile_version, low=1,
                                                  high=MAX_VERSION))

    def detach_profile(self, *, actor: str, profile_id: UUID | str, reason: str = "",
                       at: datetime | None = None) -> None:
        reason = self._check_open(reason)  # type: ignore[attr-defined]
        wanted = v.record_id("profile_id", profile_id)
        stored = next((p["profile_id"] for p in self.profiles if same(p["profile_id"], wanted)),
                      "")
        if not stored:
            raise ValidationError("profile_id", "profile %(wanted)s is not attached", wanted=wanted)
        self._emit(self.ProfileDetached, actor, at, reason,  # type: ignore[attr-defined]
                   profile_id=stored)
