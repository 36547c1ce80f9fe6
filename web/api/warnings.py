"""A trip's warnings (`GET /api/v1/trips/<id>/warnings`): soft conflicts such as a person
double-booked, too little travel time, a meeting outside working hours. As on the trip page,
staff who may read the trip see them; a participant on it does not (403)."""

from __future__ import annotations

from uuid import UUID

from flask import Response, g
from pydantic import BaseModel, Field
from werkzeug.exceptions import Forbidden

from planner.organisations.access import TripAccess
from web import access
from web.api.blueprint import bp
from web.api.operation import operation, reply
from web.api.values import Page, PageQuery, page_of
from web.wiring import queries


class TripWarning(BaseModel):
    kind: str = Field(description="e.g. double-booked, travel-time, outside-hours.")
    message: str
    meeting_ids: list[UUID]
    person_ids: list[UUID]


@bp.get("/trips/<uuid:trip_id>/warnings")
@access.trip_reader
@operation(reply=Page[TripWarning], query=PageQuery, tags=["trips"], refusals=(403,))
def list_trip_warnings(trip_id: UUID, query: PageQuery) -> Response:
    """The trip's warnings in time order (none for a cancelled trip)."""
    if access.trip_level(g.user, str(trip_id)) < TripAccess.VIEW:
        raise Forbidden("Participants see their schedule, not the trip's warnings.")
    found = queries().warnings(trip_id)
    start = (query.page - 1) * query.limit
    return reply(page_of(query, len(found), found[start:start + query.limit],
                         lambda w: TripWarning(kind=w.kind, message=w.message,
                                               meeting_ids=list(w.meeting_ids),
                                               person_ids=list(w.person_ids))))
