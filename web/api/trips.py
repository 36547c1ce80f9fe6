"""Trips in the API: list, create, read, change details (the web UI's rules: web.access)."""

from __future__ import annotations

from collections.abc import Callable
from uuid import UUID

from flask import Response, g, url_for

from planner.domain.organisation import DEFAULT_ORGANISATION_ID
from web import access
from web.api.blueprint import bp
from web.api.operation import checked_version, operation, reply
from web.api.trip_models import Trip, TripDetailsChange, TripNew, TripSummary, summary, trip_of
from web.api.values import Page, PageQuery, page_of
from web.trips import creator
from web.wiring import actor, commands, found, queries


def current_trip(trip_id: UUID | str) -> Trip:
    return trip_of(found(queries().trip(trip_id), "trip", trip_id))


def checked(trip_id: UUID) -> int:
    """The If-Match version, or the version read now: a change made meanwhile is a 409."""
    return checked_version(lambda: current_trip(trip_id))


def changed_trip(command: Callable[..., object], trip_id: UUID, *ids: object,
                 **fields: object) -> Response:
    """Run a command on the trip as the signed-in account, at the If-Match (or current)
    version, and answer the trip as it is now."""
    command(trip_id, *ids, actor=actor(), expected_version=checked(trip_id), **fields)
    return reply(current_trip(trip_id))


@bp.get("/trips")
@access.signed_in
@operation(reply=Page[TripSummary], query=PageQuery, tags=["trips"])
def list_trips(query: PageQuery) -> Response:
    """The trips the account may read: staff see their organisation's and those shared with
    it, newest first (by start date, then creation); a participant the trips they are on."""
    if g.user.viewer.is_staff:
        rows = queries().trips(page=query.page, per_page=query.limit, viewer=g.user.viewer)
        return reply(page_of(query, rows.total, rows.items, summary))
    mine = queries().trips_of_person(g.user.person_id) if g.user.person_id else ()
    start = (query.page - 1) * query.limit
    return reply(page_of(query, len(mine), mine[start:start + query.limit], summary))


@bp.post("/trips")
@creator
@operation(reply=Trip, body=TripNew, status=201, tags=["trips"])
def create_trip(body: TripNew) -> Response:
    """Create a trip owned by the account's organisation (organisers and administrators)."""
    trip_id = commands().create_trip(actor=actor(), **body.model_dump(),
                                     owner_org_id=g.user.organisation_id
                                     or DEFAULT_ORGANISATION_ID)
    return reply(current_trip(trip_id), 201,
                 location=url_for("api.read_trip", trip_id=trip_id))


@bp.get("/trips/<uuid:trip_id>")
@access.trip_reader
@operation(reply=Trip, tags=["trips"])
def read_trip(trip_id: UUID) -> Response:
    """One trip with its legs, delegation and handed-over profiles."""
    return reply(current_trip(trip_id))


@bp.patch("/trips/<uuid:trip_id>")
@access.trip_owner
@operation(reply=Trip, body=TripDetailsChange, tags=["trips"], conditional=True)
def change_trip(trip_id: UUID, body: TripDetailsChange) -> Response:
    """Change the trip's details (organisers of the owning organisation)."""
    version = checked(trip_id)
    now = current_trip(trip_id)
    given = body.model_dump(exclude_unset=True, exclude={"reason"})
    commands().change_trip_details(
        trip_id, actor=actor(), reason=body.reason, expected_version=version,
        **{name: given.get(name, getattr(now, name)) for name in
           ("title", "organiser", "direction", "home_timezone", "purpose")})
    return reply(current_trip(trip_id))
