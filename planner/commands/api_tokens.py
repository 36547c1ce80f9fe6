"""Commands for API tokens: issue one for an account (the secret is shown once), revoke one."""

from __future__ import annotations

import hashlib
import secrets
from uuid import UUID

from planner.commands.base import CommandSupport, as_uuid
from planner.credentials.store import API_TOKEN
from planner.domain.account import Account, account_id
from planner.domain.api_token import ApiToken
from planner.domain.errors import InvariantError, NotFoundError

PREFIX = "dpt_"
"""Tokens start with this, so secret scanners and people can tell what they are."""


def token_hash(token: str) -> str:
    """Tokens are 256 random bits: a plain SHA-256 is enough to keep them unguessable at rest
    (slow password hashes are for low-entropy secrets people choose)."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


class ApiTokenCommands(CommandSupport):
    def issue_api_token(self, email: str, *, actor: str, name: str = "") -> tuple[UUID, str]:
        """A new token for the account with this e-mail: (its id, the secret to show once)."""
        try:
            account = self._load(Account, account_id(email))
        except NotFoundError as error:
            raise InvariantError("email", "there is no account for %(email)s",
                                 email=email) from error
        if not account.active:
            raise InvariantError("email", "the account %(email)s is disabled", email=email)
        secret = PREFIX + secrets.token_urlsafe(32)
        token = ApiToken.issue(actor=actor, account_id=account.id, name=name,
                               secret_ref=self.credentials.put(API_TOKEN, token_hash(secret)),
                               at=self._stamp())
        self._commit(token)
        return token.id, secret

    def revoke_api_token(self, token_id: UUID | str, *, actor: str, reason: str = "") -> int:
        return self._edit(ApiToken, as_uuid("token_id", token_id), None, lambda t: t.revoke(
            actor=actor, reason=reason, at=self._stamp()))

    def api_token_ref(self, token: str) -> str | None:
        """The credential reference of a presented token's hash, or None for an unknown one."""
        return self.credentials.find(API_TOKEN, token_hash(token)) if token else None
