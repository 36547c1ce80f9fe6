"""What a delegation form proposes when the organiser leaves a field out: a new member's role
and organisation, a new person's home zone. Pure rules over read-model rows, so the web forms
and a later JSON API propose the same."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from planner.domain.values import MemberRole
from planner.readmodel.rows import OrganisationRow, PersonRow

# MemberRole has no "delegate": a member of a delegation who is neither its head, staff, an
# interpreter, an adviser nor a company's representative is one of its officials.
FIRST_ROLE = MemberRole.OFFICIAL


def member_role(roles: Iterable[str]) -> str:
    """The most common role among the trip's members (a tie goes to the role listed first),
    or `FIRST_ROLE`; never the head of delegation, who is one person."""
    order = list(MemberRole)
    counts = Counter(role for role in roles if role in order and role != MemberRole.HEAD)
    if not counts:
        return str(FIRST_ROLE)
    return str(max(counts, key=lambda role: (counts[role], -order.index(MemberRole(role)))))


def member_organisation(person: PersonRow, record: OrganisationRow | None) -> str:
    """A known person's organisation: the one written on their record, else the name of the
    organisation in the planner they belong to; '' when neither is known."""
    if person.organisation.strip():
        return person.organisation.strip()
    return record.name if record is not None else ""


def home_zone(organisation: OrganisationRow | None, fallback: str,
              fallback_is: str = "the trip's home zone") -> tuple[str, str]:
    """(zone, where it came from) for a new person whose home zone was left empty: their
    organisation's zone, else `fallback` (the trip's home zone)."""
    if organisation is not None and organisation.timezone:
        return organisation.timezone, f"the zone of {organisation.display_name}"
    return fallback, fallback_is
