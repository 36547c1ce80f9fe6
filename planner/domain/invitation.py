"""Invitation: a link that lets one person in (a new participant account) or back in (a new
password for an existing account). Issuing, re-sending, revoking, acceptance and expiry are
events; the link itself is never stored (planner.invitations.links signs it).

One record per person (invitations) and one per account (password resets), with ids derived
from theirs, so inviting again or asking again re-sends on the same record: each re-send is a
new `issue`, and only the link of the latest issue works. The record holds ids only, no
personal data: the address is looked up when the mail is written.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from uuid import NAMESPACE_URL, UUID, uuid5

from planner.domain import values as v
from planner.domain.base import PlannerAggregate
from planner.domain.errors import InvariantError, Word
from planner.domain.values import reason_text
from planner.i18n.words import N_


class Purpose(StrEnum):
    INVITATION = "invitation"
    PASSWORD_RESET = "password reset"


class Status(StrEnum):
    OPEN = "open"
    ACCEPTED = "accepted"
    REVOKED = "revoked"
    EXPIRED = "expired"


class LinkRefused(InvariantError):
    """A link that no longer works; `why` is one of used, revoked, expired, superseded."""

    def __init__(self, why: str, rule: str) -> None:
        super().__init__("link", rule)
        self.why = why


def invitation_id(person_id: UUID | str) -> UUID:
    return uuid5(NAMESPACE_URL, f"delegation-planner:invitation:{person_id}")


def password_reset_id(account_id: UUID | str) -> UUID:
    return uuid5(NAMESPACE_URL, f"delegation-planner:password-reset:{account_id}")


class Invitation(PlannerAggregate):
    class Issued(PlannerAggregate.Created):
        purpose: str
        person_id: str
        account_id: str
        trip_id: str
        organisation_id: str
        expires_at: datetime
        issue: int

    def __init__(self, actor: str, reason: str, purpose: str, person_id: str,
                 account_id: str, trip_id: str, organisation_id: str, expires_at: datetime,
                 issue: int) -> None:
        self.purpose, self.person_id, self.account_id = purpose, person_id, account_id
        self.trip_id, self.organisation_id = trip_id, organisation_id
        self.expires_at, self.issue = expires_at, issue
        self.status = Status.OPEN.value

    @classmethod
    def start(cls, *, actor: str, purpose: str, person_id: UUID | str | None,
              account_id: UUID | str, trip_id: UUID | str | None,
              organisation_id: UUID | str | None, expires_at: datetime,
              at: datetime | None = None) -> Invitation:
        purpose = v.choice("purpose", purpose, Purpose)
        person = v.record_id("person_id", person_id, required=purpose == Purpose.INVITATION)
        account = v.record_id("account_id", account_id)
        record = invitation_id(person) if purpose == Purpose.INVITATION else \
            password_reset_id(account)
        return cls._start(cls.Issued, actor, at, id=record, purpose=purpose,
                          person_id=person, account_id=account,
                          trip_id=v.record_id("trip_id", trip_id, required=False),
                          organisation_id=v.record_id("organisation_id", organisation_id,
                                                      required=False),
                          expires_at=_after(expires_at, at), issue=1)

    class Resent(PlannerAggregate.Event):
        """A new link (the earlier ones stop working), valid until `expires_at`."""

        expires_at: datetime
        issue: int
        trip_id: str

        def apply(self, invitation: Invitation) -> None:
            invitation.expires_at, invitation.issue = self.expires_at, self.issue
            invitation.trip_id = self.trip_id or invitation.trip_id
            invitation.status = Status.OPEN.value

    def resend(self, *, actor: str, expires_at: datetime, trip_id: UUID | str | None = None,
               at: datetime | None = None) -> None:
        if self.purpose == Purpose.INVITATION and self.status == Status.ACCEPTED:
            raise InvariantError("person_id", "the invitation was accepted: the person has "
                                              "an account (a new password: 'Forgot your "
                                              "password?' on the sign-in page)")
        self._emit(self.Resent, actor, at, expires_at=_after(expires_at, at),
                   issue=self.issue + 1,
                   trip_id=v.record_id("trip_id", trip_id, required=False))

    class Revoked(PlannerAggregate.Event):
        def apply(self, invitation: Invitation) -> None:
            invitation.status = Status.REVOKED.value

    def revoke(self, *, actor: str, reason: str, at: datetime | None = None) -> None:
        if self.status != Status.OPEN:
            raise InvariantError("invitation", "it is %(status)s, not open",
                                 status=Word(self.status))
        self._emit(self.Revoked, actor, at, reason_text(reason, required=True,
                                                        what="revoking an invitation"))

    class Expired(PlannerAggregate.Event):
        def apply(self, invitation: Invitation) -> None:
            invitation.status = Status.EXPIRED.value

    def expire(self, *, actor: str, now: datetime, at: datetime | None = None) -> None:
        if self.status != Status.OPEN or now < self.expires_at:
            raise InvariantError("invitation", "only an open invitation past its time expires")
        self._emit(self.Expired, actor, at)

    class Accepted(PlannerAggregate.Event):
        issue: int

        def apply(self, invitation: Invitation) -> None:
            invitation.status = Status.ACCEPTED.value

    def check_link(self, issue: int, now: datetime) -> None:
        """Raise LinkRefused unless the link of `issue` may be used at `now`."""
        if self.status == Status.ACCEPTED:
            raise LinkRefused("used", N_("this link was used already"))
        if self.status == Status.REVOKED:
            raise LinkRefused("revoked", N_("this link was withdrawn"))
        if issue != self.issue:
            raise LinkRefused("superseded", N_("a newer link was sent; only the newest works"))
        if self.status == Status.EXPIRED or now >= self.expires_at:
            raise LinkRefused("expired", N_("this link has expired"))

    def accept(self, *, actor: str, issue: int, now: datetime,
               at: datetime | None = None) -> None:
        self.check_link(issue, now)
        self._emit(self.Accepted, actor, at, issue=issue)


def _after(expires_at: datetime, at: datetime | None) -> datetime:
    if not isinstance(expires_at, datetime) or expires_at.tzinfo is None:
        raise InvariantError("expires_at", "must be a date and time with a time zone")
    if at is not None and expires_at <= at:
        raise InvariantError("expires_at", "must be after the moment the link is sent")
    return expires_at
