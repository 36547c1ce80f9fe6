"""Organisations: the agencies, governments, chambers and companies whose staff use the
planner. Every staff member lists and opens them (to choose partners to share a trip with);
only administrators register or change one.

The default organisation (the one config.toml names) exists before its record does: the
queries show it at version 0, and its first edit registers it under its fixed id.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_babel import gettext, lazy_gettext

from planner.domain.errors import ConflictError, InvariantError
from planner.domain.organisation import DEFAULT_ORGANISATION_ID, OrganisationKind
from planner.domain.zones import canonical_zones
from planner.places.countries import country_code
from planner.places.zones import propose_zone
from web import access
from web import record_access as ra
from web.forms import Form, form_page, render_form
from web.layout import add_nav
from web.wiring import actor, commands, found, queries

bp = Blueprint("organisations", __name__, url_prefix="/organisations")
add_nav(lazy_gettext("Organisations"), "organisations.index",
        roles=(access.ORGANISER, access.AUDITOR, "administrator"), order=45)


@bp.context_processor
def _choices() -> dict[str, Any]:
    return {"organisation_kinds": [k.value for k in OrganisationKind]}


def organisation(organisation_id: str) -> Any:
    return found(queries().organisation(organisation_id), "organisation", organisation_id)


@bp.get("")
@ra.staff
def index() -> Any:
    return render_template("organisations/list.html", organisations=queries().organisations())


@bp.get("/<uuid:organisation_id>")
@ra.staff
def show(organisation_id: Any) -> Any:
    row = organisation(str(organisation_id))
    return render_template(
        "organisations/show.html", organisation=row,
        accounts=queries().organisation_accounts(row.id),
        trips=queries().organisation_trips(row.id, ra.viewer()),
        is_default=row.id == DEFAULT_ORGANISATION_ID)


# -- register and change (administrators) ---------------------------------------------------
def _fields(form: Form) -> dict[str, Any]:
    """A country typed by name ('China', 'Deutschland') is stored as its ISO code; an empty
    zone is the country's one zone (refused, naming its zones, when it has several)."""
    typed = form.text("country")
    zone = form.text("timezone")
    if not zone.strip() and not country_code(typed):
        zone = ""   # the domain names the country's rule first
    elif not zone.strip() or zone.strip() not in canonical_zones():
        zone = propose_zone("timezone", zone, typed).zone
    return dict(name=form.text("name"), latin_name=form.text("latin_name"),
                kind=form.text("kind"), country=country_code(typed) or typed, timezone=zone)


def _details(organisation_id: Any = None) -> dict[str, Any]:
    if organisation_id is None:
        return {"kind": OrganisationKind.AGENCY.value}
    row = organisation(str(organisation_id))
    return {"name": row.name, "latin_name": row.latin_name, "kind": row.kind,
            "country": row.country, "timezone": row.timezone, "expected_version": row.version}


def _context(organisation_id: Any = None) -> dict[str, Any]:
    return {"organisation": organisation(str(organisation_id)) if organisation_id else None}


@bp.get("/new")
@ra.administrator
def new() -> Any:
    return render_form("organisations/form.html", _details(), **_context())


@bp.post("/new")
@ra.administrator
@form_page("organisations/form.html", _context)
def create() -> Any:
    organisation_id = commands().register_organisation(actor=actor(), **_fields(Form()))
    flash(gettext("The organisation is registered."), "success")
    return redirect(url_for("organisations.show", organisation_id=organisation_id))


@bp.get("/<uuid:organisation_id>/edit")
@ra.administrator
def edit(organisation_id: Any) -> Any:
    return render_form("organisations/form.html", _details(organisation_id),
                       **_context(organisation_id))


@bp.post("/<uuid:organisation_id>/edit")
@ra.administrator
@form_page("organisations/form.html", _context, _details)
def update(organisation_id: Any) -> Any:
    form = Form()
    row = organisation(str(organisation_id))
    version = form.version()
    if version == 0 and row.id == DEFAULT_ORGANISATION_ID:
        _register_default(form)
    else:
        commands().change_organisation(row.id, actor=actor(), **_fields(form),
                                       reason=form.text("reason"), expected_version=version)
    flash(gettext("The organisation is saved."), "success")
    return redirect(url_for("organisations.show", organisation_id=row.id))


def _register_default(form: Form) -> None:
    """The default organisation's first edit records it, under its fixed id; someone who
    recorded it since the form was loaded is a conflict like any other edit."""
    try:
        commands().register_organisation(actor=actor(), organisation_id=DEFAULT_ORGANISATION_ID,
                                         **_fields(form))
    except InvariantError as error:
        if error.field != "organisation_id":
            raise
        current = organisation(DEFAULT_ORGANISATION_ID)
        raise ConflictError("organisation", UUID(current.id), 0, current.version) from None
