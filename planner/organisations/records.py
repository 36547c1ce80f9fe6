"""Who may change the records that are not trips: company profiles, agreements, people,
staff accounts and organisations. Who may *see* them is planner.organisations.scope.

- profiles, agreements and people are changed by the organisers (and administrators) of the
  organisation that owns them; every other viewer, also an auditor, only reads them;
- a person's data is erased by the organisers and administrators of the organisation that
  registered them (it keeps their data; it answers their request);
- organisers manage their own organisation's accounts, but never an administrator's, and
  never grant the administrator role (nor the global-auditor flag); administrators manage
  every account;
- only administrators register and change organisations.
"""

from __future__ import annotations

from planner.domain.account import Role
from planner.organisations.access import Viewer


def may_change_record(viewer: Viewer, owner_org_id: str) -> bool:
    """Edit a profile, agreement or person the viewer's organisation owns."""
    return viewer.plans and owner_org_id == viewer.organisation_id


def may_erase_person(viewer: Viewer, owner_org_id: str) -> bool:
    return may_change_record(viewer, owner_org_id)


def may_manage_account(viewer: Viewer, organisation_id: str, role: str) -> bool:
    """Change an account's role or disable/enable it."""
    if viewer.administers:
        return True
    return (viewer.plans and organisation_id == viewer.organisation_id
            and role != Role.ADMINISTRATOR)


def grantable_roles(viewer: Viewer) -> list[str]:
    """The roles the viewer may give an account: administrator only by administrators."""
    return [r.value for r in Role if r != Role.ADMINISTRATOR or viewer.administers]


def may_set_global_auditor(viewer: Viewer) -> bool:
    return viewer.administers


def may_manage_organisations(viewer: Viewer) -> bool:
    return viewer.administers
