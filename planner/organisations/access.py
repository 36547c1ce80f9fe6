"""What a signed-in account may do with a trip, from its role and its organisation.

One rule set for the web UI, the API and the CLI where it acts for a person:

- organisers and administrators of the trip's **owner** organisation do everything;
- organisers of a partner it is shared with at **plan** edit the programme (legs, members,
  meetings, attendees, outcomes, follow-ups), not the trip's details, dates, status,
  objectives, handed-over profiles, cancellation or sharing;
- staff of a partner with **view** (and auditors of the owner or of a partner) read it all;
- an auditor flagged *global* reads every organisation's records;
- a participant reads the trips they are a member of, whatever organisation they are in.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import IntEnum

from planner.domain.account import Role


class TripAccess(IntEnum):
    """Ordered: each level includes the ones below it."""

    NONE = 0
    MEMBER = 1  # a participant on the trip: their own view of it
    VIEW = 2
    PLAN = 3
    OWN = 4


@dataclass(frozen=True)
class Viewer:
    """Who is asking: the account's role, organisation and (for participants) person."""

    role: str
    organisation_id: str
    person_id: str = ""
    global_auditor: bool = False

    @property
    def sees_every_organisation(self) -> bool:
        return self.role == Role.AUDITOR and self.global_auditor

    @property
    def is_staff(self) -> bool:
        """Organisers, administrators and auditors: they see their organisation's records."""
        return self.role in (Role.ORGANISER, Role.ADMINISTRATOR, Role.AUDITOR)

    @property
    def plans(self) -> bool:
        return self.role in (Role.ORGANISER, Role.ADMINISTRATOR)

    @property
    def administers(self) -> bool:
        return self.role == Role.ADMINISTRATOR


def trip_access(viewer: Viewer, owner_org_id: str, shares: Mapping[str, str],
                is_member: bool) -> TripAccess:
    """The viewer's access to one trip (`shares`: partner organisation id -> plan/view)."""
    if viewer.sees_every_organisation:
        return TripAccess.VIEW
    if not viewer.is_staff:
        return TripAccess.MEMBER if is_member else TripAccess.NONE
    if owner_org_id == viewer.organisation_id:
        level = TripAccess.OWN
    else:
        level = {"plan": TripAccess.PLAN, "view": TripAccess.VIEW}.get(
            shares.get(viewer.organisation_id, ""), TripAccess.NONE)
    if not viewer.plans:  # auditors read, never write
        level = min(level, TripAccess.VIEW)
    if level == TripAccess.NONE and is_member:
        return TripAccess.MEMBER
    return level


def may_read(access: TripAccess) -> bool:
    return access >= TripAccess.MEMBER


def may_plan(access: TripAccess) -> bool:
    """Edit the programme: legs, members, meetings, attendees, outcomes, follow-ups."""
    return access >= TripAccess.PLAN


def may_manage(access: TripAccess) -> bool:
    """Details, dates, status, objectives, handed-over profiles, cancelling and sharing."""
    return access >= TripAccess.OWN
