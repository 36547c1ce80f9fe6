"""Matchmaking of a conference trip, part 1: open a conference, its companies on each side,
a company's matchmaking profile and preferences. (Suggestions: web.matchmaking_pairs; slots,
tables and the schedule: web.matchmaking_floor; outcomes and the report:
web.matchmaking_outcomes.)"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import Blueprint, flash, g, redirect, url_for
from flask_babel import gettext as _

from planner.i18n.words import N_
from planner.matchmaking import nace
from planner.organisations.access import may_read
from planner.readmodel.queries_base import MAX_PER_PAGE
from web import access, fragments
from web.forms import Form, form_page, render_form
from web.layout import add_slot
from web.matchmaking_common import conference, page
from web.refusals import request_translator
from web.trips import trip
from web.wiring import actor, commands, database_key, found, queries

bp = Blueprint("matchmaking", __name__, url_prefix="/trips/<uuid:trip_id>/matchmaking")
add_slot("trip", "matchmaking/_trip_box.html")
LEVELS = (N_("must meet"), N_("would like"), N_("not interested"))
"""Stored preference words; marked so the catalogue has them (shown with `_(level)`)."""


@bp.app_context_processor
def trip_box() -> dict[str, Any]:
    """For the trip page's box: the trip's conferences, shown to staff who may read them."""
    def may_see(trip_id: object) -> bool:
        user = g.get("user")
        return bool(user) and user.viewer.is_staff and may_read(
            access.trip_level(user, str(trip_id)))
    def conferences(trip_id: object) -> Any:  # kept by the page's read-model position
        return fragments.rows_at(g.get("rm_position"), ("matchmakings", str(trip_id), g.user,
                                                        database_key()),
                                 lambda: queries().matchmakings_of_trip(g.user.viewer, trip_id))
    return {"matchmakings_of": conferences,
            "may_see_matchmaking": may_see}


def _index_context(trip_id: UUID) -> dict[str, Any]:
    row = trip(trip_id)
    return {"trip": row, "conferences": queries().matchmakings_of_trip(g.user.viewer, trip_id),
            "legs": [(leg.leg_id, f"{leg.city} ({leg.arrives_on} – {leg.departs_on})")
                     for leg in row.legs]}


def _index_values(trip_id: UUID) -> dict[str, Any]:
    row = trip(trip_id)
    leg = row.legs[0] if row.legs else None
    return {"city": leg.city if leg else "", "timezone": leg.timezone if leg else
            row.home_timezone, "leg_id": leg.leg_id if leg else ""}


@bp.get("")
@access.trip_staff
def index(trip_id: UUID) -> Any:
    return render_form("matchmaking/index.html", _index_values(trip_id),
                       **_index_context(trip_id))


@bp.post("/open")
@access.trip_planner
@form_page("matchmaking/index.html", _index_context, _index_values)
def open(trip_id: UUID) -> Any:  # noqa: A001 - the endpoint's name
    form = Form()
    mm_id = commands().open_matchmaking(
        trip_id, actor=actor(), title=form.text("title"), side_a=form.text("side_a"),
        side_b=form.text("side_b"), venue=form.text("venue"), city=form.text("city"),
        timezone=form.text("timezone"), leg_id=form.optional("leg_id"))
    flash(_("The matchmaking conference is open: add the companies of each side."), "success")
    return redirect(url_for("matchmaking.companies", trip_id=trip_id, matchmaking_id=mm_id))


@bp.get("/<uuid:matchmaking_id>")
@access.trip_staff
def overview(trip_id: UUID, matchmaking_id: UUID) -> Any:
    mm, viewer = conference(trip_id, matchmaking_id), g.user.viewer
    companies = queries().matchmaking_companies(viewer, mm.id)
    grid = queries().matchmaking_grid(viewer, mm.id)
    counts = {"a": sum(c.side == "a" for c in companies),
              "b": sum(c.side == "b" for c in companies),
              "profiles": sum(c.has_profile for c in companies),
              "accepted": sum(p.decision == "accepted"
                              for p in queries().matchmaking_pairs(viewer, mm.id)),
              "slots": len(grid.slots), "tables": len(grid.tables),
              "interpreters": len(grid.interpreters), "placed": len(grid.cells)}
    return render_form("matchmaking/overview.html", {}, **page(trip_id, matchmaking_id,
                                                              counts=counts))


# -- companies ------------------------------------------------------------------------------
def _companies_context(trip_id: UUID, matchmaking_id: UUID) -> dict[str, Any]:
    mm = conference(trip_id, matchmaking_id)
    enrolled = queries().matchmaking_companies(g.user.viewer, mm.id)
    taken = {str(c.profile_id) for c in enrolled}
    visible = queries().profiles(viewer=g.user.viewer, per_page=MAX_PER_PAGE).items
    return page(trip_id, matchmaking_id, companies=enrolled,
                profiles=[(p.id, p.name) for p in visible if str(p.id) not in taken],
                members=[(m.person_id, f"{m.name} ({m.organisation or m.role})")
                         for m in trip(trip_id).members])


@bp.get("/<uuid:matchmaking_id>/companies")
@access.trip_staff
def companies(trip_id: UUID, matchmaking_id: UUID) -> Any:
    return render_form("matchmaking/companies.html", {},
                       **_companies_context(trip_id, matchmaking_id))


@bp.post("/<uuid:matchmaking_id>/companies")
@access.trip_planner
@form_page("matchmaking/companies.html", _companies_context)
def enrol(trip_id: UUID, matchmaking_id: UUID) -> Any:
    form = Form()
    mm = conference(trip_id, matchmaking_id)
    profile_id = form.required("profile_id", _("a company profile"))
    commands().enrol_company(mm.id, actor=actor(), profile_id=profile_id,
                             side=form.required("side", _("a side")),
                             people=form.choices("people"))
    flash(_("The company takes part; fill in its matchmaking profile."), "success")
    return redirect(url_for("matchmaking.company", trip_id=trip_id, matchmaking_id=mm.id,
                            profile_id=profile_id))


# -- one company: profile and preferences ---------------------------------------------------
def _company_context(trip_id: UUID, matchmaking_id: UUID, profile_id: UUID) -> dict[str, Any]:
    mm = conference(trip_id, matchmaking_id)
    everyone = queries().matchmaking_companies(g.user.viewer, mm.id)
    company = found(next((c for c in everyone if str(c.profile_id) == str(profile_id)), None),
                    "company", profile_id)
    names = {str(c.profile_id): c.name for c in everyone}
    mine = [p for p in queries().matchmaking_pairs(g.user.viewer, mm.id)
            if str(company.profile_id) in (str(p.a_id), str(p.b_id)) and p.preferences]
    sides = {"a": mm.side_a, "b": mm.side_b, "organiser": _("the organiser")}
    preferences = [{"other_name": names.get(str(p.b_id if company.side == "a" else p.a_id), ""),
                    "set_by_label": sides.get(by, by), "level": level}
                   for p in mine for by, level in p.preferences]
    tr = request_translator()  # NACE names are in the planner's catalogue
    return page(trip_id, matchmaking_id, company=company, preferences=preferences,
                others=[(c.profile_id, c.name) for c in everyone if c.side != company.side],
                nace=[(code, tr(name)) for code, name in nace.choices()],
                sector_names={s.code: tr(s.name) for s in company.sectors},
                levels=[(level, _(level)) for level in LEVELS],
                set_by=[(company.side, company.name), ("organiser", _("the organiser"))])


def _company_values(trip_id: UUID, matchmaking_id: UUID, profile_id: UUID) -> dict[str, Any]:
    company = _company_context(trip_id, matchmaking_id, profile_id)["company"]
    return {"offers": "\n".join(company.offers), "requests": "\n".join(company.requests),
            "sectors": " ".join(s.code for s in company.sectors),
            "languages": " ".join(company.languages), "set_by": company.side}


@bp.get("/<uuid:matchmaking_id>/companies/<uuid:profile_id>")
@access.trip_staff
def company(trip_id: UUID, matchmaking_id: UUID, profile_id: UUID) -> Any:
    return render_form("matchmaking/company.html",
                       _company_values(trip_id, matchmaking_id, profile_id),
                       **_company_context(trip_id, matchmaking_id, profile_id))


@bp.post("/<uuid:matchmaking_id>/companies/<uuid:profile_id>")
@access.trip_planner
@form_page("matchmaking/company.html", _company_context, _company_values)
def save_profile(trip_id: UUID, matchmaking_id: UUID, profile_id: UUID) -> Any:
    form = Form()
    mm = conference(trip_id, matchmaking_id)
    commands().set_matchmaking_profile(
        mm.id, actor=actor(), profile_id=profile_id, offers=form.lines("offers"),
        requests=form.lines("requests"), sectors=form.text("sectors").split(),
        languages=form.text("languages").split())
    flash(_("The matchmaking profile is saved; the suggestions use it."), "success")
    return redirect(url_for("matchmaking.company", trip_id=trip_id, matchmaking_id=mm.id,
                            profile_id=profile_id))


@bp.post("/<uuid:matchmaking_id>/companies/<uuid:profile_id>/preferences")
@access.trip_planner
@form_page("matchmaking/company.html", _company_context, _company_values)
def set_preference(trip_id: UUID, matchmaking_id: UUID, profile_id: UUID) -> Any:
    form = Form()
    mm = conference(trip_id, matchmaking_id)
    commands().set_pair_preference(
        mm.id, actor=actor(), first=profile_id,
        second=form.required("second", _("a company of the other side")),
        set_by=form.required("set_by", _("who states the preference")),
        level=form.text("level"))
    flash(_("The preference is saved."), "success")
    return redirect(url_for("matchmaking.company", trip_id=trip_id, matchmaking_id=mm.id,
                            profile_id=profile_id))
