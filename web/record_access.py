"""Who may see and change the records that are not trips: company profiles, agreements,
people, staff accounts and organisations.

The rules are planner.organisations' (scope clauses filter in SQL, `records` says who changes
what); this module only turns them into view decorators built on `web.access.guard`:

- a register (profiles, people, accounts) is for staff; a participant gets 403, as before;
- a record the signed-in account's organisation may not see is 404, as if it did not exist;
- one it sees but may not change (another organisation owns it, or an auditor asks) is 403.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import g
from flask_babel import LazyString, gettext, lazy_gettext
from werkzeug.exceptions import Forbidden

from planner.organisations import records as rules
from planner.organisations.access import Viewer
from web import access
from web.wiring import found, queries, read_once
from web.words import word


def viewer() -> Viewer:
    """The signed-in account as the organisation rules see it."""
    return g.user.viewer


def owns(user: access.User, owner_org_id: str) -> bool:
    """Organisers and administrators change the records their own organisation owns."""
    return rules.may_change_record(user.viewer, owner_org_id)


# -- loading a record as the signed-in account may see it (404 otherwise) --------------------
def visible_profile(profile_id: object) -> Any:
    return found(read_once("visible profile", profile_id, lambda: queries().profile(
        str(profile_id), viewer=viewer())), "company profile", profile_id)


def visible_agreement(agreement_id: object) -> Any:
    return found(read_once("visible agreement", agreement_id, lambda: queries().agreement(
        str(agreement_id), viewer=viewer())), "agreement", agreement_id)


def visible_person(person_id: object) -> Any:
    return found(read_once("visible person", person_id, lambda: queries().person(
        str(person_id), viewer=viewer())), "person", person_id)


def visible_account(account_id: object) -> Any:
    return found(read_once("visible account", account_id, lambda: queries().account_with_id(
        str(account_id), viewer=viewer())), "account", account_id)


# -- decorators ---------------------------------------------------------------------------
_STAFF_ONLY = lazy_gettext("Only organisers, administrators and auditors can see this register.")
def _owner_only(what: str) -> LazyString:
    """The refusal for a record owned by another organisation, in the reader's language."""
    return LazyString(lambda: gettext("Only organisers of the organisation that owns this "
                                      "%(what)s can change it; you may read it.",
                                      what=word(what)))

staff = access.guard("staff", lambda user, _: user.viewer.is_staff, _STAFF_ONLY)
"""Registers of profiles, agreements, people and accounts (each filtered by organisation)."""

record_planner = access.guard(
    "record planner", lambda user, _: user.viewer.plans,
    lazy_gettext("Only organisers and administrators can register records; auditors change "
                 "nothing."))
"""Registering a new profile, agreement or person (owned by the user's organisation)."""

administrator = access.guard(
    "administrator", lambda user, _: rules.may_manage_organisations(user.viewer),
    lazy_gettext("Only administrators can do this."))
"""Registering and changing organisations, the global-auditor flag."""


def _reader(rule: str, load: Callable[[Any], Any], key: str,
            staff_only: bool = True) -> Callable[[Any], Any]:
    def allow(user: access.User, kwargs: dict[str, Any]) -> bool:
        if staff_only and not user.viewer.is_staff:
            return False
        load(kwargs[key])  # 404 for a record the user's organisation may not see
        return True
    return access.guard(rule, allow, _STAFF_ONLY)


def _owner(rule: str, load: Callable[[Any], Any], key: str,
           what: str) -> Callable[[Any], Any]:
    def allow(user: access.User, kwargs: dict[str, Any]) -> bool:
        if not user.viewer.plans:  # auditors and participants: by role, before any lookup
            return False
        return owns(user, load(kwargs[key]).owner_org_id)  # invisible: 404 from `load`
    return access.guard(rule, allow, _owner_only(what))


profile_reader = _reader("profile reader", visible_profile, "profile_id")
profile_owner = _owner("profile owner", visible_profile, "profile_id", "company profile")
agreement_reader = _reader("agreement reader", visible_agreement, "agreement_id",
                           staff_only=False)
"""Staff whose organisation may see it; a participant if it is from a trip they are on."""
agreement_owner = _owner("agreement owner", visible_agreement, "agreement_id", "agreement")
person_reader = _reader("person reader", visible_person, "person_id")
person_owner = _owner("person owner", visible_person, "person_id", "person")


def _erases(user: access.User, kwargs: dict[str, Any]) -> bool:
    """Organisers and administrators of the organisation that registered the person."""
    if not user.viewer.plans:
        return False
    row = visible_person(kwargs["person_id"])  # invisible: 404
    return rules.may_erase_person(user.viewer, row.owner_org_id)


person_eraser = access.guard(
    "person eraser", _erases,
    lazy_gettext("Only organisers and administrators of the organisation that registered this "
                 "person can erase their data."))


def may_manage_account(user: access.User, row: Any) -> bool:
    """Administrators manage every account; organisers their organisation's, but not an
    administrator's."""
    return rules.may_manage_account(user.viewer, row.organisation_id, row.role)


def _manages_account(user: access.User, kwargs: dict[str, Any]) -> bool:
    if not user.viewer.plans:  # auditors and participants: by role, before any lookup
        return False
    return may_manage_account(user, visible_account(kwargs["account_id"]))


account_manager = access.guard(
    "account manager", _manages_account,
    lazy_gettext("Only administrators, or organisers of the account's organisation, can change "
                 "an account; an administrator's account only administrators."))


def grantable_roles(user: access.User) -> list[str]:
    """The roles the user may give: administrator only by administrators."""
    return rules.grantable_roles(user.viewer)


def refuse_unless_grantable(user: access.User, role: str) -> None:
    """403 for a role the user may not give (an unknown role is the domain's 422)."""
    wanted = role.strip()
    if wanted == "administrator" and wanted not in rules.grantable_roles(user.viewer):
        raise Forbidden(gettext("Only administrators can make an account an administrator."))
