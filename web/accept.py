"""Following an invitation or password-reset link, and asking for a new one ("Forgot your
password?"). Public pages: the signed link is the credential (planner.invitations.links).

A link that no longer works (altered, used, withdrawn, expired, replaced by a newer one, or
another person's while someone is signed in) gets a page saying so and a form to ask for a
new link; nothing is written. Asking never reveals whether an address has an account.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, g, redirect, render_template, session, url_for
from flask_babel import gettext as _

from planner.domain.errors import NotFoundError, ValidationError
from planner.domain.invitation import LinkRefused, Purpose
from planner.i18n.words import N_
from planner.invitations.links import BadLink, read
from planner.passwords import hash_password
from web import access, csrf
from web.access import session_values
from web.forms import Form, render_form
from web.wiring import commands, queries, settings

bp = Blueprint("accept", __name__)

_WHY = {
    "bad": (404, N_("This link is not valid: it was changed or cut short. Copy the whole "
                    "link from the mail, or ask for a new one below.")),
    "used": (410, N_("This link was used already. Sign in with your password, or ask for a "
                     "new link below if you have forgotten it.")),
    "revoked": (410, N_("This link was withdrawn by the organisers. Ask them, or ask for a "
                        "new link below.")),
    "expired": (410, N_("This link has expired. Ask for a new one below.")),
    "superseded": (410, N_("A newer link was sent to you; only the newest one works. Use it, "
                           "or ask for a new link below.")),
    "someone else": (403, N_("This link was sent to someone else. Sign out first if you "
                             "followed a link meant for another person's address.")),
}


class Refused(Exception):
    """A link that does not work (see `_WHY`): answered with the refusal page."""

    def __init__(self, why: str) -> None:
        super().__init__(why)
        self.why = why


@bp.errorhandler(Refused)
def _refused(error: Refused) -> tuple[str, int]:
    status, message = _WHY[error.why]
    return render_template("accept/refused.html", message=_(message), why=error.why,
                           values={}, errors={}), status


def _open(token: str) -> tuple[Any, int, dict[str, Any]]:
    """The link's invitation, its issue and what the page shows; Refused otherwise."""
    try:
        record, issue = read(settings().instance_path, token)
        invitation = commands().invitation_for_link(record, issue)
    except (BadLink, NotFoundError):
        raise Refused("bad") from None
    except LinkRefused as refused:
        raise Refused(refused.why) from None
    if g.user is not None and g.user.email.lower() != invitation["email"].lower():
        raise Refused("someone else")
    return record, issue, invitation


def _page(invitation: dict[str, Any], token: str, *, status: int = 200,
          errors: dict[str, str] | None = None) -> tuple[str, int]:
    return render_form("accept/set_password.html", {}, status=status, errors=errors,
                       invitation=invitation, token=token,
                       is_reset=invitation["purpose"] == Purpose.PASSWORD_RESET)


@bp.get("/invitation/<token>")
@access.public
def follow(token: str) -> Any:
    _record, _issue, invitation = _open(token)
    return _page(invitation, token)


@bp.post("/invitation/<token>")
@access.public
def set_password(token: str) -> Any:
    record, issue, invitation = _open(token)
    form = Form()
    new = form.text("new_password")
    if new != form.text("repeat_password"):
        return _page(invitation, token, status=422, errors={
            "repeat_password": _("is not the same as the new password")})
    try:
        password_hash = hash_password(new, user_inputs=(invitation["email"],
                                                        invitation["name"]))
    except ValidationError as error:
        return _page(invitation, token, status=422, errors={"new_password": error.rule})
    try:
        email = commands().accept_invitation(record, issue, password_hash=password_hash)
    except LinkRefused as refused:  # used or withdrawn a moment ago
        raise Refused(refused.why) from None
    session.clear()
    session.update(session_values(email))
    csrf.rotate()
    access.load_user()
    flash(_("Your password is set and you are signed in."), "success")
    return redirect(url_for("schedule.mine") if g.user.role == access.PARTICIPANT
                    else url_for("dashboard.index"))


@bp.get("/forgot-password")
@access.public
def forgot() -> Any:
    return render_form("accept/forgot.html", {})


@bp.post("/forgot-password")
@access.public
def forgot_post() -> Any:
    """The same answer whatever the address: an account gets a password link, a person
    whose invitation expired a new invitation link, anyone else nothing."""
    form = Form()
    email = form.text("email").strip()
    if "@" not in email:
        return render_form("accept/forgot.html", {"email": email}, status=422, errors={
            "email": _("must be an e-mail address")})
    days = settings().invitation_valid_days
    if not commands().request_password_reset(email, valid_days=days):
        person = queries().person_by_email(email)
        if person is not None:
            commands().renew_invitation(person.id, valid_days=days)
    return render_template("accept/asked.html", email=email, config_days=days)
