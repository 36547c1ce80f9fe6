"""Person and Account events -> rm_people, rm_accounts (never password hashes)."""

from __future__ import annotations

from typing import Any

from sqlalchemy.engine import Connection

from planner.domain.account import Account
from planner.domain.person import ERASED_PERSON, Person
from planner.privacy import ERASED_ACCOUNT
from planner.readmodel import tables as t
from planner.readmodel.handlers.common import (
    Handler,
    created,
    insert,
    key,
    touch,
    touching,
)
from planner.readmodel.keys import fold


def _person_values(e: Any) -> dict[str, Any]:
    return dict(name=e.name, name_key=fold(e.name), title=e.title, organisation=e.organisation,
                email=e.email, home_timezone=e.home_timezone)


def _registered(conn: Connection, e: Any, seq: int) -> None:
    insert(conn, t.people, dict(feed_token_hash="", **_person_values(e), **created(e, seq)))


def _person_details(conn: Connection, e: Any, seq: int) -> None:
    touch(conn, t.people, e, **_person_values(e))


def _feed_reset(conn: Connection, e: Any, seq: int) -> None:
    touch(conn, t.people, e, feed_token_hash=e.token_hash)


def _person_erased(conn: Connection, e: Any, seq: int) -> None:
    touch(conn, t.people, e, name=ERASED_PERSON, name_key=fold(ERASED_PERSON), title="",
          email="", feed_token_hash="")


def _account_email(e: Any) -> str:
    """An erased account has no e-mail; the column is unique, so it holds the id instead."""
    return getattr(e, "email", "") or ERASED_ACCOUNT + key(e)


def _opened(conn: Connection, e: Any, seq: int) -> None:
    insert(conn, t.accounts, dict(email=_account_email(e), name=e.name, role=e.role,
                                  person_id=e.person_id or "", active=True, **created(e, seq)))


def _role(conn: Connection, e: Any, seq: int) -> None:
    touch(conn, t.accounts, e, role=e.role, person_id=e.person_id or "")


def _account_erased(conn: Connection, e: Any, seq: int) -> None:
    touch(conn, t.accounts, e, name=ERASED_PERSON, email=_account_email(e), active=False)


def _active(active: bool) -> Handler:
    def handle(conn: Connection, e: Any, seq: int) -> None:
        touch(conn, t.accounts, e, active=active)

    return handle


HANDLERS: dict[type, Handler] = {
    Person.Registered: _registered,
    Person.DetailsChanged: _person_details,
    Person.FeedTokenReset: _feed_reset,
    Person.Erased: _person_erased,
    Account.Opened: _opened,
    Account.RoleChanged: _role,
    # The hash itself never enters the read model; the account's version still moves on.
    Account.PasswordChanged: touching(t.accounts),
    Account.Disabled: _active(False),
    Account.Enabled: _active(True),
    Account.Erased: _account_erased,
}
