"""The record of sign-ins for staff: who signed in, from where, and which attempts failed.

Each organisation's staff see the attempts on its own accounts; administrators and global
auditors see every account's."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, render_template
from flask_babel import lazy_gettext

from web import record_access as ra
from web.layout import add_nav
from web.wiring import page_number, queries, signins

bp = Blueprint("signins", __name__)
add_nav(lazy_gettext("Sign-ins"), "signins.index", roles=("auditor", "administrator"), order=85)
PER_PAGE = 100


@bp.get("/audit/logins")
@ra.staff
def index() -> Any:
    page = page_number()
    viewer = ra.viewer()
    emails = None if viewer.sees_every_organisation or viewer.administers else \
        [a.email for a in queries().accounts(viewer=viewer)]
    log = signins()
    attempts = log.recent(limit=PER_PAGE + 1, offset=(page - 1) * PER_PAGE,
                          emails=emails) if log else ()
    return render_template("auth/signins.html", attempts=attempts[:PER_PAGE], page=page,
                           more=len(attempts) > PER_PAGE)
