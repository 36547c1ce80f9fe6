"""Commands and queries for trips: details, dates, legs, delegation, profiles, status."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

from planner.commands.base import CommandSupport, as_uuid, plain
from planner.domain.company import CompanyProfile
from planner.domain.errors import InvariantError, ValidationError, Word
from planner.domain.organisation import DEFAULT_ORGANISATION_ID
from planner.domain.person import Person
from planner.domain.trip import Trip
from planner.i18n.words import N_

MAX_ITEMS = 500
"""The most parts (profiles, attendees) one multi-item form adds at once."""


def chosen_ids(field: str, values: list[UUID | str], what: str) -> list[UUID]:
    """The record ids chosen in a multi-item form: each once, at least one, not too many."""
    ids = list(dict.fromkeys(as_uuid(field, value) for value in values))
    if not ids:
        raise ValidationError(field, "must not be empty: choose a %(what)s", what=Word(what))
    if len(ids) > MAX_ITEMS:
        raise ValidationError(field, "choose at most %(max_items)s at once", max_items=MAX_ITEMS)
    return ids


class TripCommands(CommandSupport):
    def create_trip(self, *, actor: str, title: str, organiser: str, direction: str,
                    home_timezone: str, starts_on: date, ends_on: date,
                    purpose: str = "", owner_org_id: UUID | str = DEFAULT_ORGANISATION_ID
                    ) -> UUID:
        trip = Trip.create(actor=actor, title=title, purpose=purpose, organiser=organiser,
                           direction=direction, home_timezone=home_timezone,
                           starts_on=starts_on, ends_on=ends_on, at=self._stamp(),
                           owner_org_id=self.known_organisation("owner_org_id", owner_org_id))
        self._commit(trip)
        return trip.id

    def change_trip_details(self, trip_id: UUID | str, *, actor: str, title: str,
                            organiser: str, direction: str, home_timezone: str,
                            purpose: str = "", reason: str = "",
                            language: str | None = None,
                            expected_version: int | None = None) -> int:
        """`language`: the trip calendar's too, when given and changed (one save)."""
        def change(trip: Trip) -> None:
            at = self._stamp()
            trip.change_details(actor=actor, title=title, purpose=purpose, organiser=organiser,
                                direction=direction, home_timezone=home_timezone, reason=reason,
                                at=at)
            if language is not None and trip.language_differs(language):
                trip.set_language(actor=actor, language=language, at=at)
        return self._edit(Trip, trip_id, expected_version, change)

    def change_trip_dates(self, trip_id: UUID | str, *, actor: str, starts_on: date,
                          ends_on: date, reason: str,
                          expected_version: int | None = None) -> int:
        return self._edit(Trip, trip_id, expected_version, lambda t: t.change_dates(
            actor=actor, starts_on=starts_on, ends_on=ends_on, reason=reason, at=self._stamp()))

    def add_leg(self, trip_id: UUID | str, *, actor: str, city: str, country: str,
                timezone: str, arrives_on: date, departs_on: date,
                expected_version: int | None = None, reason: str = "") -> str:
        """Add a leg (a stay in one city); `reason` makes it a correction to a completed trip."""
        trip = self._load(Trip, trip_id, expected_version)
        leg_id = trip.add_leg(actor=actor, city=city, country=country, timezone=timezone,
                              arrives_on=arrives_on, departs_on=departs_on, at=self._stamp(),
                              reason=reason)
        self._commit(trip, expected_version=expected_version)
        return leg_id

    def change_leg(self, trip_id: UUID | str, leg_id: str, *, actor: str, city: str,
                   country: str, timezone: str, arrives_on: date, departs_on: date,
                   reason: str = "", expected_version: int | None = None) -> int:
        return self._edit(Trip, trip_id, expected_version, lambda t: t.change_leg(
            actor=actor, leg_id=leg_id, city=city, country=country, timezone=timezone,
            arrives_on=arrives_on, departs_on=departs_on, reason=reason, at=self._stamp()))

    def remove_leg(self, trip_id: UUID | str, leg_id: str, *, actor: str, reason: str,
                   expected_version: int | None = None) -> int:
        return self._edit(Trip, trip_id, expected_version, lambda t: t.remove_leg(
            actor=actor, leg_id=leg_id, reason=reason, at=self._stamp()))

    def set_travel_time(self, trip_id: UUID | str, *, actor: str, city_a: str, city_b: str,
                        minutes: int, reason: str = "",
                        expected_version: int | None = None) -> int:
        """The trip's own minimum travel time between two of its cities (planner.domain.travel)."""
        return self._edit(Trip, trip_id, expected_version, lambda t: t.set_travel_time(
            actor=actor, city_a=city_a, city_b=city_b, minutes=minutes, reason=reason,
            at=self._stamp()))

    def clear_travel_time(self, trip_id: UUID | str, *, actor: str, city_a: str, city_b: str,
                          reason: str = "", expected_version: int | None = None) -> int:
        """Drop the trip's own travel time between two cities: the configured one applies."""
        return self._edit(Trip, trip_id, expected_version, lambda t: t.clear_travel_time(
            actor=actor, city_a=city_a, city_b=city_b, reason=reason, at=self._stamp()))

    def add_member(self, trip_id: UUID | str, *, actor: str, person_id: UUID | str, role: str,
                   organisation: str = "", reason: str = "") -> bool:
        """Add a person to the delegation. Commutes with other edits, so it retries."""
        person = self._referenced(Person, "person_id", person_id)
        if person.is_erased:
            raise InvariantError("person_id", "this person's data was erased; they cannot "
                                              "join a delegation")
        person_id = person.id

        def attempt() -> bool:
            trip = self._load(Trip, trip_id)
            added = trip.add_member(actor=actor, person_id=person_id, role=role,
                                    organisation=organisation, at=self._stamp(), reason=reason)
            if added:
                self._commit(trip)
            return added
        return self._retrying(attempt)

    def register_member(self, trip_id: UUID | str, *, actor: str, name: str,
                        home_timezone: str, role: str, title: str = "", organisation: str = "",
                        email: str = "", reason: str = "",
                        owner_org_id: UUID | str | None = None) -> UUID:
        """Register someone new and add them to the delegation in one save: if the trip
        refuses the member, nobody is registered either."""
        return self.register_members(trip_id, actor=actor, reason=reason,
                                     owner_org_id=owner_org_id, members=[dict(
                                         name=name, home_timezone=home_timezone, role=role,
                                         title=title, organisation=organisation,
                                         email=email)])[0]

    def register_members(self, trip_id: UUID | str, *, actor: str,
                         members: list[dict[str, str]], reason: str = "",
                         owner_org_id: UUID | str | None = None) -> list[UUID]:
        """Register a delegation list (each entry: name, home_timezone, role and optionally
        title, organisation, email) and add everyone to the trip in one save: all or none."""
        def attempt() -> list[UUID]:
            trip = self._load(Trip, trip_id)
            keeper = self.known_organisation("owner_org_id", owner_org_id) or trip.owner_org_id
            people = [Person.register(
                actor=actor, name=m["name"], title=m.get("title", ""),
                organisation=m.get("organisation", ""), email=m.get("email", ""),
                home_timezone=m["home_timezone"], at=self._stamp(), owner_org_id=keeper)
                for m in members]
            for m, person in zip(members, people, strict=True):
                trip.add_member(actor=actor, person_id=person.id, role=m["role"],
                                organisation=m.get("organisation", ""), at=self._stamp(),
                                reason=reason)
            # stored in the order they happened: the people first, then their membership
            self._commit(*people, trip)
            return [person.id for person in people]
        return self._retrying(attempt)

    def change_member(self, trip_id: UUID | str, person_id: UUID | str, *, actor: str,
                      role: str, organisation: str = "", reason: str = "",
                      expected_version: int | None = None) -> int:
        return self._edit(Trip, trip_id, expected_version, lambda t: t.change_member(
            actor=actor, person_id=as_uuid("person_id", person_id), role=role,
            organisation=organisation, reason=reason, at=self._stamp()))

    def remove_member(self, trip_id: UUID | str, person_id: UUID | str, *, actor: str,
                      reason: str = "", expected_version: int | None = None) -> int:
        return self._edit(Trip, trip_id, expected_version, lambda t: t.remove_member(
            actor=actor, person_id=as_uuid("person_id", person_id), reason=reason,
            at=self._stamp()))

    def attach_profile(self, trip_id: UUID | str, profile_id: UUID | str, *,
                       actor: str, reason: str = "") -> int:
        """Hand a profile over on this trip: the version current now is the one recorded."""
        return self.attach_profiles(trip_id, [profile_id], actor=actor, reason=reason)

    def attach_profiles(self, trip_id: UUID | str, profile_ids: list[UUID | str], *,
                        actor: str, reason: str = "") -> int:
        """Hand several profiles over at once: one save, so all are attached or none."""
        profiles = [self._referenced(CompanyProfile, "profile_id", p)
                    for p in chosen_ids("profile_id", profile_ids, N_("profile"))]

        def attach(trip: Trip) -> None:
            for profile in profiles:
                trip.attach_profile(actor=actor, profile_id=profile.id,
                                    profile_version=profile.version, at=self._stamp(),
                                    reason=reason)
        return self._retrying(lambda: self._edit(Trip, trip_id, None, attach))

    def detach_profile(self, trip_id: UUID | str, profile_id: UUID | str, *, actor: str,
                       reason: str = "", expected_version: int | None = None) -> int:
        return self._edit(Trip, trip_id, expected_version, lambda t: t.detach_profile(
            actor=actor, profile_id=as_uuid("profile_id", profile_id), reason=reason,
            at=self._stamp()))

    def set_objectives(self, trip_id: UUID | str, *, actor: str, objectives: list[str],
                       reason: str = "", expected_version: int | None = None) -> int:
        return self._edit(Trip, trip_id, expected_version, lambda t: t.set_objectives(
            actor=actor, objectives=objectives, reason=reason, at=self._stamp()))

    def set_trip_language(self, trip_id: UUID | str, *, actor: str, language: str,
                          expected_version: int | None = None) -> int:
        """The language of the trip's calendar: de, en, zh, or "" for the configured one."""
        return self._edit(Trip, trip_id, expected_version, lambda t: t.set_language(
            actor=actor, language=language, at=self._stamp()))

    def change_trip_status(self, trip_id: UUID | str, *, actor: str, status: str,
                           reason: str = "", expected_version: int | None = None) -> int:
        return self._edit(Trip, trip_id, expected_version, lambda t: t.change_status(
            actor=actor, status=status, reason=reason, at=self._stamp()))

    def share_attendee_addresses(self, trip_id: UUID | str, *, actor: str,
                                 shared: bool) -> int:
        """Calendar mails of the trip's meetings show the other attendees' addresses, or not."""
        return self._edit(Trip, trip_id, None, lambda t: t.share_attendee_addresses(
            actor=actor, shared=shared, at=self._stamp()))

    def cancel_trip(self, trip_id: UUID | str, *, actor: str, reason: str,
                    expected_version: int | None = None) -> int:
        return self._edit(Trip, trip_id, expected_version, lambda t: t.cancel(
            actor=actor, reason=reason, at=self._stamp()))

    def reinstate_trip(self, trip_id: UUID | str, *, actor: str, reason: str,
                       expected_version: int | None = None) -> int:
        return self._edit(Trip, trip_id, expected_version, lambda t: t.reinstate(
            actor=actor, reason=reason, at=self._stamp()))

    def get_trip(self, trip_id: UUID | str, *, version: int | None = None,
                 at: datetime | None = None) -> dict[str, Any]:
        """The trip as plain data: now, at a given version, or as it stood at a moment."""
        return plain(self._as_of(Trip, trip_id, version, at))
