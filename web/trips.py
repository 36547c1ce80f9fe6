"""Trips: the list with filters, create, the trip page, details, dates, objectives, status."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import Blueprint, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext, lazy_gettext, ngettext
from werkzeug.exceptions import Forbidden, NotFound

from planner.domain.organisation import DEFAULT_ORGANISATION_ID
from planner.organisations.access import TripAccess, may_manage, may_plan
from planner.organisations.copies import may_copy
from web import access, conditional, trip_fragments, warnings_flash
from web.forms import Form, form_page, render_form, whole_number
from web.layout import add_nav
from web.wiring import (
    actor,
    commands,
    found,
    page_number,
    queries,
    read_once,
    settings,
)
from web.words import word

bp = Blueprint("trips", __name__, url_prefix="/trips")
add_nav(lazy_gettext("Trips"),
        "trips.index", roles=("organiser", "administrator", "auditor", "participant"),
        order=20)
FILTERS = ("status", "year", "city", "country", "organiser")

#: The languages a trip's calendar can be written in, each named in itself.
CALENDAR_LANGUAGES = [("de", "Deutsch"), ("en", "English"), ("zh", "中文（简体）")]

creator = access.guard("organiser", lambda user, _: user.viewer.plans)
"""New trips: organisers and administrators; the trip belongs to their organisation."""


def _copier(user: access.User, kwargs: dict[str, Any]) -> bool:
    """Copying: refused by role first (403, like every change), then a trip the user may
    not read is 404, then planner.organisations.copies decides."""
    if not user.viewer.plans:
        raise Forbidden(gettext("Only organisers can plan trips; you are signed in as %(role)s.",
                                role=word(user.role)))
    level = access.trip_level(user, str(kwargs["trip_id"]))
    if level == TripAccess.NONE:
        raise NotFound(gettext("There is no %(kind)s with id %(record_id)s.",
                               kind=gettext("trip"), record_id=kwargs["trip_id"]))
    return may_copy(user.viewer, level)


copier = access.guard("trip copier", _copier,
                      lazy_gettext("Only staff who may read this trip can plan again from it."))
"""Plan again from a trip: organisers and administrators who may read it."""


@bp.app_context_processor
def trip_rights() -> dict[str, Any]:
    """For templates: whether the signed-in user may plan a trip's programme or manage the
    trip itself (the guards' answer, read once per request), to show only what they may do."""
    def level(trip_id: object) -> TripAccess:
        user = g.get("user")
        return access.trip_level(user, str(trip_id)) if user else TripAccess.NONE
    def copies(trip_id: object) -> bool:
        user = g.get("user")
        return bool(user) and user.viewer.plans and may_copy(user.viewer, level(trip_id))
    return {"may_plan": lambda trip_id: may_plan(level(trip_id)),
            "may_manage": lambda trip_id: may_manage(level(trip_id)), "may_copy": copies}


def trip(trip_id: UUID) -> Any:
    return read_once("trip", trip_id, lambda: found(queries().trip(trip_id), "trip", trip_id))


@bp.get("")
@access.signed_in
def index() -> Any:
    """Staff filter the trips their organisation may read (its own and those shared with
    it); a participant sees the trips they are on."""
    if not g.user.viewer.is_staff:
        mine = queries().trips_of_person(g.user.person_id) if g.user.person_id else ()
        return render_template("trips/list.html", trips=mine, page=None, filters={})
    filters = {k: request.args.get(k, "").strip() for k in FILTERS}
    year = filters["year"]
    page = queries().trips(status=filters["status"] or None,
                           year=whole_number(year, digits=4),
                           city=filters["city"] or None, country=filters["country"] or None,
                           organiser=filters["organiser"] or None, page=page_number(),
                           viewer=g.user.viewer)
    return render_template("trips/list.html", trips=page.items, page=page, filters=filters)


# -- create and edit details ----------------------------------------------------------------
def _details(trip_id: UUID | None = None) -> dict[str, Any]:
    if trip_id is None:  # organised, as a rule, by the organiser's own organisation
        own = (queries().organisation(g.user.organisation_id)
               if g.user.organisation_id else None)
        return {"direction": "outbound", "home_timezone": settings().default_timezone,
                "organiser": own.name if own else ""}
    row = trip(trip_id)
    return {"title": row.title, "purpose": row.purpose, "organiser": row.organiser,
            "direction": row.direction, "home_timezone": row.home_timezone,
            "language": row.language, "expected_version": row.version}


def _details_context(trip_id: UUID | None = None) -> dict[str, Any]:
    return {"trip": trip(trip_id) if trip_id else None, "languages": CALENDAR_LANGUAGES}


@bp.get("/new")
@creator
def new() -> Any:
    return render_form("trips/form.html", _details(), **_details_context())


@bp.post("/new")
@creator
@form_page("trips/form.html", _details_context)
def create() -> Any:
    form = Form()
    trip_id = commands().create_trip(
        actor=actor(), title=form.text("title"), purpose=form.text("purpose"),
        organiser=form.text("organiser"), direction=form.text("direction"),
        home_timezone=form.text("home_timezone"), starts_on=form.date("starts_on"),
        ends_on=form.date("ends_on"),
        owner_org_id=g.user.organisation_id or DEFAULT_ORGANISATION_ID)
    flash(gettext("The trip is created. Add its legs next: the cities and dates."), "success")
    return redirect(url_for("trips.show", trip_id=trip_id))


@bp.get("/<uuid:trip_id>")
@access.trip_reader
def show(trip_id: UUID) -> Any:
    view = trip_fragments.trip_page(trip_id, access.trip_level(g.user, str(trip_id)))
    if (unchanged := conditional.not_modified(view.etag)) is not None:
        return unchanged
    return conditional.tagged(render_template(
        "trips/show.html", itinerary_html=view.parts["itinerary"],
        warnings_html=view.parts["warnings"], side_html=view.parts["side"], **view.context),
        view.etag)


@bp.get("/<uuid:trip_id>/edit")
@access.trip_owner
def edit(trip_id: UUID) -> Any:
    return render_form("trips/form.html", _details(trip_id), **_details_context(trip_id))


@bp.post("/<uuid:trip_id>/edit")
@access.trip_owner
@form_page("trips/form.html", _details_context, _details)
def update(trip_id: UUID) -> Any:
    form = Form()
    commands().change_trip_details(
        trip_id, actor=actor(), title=form.text("title"), purpose=form.text("purpose"),
        organiser=form.text("organiser"), direction=form.text("direction"),
        home_timezone=form.text("home_timezone"), reason=form.text("reason"),
        language=form.data.get("language"), expected_version=form.version())
    flash(gettext("The trip's details are saved."), "success")
    return redirect(url_for("trips.show", trip_id=trip_id))


# -- dates and objectives -------------------------------------------------------------------
def _dates(trip_id: UUID) -> dict[str, Any]:
    row = trip(trip_id)
    return {"starts_on": row.starts_on, "ends_on": row.ends_on, "expected_version": row.version}


@bp.get("/<uuid:trip_id>/dates")
@access.trip_owner
def dates(trip_id: UUID) -> Any:
    return render_form("trips/dates.html", _dates(trip_id), **_details_context(trip_id))


@bp.post("/<uuid:trip_id>/dates")
@access.trip_owner
@form_page("trips/dates.html", _details_context, _dates)
def change_dates(trip_id: UUID) -> Any:
    form, earlier = Form(), warnings_flash.before(trip_id)
    commands().change_trip_dates(trip_id, actor=actor(), starts_on=form.date("starts_on"),
                                 ends_on=form.date("ends_on"), reason=form.text("reason"),
                                 expected_version=form.version())
    flash(gettext("The trip's dates are changed."), "success")
    warnings_flash.flash_new(trip_id, earlier)
    return redirect(url_for("trips.show", trip_id=trip_id))


def _objectives(trip_id: UUID) -> dict[str, Any]:
    row = trip(trip_id)
    return {"objectives": "\n".join(row.objectives), "expected_version": row.version}


@bp.get("/<uuid:trip_id>/objectives")
@access.trip_owner
def objectives(trip_id: UUID) -> Any:
    return render_form("trips/objectives.html", _objectives(trip_id),
                       **_details_context(trip_id))


@bp.post("/<uuid:trip_id>/objectives")
@access.trip_owner
@form_page("trips/objectives.html", _details_context, _objectives)
def set_objectives(trip_id: UUID) -> Any:
    form = Form()
    commands().set_objectives(trip_id, actor=actor(), objectives=form.lines("objectives"),
                              reason=form.text("reason"), expected_version=form.version())
    flash(gettext("The objectives are saved."), "success")
    return redirect(url_for("trips.show", trip_id=trip_id))


# -- status, cancel, reinstate --------------------------------------------------------------
def _status(trip_id: UUID) -> dict[str, Any]:
    row = trip(trip_id)
    return {"status": row.status, "expected_version": row.version}


@bp.get("/<uuid:trip_id>/status")
@access.trip_owner
def status(trip_id: UUID) -> Any:
    return render_form("trips/status.html", _status(trip_id), **_details_context(trip_id))


@bp.post("/<uuid:trip_id>/status")
@access.trip_owner
@form_page("trips/status.html", _details_context, _status)
def change_status(trip_id: UUID) -> Any:
    form = Form()
    commands().change_trip_status(trip_id, actor=actor(), status=form.text("status"),
                                  reason=form.text("reason"), expected_version=form.version())
    flash(gettext("The trip is now %(status)s.", status=gettext(form.text("status"))), "success")
    return redirect(url_for("trips.show", trip_id=trip_id))


@bp.get("/<uuid:trip_id>/cancel")
@access.trip_owner
def cancel_form(trip_id: UUID) -> Any:
    """One page for both: cancel a trip, or reinstate a cancelled one (always with a reason)."""
    return render_form("trips/cancel.html", _status(trip_id), **_details_context(trip_id))


@bp.post("/<uuid:trip_id>/cancel")
@access.trip_owner
@form_page("trips/cancel.html", _details_context, _status)
def cancel(trip_id: UUID) -> Any:
    form = Form()
    commands().cancel_trip(trip_id, actor=actor(), reason=form.text("reason"),
                           expected_version=form.version())
    flash(gettext("The trip is cancelled. Its history is kept; it can be reinstated."), "success")
    return redirect(url_for("trips.show", trip_id=trip_id))


@bp.post("/<uuid:trip_id>/reinstate")
@access.trip_owner
@form_page("trips/cancel.html", _details_context, _status)
def reinstate(trip_id: UUID) -> Any:
    form = Form()
    commands().reinstate_trip(trip_id, actor=actor(), reason=form.text("reason"),
                              expected_version=form.version())
    flash(gettext("The trip is reinstated."), "success")
    return redirect(url_for("trips.show", trip_id=trip_id))


# -- sharing with partner organisations -----------------------------------------------------
ACCESS_CHOICES = (("plan", lazy_gettext("plan: may change the programme (legs, members, "
                                          "meetings)")),
                  ("view", lazy_gettext("view: may read everything, change nothing")),
                  ("none", lazy_gettext("none: end the share")))


def _sharing_context(trip_id: UUID) -> dict[str, Any]:
    row = trip(trip_id)
    partners = [(o.id, o.display_name) for o in queries().organisations()
                if o.id != row.owner_org_id]
    return {"trip": row, "partners": partners, "access_choices": ACCESS_CHOICES,
            "owner": queries().organisation(row.owner_org_id)}


def _sharing(trip_id: UUID) -> dict[str, Any]:
    return {"access": "plan", "expected_version": trip(trip_id).version}


@bp.get("/<uuid:trip_id>/sharing")
@access.trip_owner
def sharing(trip_id: UUID) -> Any:
    """Who the trip is shared with, and a form to share it, change a share or end one."""
    return render_form("trips/sharing.html", _sharing(trip_id), **_sharing_context(trip_id))


@bp.post("/<uuid:trip_id>/sharing")
@access.trip_owner
@form_page("trips/sharing.html", _sharing_context, _sharing)
def share(trip_id: UUID) -> Any:
    form = Form()
    commands().share_trip(trip_id, actor=actor(),
                          organisation_id=form.required("organisation_id",
                                                        gettext("an organisation")),
                          access=form.text("access"), reason=form.text("reason"),
                          expected_version=form.version())
    flash(gettext("The trip's sharing is changed.") if form.text("access") != "none" else
          gettext("The trip is no longer shared with that organisation."), "success")
    return redirect(url_for("trips.sharing", trip_id=trip_id))


# -- plan again from this trip --------------------------------------------------------------
def _copy_context(trip_id: UUID) -> dict[str, Any]:
    return {"trip": trip(trip_id)}


@bp.get("/<uuid:trip_id>/copy")
@copier
def copy_form(trip_id: UUID) -> Any:
    return render_form("trips/copy.html", {"title": trip(trip_id).title},
                       **_copy_context(trip_id))


@bp.post("/<uuid:trip_id>/copy")
@copier
@form_page("trips/copy.html", _copy_context)
def copy(trip_id: UUID) -> Any:
    form, original = Form(), trip(trip_id)
    meetings = [i.meeting_id for i in queries().itinerary(trip_id, include_cancelled=False).items]
    made = commands().copy_trip(trip_id, actor=actor(), starts_on=form.date("starts_on"),
                                title=form.text("title").strip(), meeting_ids=meetings,
                                owner_org_id=g.user.organisation_id or DEFAULT_ORGANISATION_ID)
    legs, members = len(original.legs), len(original.members) - len(made.left_out)
    flash(gettext("A draft copy of ‘%(title)s’ is made: %(legs)s, %(members)s and %(meetings)s "
                  "as proposals.", title=original.title,
                  legs=ngettext("%(num)s leg", "%(num)s legs", legs),
                  members=ngettext("%(num)s member", "%(num)s members", members),
                  meetings=ngettext("%(num)s meeting", "%(num)s meetings",
                                    len(made.meeting_ids))), "success")
    if made.left_out:
        names = {m.person_id: m.name for m in original.members}
        flash(gettext("Left out (people of a partner organisation, which does not see the copy): ")
              + ", ".join(names.get(p, str(p)) for p in made.left_out) + ".", "warning")
    return redirect(url_for("trips.show", trip_id=made.trip_id))
