"""Erasing a person's personal data (GDPR art. 17): administrators, or organisers of the
organisation that registered the person, with a reason and a confirmation. The work is
planner.privacy.erase_person's; the log and its chain stay intact."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import Blueprint, flash, redirect, url_for
from flask_babel import gettext

from planner.domain.errors import InvariantError
from planner.privacy import ERASED_ACCOUNT, ERASED_PERSON
from web import record_access as ra
from web.forms import Form, form_page, render_form
from web.wiring import actor, erase_person, found, queries

bp = Blueprint("erasure", __name__, url_prefix="/people")


@bp.app_template_global()
def is_erased(row: Any) -> bool:
    """A person or account row whose personal data was erased."""
    email = getattr(row, "email", "")
    return row.name == ERASED_PERSON and (not email or email.startswith(ERASED_ACCOUNT))


@bp.app_template_filter("account_email")
def account_email(email: str) -> str:
    return "—" if email.startswith(ERASED_ACCOUNT) else email


def _context(person_id: UUID) -> dict[str, Any]:
    row = found(queries().person(person_id), "person", person_id)  # the guard checked it
    accounts = [a for a in queries().accounts() if a.person_id == row.id]
    return {"person": row, "accounts": accounts}


@bp.get("/<uuid:person_id>/erase")
@ra.person_eraser
def confirm(person_id: UUID) -> Any:
    return render_form("people/erase.html", {}, **_context(person_id))


@bp.post("/<uuid:person_id>/erase")
@ra.person_eraser
@form_page("people/erase.html", _context)
def erase(person_id: UUID) -> Any:
    _context(person_id)  # 404 before anything else
    form = Form()
    if form.text("confirm") != "yes":
        raise InvariantError("confirm", gettext("tick the box to confirm that the erasure "
                                                "cannot be undone"))
    erase_person(person_id, actor=actor(), reason=form.text("reason"))
    flash(gettext("The person's personal data is erased. The log keeps the erasure and its "
                  "reason."),

          "success")
    return redirect(url_for("people.show", person_id=person_id))
