"""Small helpers the demo stories share: scheduling from tables, outcomes, parties."""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple
from uuid import UUID

from planner.demo.clock import Demo, local
from planner.demo.organisations import PROFILE_ORGANISATIONS


class Slot(NamedTuple):
    """One itinerary item as the demo writes it: local wall time at the venue."""

    kind: str
    title: str
    venue: str
    city: str
    leg: str | None  # key into the trip's legs, or None for an item outside every leg
    start: str
    end: str
    counterparts: tuple[str, ...] = ()
    agenda: str = ""
    attendees: tuple[str, ...] = ()  # keys into demo.people


def schedule(demo: Demo, trip: UUID, slots: dict[str, Slot], *, actor: str, zone: str,
             legs: dict[str, str]) -> None:
    """Schedule every slot; the meeting ids go into `demo.ids` under the slot's key."""
    for key, slot in slots.items():
        demo.ids[key] = demo.app.schedule_meeting(
            trip, actor=actor, kind=slot.kind, title=slot.title, venue=slot.venue,
            city=slot.city, timezone=zone, starts=local(slot.start), ends=local(slot.end),
            counterparts=list(slot.counterparts), leg_id=legs[slot.leg] if slot.leg else None,
            agenda=slot.agenda, attendees=[demo.people[a] for a in slot.attendees])


def record_outcomes(demo: Demo, outcomes: dict[str, tuple[str, list[str]]], *, actor: str,
                    keys: Iterable[str]) -> None:
    for key in keys:
        summary, ideas = outcomes[key]
        demo.app.record_outcome(demo.ids[key], actor=actor, summary=summary, ideas=ideas)


def sign_up(demo: Demo, agreement: UUID, *, actor: str,
            sides: Iterable[tuple[str, str, str]]) -> None:
    """Add each side as a party (from its profile) with one signatory: (profile, name, title).

    A party that is one of the demo organisations is linked to it (it then sees the
    agreement)."""
    for profile_key, name, title in sides:
        profile_id = demo.profiles[profile_key]
        organisation = PROFILE_ORGANISATIONS.get(profile_key)
        party = demo.app.add_party(agreement, actor=actor, profile_id=profile_id,
                                   name=demo.app.get_profile(profile_id)["name"],
                                   organisation_id=organisation.id if organisation else None)
        demo.app.add_signatory(agreement, actor=actor, name=name, title=title, party_id=party)
