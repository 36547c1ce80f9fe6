"""What a view needs from the wired Planner: commands, queries, the acting account."""

from __future__ import annotations

from datetime import date
from typing import Any

from flask import current_app, g, request
from werkzeug.exceptions import NotFound

from planner.application import PlannerApplication
from planner.bootstrap import Planner
from web.forms import whole_number


def planner() -> Planner:
    return current_app.extensions["planner"]


def commands() -> PlannerApplication:
    """The application: every write goes through one of its commands."""
    return planner().app


def queries() -> Any:
    """The read models (planner.readmodel.queries.Queries): every page reads from here."""
    return planner().queries


def today() -> date:
    """Today for the planner: the application's clock, so demo and tests can fix the date."""
    return commands().now().date()


def actor() -> str:
    """Who the event log records as having made a change: the signed-in account."""
    return g.user.email


def my_person() -> Any:
    """The signed-in account's person record (PersonRow), or None when it is linked to none."""
    return queries().person(g.user.person_id) if g.user.person_id else None


def page_number() -> int:
    """The `page` query argument of a list; anything but a positive whole number is page 1."""
    return max(1, whole_number(request.args.get("page", "1"), digits=6) or 1)


def found(row: Any, what: str, record_id: object) -> Any:
    """The row, or a 404 naming what was not found."""
    if row is None:
        raise NotFound(f"There is no {what} with id {record_id}.")
    return row
