"""A trip's legs, delegation members (and new people for it) and handed-over profiles."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from uuid import UUID

from flask import Blueprint, flash, g, redirect, request, url_for
from flask_babel import gettext

from planner import defaults
from planner.domain.errors import ValidationError, Word
from planner.places.zones import ZoneProposal, propose_zone
from planner.readmodel.queries_base import MAX_PER_PAGE
from web import access, warnings_flash
from web.forms import Form, field_names, form_page, render_form
from web.member_status import member_status
from web.refusals import request_translator
from web.trips import trip
from web.wiring import actor, commands, found, queries
from web.words import home_zone_filled

bp = Blueprint("delegation", __name__, url_prefix="/trips/<uuid:trip_id>")


def _back(trip_id: UUID, anchor: str = "") -> Any:
    return redirect(url_for("trips.show", trip_id=trip_id) + (f"#{anchor}" if anchor else ""))


# -- legs -----------------------------------------------------------------------------------
def _leg(trip_id: UUID, leg_id: str) -> Any:
    row = trip(trip_id)
    leg = next((leg for leg in row.legs if str(leg.leg_id) == leg_id), None)
    return found(leg, "leg", leg_id)


def _leg_context(trip_id: UUID, leg_id: str | None = None) -> dict[str, Any]:
    return {"trip": trip(trip_id), "leg": _leg(trip_id, leg_id) if leg_id else None}


def _leg_values(trip_id: UUID, leg_id: str | None = None) -> dict[str, Any]:
    row = trip(trip_id)
    if leg_id is None:
        last = row.legs[-1] if row.legs else None
        return {"arrives_on": last.departs_on if last else row.starts_on,
                "departs_on": row.ends_on, "expected_version": row.version}
    leg = _leg(trip_id, leg_id)
    return {"city": leg.city, "country": leg.country, "timezone": leg.timezone,
            "arrives_on": leg.arrives_on, "departs_on": leg.departs_on,
            "expected_version": row.version}


def _leg_zone(form: Form) -> ZoneProposal:
    """The zone typed, or the country's one zone when left empty (the flash says so); an
    unknown zone is refused naming the country's zones and similar names."""
    return propose_zone("timezone", form.text("timezone"), form.text("country"),
                        form.text("city"))


@bp.get("/legs/new")
@access.trip_planner
def new_leg(trip_id: UUID) -> Any:
    return render_form("trips/leg.html", _leg_values(trip_id), **_leg_context(trip_id))


@bp.post("/legs/new")
@access.trip_planner
@form_page("trips/leg.html", _leg_context, _leg_values)
def add_leg(trip_id: UUID) -> Any:
    form = Form()
    zone = _leg_zone(form)
    commands().add_leg(trip_id, actor=actor(), city=form.text("city"),
                       country=form.text("country"), timezone=zone.zone,
                       arrives_on=form.date("arrives_on"), departs_on=form.date("departs_on"),
                       expected_version=form.version())
    flash(f"{gettext('The leg in %(city)s is added.', city=form.text('city').strip())} "
          f"{zone.note_in(request_translator())}".strip(), "success")
    return _back(trip_id, "legs")


@bp.get("/legs/<leg_id>")
@access.trip_planner
def edit_leg(trip_id: UUID, leg_id: str) -> Any:
    return render_form("trips/leg.html", _leg_values(trip_id, leg_id),
                       **_leg_context(trip_id, leg_id))


@bp.post("/legs/<leg_id>")
@access.trip_planner
@form_page("trips/leg.html", _leg_context, _leg_values)
def change_leg(trip_id: UUID, leg_id: str) -> Any:
    form, earlier = Form(), warnings_flash.before(trip_id)
    zone = _leg_zone(form)
    commands().change_leg(trip_id, leg_id, actor=actor(), city=form.text("city"),
                          country=form.text("country"), timezone=zone.zone,
                          arrives_on=form.date("arrives_on"),
                          departs_on=form.date("departs_on"), reason=form.text("reason"),
                          expected_version=form.version())
    flash(f"{gettext('The leg is changed.')} {zone.note_in(request_translator())}".strip(),
          "success")
    warnings_flash.flash_new(trip_id, earlier)
    return _back(trip_id, "legs")


@bp.post("/legs/<leg_id>/remove")
@access.trip_planner
@form_page("trips/leg.html", _leg_context, _leg_values)
def remove_leg(trip_id: UUID, leg_id: str) -> Any:
    form, earlier = Form(), warnings_flash.before(trip_id)
    with field_names(reason="remove_reason"):
        commands().remove_leg(trip_id, leg_id, actor=actor(),
                              reason=form.text("remove_reason"), expected_version=form.version())
    flash(gettext("The leg is removed."), "success")
    warnings_flash.flash_new(trip_id, earlier)
    return _back(trip_id, "legs")


def _visible(field: str, record_id: str, lookup: Callable[[], Any], what: str) -> None:
    """A record chosen in a form must be one the user's organisation may see: another
    organisation's is refused as if it did not exist (nothing is written)."""
    if lookup() is None:
        raise ValidationError(field, "there is no %(what)s with id %(record_id)s",
                              what=Word(what), record_id=record_id)


# -- delegation members ---------------------------------------------------------------------
def _members_context(trip_id: UUID) -> dict[str, Any]:
    row = trip(trip_id)
    in_trip = {str(m.person_id) for m in row.members}
    people = [p for p in queries().people(viewer=g.user.viewer) if str(p.id) not in in_trip]
    return {"trip": row, "people": people, **member_status(row)}


def _members_values(trip_id: UUID) -> dict[str, Any]:
    return {"expected_version": trip(trip_id).version}


def _new_member_values(trip_id: UUID) -> dict[str, Any]:
    """The add forms start with the role most members have (never 'head of delegation')."""
    row = trip(trip_id)
    role = defaults.member_role(m.role for m in row.members)
    return {"expected_version": row.version, "role": role, "new_role": role}


@bp.get("/members")
@access.trip_planner
def members(trip_id: UUID) -> Any:
    return render_form("trips/members.html", _new_member_values(trip_id),
                       **_members_context(trip_id))


@bp.post("/members")
@access.trip_planner
@form_page("trips/members.html", _members_context, _members_values)
def add_member(trip_id: UUID) -> Any:
    form = Form()
    person_id = form.required("person_id", gettext("a person"))
    person = queries().person(person_id, viewer=g.user.viewer)
    _visible("person_id", person_id, lambda: person, "person")
    organisation, filled = form.text("organisation"), ""
    if not organisation.strip():
        record = (queries().organisation(person.organisation_id)
                  if person.organisation_id else None)
        organisation = defaults.member_organisation(person, record)
        filled = (" " + gettext("Their organisation, %(organisation)s, is filled in.",
                                organisation=organisation)) if organisation else ""
    added = commands().add_member(trip_id, actor=actor(), person_id=person_id,
                                  role=form.text("role"), organisation=organisation)
    flash(gettext("Added to the delegation.") + filled if added
          else gettext("That person is already in the delegation."),
          "success" if added else "message")
    return redirect(url_for("delegation.members", trip_id=trip_id))


@bp.post("/people")
@access.trip_planner
@form_page("trips/members.html", _members_context, _members_values)
def add_person(trip_id: UUID) -> Any:
    """Participants are people: register someone new and add them to the delegation."""
    form = Form()
    zone, filled = form.text("home_timezone"), ""
    if not zone.strip():
        named = form.text("new_organisation").strip()
        record = queries().organisation_named(named) if named else None
        zone, _source = defaults.home_zone(record, trip(trip_id).home_timezone)
        filled = home_zone_filled(zone, record, gettext("the trip's home zone"))
    with field_names(role="new_role", organisation="new_organisation"):
        commands().register_member(
            trip_id, actor=actor(), name=form.text("name"), title=form.text("title"),
            organisation=form.text("new_organisation"), email=form.text("email"),
            home_timezone=zone, role=form.text("new_role"),
            owner_org_id=g.user.organisation_id or None)
    flash(gettext("%(name)s is registered and added to the delegation.",
                  name=form.text("name").strip()) + filled,
          "success")
    return redirect(url_for("delegation.members", trip_id=trip_id))


@bp.post("/members/<uuid:person_id>")
@access.trip_planner
@form_page("trips/members.html", _members_context, _members_values)
def change_member(trip_id: UUID, person_id: UUID) -> Any:
    form = Form()
    commands().change_member(trip_id, person_id, actor=actor(), role=form.text("role"),
                             organisation=form.text("organisation"),
                             reason=form.text("reason"), expected_version=form.version())
    flash(gettext("The member's role is changed."), "success")
    return redirect(url_for("delegation.members", trip_id=trip_id))


@bp.post("/members/<uuid:person_id>/remove")
@access.trip_planner
@form_page("trips/members.html", _members_context, _members_values)
def remove_member(trip_id: UUID, person_id: UUID) -> Any:
    form = Form()
    commands().remove_member(trip_id, person_id, actor=actor(), reason=form.text("reason"),
                             expected_version=form.version())
    flash(gettext("Removed from the delegation."), "success")
    return redirect(url_for("delegation.members", trip_id=trip_id))


# -- company profiles handed over -----------------------------------------------------------
PICKER = 20
"""Matches the profile picker lists at most: more ask the organiser to narrow the search."""


def _chosen(trip_id: UUID, attached: set[str]) -> list[Any]:
    """The profiles ticked before a new search (carried in `profile_id`), still visible."""
    rows = []
    for value in dict.fromkeys(request.values.getlist("profile_id")):
        try:
            row = queries().profile(value, viewer=g.user.viewer)
        except ValidationError:
            continue
        if row is not None and str(row.id) not in attached:
            rows.append(row)
    return rows


def _profiles_context(trip_id: UUID) -> dict[str, Any]:
    """The picker: what is ticked already, then at most PICKER profiles matching `name`
    (any part of the name, any script, accents ignored) that are neither attached nor ticked."""
    row = trip(trip_id)
    attached = {str(p.profile_id) for p in row.profiles}
    search = request.values.get("name", "").strip()
    chosen = _chosen(trip_id, attached)
    skip = attached | {str(p.id) for p in chosen}
    found_page = queries().profiles(name=search or None, viewer=g.user.viewer,
                                    per_page=min(MAX_PER_PAGE, PICKER + len(skip) + 1))
    matches = [p for p in found_page.items if str(p.id) not in skip]
    more = len(matches) > PICKER or found_page.total > len(found_page.items)
    return {"trip": row, "chosen": chosen, "choices": matches[:PICKER], "search": search,
            "more": more, "picker_size": PICKER}


@bp.get("/profiles")
@access.trip_owner
def profiles(trip_id: UUID) -> Any:
    return render_form("trips/profiles.html", _members_values(trip_id),
                       **_profiles_context(trip_id))


@bp.post("/profiles")
@access.trip_owner
@form_page("trips/profiles.html", _profiles_context, _members_values)
def attach_profile(trip_id: UUID) -> Any:
    """Attach the ticked profiles; or, from the picker's Search button, list other matches
    and keep the ticks (a redirect to the page, so the search stays a GET address)."""
    form = Form()
    chosen = form.choices("profile_id")
    if "find" in form.data:
        return redirect(url_for("delegation.profiles", trip_id=trip_id,
                                name=form.text("name").strip(), profile_id=chosen), 303)
    for profile_id in chosen:
        _visible("profile_id", profile_id,
                 lambda p=profile_id: queries().profile(p, viewer=g.user.viewer),
                 "company profile")
    commands().attach_profiles(trip_id, chosen, actor=actor())
    flash(gettext("Handed over on this trip: each profile's current version is recorded."),
          "success")
    return redirect(url_for("delegation.profiles", trip_id=trip_id))


@bp.post("/profiles/<uuid:profile_id>/detach")
@access.trip_owner
@form_page("trips/profiles.html", _profiles_context, _members_values)
def detach_profile(trip_id: UUID, profile_id: UUID) -> Any:
    form = Form()
    commands().detach_profile(trip_id, profile_id, actor=actor(), reason=form.text("reason"),
                              expected_version=form.version())
    flash(gettext("The profile is no longer attached to this trip."), "success")
    return redirect(url_for("delegation.profiles", trip_id=trip_id))
