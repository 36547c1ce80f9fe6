"""ApiToken events -> rm_api_tokens (the secret's reference only, never its hash)."""

from __future__ import annotations

from typing import Any

from planner.domain.api_token import ApiToken
from planner.readmodel import tables as t
from planner.readmodel.handlers.batch import Batch
from planner.readmodel.handlers.common import Handler, created, touch

TABLES = {ApiToken: t.api_tokens}
LOADS: dict[type, Any] = {}


def _issued(b: Batch, e: Any, seq: int) -> None:
    b.insert(t.api_tokens, dict(account_id=e.account_id, name=e.name, secret_ref=e.secret_ref,
                                revoked=False, **created(e, seq)))


def _revoked(b: Batch, e: Any, seq: int) -> None:
    touch(b, t.api_tokens, e, revoked=True)


HANDLERS: dict[type, Handler] = {ApiToken.Issued: _issued, ApiToken.Revoked: _revoked}
