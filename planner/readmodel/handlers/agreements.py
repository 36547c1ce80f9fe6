"""Agreement events -> rm_agreements, rm_parties, rm_signatories, rm_milestones."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from planner.domain import values as v
from planner.domain.agreement import Agreement
from planner.readmodel import tables as t
from planner.readmodel.handlers.common import Handler, created, delete, insert, key, touch, update
from planner.readmodel.keys import fold


def _drafted(conn: Connection, e: Any, seq: int) -> None:
    insert(conn, t.agreements, dict(
        title=e.title, kind=e.kind, subject=e.subject, trip_id=e.trip_id or "",
        meeting_id=e.meeting_id or "", status=v.AgreementStatus.DRAFTED.value, signed_on=None,
        signed_place="", **created(e, seq)))


def _details(conn: Connection, e: Any, seq: int) -> None:
    touch(conn, t.agreements, e, title=e.title, kind=e.kind, subject=e.subject,
          trip_id=e.trip_id or "", meeting_id=e.meeting_id or "")


def _party_added(conn: Connection, e: Any, seq: int) -> None:
    insert(conn, t.parties, dict(
        party_id=e.party_id, agreement_id=key(e), name=e.name, name_key=fold(e.name),
        profile_id=e.profile_id or "", seq=seq))
    touch(conn, t.agreements, e)


def _party_removed(conn: Connection, e: Any, seq: int) -> None:
    """Like the aggregate: a party's signatories leave with it."""
    delete(conn, t.parties, party_id=e.party_id)
    delete(conn, t.signatories, agreement_id=key(e), party_id=e.party_id)
    touch(conn, t.agreements, e)


def _signatory_added(conn: Connection, e: Any, seq: int) -> None:
    insert(conn, t.signatories, dict(
        signatory_id=e.signatory_id, agreement_id=key(e), name=e.name, title=e.title,
        party_id=e.party_id, seq=seq))
    touch(conn, t.agreements, e)


def _signatory_removed(conn: Connection, e: Any, seq: int) -> None:
    delete(conn, t.signatories, signatory_id=e.signatory_id)
    touch(conn, t.agreements, e)


def _signed(conn: Connection, e: Any, seq: int) -> None:
    """Signing makes a draft 'signed'; a corrected signing date keeps 'in force' and the like."""
    status = conn.execute(select(t.agreements.c.status).where(
        t.agreements.c.id == key(e))).scalar_one()
    if status == v.AgreementStatus.DRAFTED.value:
        status = v.AgreementStatus.SIGNED.value
    touch(conn, t.agreements, e, signed_on=e.signed_on, signed_place=e.place, status=status)


def _status(conn: Connection, e: Any, seq: int) -> None:
    touch(conn, t.agreements, e, status=e.status)


def _milestone_added(conn: Connection, e: Any, seq: int) -> None:
    insert(conn, t.milestones, dict(
        milestone_id=e.milestone_id, agreement_id=key(e), title=e.title, due_on=e.due_on,
        done_on=None, seq=seq))
    touch(conn, t.agreements, e)


def _milestone_completed(conn: Connection, e: Any, seq: int) -> None:
    update(conn, t.milestones, dict(milestone_id=e.milestone_id), dict(done_on=e.done_on))
    touch(conn, t.agreements, e)


HANDLERS: dict[type, Handler] = {
    Agreement.Drafted: _drafted,
    Agreement.DetailsChanged: _details,
    Agreement.PartyAdded: _party_added,
    Agreement.PartyRemoved: _party_removed,
    Agreement.SignatoryAdded: _signatory_added,
    Agreement.SignatoryRemoved: _signatory_removed,
    Agreement.Signed: _signed,
    Agreement.StatusChanged: _status,
    Agreement.MilestoneAdded: _milestone_added,
    Agreement.MilestoneCompleted: _milestone_completed,
}
