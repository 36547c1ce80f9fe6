"""API tokens: the account a presented token acts for, and an account's tokens (no secrets)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from uuid import UUID

from sqlalchemy import select

from planner.domain.account import account_id
from planner.readmodel import tables as t
from planner.readmodel.keys import from_db, uid
from planner.readmodel.queries_base import QueryBase


@dataclass(frozen=True)
class ApiTokenRow:
    id: UUID
    account_id: UUID
    name: str
    revoked: bool
    issued_at: datetime
    version: int


class TokenQueries(QueryBase):
    def api_token_account(self, secret_ref: str) -> tuple[ApiTokenRow, str] | None:
        """The unrevoked token with this credential reference and its account's e-mail (the
        caller checks the account is active, as a session's is), or None."""
        if not secret_ref:
            return None
        query = (select(t.api_tokens, t.accounts.c.email.label("account_email"))
                 .join(t.accounts, t.accounts.c.id == t.api_tokens.c.account_id)
                 .where(t.api_tokens.c.secret_ref == secret_ref, ~t.api_tokens.c.revoked))
        with self._connect() as conn:
            row = conn.execute(query).mappings().first()
        return None if row is None else (_token(row), row["account_email"])

    def api_tokens(self, email: str) -> tuple[ApiTokenRow, ...]:
        """The account's tokens, oldest first (revoked ones too, marked)."""
        query = (select(t.api_tokens)
                 .where(t.api_tokens.c.account_id == str(account_id(email)))
                 .order_by(t.api_tokens.c.created_seq))
        with self._connect() as conn:
            return tuple(_token(r) for r in conn.execute(query).mappings())

    def api_token(self, token_id: UUID | str) -> ApiTokenRow | None:
        with self._connect() as conn:
            row = conn.execute(select(t.api_tokens).where(
                t.api_tokens.c.id == str(token_id))).mappings().first()
        return None if row is None else _token(row)


def _token(r: object) -> ApiTokenRow:
    row = dict(r)  # type: ignore[call-overload]
    return ApiTokenRow(id=uid(row["id"]), account_id=uid(row["account_id"]), name=row["name"],
                       revoked=bool(row["revoked"]), issued_at=from_db(row["created_at"]),
                       version=row["version"])
