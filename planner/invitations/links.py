"""The link in an invitation or password-reset mail: the invitation's id and issue, signed.

Why a signed link (itsdangerous, Flask's own signer) and not a random token stored hashed:
nothing secret is stored anywhere (not in the log, which is exported; not in a table), and the
mail rule can write the link from the event alone, inside the save's transaction. What a
random token's row would hold - used, withdrawn, expired, superseded - is already the
invitation's state, recorded as events, so the link needs to carry only which invitation and
which issue it is, and a signature nobody can forge without the instance's key
(`invitation_key` in the instance folder). Single use, expiry and revocation are checked
against the record each time the link is followed.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from uuid import UUID

from itsdangerous import BadSignature, URLSafeSerializer

from planner.instance import instance_secret

KEY_FILE = "invitation_key"
_SALT = "delegation-planner invitation link"


class BadLink(ValueError):
    """The link was altered, cut short or made with another key."""


@cache
def _signer(instance: str) -> URLSafeSerializer:
    return URLSafeSerializer(instance_secret(Path(instance), KEY_FILE), salt=_SALT)


def sign(instance: Path | str, invitation_id: UUID | str, issue: int) -> str:
    return str(_signer(str(instance)).dumps([str(invitation_id), int(issue)]))


def read(instance: Path | str, token: str) -> tuple[UUID, int]:
    """The invitation id and issue a link names; BadLink when it is not a link we made."""
    try:
        record, issue = _signer(str(instance)).loads(token)
        return UUID(str(record)), int(issue)
    except (BadSignature, ValueError, TypeError) as error:
        raise BadLink("this link is not valid: it was changed or cut short") from error


def link_path(token: str) -> str:
    """The web path that follows a link (web/accept.py serves it)."""
    return f"/invitation/{token}"
