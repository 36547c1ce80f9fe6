"""Printable PDF itineraries: a participant's own, an organiser's print of a member's, and
the whole trip's (planner.itinerary draws them)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import Blueprint, Response, g
from flask_babel import get_locale, gettext
from werkzeug.exceptions import NotFound

from planner.domain.errors import NotFoundError
from web import access
from web.feeds import content_disposition
from web.refusals import domain_message
from web.wiring import itineraries, my_person, public_base

bp = Blueprint("itinerary", __name__)


def _language() -> str:
    locale = get_locale()
    return locale.language if locale else "en"


def _pdf(body: bytes, name: str) -> Response:
    return Response(body, 200, mimetype="application/pdf", headers={
        "Content-Disposition": content_disposition("attachment", f"{name}.pdf"),
        "Cache-Control": "private, no-store"})


def _person_pdf(person_id: Any, trip_id: UUID) -> Response:
    try:
        body, pack = itineraries().person_pdf(person_id, trip_id, language=_language(),
                                              base_url=public_base(), viewer=g.user.viewer)
    except NotFoundError as error:
        raise NotFound(gettext("This person is not in the trip's delegation.")) from error
    return _pdf(body, f"{pack.trip.title} – {pack.person.name}")


@bp.get("/schedule/trips/<uuid:trip_id>/itinerary.pdf")
@access.trip_reader
def mine(trip_id: UUID) -> Response:
    """The signed-in participant's itinerary of one of their trips."""
    person = my_person()
    if person is None:
        raise NotFound(gettext("Your account is not linked to a person in a delegation."))
    return _person_pdf(person.id, trip_id)


@bp.get("/trips/<uuid:trip_id>/people/<uuid:person_id>/itinerary.pdf")
@access.trip_planner
def member(trip_id: UUID, person_id: UUID) -> Response:
    """An organiser prints a delegation member's itinerary (counts as their last print)."""
    return _person_pdf(person_id, trip_id)


@bp.get("/trips/<uuid:trip_id>/itinerary.pdf")
@access.trip_reader
def trip(trip_id: UUID) -> Response:
    """The whole delegation's itinerary."""
    try:
        body, pack = itineraries().trip_pdf(trip_id, language=_language(),
                                            base_url=public_base(), viewer=g.user.viewer)
    except NotFoundError as error:
        raise NotFound(domain_message(error, with_field=True)) from error
    return _pdf(body, pack.trip.title)
