"""A trip's dates, status, objectives, legs, delegation and handed-over profiles in the API.

Each change answers with the whole trip at its new version (its ETag): parts have no
version of their own. Legs and members are planned by organisers who may plan the trip
(its owner and partners it is shared with for planning); dates, status, objectives and
profiles only by the owner's organisers (web.access, as in the web UI).
"""

from __future__ import annotations

from datetime import date
from uuid import UUID

from flask import Response, url_for
from pydantic import Field

from planner.domain.values import MemberRole, TripStatus
from web import access
from web.api.blueprint import bp
from web.api.operation import Input, operation, reply
from web.api.problems import Problem
from web.api.trip_models import Leg, Trip
from web.api.trips import changed_trip, checked, current_trip
from web.wiring import actor, commands

TAGS = ["trip parts"]


class Reason(Input):
    reason: str = Field("", description="Why (kept in the log; required where the rule says).")


class DatesChange(Reason):
    starts_on: date
    ends_on: date


class StatusChange(Reason):
    status: TripStatus = Field(description="Cancelling and reinstating have their own "
                                           "operations.")


class Objectives(Reason):
    objectives: list[str] = Field(max_length=100)


class LegInput(Reason):
    city: str
    country: str
    timezone: str = Field(description="IANA zone of the city, e.g. Asia/Shanghai.")
    arrives_on: date
    departs_on: date


class NewPerson(Input):
    name: str
    home_timezone: str = Field(description="IANA zone of the person's home.")
    title: str = ""
    email: str = ""


class MemberInput(Reason):
    """Either `person_id` (someone registered) or `new_person` (registered with the trip's
    organisation and added in one save)."""

    person_id: UUID | None = None
    new_person: NewPerson | None = None
    role: MemberRole
    organisation: str = ""


class MemberChange(Reason):
    role: MemberRole
    organisation: str = ""


class ProfilesInput(Reason):
    profile_ids: list[UUID] = Field(min_length=1, max_length=500)


class ReasonQuery(Input):
    reason: str = ""


@bp.put("/trips/<uuid:trip_id>/dates")
@access.trip_owner
@operation(reply=Trip, body=DatesChange, tags=TAGS, conditional=True)
def change_trip_dates(trip_id: UUID, body: DatesChange) -> Response:
    """Change the trip's first and last day (meetings must stay inside)."""
    return changed_trip(commands().change_trip_dates, trip_id, **body.model_dump())


@bp.put("/trips/<uuid:trip_id>/status")
@access.trip_owner
@operation(reply=Trip, body=StatusChange, tags=TAGS, conditional=True)
def change_trip_status(trip_id: UUID, body: StatusChange) -> Response:
    """Move the trip along draft → planned → confirmed → completed."""
    return changed_trip(commands().change_trip_status, trip_id, **body.model_dump())


@bp.post("/trips/<uuid:trip_id>/cancel")
@access.trip_owner
@operation(reply=Trip, body=Reason, tags=TAGS, conditional=True)
def cancel_trip(trip_id: UUID, body: Reason) -> Response:
    """Cancel the trip (a reason is required); only reinstating changes it afterwards."""
    return changed_trip(commands().cancel_trip, trip_id, reason=body.reason)


@bp.post("/trips/<uuid:trip_id>/reinstate")
@access.trip_owner
@operation(reply=Trip, body=Reason, tags=TAGS, conditional=True)
def reinstate_trip(trip_id: UUID, body: Reason) -> Response:
    """Reinstate a cancelled trip (a reason is required)."""
    return changed_trip(commands().reinstate_trip, trip_id, reason=body.reason)


@bp.put("/trips/<uuid:trip_id>/objectives")
@access.trip_owner
@operation(reply=Trip, body=Objectives, tags=TAGS, conditional=True)
def set_trip_objectives(trip_id: UUID, body: Objectives) -> Response:
    """Replace the trip's list of objectives."""
    return changed_trip(commands().set_objectives, trip_id, **body.model_dump())


@bp.post("/trips/<uuid:trip_id>/legs")
@access.trip_planner
@operation(reply=Trip, body=LegInput, status=201, tags=TAGS, conditional=True)
def add_trip_leg(trip_id: UUID, body: LegInput) -> Response:
    """Add a stay in one city; `Location` is the new leg's address."""
    leg_id = commands().add_leg(trip_id, actor=actor(), expected_version=checked(trip_id),
                                **body.model_dump())
    return reply(current_trip(trip_id), 201,
                 location=url_for("api.read_trip_leg", trip_id=trip_id, leg_id=leg_id))


def _leg(trip_id: UUID, leg_id: str) -> Leg:
    leg = next((g for g in current_trip(trip_id).legs if g.leg_id == leg_id), None)
    if leg is None:
        raise Problem(404, f"The trip has no leg {leg_id}.", slug="not-found")
    return leg


@bp.get("/trips/<uuid:trip_id>/legs/<leg_id>")
@access.trip_reader
@operation(reply=Leg, tags=TAGS)
def read_trip_leg(trip_id: UUID, leg_id: str) -> Response:
    """One leg of the trip."""
    return reply(_leg(trip_id, leg_id))


@bp.put("/trips/<uuid:trip_id>/legs/<leg_id>")
@access.trip_planner
@operation(reply=Trip, body=LegInput, tags=TAGS, conditional=True)
def change_trip_leg(trip_id: UUID, leg_id: str, body: LegInput) -> Response:
    """Change a leg's city, zone or dates (its meetings must still fit)."""
    _leg(trip_id, leg_id)
    return changed_trip(commands().change_leg, trip_id, leg_id, **body.model_dump())


@bp.delete("/trips/<uuid:trip_id>/legs/<leg_id>")
@access.trip_planner
@operation(reply=Trip, query=ReasonQuery, tags=TAGS, conditional=True)
def remove_trip_leg(trip_id: UUID, leg_id: str, query: ReasonQuery) -> Response:
    """Remove a leg (`reason` in the query string)."""
    _leg(trip_id, leg_id)
    return changed_trip(commands().remove_leg, trip_id, leg_id, reason=query.reason)


@bp.post("/trips/<uuid:trip_id>/members")
@access.trip_planner
@operation(reply=Trip, body=MemberInput, tags=TAGS)
def add_trip_member(trip_id: UUID, body: MemberInput) -> Response:
    """Add a person to the delegation: a registered one, or someone new (registered with
    the trip's organisation in the same save). Adding commutes with other changes."""
    if (body.person_id is None) == (body.new_person is None):
        raise Problem(422, "Give either person_id or new_person.", slug="invalid-input",
                      errors=[("person_id", "give either person_id or new_person, not both")])
    fields = dict(role=body.role, organisation=body.organisation, reason=body.reason)
    if body.new_person is not None:
        commands().register_member(trip_id, actor=actor(), **body.new_person.model_dump(),
                                   **fields)
    else:
        commands().add_member(trip_id, actor=actor(), person_id=body.person_id, **fields)
    return reply(current_trip(trip_id))


@bp.patch("/trips/<uuid:trip_id>/members/<uuid:person_id>")
@access.trip_planner
@operation(reply=Trip, body=MemberChange, tags=TAGS, conditional=True)
def change_trip_member(trip_id: UUID, person_id: UUID, body: MemberChange) -> Response:
    """Change a member's role or organisation."""
    return changed_trip(commands().change_member, trip_id, person_id, **body.model_dump())


@bp.delete("/trips/<uuid:trip_id>/members/<uuid:person_id>")
@access.trip_planner
@operation(reply=Trip, query=ReasonQuery, tags=TAGS, conditional=True)
def remove_trip_member(trip_id: UUID, person_id: UUID, query: ReasonQuery) -> Response:
    """Take a person off the delegation."""
    return changed_trip(commands().remove_member, trip_id, person_id, reason=query.reason)


@bp.post("/trips/<uuid:trip_id>/profiles")
@access.trip_owner
@operation(reply=Trip, body=ProfilesInput, tags=TAGS)
def attach_trip_profiles(trip_id: UUID, body: ProfilesInput) -> Response:
    """Hand company profiles over on this trip (their current versions are recorded)."""
    commands().attach_profiles(trip_id, list(body.profile_ids), actor=actor(),
                               reason=body.reason)
    return reply(current_trip(trip_id))


@bp.delete("/trips/<uuid:trip_id>/profiles/<uuid:profile_id>")
@access.trip_owner
@operation(reply=Trip, query=ReasonQuery, tags=TAGS, conditional=True)
def detach_trip_profile(trip_id: UUID, profile_id: UUID, query: ReasonQuery) -> Response:
    """Take a handed-over profile off the trip."""
    return changed_trip(commands().detach_profile, trip_id, profile_id, reason=query.reason)
