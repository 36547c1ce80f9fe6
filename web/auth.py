"""Signing in and out, and each user's own preferences (their home time zone)."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

from flask import Blueprint, flash, g, redirect, request, session, url_for
from flask_babel import gettext, lazy_gettext

from planner.domain.errors import ValidationError
from planner.passwords import hash_password, needs_rehash, rehash, verify_password
from web import access, csrf, throttle
from web.access import session_values
from web.forms import Form, form_page, render_form
from web.i18n import SESSION_KEY
from web.layout import add_nav
from web.refusals import domain_message
from web.wiring import actor, commands, my_person

bp = Blueprint("auth", __name__)
add_nav(lazy_gettext("Preferences"), "auth.preferences", roles=("participant",), order=90)
# Verifying against this when no account exists keeps failed logins equally slow.
_DUMMY_HASH = rehash("not a real password")


def _landing() -> str:
    if g.user is not None and g.user.role == access.PARTICIPANT:
        return url_for("schedule.mine")
    return url_for("dashboard.index")


def _safe_next(target: str | None) -> str | None:
    """Only paths on this site: never redirect a signed-in user to another host."""
    if not target:
        return None
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return None
    return target


@bp.get("/login")
@access.public
def login() -> Any:
    if g.user is not None:
        return redirect(_landing())
    return render_form("auth/login.html", {"next": request.args.get("next", "")})


@bp.post("/login")
@access.public
@form_page("auth/login.html")
def login_post() -> Any:
    form = Form()
    email = form.required("email", gettext("your e-mail address")).lower()
    values = {"email": email, "next": form.text("next")}
    refused = throttle.refusal(email)
    if refused:
        html, status = render_form("auth/login.html", values, status=429,
                                   errors={"password": refused})
        return html, status, throttle.retry_after()
    account = _checked_account(email, form.text("password"))
    if account is None:
        return render_form("auth/login.html", values, status=401, errors={
            "password": gettext("the e-mail address or the password is not right")})
    language = commands().account_language(account["email"]) or session.get(SESSION_KEY)
    session.clear()
    session.update(session_values(account["email"]))
    if language:  # the account's preference, else what was chosen on the login page
        session[SESSION_KEY] = language
    csrf.rotate()
    access.load_user()
    return redirect(_safe_next(form.text("next")) or _landing())


def _checked_account(email: str, password: str) -> dict[str, Any] | None:
    """The active account whose password this is, or None; every attempt on an existing
    account is recorded, and an old-format hash is replaced by a current one."""
    account = commands().find_account(email) if "@" in email else None
    stored = account["password_hash"] if account else ""  # "" also: imported, needs a reset
    matches = verify_password(password, stored or _DUMMY_HASH) and bool(stored)
    if not (account and matches and account.get("active", True)):
        throttle.failed(account["email"] if account else None)
        return None
    throttle.succeeded(account["email"])
    if needs_rehash(stored):
        commands().change_password(account["email"], actor=account["email"],
                                   password_hash=rehash(password))
    return account


@bp.post("/logout")
@access.signed_in
def logout() -> Any:
    """Signing out ends every session of the account, also copies of this cookie."""
    commands().end_sessions(g.user.email, actor=actor())
    language = session.get(SESSION_KEY)
    session.clear()
    if language:  # the login page stays in the language just used
        session[SESSION_KEY] = language
    flash(gettext("You are signed out."), "message")
    return redirect(url_for("auth.login"))


@bp.get("/me/password")
@access.signed_in
def password() -> Any:
    return render_form("auth/password.html")


@bp.post("/me/password")
@access.signed_in
def password_post() -> Any:
    """Everyone changes their own password (auditors too: it is access, not a record).
    The form is never filled in again: no password is ever sent back to the browser."""
    email = g.user.email
    refused = throttle.refusal(email)
    if refused:
        html, status = render_form("auth/password.html", status=429,
                                   errors={"current_password": refused})
        return html, status, throttle.retry_after()
    new_hash, errors = _new_password(Form(), email)
    if errors:
        return render_form("auth/password.html", status=422, errors=errors)
    commands().change_password(email, actor=email, password_hash=new_hash)
    session.update(session_values(email))  # this session goes on; every other one ended
    csrf.rotate()
    flash(gettext("Your password is changed; every other session of your account is signed out."),
          "success")
    return redirect(url_for("auth.preferences"))


def _new_password(form: Form, email: str) -> tuple[str, dict[str, str]]:
    """The new password's hash, or the errors to show beside the fields."""
    if not form.text("current_password"):
        return "", {"current_password": gettext("must not be empty")}
    if _checked_account(email, form.text("current_password")) is None:
        return "", {"current_password": gettext("is not your current password")}
    new = form.text("new_password")
    if new != form.text("repeat_password"):
        return "", {"repeat_password": gettext("is not the same as the new password")}
    try:
        return hash_password(new, user_inputs=(email, g.user.name)), {}
    except ValidationError as error:
        return "", {"new_password": domain_message(error)}


def _person_values() -> dict[str, Any]:
    person = my_person()
    if person is None:
        return {}
    return {"home_timezone": person.home_timezone, "expected_version": person.version}


def _preferences_context() -> dict[str, Any]:
    return {"person": my_person()}


@bp.get("/me")
@access.signed_in
def preferences() -> Any:
    return render_form("auth/preferences.html", _person_values(), **_preferences_context())


@bp.post("/me")
@access.own_preferences
@form_page("auth/preferences.html", _preferences_context, _person_values)
def preferences_post() -> Any:
    """A user changes only their own person record's home zone: the id comes from the session."""
    person = my_person()
    if person is None:
        flash(gettext("Your account is not linked to a person, so there is nothing to change."),
              "error")
        return redirect(url_for("auth.preferences"))
    form = Form()
    version = form.version() if form.text("expected_version") else None
    commands().change_person(
        person.id, actor=actor(), name=person.name, title=person.title,
        organisation=person.organisation, email=person.email,
        home_timezone=form.text("home_timezone"), reason="own preference",
        expected_version=version)
    flash(gettext("Your home time zone is saved; times are now shown beside it."), "success")
    return redirect(url_for("auth.preferences"))
