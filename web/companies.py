"""Company profiles: search and filter, create, edit, contacts, version history.

Profiles are versioned records: a trip records the version it handed over, so the profile page
links every handover to exactly that version, and the history lists every version with who
changed what, when and why. Staff see the profiles their organisation owns and those handed
over on a trip it may read (web.record_access); only organisers of the owner change them.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import Blueprint, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext, lazy_gettext

from planner.domain import values as v
from web import access
from web import record_access as ra
from web.forms import Form, field_names, form_page, render_form
from web.layout import add_nav
from web.refusals import request_translator
from web.wiring import actor, commands, page_number, queries, record_history

bp = Blueprint("companies", __name__, url_prefix="/companies")
add_nav(lazy_gettext("Companies"), "companies.index",
        roles=(access.ORGANISER, access.AUDITOR, "administrator"), order=30)
FILTERS = ("name", "kind", "sector", "interest", "country")


@bp.context_processor
def _choices() -> dict[str, Any]:
    return {"profile_kinds": [k.value for k in v.ProfileKind],
            "interest_choices": [(i.value, i.value) for i in v.Interest],
            "company_sizes": [(s.value, s.value or "not known") for s in v.CompanySize]}


def profile(profile_id: UUID | str) -> Any:
    """The profile as the signed-in account may see it (404 otherwise)."""
    return ra.visible_profile(profile_id)


def _to_profile(profile_id: UUID | str, anchor: str = "") -> Any:
    return redirect(url_for("companies.show", profile_id=profile_id)
                    + (f"#{anchor}" if anchor else ""))


@bp.get("")
@ra.staff
def index() -> Any:
    filters = {k: request.args.get(k, "").strip() for k in FILTERS}
    page = queries().profiles(**{k: value or None for k, value in filters.items()},
                              page=page_number(), viewer=ra.viewer())
    return render_template("companies/list.html", page=page, profiles=page.items,
                           filters=filters)


# -- create and edit ------------------------------------------------------------------------
def _details(profile_id: UUID | None = None) -> dict[str, Any]:
    if profile_id is None:
        return {"kind": "company"}
    row = profile(profile_id)
    return {"name": row.name, "kind": row.kind, "country": row.country, "city": row.city,
            "sectors": "\n".join(row.sectors), "size": row.size,
            "description": row.description, "interests": list(row.interests),
            "website": row.website, "expected_version": row.version}


def _context(profile_id: UUID | None = None) -> dict[str, Any]:
    row = profile(profile_id) if profile_id else None
    return {"profile": row, "may_edit": bool(row and ra.owns(g.user, row.owner_org_id)),
            "owner": queries().organisation(row.owner_org_id) if row else None}


def _fields(form: Form) -> dict[str, Any]:
    """The profile's fields from its form (create and edit share them)."""
    return dict(name=form.text("name"), kind=form.text("kind"), country=form.text("country"),
                city=form.text("city"), sectors=form.lines("sectors"), size=form.text("size"),
                description=form.text("description"), interests=form.choices("interests"),
                website=form.text("website"))


@bp.get("/new")
@ra.record_planner
def new() -> Any:
    return render_form("companies/form.html", _details(), **_context())


@bp.post("/new")
@ra.record_planner
@form_page("companies/form.html", _context)
def create() -> Any:
    profile_id = commands().register_profile(actor=actor(), **_fields(Form()),
                                             owner_org_id=g.user.organisation_id)
    flash(gettext("The company profile is registered."), "success")
    return _to_profile(profile_id)


@bp.get("/<uuid:profile_id>")
@ra.profile_reader
def show(profile_id: UUID) -> Any:
    return render_template("companies/show.html", **_context(profile_id))


@bp.get("/<uuid:profile_id>/edit")
@ra.profile_owner
def edit(profile_id: UUID) -> Any:
    return render_form("companies/form.html", _details(profile_id), **_context(profile_id))


@bp.post("/<uuid:profile_id>/edit")
@ra.profile_owner
@form_page("companies/form.html", _context, _details)
def update(profile_id: UUID) -> Any:
    form = Form()
    commands().change_profile(profile_id, actor=actor(), **_fields(form),
                              reason=form.text("reason"), expected_version=form.version())
    flash(gettext("The profile is saved as a new version; trips keep the version they "
                  "handed over."),

          "success")
    return _to_profile(profile_id)


# -- contacts -------------------------------------------------------------------------------
def _version(profile_id: UUID) -> dict[str, Any]:
    return {"expected_version": profile(profile_id).version}


@bp.get("/<uuid:profile_id>/contacts")
@ra.profile_owner
def contacts(profile_id: UUID) -> Any:
    return render_form("companies/contacts.html", _version(profile_id), **_context(profile_id))


@bp.post("/<uuid:profile_id>/contacts")
@ra.profile_owner
@form_page("companies/contacts.html", _context, _version)
def add_contact(profile_id: UUID) -> Any:
    form = Form()
    with field_names(**{"contact name": "name"}):
        commands().add_contact(profile_id, actor=actor(), name=form.text("name"),
                               title=form.text("title"), email=form.text("email"),
                               phone=form.text("phone"))
    flash(gettext("%(name)s is added to the contacts.", name=form.text("name").strip()),
          "success")
    return redirect(url_for("companies.contacts", profile_id=profile_id))


@bp.post("/<uuid:profile_id>/contacts/remove")
@ra.profile_owner
@form_page("companies/contacts.html", _context, _version)
def remove_contact(profile_id: UUID) -> Any:
    form = Form()
    with field_names(reason="remove_reason"):
        commands().remove_contact(profile_id, form.required("contact_id", gettext("a contact")),
                                  actor=actor(), reason=form.text("remove_reason"),
                                  expected_version=form.version())
    flash(gettext("The contact is removed; earlier versions of the profile still show it."),
          "success")
    return redirect(url_for("companies.contacts", profile_id=profile_id))


# -- history --------------------------------------------------------------------------------
@bp.get("/<uuid:profile_id>/history")
@ra.profile_reader
def history(profile_id: UUID) -> Any:
    """Every version: who changed what, when (UTC and the viewer's zone) and why."""
    row = profile(profile_id)
    return render_template("companies/history.html", profile=row,
                           history=record_history(profile_id, tr=request_translator()))


@bp.get("/<uuid:profile_id>/versions/<int:version>")
@ra.profile_reader
def version(profile_id: UUID, version: int) -> Any:
    """The profile exactly as it was at one version (what a trip handed over)."""
    row = profile(profile_id)
    then = commands().get_profile(profile_id, version=version)
    handed_over = [h for h in row.trips if h.version == version]
    return render_template("companies/version.html", profile=row, then=then,
                           handed_over=handed_over)
