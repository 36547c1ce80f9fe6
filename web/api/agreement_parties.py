"""An agreement's parties (a registered profile, one of the planner's organisations, or a
named body) and signatories. Only organisers and administrators of the agreement's owner
change them (web.record_access); If-Match names the agreement's version."""

from __future__ import annotations

from uuid import UUID

from flask import Response, url_for
from pydantic import Field

from planner.organisations import links
from web import record_access as ra
from web.api.agreements import TAGS, Agreement, Party, Signatory, agreement_of
from web.api.blueprint import bp
from web.api.operation import Input, expected_version, operation, reply
from web.api.shapes import LONG, TEXT, Removal, entry
from web.wiring import actor, commands, queries


class PartyIn(Input):
    name: str = Field("", max_length=TEXT, description="The party's name; may be left out "
                                                       "for a profile or organisation.")
    profile_id: UUID | None = Field(None, description="A company profile you may see.")
    organisation_id: UUID | None = Field(None, description="One of the planner's "
                                                           "organisations (it then sees the "
                                                           "agreement).")
    reason: str = Field("", max_length=LONG)


class SignatoryIn(Input):
    party_id: str = Field(max_length=64, description="The party they sign for.")
    name: str = Field(max_length=TEXT)
    title: str = Field("", max_length=TEXT)
    reason: str = Field("", max_length=LONG)


def _party(agreement_id: UUID, party_id: str) -> Party:
    return entry(agreement_of(agreement_id).parties, "party_id", party_id, "party")


def _signatory(agreement_id: UUID, signatory_id: str) -> Signatory:
    return entry(agreement_of(agreement_id).signatories, "signatory_id", signatory_id,
                 "signatory")


@bp.post("/agreements/<uuid:agreement_id>/parties")
@ra.agreement_owner
@operation(reply=Party, body=PartyIn, status=201, tags=TAGS, conditional=True)
def add_party(agreement_id: UUID, body: PartyIn) -> Response:
    """Add a party."""
    expected_version(lambda: agreement_of(agreement_id))
    name, profile_id, organisation_id = links.party(
        queries(), ra.viewer(), body.name, str(body.profile_id) if body.profile_id else None,
        str(body.organisation_id) if body.organisation_id else None)
    party_id = commands().add_party(agreement_id, actor=actor(), name=name,
                                    profile_id=profile_id, organisation_id=organisation_id,
                                    reason=body.reason)
    return reply(_party(agreement_id, party_id), 201, location=url_for(
        "api.read_party", agreement_id=agreement_id, party_id=party_id))


@bp.get("/agreements/<uuid:agreement_id>/parties/<party_id>")
@ra.agreement_reader
@operation(reply=Party, tags=TAGS, refusals=(403,))
def read_party(agreement_id: UUID, party_id: str) -> Response:
    """One party of the agreement."""
    return reply(_party(agreement_id, party_id))


@bp.delete("/agreements/<uuid:agreement_id>/parties/<party_id>")
@ra.agreement_owner
@operation(reply=Agreement, query=Removal, tags=TAGS, conditional=True)
def remove_party(agreement_id: UUID, party_id: str, query: Removal) -> Response:
    """Remove a party and its signatories; answers with the agreement."""
    _party(agreement_id, party_id)
    version = expected_version(lambda: agreement_of(agreement_id))
    commands().remove_party(agreement_id, party_id, actor=actor(), reason=query.reason,
                            expected_version=version)
    return reply(agreement_of(agreement_id))


@bp.post("/agreements/<uuid:agreement_id>/signatories")
@ra.agreement_owner
@operation(reply=Signatory, body=SignatoryIn, status=201, tags=TAGS, conditional=True)
def add_signatory(agreement_id: UUID, body: SignatoryIn) -> Response:
    """Add someone who signs for one of the parties."""
    expected_version(lambda: agreement_of(agreement_id))
    signatory_id = commands().add_signatory(agreement_id, actor=actor(), name=body.name,
                                            party_id=body.party_id, title=body.title,
                                            reason=body.reason)
    return reply(_signatory(agreement_id, signatory_id), 201, location=url_for(
        "api.read_signatory", agreement_id=agreement_id, signatory_id=signatory_id))


@bp.get("/agreements/<uuid:agreement_id>/signatories/<signatory_id>")
@ra.agreement_reader
@operation(reply=Signatory, tags=TAGS, refusals=(403,))
def read_signatory(agreement_id: UUID, signatory_id: str) -> Response:
    """One signatory of the agreement."""
    return reply(_signatory(agreement_id, signatory_id))


@bp.delete("/agreements/<uuid:agreement_id>/signatories/<signatory_id>")
@ra.agreement_owner
@operation(reply=Agreement, query=Removal, tags=TAGS, conditional=True)
def remove_signatory(agreement_id: UUID, signatory_id: str, query: Removal) -> Response:
    """Remove a signatory; answers with the agreement."""
    _signatory(agreement_id, signatory_id)
    version = expected_version(lambda: agreement_of(agreement_id))
    commands().remove_signatory(agreement_id, signatory_id, actor=actor(),
                                reason=query.reason, expected_version=version)
    return reply(agreement_of(agreement_id))
