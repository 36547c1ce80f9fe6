"""Person and Account events -> rm_people, rm_accounts (never password hashes)."""

from __future__ import annotations

from typing import Any

from planner.domain.account import Account
from planner.domain.person import ERASED_PERSON, Person
from planner.privacy import ERASED_ACCOUNT
from planner.readmodel import tables as t
from planner.readmodel.handlers.batch import Batch
from planner.readmodel.handlers.common import Handler, created, key, touch, touching
from planner.readmodel.handlers.warnings import PERSON_NAMED
from planner.readmodel.keys import fold

TABLES = {Person: t.people, Account: t.accounts}
LOADS: dict[type, Any] = {}


def _person_values(e: Any) -> dict[str, Any]:
    return dict(name=e.name, name_key=fold(e.name), title=e.title, organisation=e.organisation,
                email=e.email, home_timezone=e.home_timezone)


def _registered(b: Batch, e: Any, seq: int) -> None:
    b.insert(t.people, dict(feed_token_hash="", **_person_values(e), **created(e, seq),
                            owner_org_id=e.owner_org_id, organisation_id=e.organisation_id))
    b.note(PERSON_NAMED, key(e))


def _person_details(b: Batch, e: Any, seq: int) -> None:
    was = (b.row(t.people, key(e)) or {}).get("name")
    touch(b, t.people, e, **_person_values(e))
    if was != e.name:
        b.note(PERSON_NAMED, key(e))


def _feed_reset(b: Batch, e: Any, seq: int) -> None:
    # The current feed credential: its reference in the credential store (the hash of an
    # address made before secrets left the log).
    touch(b, t.people, e, feed_token_hash=getattr(e, "token_ref", "") or e.token_hash)


def _calendar_mails(b: Batch, e: Any, seq: int) -> None:
    touch(b, t.people, e, calendar_mails="yes" if e.wanted else "no")


def _person_erased(b: Batch, e: Any, seq: int) -> None:
    touch(b, t.people, e, name=ERASED_PERSON, name_key=fold(ERASED_PERSON), title="",
          email="", feed_token_hash="")
    b.note(PERSON_NAMED, key(e))


def _account_email(e: Any) -> str:
    """An erased account has no e-mail; the column is unique, so it holds the id instead."""
    return getattr(e, "email", "") or ERASED_ACCOUNT + key(e)


def _opened(b: Batch, e: Any, seq: int) -> None:
    b.insert(t.accounts, dict(email=_account_email(e), name=e.name, role=e.role,
                              person_id=e.person_id or "", active=True, **created(e, seq),
                              organisation_id=e.organisation_id,
                              global_auditor=bool(e.global_auditor)))


def _role(b: Batch, e: Any, seq: int) -> None:
    """Like the aggregate: only an auditor can stay a global auditor."""
    was = b.row(t.accounts, key(e)) or {}
    touch(b, t.accounts, e, role=e.role, person_id=e.person_id or "",
          global_auditor=bool(was.get("global_auditor")) and e.role == "auditor")


def _audit_scope(b: Batch, e: Any, seq: int) -> None:
    touch(b, t.accounts, e, global_auditor=bool(e.global_auditor))


def _person_organisation(b: Batch, e: Any, seq: int) -> None:
    touch(b, t.people, e, organisation_id=e.organisation_id)


def _account_erased(b: Batch, e: Any, seq: int) -> None:
    touch(b, t.accounts, e, name=ERASED_PERSON, email=_account_email(e), active=False)


def _active(active: bool) -> Handler:
    def handle(b: Batch, e: Any, seq: int) -> None:
        touch(b, t.accounts, e, active=active)

    return handle


HANDLERS: dict[type, Handler] = {
    Person.Registered: _registered,
    Person.DetailsChanged: _person_details,
    Person.FeedTokenReset: _feed_reset,
    Person.Erased: _person_erased,
    Person.CalendarMailsChosen: _calendar_mails,
    Person.OrganisationNamed: _person_organisation,
    Account.AuditScopeChanged: _audit_scope,
    Account.Opened: _opened,
    Account.RoleChanged: _role,
    # The hash itself never enters the read model; the account's version still moves on.
    Account.PasswordChanged: touching(t.accounts),
    # Sessions carry the account's version: moving it on signs every session out.
    Account.SessionsEnded: touching(t.accounts),
    Account.Disabled: _active(False),
    Account.Enabled: _active(True),
    Account.Erased: _account_erased,
}
