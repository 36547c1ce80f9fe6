"""A trip's warnings (`GET /api/v1/trips/<id>/warnings`): soft conflicts such as a person
double-booked, too little travel time, a meeting outside working hours. As on the trip page,
staff who may read the trip see them; a participant on it does not (403).

Each warning has its `kind`, its `details` (what the sentence is composed from: meetings with
title, city, IANA zone and UTC instants, dates, people's names, minutes) and its `message`,
a sentence in the language the request's Accept-Language prefers among German, English and
Chinese (English when it names none of them), as the trip page writes it."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import Response, g, request
from pydantic import BaseModel, Field
from werkzeug.exceptions import Forbidden

from planner.i18n import LANGUAGES, SOURCE_LANGUAGE
from planner.organisations.access import TripAccess
from web import access
from web.api.blueprint import bp
from web.api.operation import operation, reply
from web.api.values import Page, PageQuery, page_of
from web.wiring import queries


class TripWarning(BaseModel):
    kind: str = Field(description="double-booked, overlap, outside-trip, outside-leg, "
                      "travel-time or outside-working-hours.")
    message: str = Field(description="The warning as a sentence in the language the "
                         "Accept-Language header prefers (de, en, zh; English by default).")
    details: dict[str, Any] = Field(description="What the sentence is composed from: "
                                    "meetings (title, city, zone, start and end in UTC), "
                                    "dates, names, minutes.")
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
    language = request.accept_languages.best_match(LANGUAGES) or SOURCE_LANGUAGE
    return reply(page_of(query, len(found), found[start:start + query.limit],
                         lambda w: TripWarning(kind=w.kind, message=w.text(language),
                                               details=w.details,
                                               meeting_ids=list(w.meeting_ids),
                                               person_ids=list(w.person_ids))))
