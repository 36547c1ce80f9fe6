"""ApiToken: a bearer token that lets a program act as one account through the JSON API.

Issuing and revoking are access changes, so they are events (an auditor sees who gave an
account programmatic access, when, and who took it away). The secret itself never enters
the log: like passwords (planner.credentials) the event names a reference into the credential
store, which holds the secret's SHA-256 hash. The event names the account by id only (its
e-mail is personal data, sealed in the Account's own events). A token has its own aggregate,
not events on the Account: an account's version ends its web sessions when it moves, and a
token must not.
"""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

from planner.domain import values as v
from planner.domain.base import PlannerAggregate
from planner.domain.errors import InvariantError
from planner.domain.values import reason_text

NAME_MAX = 80


class ApiToken(PlannerAggregate):
    class Issued(PlannerAggregate.Created):
        account_id: str
        name: str
        secret_ref: str

    def __init__(self, actor: str, reason: str, account_id: str, name: str,
                 secret_ref: str) -> None:
        self.account_id, self.name = account_id, name
        self.secret_ref = secret_ref
        self.revoked = False

    @classmethod
    def issue(cls, *, actor: str, account_id: UUID | str, name: str,
              secret_ref: str, at: datetime | None = None) -> ApiToken:
        return cls._start(cls.Issued, actor, at,
                          account_id=v.record_id("account_id", account_id),
                          name=v.text("name", name, max_len=NAME_MAX, required=False),
                          secret_ref=v.text("secret_ref", secret_ref, max_len=64))

    class Revoked(PlannerAggregate.Event):
        def apply(self, token: ApiToken) -> None:
            token.revoked = True

    def revoke(self, *, actor: str, reason: str = "", at: datetime | None = None) -> None:
        if self.revoked:
            raise InvariantError("token", "this token is already revoked")
        self._emit(self.Revoked, actor, at, reason_text(reason, required=False,
                                                        what="revoking a token"))
