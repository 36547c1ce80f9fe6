"""Commands for invitations and password resets (planner.domain.invitation)."""

from __future__ import annotations

from datetime import UTC, timedelta
from typing import Any
from uuid import UUID

from planner.commands.base import CommandSupport, as_uuid, plain
from planner.credentials.store import PASSWORD, Credentials
from planner.domain.account import Account, Role, account_id
from planner.domain.errors import InvariantError, NotFoundError, ValidationError
from planner.domain.invitation import (
    Invitation,
    Purpose,
    Status,
    invitation_id,
    password_reset_id,
)
from planner.domain.person import Person
from planner.domain.trip import Trip

PASSWORD_RESET_ACTOR = "self-service:password-reset"
"""Who asked for a password reset: the visitor is not signed in, so no account is named."""
RENEWAL_ACTOR = "self-service:invitation"
QUIET = timedelta(minutes=10)
"""A visitor's request for a new link is ignored while the last link is younger than this:
nobody can make the planner flood a mailbox."""


class InvitationCommands(CommandSupport):
    credentials: Credentials

    def invite(self, person_id: UUID | str, *, actor: str, valid_days: int,
               trip_id: UUID | str | None = None) -> UUID:
        """Invite a person to open a participant account: a new link by e-mail (again, if
        invited before: the earlier link stops working). Refused for a person without an
        e-mail address, one who has an account already, or an erased one."""
        person = self._referenced(Person, "person_id", person_id)
        if person.is_erased:
            raise InvariantError("person_id", "this person's data was erased")
        if not person.email:
            raise ValidationError("email", "%(name)s has no e-mail address; add one to "
                                           "their person record first", name=person.name)
        if account_id(person.email) in self.repository:
            raise InvariantError("email", "%(name)s has an account already; they can "
                                          "ask for a new password on the sign-in page",
                                 name=person.name)
        if trip_id:
            self._referenced(Trip, "trip_id", trip_id)
        expires = self.now().astimezone(UTC) + timedelta(days=_days(valid_days))

        def attempt() -> UUID:
            record = invitation_id(person.id)
            if record in self.repository:
                invitation = self._load(Invitation, record)
                invitation.resend(actor=actor, expires_at=expires, trip_id=trip_id,
                                  at=self._stamp())
            else:
                invitation = Invitation.start(
                    actor=actor, purpose=Purpose.INVITATION, person_id=person.id,
                    account_id=account_id(person.email), trip_id=trip_id,
                    organisation_id=person.owner_org_id, expires_at=expires, at=self._stamp())
            self._commit(invitation)
            return invitation.id
        return self._retrying(attempt)

    def revoke_invitation(self, person_id: UUID | str, *, actor: str, reason: str) -> int:
        if invitation_id(as_uuid("person_id", person_id)) not in self.repository:
            raise InvariantError("person_id", "this person has no invitation to withdraw")
        return self._edit(Invitation, invitation_id(person_id), None, lambda i: i.revoke(
            actor=actor, reason=reason, at=self._stamp()))

    def request_password_reset(self, email: str, *, valid_days: int) -> bool:
        """A link to set a new password, for an active account with this address. Returns
        whether one was sent; the caller must never tell the visitor (it would reveal who
        has an account)."""
        if not isinstance(email, str) or "@" not in email:
            return False
        try:
            account = self._load(Account, account_id(email))
        except NotFoundError:
            return False
        if not account.active or account.is_erased:
            return False
        expires = self.now().astimezone(UTC) + timedelta(days=_days(valid_days))

        def attempt() -> None:
            record = password_reset_id(account.id)
            if record in self.repository:
                invitation = self._load(Invitation, record)
                if self._just_sent(invitation):
                    return
                invitation.resend(actor=PASSWORD_RESET_ACTOR, expires_at=expires,
                                  at=self._stamp())
            else:
                invitation = Invitation.start(
                    actor=PASSWORD_RESET_ACTOR, purpose=Purpose.PASSWORD_RESET,
                    person_id=account.person_id or None, account_id=account.id, trip_id=None,
                    organisation_id=account.organisation_id, expires_at=expires,
                    at=self._stamp())
            self._commit(invitation)
        self._retrying(attempt)
        return True

    def renew_invitation(self, person_id: UUID | str, *, valid_days: int) -> bool:
        """A visitor asks for a new invitation link (the last one expired or got lost): sent
        again unless it was withdrawn, accepted or sent a moment ago. Returns whether it
        was; the caller must not tell the visitor."""
        record = invitation_id(person_id)
        if record not in self.repository:
            return False
        invitation = self._load(Invitation, record)
        if invitation.status in (Status.REVOKED, Status.ACCEPTED) or \
                self._just_sent(invitation):
            return False
        person = self._load(Person, invitation.person_id)
        if person.is_erased or not person.email or account_id(person.email) in self.repository:
            return False
        expires = self.now().astimezone(UTC) + timedelta(days=_days(valid_days))
        invitation.resend(actor=RENEWAL_ACTOR, expires_at=expires, at=self._stamp())
        self._commit(invitation)
        return True

    def _just_sent(self, invitation: Invitation) -> bool:
        return invitation.status == Status.OPEN and \
            self.now() - invitation.modified_on < QUIET

    def invitation_for_link(self, record_id: UUID | str, issue: int) -> dict[str, Any]:
        """What a link's page shows (who it is for), after checking the link still works:
        NotFoundError or LinkRefused otherwise."""
        invitation = self._load(Invitation, record_id)
        invitation.check_link(issue, self.now())
        data = plain(invitation)
        if invitation.purpose == Purpose.INVITATION:
            person = self._load(Person, invitation.person_id)
            data.update(name=person.name, email=person.email)
        else:
            account = self._load(Account, invitation.account_id)
            data.update(name=account.name, email=account.email)
        return data

    def accept_invitation(self, record_id: UUID | str, issue: int, *,
                          password_hash: str) -> str:
        """Follow a link: open the participant account (an invitation) or set the new
        password (a reset), with the invitation's acceptance in the same save. Returns the
        account's e-mail address."""
        invitation = self._load(Invitation, record_id)
        now = self.now()
        invitation.check_link(issue, now)
        ref = self.credentials.put(PASSWORD, password_hash)
        if invitation.purpose == Purpose.INVITATION:
            person = self._load(Person, invitation.person_id)
            if person.is_erased or not person.email:
                raise InvariantError("link", "this invitation's person can no longer be "
                                             "reached")
            actor = person.email
            account = Account.open(actor=actor, email=person.email, name=person.name,
                                   role=Role.PARTICIPANT, password_ref=ref,
                                   person_id=person.id, at=self._stamp(),
                                   organisation_id=person.owner_org_id)
            if account.id in self.repository:
                raise InvariantError("email", "an account for %(email)s already "
                                              "exists; ask for a new password instead",
                                     email=account.email)
        else:
            account = self._load(Account, invitation.account_id)
            if not account.active or account.is_erased:
                raise InvariantError("link", "this account is disabled")
            actor = account.email
            account.change_password(actor=actor, password_ref=ref, at=self._stamp())
        invitation.accept(actor=actor, issue=issue, now=now, at=self._stamp())
        self._commit(invitation, account)
        return account.email

    def expire_invitation(self, record_id: UUID | str, *, actor: str) -> int:
        return self._edit(Invitation, record_id, None, lambda i: i.expire(
            actor=actor, now=self.now(), at=self._stamp()))


def _days(valid_days: int) -> int:
    if isinstance(valid_days, bool) or not isinstance(valid_days, int) or not \
            0 < valid_days <= 90:
        raise ValidationError("valid_days", "must be a whole number of days from 1 to 90")
    return valid_days
