"""The search box in every staff page's header: trips, meetings, people, organisations,
profiles and agreements by name, in the organisation's reach (planner.readmodel.queries_search
matches; planner.organisations.scope.search_clause filters)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, render_template, request
from flask_babel import lazy_gettext

from planner.readmodel.search_tables import KINDS
from web import record_access as ra
from web.wiring import page_number, queries

bp = Blueprint("search", __name__, url_prefix="/search")

HEADINGS = {"trip": lazy_gettext("Trips"), "meeting": lazy_gettext("Meetings"),
            "person": lazy_gettext("People"), "organisation": lazy_gettext("Organisations"),
            "profile": lazy_gettext("Company profiles"), "agreement": lazy_gettext("Agreements")}
LINKS = {"trip": ("trips.show", "trip_id"), "meeting": ("meetings.show", "meeting_id"),
         "person": ("people.show", "person_id"),
         "organisation": ("organisations.show", "organisation_id"),
         "profile": ("companies.show", "profile_id"),
         "agreement": ("agreements.show", "agreement_id")}
PER_PAGE = 50


@bp.get("")
@ra.staff
def index() -> Any:
    """Results grouped by kind (in KINDS order), 50 a page; an empty query shows the box."""
    text = request.args.get("q", "")
    kind = request.args.get("kind", "")
    kinds = (kind,) if kind in KINDS else KINDS
    page = queries().search(text, viewer=ra.viewer(), kinds=kinds, page=page_number(),
                            per_page=PER_PAGE)
    return render_template("search.html", q=text, kind=kind if kind in KINDS else "",
                           page=page, headings=HEADINGS, links=LINKS, kinds=KINDS)
