"""Agreement events -> rm_agreements, rm_parties, rm_signatories, rm_milestones."""

from __future__ import annotations

from typing import Any

from planner.domain import values as v
from planner.domain.agreement import Agreement
from planner.readmodel import tables as t
from planner.readmodel.handlers.batch import Batch
from planner.readmodel.handlers.common import Handler, created, key, touch
from planner.readmodel.keys import fold

TABLES = {Agreement: t.agreements}  # each aggregate's own row, which its events change
LOADS = {Agreement.MilestoneCompleted: (t.milestones, lambda e: e.milestone_id)}
# Tables whose rows this aggregate's events alone write, by the column naming it (Batch).
OWNS = {t.signatories: "agreement_id"}


def _drafted(b: Batch, e: Any, seq: int) -> None:
    b.insert(t.agreements, dict(
        title=e.title, kind=e.kind, subject=e.subject, trip_id=e.trip_id or "",
        meeting_id=e.meeting_id or "", status=v.AgreementStatus.DRAFTED.value, signed_on=None,
        signed_place="", owner_org_id=e.owner_org_id, **created(e, seq)))


def _details(b: Batch, e: Any, seq: int) -> None:
    touch(b, t.agreements, e, title=e.title, kind=e.kind, subject=e.subject,
          trip_id=e.trip_id or "", meeting_id=e.meeting_id or "")


def _party_added(b: Batch, e: Any, seq: int) -> None:
    b.insert(t.parties, dict(
        party_id=e.party_id, agreement_id=key(e), name=e.name, name_key=fold(e.name),
        profile_id=e.profile_id or "", organisation_id=e.organisation_id or "", seq=seq))
    touch(b, t.agreements, e)


def _party_removed(b: Batch, e: Any, seq: int) -> None:
    """Like the aggregate: a party's signatories leave with it."""
    b.delete(t.parties, party_id=e.party_id)
    b.delete(t.signatories, agreement_id=key(e), party_id=e.party_id)
    touch(b, t.agreements, e)


def _signatory_added(b: Batch, e: Any, seq: int) -> None:
    b.insert(t.signatories, dict(
        signatory_id=e.signatory_id, agreement_id=key(e), name=e.name, title=e.title,
        party_id=e.party_id, seq=seq))
    touch(b, t.agreements, e)


def _signatory_removed(b: Batch, e: Any, seq: int) -> None:
    b.delete(t.signatories, signatory_id=e.signatory_id)
    touch(b, t.agreements, e)


def _signed(b: Batch, e: Any, seq: int) -> None:
    """Signing makes a draft 'signed'; a corrected signing date keeps 'in force' and the like."""
    agreement = b.row(t.agreements, key(e))
    status = agreement["status"] if agreement is not None else ""
    if status == v.AgreementStatus.DRAFTED.value:
        status = v.AgreementStatus.SIGNED.value
    touch(b, t.agreements, e, signed_on=e.signed_on, signed_place=e.place, status=status)


def _status(b: Batch, e: Any, seq: int) -> None:
    touch(b, t.agreements, e, status=e.status)


def _milestone_added(b: Batch, e: Any, seq: int) -> None:
    b.insert(t.milestones, dict(
        milestone_id=e.milestone_id, agreement_id=key(e), title=e.title, due_on=e.due_on,
        done_on=None, seq=seq))
    touch(b, t.agreements, e)


def _milestone_completed(b: Batch, e: Any, seq: int) -> None:
    b.update(t.milestones, (e.milestone_id,), dict(done_on=e.done_on))
    touch(b, t.agreements, e)


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
