"""People (delegates and counterparts) and staff accounts.

Staff see the people their organisation registered or that belong to it, and the members of
trips it may read; organisers of the organisation that registered a person edit them
(web.record_access). Staff accounts are listed per organisation (administrators and global
auditors: all); organisers change a role or disable an account of their organisation, never
an administrator's and never to administrator; administrators manage every account and the
global-auditor flag. Every change needs a reason and is an event in the log. Nobody changes
their own account here, so the last organiser cannot lock everyone out by mistake.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import Blueprint, flash, g, redirect, render_template, url_for
from flask_babel import gettext, lazy_gettext

from planner import defaults
from planner.domain.errors import InvariantError, ValidationError
from web import access
from web import record_access as ra
from web.forms import Form, field_names, form_page, render_form
from web.layout import add_nav
from web.wiring import actor, commands, queries, settings
from web.words import home_zone_filled

bp = Blueprint("people", __name__, url_prefix="/people")
add_nav(lazy_gettext("People"), "people.index",
        roles=(access.ORGANISER, access.AUDITOR, "administrator"), order=40)


def person(person_id: UUID | str) -> Any:
    """The person as the signed-in account may see them (404 otherwise)."""
    return ra.visible_person(person_id)


def _organisations() -> dict[str, str]:
    return {o.id: o.display_name for o in queries().organisations()}


@bp.get("")
@ra.staff
def index() -> Any:
    return render_template("people/list.html", people=queries().people(viewer=ra.viewer()),
                           organisation_names=_organisations())


# -- register and edit ----------------------------------------------------------------------
def _details(person_id: UUID | None = None) -> dict[str, Any]:
    if person_id is None:
        return {}   # an empty home zone is the chosen organisation's (planner.defaults)
    row = person(person_id)
    return {"name": row.name, "title": row.title, "organisation": row.organisation,
            "organisation_id": row.organisation_id, "email": row.email,
            "home_timezone": row.home_timezone, "expected_version": row.version}


def _context(person_id: UUID | None = None) -> dict[str, Any]:
    return {"person": person(person_id) if person_id else None,
            "organisation_choices": list(_organisations().items())}


def _organisation_id(form: Form) -> str:
    """The organisation chosen on the form ('' for none), checked before anything is saved."""
    chosen = form.optional("organisation_id") or ""
    try:
        known = chosen and queries().organisation(chosen)
    except ValidationError:
        known = None
    if chosen and not known:
        raise ValidationError("organisation_id", "there is no organisation with id %(chosen)s",
                              chosen=chosen)
    return chosen


def _fields(form: Form) -> dict[str, Any]:
    return dict(name=form.text("name"), title=form.text("title"),
                organisation=form.text("organisation"), email=form.text("email"),
                home_timezone=form.text("home_timezone"))


@bp.get("/new")
@ra.record_planner
def new() -> Any:
    return render_form("people/form.html", _details(), **_context())


@bp.post("/new")
@ra.record_planner
@form_page("people/form.html", _context)
def register() -> Any:
    form = Form()
    chosen, fields, filled = _organisation_id(form), _fields(form), ""
    if not fields["home_timezone"].strip():
        record = queries().organisation(chosen) if chosen else None
        fields["home_timezone"], _source = defaults.home_zone(record,
                                                              settings().default_timezone)
        filled = home_zone_filled(fields["home_timezone"], record,
                                  gettext("the planner's default zone"))
    person_id = commands().register_person(actor=actor(), **fields,
                                           owner_org_id=g.user.organisation_id,
                                           organisation_id=chosen)
    flash(gettext("The person is registered; add them to a trip's delegation from the trip.")
          + filled, "success")
    return redirect(url_for("people.show", person_id=person_id))


@bp.get("/<uuid:person_id>")
@ra.person_reader
def show(person_id: UUID) -> Any:
    row = person(person_id)
    accounts = queries().accounts(viewer=ra.viewer(), person_id=row.id)
    trips = queries().trips_of_person(person_id, viewer=ra.viewer())
    organisations = _organisations()
    return render_template("people/show.html", person=row, accounts=accounts, trips=trips,
                           may_edit=ra.owns(g.user, row.owner_org_id),
                           owner=organisations.get(row.owner_org_id, ""),
                           belongs_to=organisations.get(row.organisation_id, ""))


@bp.get("/<uuid:person_id>/edit")
@ra.person_owner
def edit(person_id: UUID) -> Any:
    return render_form("people/form.html", _details(person_id), **_context(person_id))


def _same_details(row: Any, fields: dict[str, Any]) -> bool:
    return all(str(getattr(row, k) or "").strip().lower() == str(value or "").strip().lower()
               for k, value in fields.items())


@bp.post("/<uuid:person_id>/edit")
@ra.person_owner
@form_page("people/form.html", _context, _details)
def update(person_id: UUID) -> Any:
    """Save the details and, when another organisation is chosen, name it (one event each;
    a choice of organisation alone changes only that)."""
    form, row = Form(), person(person_id)
    chosen, version, reason = _organisation_id(form), form.version(), form.text("reason")
    moved = chosen != row.organisation_id
    if not (moved and _same_details(row, _fields(form))):
        version = commands().change_person(person_id, actor=actor(), **_fields(form),
                                           reason=reason, expected_version=version)
    if moved:
        commands().name_person_organisation(person_id, actor=actor(), organisation_id=chosen,
                                            reason=reason, expected_version=version)
    flash(gettext("The person's details are saved."), "success")
    return redirect(url_for("people.show", person_id=person_id))


# -- staff accounts -------------------------------------------------------------------------
def account(account_id: UUID) -> Any:
    """The account as the signed-in account may see it (404 otherwise)."""
    return ra.visible_account(account_id)


def _not_yourself(row: Any, field: str) -> None:
    if row.email.lower() == g.user.email.lower():
        raise InvariantError(field, "you cannot change your own account; ask another organiser")


@bp.get("/accounts")
@ra.staff
def accounts() -> Any:
    names = {p.id: p.name for p in queries().people()}
    rows = queries().accounts(viewer=ra.viewer())
    return render_template("people/accounts.html", accounts=rows, names=names,
                           organisation_names=_organisations(),
                           manageable={a.id for a in rows if ra.may_manage_account(g.user, a)})


def _account_context(account_id: UUID) -> dict[str, Any]:
    people = [(str(p.id), f"{p.name} ({p.organisation})" if p.organisation else p.name)
              for p in queries().people(viewer=ra.viewer())]
    row = account(account_id)
    return {"account": row, "person_choices": people, "roles": ra.grantable_roles(g.user),
            "organisation_name": _organisations().get(row.organisation_id, "")}


def _account_values(account_id: UUID) -> dict[str, Any]:
    row = account(account_id)
    return {"role": row.role, "person_id": str(row.person_id or ""),
            "global_auditor": "yes" if row.global_auditor else "",
            "expected_version": row.version}


@bp.get("/accounts/<uuid:account_id>")
@ra.account_manager
def account_form(account_id: UUID) -> Any:
    return render_form("people/account.html", _account_values(account_id),
                       **_account_context(account_id))


@bp.post("/accounts/<uuid:account_id>/role")
@ra.account_manager
@form_page("people/account.html", _account_context, _account_values)
def change_role(account_id: UUID) -> Any:
    row = account(account_id)
    form = Form()
    ra.refuse_unless_grantable(g.user, form.text("role"))
    _not_yourself(row, "role")
    commands().change_role(row.email, actor=actor(), role=form.text("role"),
                           person_id=form.optional("person_id"), reason=form.text("reason"),
                           expected_version=form.version())
    flash(gettext("%(name)s is now %(role)s.", name=row.name,
                  role=gettext(form.text("role").strip())), "success")
    return redirect(url_for("people.accounts"))


@bp.post("/accounts/<uuid:account_id>/active")
@ra.account_manager
@form_page("people/account.html", _account_context, _account_values)
def change_active(account_id: UUID) -> Any:
    """Disable an active account, or enable a disabled one (the button says which)."""
    row = account(account_id)
    form = Form()
    _not_yourself(row, "active_reason")
    change = commands().disable_account if row.active else commands().enable_account
    with field_names(reason="active_reason"):
        change(row.email, actor=actor(), reason=form.text("active_reason"),
               expected_version=form.version())
    flash(gettext("%(name)s's account is disabled.", name=row.name) if row.active else
          gettext("%(name)s's account is enabled again.", name=row.name), "success")
    return redirect(url_for("people.accounts"))


@bp.post("/accounts/<uuid:account_id>/scope")
@ra.administrator
@ra.account_manager
@form_page("people/account.html", _account_context, _account_values)
def change_global_auditor(account_id: UUID) -> Any:
    """Let an auditor see every organisation's records, or only their own's again."""
    row = account(account_id)
    form = Form()
    wanted = form.text("global_auditor") == "yes"
    _not_yourself(row, "global_auditor")
    with field_names(reason="scope_reason"):
        commands().set_global_auditor(row.email, actor=actor(), global_auditor=wanted,
                                      reason=form.text("scope_reason"))
    flash(gettext("%(name)s now sees every organisation's records.", name=row.name) if wanted
          else gettext("%(name)s now sees their organisation's records.", name=row.name),
          "success")
    return redirect(url_for("people.accounts"))
