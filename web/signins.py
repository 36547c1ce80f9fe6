"""The record of sign-ins for auditors: who signed in, from where, and which attempts failed."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, render_template

from web import access, throttle
from web.layout import add_nav
from web.wiring import page_number

bp = Blueprint("signins", __name__)
add_nav("Sign-ins", "signins.index", roles=("auditor",), order=85)
PER_PAGE = 100


@bp.get("/audit/logins")
@access.everything_reader
def index() -> Any:
    page = page_number()
    attempts = throttle.recent(PER_PAGE + 1, (page - 1) * PER_PAGE)
    return render_template("auth/signins.html", attempts=attempts[:PER_PAGE], page=page,
                           more=len(attempts) > PER_PAGE)
