"""Who may copy a trip ("Plan again from this trip"), and whom a copy takes along.

The copy is a new trip owned by the copying organisation and shared with nobody, so it
keeps only the people that organisation keeps or who belong to it: a partner's people on a
shared trip are left out (and so are their places in the copied meetings), because the copy
would otherwise show them to an organisation they never joined.
"""

from __future__ import annotations

from planner.organisations.access import TripAccess, Viewer, may_read


def may_copy(viewer: Viewer, access: TripAccess) -> bool:
    """Staff who may read the trip and may create trips (organisers, administrators)."""
    return may_read(access) and viewer.plans and access >= TripAccess.VIEW


def takes_along(organisation_id: str, person_owner_org_id: str,
                person_organisation_id: str) -> bool:
    """Whether a member of the original goes into a copy owned by `organisation_id`."""
    return organisation_id in (person_owner_org_id, person_organisation_id)
