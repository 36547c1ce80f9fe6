"""Invitation events -> rm_invitations (who was invited, the link's state; never the link)."""

from __future__ import annotations

from typing import Any

from planner.domain.invitation import Invitation, Status
from planner.readmodel import tables as t
from planner.readmodel.handlers.batch import Batch
from planner.readmodel.handlers.common import Handler, created, touch
from planner.readmodel.keys import to_db

TABLES = {Invitation: t.invitations}
LOADS: dict[type, Any] = {}


def _issued(b: Batch, e: Any, seq: int) -> None:
    b.insert(t.invitations, dict(
        purpose=e.purpose, person_id=e.person_id, account_id=e.account_id,
        trip_id=e.trip_id, organisation_id=e.organisation_id, status=Status.OPEN.value,
        issue=e.issue, expires_at=to_db(e.expires_at), **created(e, seq)))


def _resent(b: Batch, e: Any, seq: int) -> None:
    was = b.row(t.invitations, str(e.originator_id)) or {}
    touch(b, t.invitations, e, status=Status.OPEN.value, issue=e.issue,
          expires_at=to_db(e.expires_at), trip_id=e.trip_id or was.get("trip_id", ""))


def _status(status: Status) -> Handler:
    def handle(b: Batch, e: Any, seq: int) -> None:
        touch(b, t.invitations, e, status=status.value)
    return handle


HANDLERS: dict[type, Handler] = {
    Invitation.Issued: _issued,
    Invitation.Resent: _resent,
    Invitation.Revoked: _status(Status.REVOKED),
    Invitation.Expired: _status(Status.EXPIRED),
    Invitation.Accepted: _status(Status.ACCEPTED),
}
