"""The dashboard: trips under way and coming up, open and overdue follow-ups, warnings."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, g, redirect, render_template, url_for
from flask_babel import lazy_gettext

from web import access
from web.layout import add_nav
from web.wiring import queries, today

bp = Blueprint("dashboard", __name__)
add_nav(lazy_gettext("Dashboard"),
        "dashboard.index", roles=("organiser", "administrator", "auditor"), order=10)


@bp.get("/")
@access.signed_in
def index() -> Any:
    if g.user.role == access.PARTICIPANT:
        return redirect(url_for("schedule.mine"))
    day = today()
    board = queries().dashboard(day, viewer=g.user.viewer)
    return render_template("dashboard.html", board=board, today=day)
