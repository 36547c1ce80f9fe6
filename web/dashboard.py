"""The dashboard: trips under way and coming up, open and overdue follow-ups, warnings."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import Blueprint, g, redirect, render_template, url_for

from web import access
from web.layout import add_nav
from web.wiring import commands, queries

bp = Blueprint("dashboard", __name__)
add_nav("Dashboard", "dashboard.index", roles=("organiser", "auditor"), order=10)


def today() -> date:
    """Today for the planner: the application's clock, so demo and tests can fix the date."""
    return commands().now().date()


@bp.get("/")
@access.signed_in
def index() -> Any:
    if g.user.role == access.PARTICIPANT:
        return redirect(url_for("schedule.mine"))
    return render_template("dashboard.html", board=queries().dashboard(today()), today=today())
