"""Agreements: draft, read, list, change details, sign, change status. Parties and
signatories are in web.api.agreement_parties.

The web UI's rules (web.record_access, planner.organisations): staff read the agreements
their organisation owns, is a party to or that belong to a trip it may read; a participant
reads one made on a trip they take part in; only organisers and administrators of the
owning organisation change one. A trip, meeting or profile it is linked to must be one the
token's account may read (planner.organisations.links), else it is "no such ...".
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

from flask import Response, g, url_for
from pydantic import BaseModel, Field

from planner.domain import values as v
from planner.organisations import links
from web import record_access as ra
from web.api.blueprint import bp
from web.api.operation import Input, expected_version, operation, reply
from web.api.shapes import LONG, TEXT
from web.api.values import Page, PageQuery, page_of
from web.wiring import actor, commands, queries

TAGS = ["agreements"]


class AgreementFields(Input):
    title: str = Field(max_length=TEXT)
    kind: v.AgreementKind
    subject: str = Field("", max_length=LONG)
    trip_id: UUID | None = Field(None, description="The trip where it is signed.")
    meeting_id: UUID | None = Field(None, description="The meeting where it is signed (its "
                                                      "trip is then implied).")


class AgreementChange(AgreementFields):
    reason: str = Field("", max_length=LONG)


class Signing(Input):
    signed_on: date
    place: str = Field(max_length=TEXT)
    reason: str = Field("", max_length=LONG)


class StatusChange(Input):
    status: v.AgreementStatus
    reason: str = Field("", max_length=LONG)


class Party(BaseModel):
    party_id: str
    name: str
    profile_id: UUID | None
    organisation_id: str | None = Field(description="The party is this organisation of the "
                                                    "planner: it sees the agreement.")


class Signatory(BaseModel):
    signatory_id: str
    name: str
    title: str
    party_id: str
    party_name: str


class Milestone(BaseModel):
    milestone_id: str
    title: str
    due_on: date
    done_on: date | None


class AgreementSummary(BaseModel):
    id: UUID
    title: str
    kind: str
    status: str
    signed_on: date | None
    signed_place: str
    trip_id: UUID | None
    trip_title: str
    meeting_id: UUID | None
    party_names: list[str]
    version: int


class Agreement(AgreementSummary):
    subject: str
    meeting_title: str
    owner_org_id: str
    parties: list[Party]
    signatories: list[Signatory]
    milestones: list[Milestone]
    last_changed_by: str
    last_changed_at: datetime = Field(description="UTC.")


class AgreementQuery(PageQuery):
    """Newest first: signed ones by signing date, drafts by when they were drafted."""

    kind: v.AgreementKind | None = None
    status: v.AgreementStatus | None = None
    party: str = Field("", max_length=TEXT, description="Any part of a party's name.")
    trip_id: UUID | None = None
    year: int | None = Field(None, ge=1900, le=2200, description="The signing year.")


def _summary(row: Any) -> AgreementSummary:
    return AgreementSummary(
        id=row.id, title=row.title, kind=row.kind, status=row.status, signed_on=row.signed_on,
        signed_place=row.signed_place, trip_id=row.trip_id, trip_title=row.trip_title,
        meeting_id=row.meeting_id, party_names=list(row.party_names), version=row.version)


def agreement_of(agreement_id: UUID | str) -> Agreement:
    """The agreement as the token's account may see it (404 otherwise)."""
    row = ra.visible_agreement(agreement_id)
    return Agreement(
        **_summary(row).model_dump(), subject=row.subject, meeting_title=row.meeting_title,
        owner_org_id=row.owner_org_id,
        parties=[Party(party_id=p.party_id, name=p.name, profile_id=p.profile_id,
                       organisation_id=p.organisation_id or None) for p in row.parties],
        signatories=[Signatory(**vars(s)) for s in row.signatories],
        milestones=[Milestone(**vars(m)) for m in row.milestones],
        last_changed_by=row.last_changed_by, last_changed_at=row.last_changed_at)


def _place(body: AgreementFields, kept: object = None) -> tuple[str | None, str | None]:
    return links.signing_place(queries(), ra.viewer(),
                               str(body.trip_id) if body.trip_id else None,
                               str(body.meeting_id) if body.meeting_id else None, kept)


@bp.get("/agreements")
@ra.staff
@operation(reply=Page[AgreementSummary], query=AgreementQuery, tags=TAGS, refusals=(403,))
def list_agreements(query: AgreementQuery) -> Response:
    """The register of the agreements your organisation may see."""
    found = queries().agreements(
        kind=query.kind.value if query.kind else None,
        status=query.status.value if query.status else None, party=query.party or None,
        trip_id=query.trip_id, year=query.year, page=query.page, per_page=query.limit,
        viewer=ra.viewer())
    return reply(page_of(query, found.total, found.items, _summary))


@bp.post("/agreements")
@ra.record_planner
@operation(reply=Agreement, body=AgreementFields, status=201, tags=TAGS, refusals=(403,))
def draft_agreement(body: AgreementFields) -> Response:
    """Draft an agreement, owned by your organisation; add parties and signatories next."""
    trip_id, meeting_id = _place(body)
    agreement_id = commands().draft_agreement(
        actor=actor(), title=body.title, kind=body.kind.value, subject=body.subject,
        trip_id=trip_id, meeting_id=meeting_id, owner_org_id=g.user.organisation_id)
    return reply(agreement_of(agreement_id), 201,
                 location=url_for("api.read_agreement", agreement_id=agreement_id))


@bp.get("/agreements/<uuid:agreement_id>")
@ra.agreement_reader
@operation(reply=Agreement, tags=TAGS, refusals=(403,))
def read_agreement(agreement_id: UUID) -> Response:
    """One agreement with its parties, signatories and milestones."""
    return reply(agreement_of(agreement_id))


@bp.put("/agreements/<uuid:agreement_id>")
@ra.agreement_owner
@operation(reply=Agreement, body=AgreementChange, tags=TAGS, conditional=True)
def update_agreement(agreement_id: UUID, body: AgreementChange) -> Response:
    """Change the title, kind, subject, or where it is signed."""
    version = expected_version(lambda: agreement_of(agreement_id))
    trip_id, meeting_id = _place(body, agreement_of(agreement_id).trip_id)
    commands().change_agreement_details(
        agreement_id, actor=actor(), title=body.title, kind=body.kind.value,
        subject=body.subject, trip_id=trip_id, meeting_id=meeting_id, reason=body.reason,
        expected_version=version)
    return reply(agreement_of(agreement_id))


@bp.post("/agreements/<uuid:agreement_id>/signing")
@ra.agreement_owner
@operation(reply=Agreement, body=Signing, tags=TAGS, conditional=True)
def sign_agreement(agreement_id: UUID, body: Signing) -> Response:
    """Record the signing (at least two parties; the meeting it is linked to, if any, must
    have been held)."""
    version = expected_version(lambda: agreement_of(agreement_id))
    commands().sign_agreement(agreement_id, actor=actor(), signed_on=body.signed_on,
                              place=body.place, reason=body.reason, expected_version=version)
    return reply(agreement_of(agreement_id))


@bp.post("/agreements/<uuid:agreement_id>/status")
@ra.agreement_owner
@operation(reply=Agreement, body=StatusChange, tags=TAGS, conditional=True)
def change_agreement_status(agreement_id: UUID, body: StatusChange) -> Response:
    """Move the agreement to another status (in force, expired, terminated...)."""
    version = expected_version(lambda: agreement_of(agreement_id))
    commands().change_agreement_status(agreement_id, actor=actor(), status=body.status.value,
                                       reason=body.reason, expected_version=version)
    return reply(agreement_of(agreement_id))
