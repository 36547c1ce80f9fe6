"""People (delegates and counterparts) and staff accounts.

Registering and editing people is planning work (organisers). Staff accounts are listed for
organisers and auditors; only organisers change a role or disable an account, always with a
reason, and each change is an event in the log. Nobody changes their own account here, so the
last organiser cannot lock everyone out by mistake.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import Blueprint, flash, g, redirect, render_template, url_for

from planner.domain.account import Role
from planner.domain.errors import InvariantError
from web import access
from web.forms import Form, field_names, form_page, render_form
from web.layout import add_nav
from web.wiring import actor, commands, found, queries, settings

bp = Blueprint("people", __name__, url_prefix="/people")
add_nav("People", "people.index", roles=(access.ORGANISER, access.AUDITOR), order=40)


def person(person_id: UUID | str) -> Any:
    return found(queries().person(person_id), "person", person_id)


@bp.get("")
@access.everything_reader
def index() -> Any:
    return render_template("people/list.html", people=queries().people())


# -- register and edit ----------------------------------------------------------------------
def _details(person_id: UUID | None = None) -> dict[str, Any]:
    if person_id is None:
        return {"home_timezone": settings().default_timezone}
    row = person(person_id)
    return {"name": row.name, "title": row.title, "organisation": row.organisation,
            "email": row.email, "home_timezone": row.home_timezone,
            "expected_version": row.version}


def _context(person_id: UUID | None = None) -> dict[str, Any]:
    return {"person": person(person_id) if person_id else None}


def _fields(form: Form) -> dict[str, Any]:
    return dict(name=form.text("name"), title=form.text("title"),
                organisation=form.text("organisation"), email=form.text("email"),
                home_timezone=form.text("home_timezone"))


@bp.get("/new")
@access.organiser
def new() -> Any:
    return render_form("people/form.html", _details(), **_context())


@bp.post("/new")
@access.organiser
@form_page("people/form.html", _context)
def register() -> Any:
    person_id = commands().register_person(actor=actor(), **_fields(Form()))
    flash("The person is registered; add them to a trip's delegation from the trip.", "success")
    return redirect(url_for("people.show", person_id=person_id))


@bp.get("/<uuid:person_id>")
@access.everything_reader
def show(person_id: UUID) -> Any:
    row = person(person_id)
    accounts = [a for a in queries().accounts() if a.person_id == row.id]
    return render_template("people/show.html", person=row, accounts=accounts,
                           trips=queries().trips_of_person(person_id))


@bp.get("/<uuid:person_id>/edit")
@access.organiser
def edit(person_id: UUID) -> Any:
    return render_form("people/form.html", _details(person_id), **_context(person_id))


@bp.post("/<uuid:person_id>/edit")
@access.organiser
@form_page("people/form.html", _context, _details)
def update(person_id: UUID) -> Any:
    form = Form()
    commands().change_person(person_id, actor=actor(), **_fields(form),
                             reason=form.text("reason"), expected_version=form.version())
    flash("The person's details are saved.", "success")
    return redirect(url_for("people.show", person_id=person_id))


# -- staff accounts -------------------------------------------------------------------------
def account(account_id: UUID) -> Any:
    row = next((a for a in queries().accounts() if a.id == account_id), None)
    return found(row, "account", account_id)


def _not_yourself(row: Any, field: str) -> None:
    if row.email.lower() == g.user.email.lower():
        raise InvariantError(field, "you cannot change your own account; ask another organiser")


@bp.get("/accounts")
@access.everything_reader
def accounts() -> Any:
    names = {p.id: p.name for p in queries().people()}
    return render_template("people/accounts.html", accounts=queries().accounts(), names=names)


def _account_context(account_id: UUID) -> dict[str, Any]:
    people = [(str(p.id), f"{p.name} ({p.organisation})" if p.organisation else p.name)
              for p in queries().people()]
    return {"account": account(account_id), "person_choices": people,
            "roles": [r.value for r in Role]}


def _account_values(account_id: UUID) -> dict[str, Any]:
    row = account(account_id)
    return {"role": row.role, "person_id": str(row.person_id or ""),
            "expected_version": row.version}


@bp.get("/accounts/<uuid:account_id>")
@access.organiser
def account_form(account_id: UUID) -> Any:
    return render_form("people/account.html", _account_values(account_id),
                       **_account_context(account_id))


@bp.post("/accounts/<uuid:account_id>/role")
@access.organiser
@form_page("people/account.html", _account_context, _account_values)
def change_role(account_id: UUID) -> Any:
    row = account(account_id)
    form = Form()
    _not_yourself(row, "role")
    commands().change_role(row.email, actor=actor(), role=form.text("role"),
                           person_id=form.optional("person_id"), reason=form.text("reason"),
                           expected_version=form.version())
    flash(f"{row.name} is now {form.text('role').strip()}.", "success")
    return redirect(url_for("people.accounts"))


@bp.post("/accounts/<uuid:account_id>/active")
@access.organiser
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
    flash(f"{row.name}'s account is {'disabled' if row.active else 'enabled again'}.", "success")
    return redirect(url_for("people.accounts"))
