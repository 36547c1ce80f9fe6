"""Who the token acts as: `GET /api/v1/me`."""

from __future__ import annotations

from flask import Response, g
from pydantic import BaseModel, Field

from web.access import signed_in
from web.api.blueprint import bp
from web.api.operation import operation, reply


class Me(BaseModel):
    email: str
    name: str
    role: str = Field(description="organiser, participant, auditor or administrator.")
    organisation_id: str
    person_id: str | None = Field(description="The account's person (participants: their "
                                              "delegation record).")
    global_auditor: bool


@bp.get("/me")
@signed_in
@operation(reply=Me, tags=["account"])
def me() -> Response:
    """The account this token acts as, with its role and organisation."""
    user = g.user
    return reply(Me(email=user.email, name=user.name, role=user.role,
                    organisation_id=user.organisation_id, person_id=user.person_id or None,
                    global_auditor=user.global_auditor))
