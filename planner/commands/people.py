"""Commands and queries for people (delegates) and staff accounts."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

from planner.commands.base import CommandSupport, plain
from planner.credentials.store import FEED, PASSWORD, Credentials
from planner.domain.account import Account, account_id
from planner.domain.errors import InvariantError, NotFoundError
from planner.domain.organisation import DEFAULT_ORGANISATION_ID
from planner.domain.person import Person
from planner.privacy.keys import KeyStore


def feed_token_hash(token: str) -> str:
    """Feed tokens are stored only as this hash; the token itself is shown once."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class PeopleCommands(CommandSupport):
    credentials: Credentials
    """Where password and feed-token hashes live (outside the log; set by the bootstrap)."""
    keys: KeyStore  # set by PlannerApplication.construct_mapper

    def register_person(self, *, actor: str, name: str, home_timezone: str, title: str = "",
                        organisation: str = "", email: str = "",
                        owner_org_id: UUID | str = DEFAULT_ORGANISATION_ID,
                        organisation_id: UUID | str | None = None) -> UUID:
        person = Person.register(
            actor=actor, name=name, title=title, organisation=organisation, email=email,
            home_timezone=home_timezone, at=self._stamp(),
            owner_org_id=self.known_organisation("owner_org_id", owner_org_id),
            organisation_id=self.known_organisation("organisation_id", organisation_id))
        self._commit(person)
        return person.id

    def change_person(self, person_id: UUID | str, *, actor: str, name: str,
                      home_timezone: str, title: str = "", organisation: str = "",
                      email: str = "", reason: str = "",
                      expected_version: int | None = None) -> int:
        return self._edit(Person, person_id, expected_version, lambda p: p.change_details(
            actor=actor, name=name, title=title, organisation=organisation, email=email,
            home_timezone=home_timezone, reason=reason, at=self._stamp()))

    def reset_feed_token(self, person_id: UUID | str, *, actor: str, reason: str = "") -> str:
        """Issue a new secret calendar-feed token (128+ random bits); the old one is revoked."""
        token = secrets.token_urlsafe(24)
        ref = self.credentials.put(FEED, feed_token_hash(token))
        self._retrying(lambda: self._edit(Person, person_id, None, lambda p: p.reset_feed_token(
            actor=actor, token_ref=ref, reason=reason, at=self._stamp())))
        return token

    def choose_calendar_mails(self, person_id: UUID | str, *, actor: str, wanted: bool) -> int:
        """The person wants calendar mails for their meetings, or no longer."""
        return self._edit(Person, person_id, None, lambda p: p.choose_calendar_mails(
            actor=actor, wanted=wanted, at=self._stamp()))

    def feed_key(self, token: str) -> str:
        """What the read model keeps as a person's current feed credential, for this token:
        its reference in the credential store, or (addresses of before) the hash itself."""
        token_hash = feed_token_hash(token)
        return self.credentials.find(FEED, token_hash) or token_hash

    def get_person(self, person_id: UUID | str, *, version: int | None = None,
                   at: datetime | None = None) -> dict[str, Any]:
        return plain(self._as_of(Person, person_id, version, at))

    def erase_person(self, person_id: UUID | str, *, actor: str, reason: str,
                     account_ids: Sequence[UUID | str] = ()) -> int:
        """Erase a person's personal data and that of their accounts (GDPR art. 17).

        The domain checks first (a reason, not erased yet), so a refused request changes
        nothing. Then the keys are deleted, then the erasure events are saved: a crash in
        between leaves the data unreadable without its event, and erasing again records it.
        A concurrent change is retried (its data, sealed with the old key, is unreadable too).
        """
        def attempt() -> int:
            person = self._load(Person, person_id)
            person.erase(actor=actor, reason=reason, at=self._stamp())
            accounts = [self._load(Account, a) for a in account_ids]
            for account in accounts:
                if account.person_id != str(person.id):
                    raise InvariantError("account", "account %(id)s is not linked to "
                                                    "this person", id=account.id)
                account.erase(actor=actor, reason=reason, at=self._stamp())
            self.keys.erase([str(person.id), *(str(a.id) for a in accounts)])
            return self._commit(person, *accounts)
        return self._retrying(attempt)

    # -- accounts -------------------------------------------------------------------------
    def open_account(self, *, actor: str, email: str, name: str, role: str,
                     password_hash: str, person_id: UUID | str | None = None,
                     organisation_id: UUID | str = DEFAULT_ORGANISATION_ID,
                     global_auditor: bool = False) -> UUID:
        if person_id and self._referenced(Person, "person_id", person_id).is_erased:
            raise InvariantError("person_id", "this person's data was erased; no account can "
                                              "be linked to them")
        account = Account.open(actor=actor, email=email, name=name, role=role,
                               password_ref=self.credentials.put(PASSWORD, password_hash),
                               person_id=person_id, at=self._stamp(),
                               global_auditor=global_auditor,
                               organisation_id=self.known_organisation("organisation_id",
                                                                       organisation_id))
        if account.id in self.repository:
            raise InvariantError("email", "an account for %(email)s already exists",
                                 email=account.email)
        self._commit(account)
        return account.id

    def change_role(self, email: str, *, actor: str, role: str, reason: str,
                    person_id: UUID | str | None = None,
                    expected_version: int | None = None) -> int:
        if person_id:
            self._referenced(Person, "person_id", person_id)
        return self._edit(Account, account_id(email), expected_version, lambda a: a.change_role(
            actor=actor, role=role, person_id=person_id, reason=reason, at=self._stamp()))

    def change_password(self, email: str, *, actor: str, password_hash: str) -> int:
        self._load(Account, account_id(email))
        ref = self.credentials.put(PASSWORD, password_hash)
        return self._edit(Account, account_id(email), None, lambda a: a.change_password(
            actor=actor, password_ref=ref, at=self._stamp()))

    def end_sessions(self, email: str, *, actor: str, reason: str = "signed out") -> int:
        """End every session of the account (sessions are valid only at its current version)."""
        return self._retrying(lambda: self._edit(Account, account_id(email), None,
                                                 lambda a: a.end_sessions(
                                                     actor=actor, reason=reason,
                                                     at=self._stamp())))

    def disable_account(self, email: str, *, actor: str, reason: str,
                        expected_version: int | None = None) -> int:
        return self._edit(Account, account_id(email), expected_version, lambda a: a.disable(
            actor=actor, reason=reason, at=self._stamp()))

    def enable_account(self, email: str, *, actor: str, reason: str,
                       expected_version: int | None = None) -> int:
        return self._edit(Account, account_id(email), expected_version, lambda a: a.enable(
            actor=actor, reason=reason, at=self._stamp()))

    def find_account(self, email: str) -> dict[str, Any] | None:
        """The account for an e-mail address, or None (login looks accounts up this way)."""
        try:
            account = plain(self._load(Account, account_id(email)))
        except NotFoundError:
            return None
        ref = account.get("password_ref", "")
        if ref:  # "" when the store has no such secret (an imported log): a reset is needed
            account["password_hash"] = self.credentials.get(PASSWORD, ref) or ""
        return account
