"""Matchmaking, part 4: after the one-to-ones, each side's rating and next step, the second
stage months later (linked to an agreement where one came of it), and the conference report:
meetings held, ratings, how many led to agreements."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import Blueprint, flash, g, redirect, url_for
from flask_babel import gettext as _

from planner.domain.errors import ValidationError
from planner.i18n.words import N_
from planner.readmodel.queries_base import MAX_PER_PAGE
from web import access
from web.forms import Form, form_page, render_form, whole_number
from web.matchmaking_common import conference, page, pair
from web.wiring import actor, commands, now, queries

bp = Blueprint("matchmaking_outcomes", __name__,
               url_prefix="/trips/<uuid:trip_id>/matchmaking/<uuid:matchmaking_id>")
NEXT_STEPS = (N_("exchange information"), N_("second meeting"), N_("site visit"),
              N_("send an offer"), N_("no further contact"))
STAGES = (N_("talks continue"), N_("negotiation started"), N_("cooperation agreement reached"),
          N_("no further contact"))


def _context(trip_id: UUID, matchmaking_id: UUID) -> dict[str, Any]:
    mm = conference(trip_id, matchmaking_id)
    rows = queries().matchmaking_outcomes(g.user.viewer, mm.id)
    agreements = queries().agreements(viewer=g.user.viewer, per_page=MAX_PER_PAGE).items
    return page(trip_id, matchmaking_id, rows=rows,
                pairs=[(f"{r.a_id}/{r.b_id}", f"{r.a_name} × {r.b_name}") for r in rows],
                next_steps=[(s, _(s)) for s in NEXT_STEPS], stages=[(s, _(s)) for s in STAGES],
                agreements=[(a.id, a.title) for a in agreements])


def _rating(form: Form) -> int:
    raw = form.text("rating")
    number = whole_number(raw, digits=1)
    if number is None:
        raise ValidationError("rating", _("must be a whole number from 1 to 5; got %(raw)s",
                                          raw=repr(raw)) if raw.strip() else
                              _("must not be empty: choose from 1 to 5 stars"))
    return number


def _back(trip_id: UUID, matchmaking_id: UUID) -> Any:
    return redirect(url_for("matchmaking_outcomes.outcomes", trip_id=trip_id,
                            matchmaking_id=matchmaking_id))


@bp.get("/outcomes")
@access.trip_staff
def outcomes(trip_id: UUID, matchmaking_id: UUID) -> Any:
    return render_form("matchmaking/outcomes.html", {"rating": "4"},
                       **_context(trip_id, matchmaking_id))


@bp.post("/outcomes/rating")
@access.trip_planner
@form_page("matchmaking/outcomes.html", _context)
def rate(trip_id: UUID, matchmaking_id: UUID) -> Any:
    form = Form()
    first, second = pair(form)
    commands().rate_one_to_one(
        conference(trip_id, matchmaking_id).id, actor=actor(), first=first, second=second,
        side=form.required("side", _("a side")), rating=_rating(form),
        next_step=form.required("next_step", _("the next step")), comment=form.text("comment"),
        reason=form.text("reason"))
    flash(_("The rating is saved."), "success")
    return _back(trip_id, matchmaking_id)


@bp.post("/outcomes/stage")
@access.trip_planner
@form_page("matchmaking/outcomes.html", _context)
def record_stage(trip_id: UUID, matchmaking_id: UUID) -> Any:
    form = Form()
    first, second = pair(form)
    commands().record_second_stage(
        conference(trip_id, matchmaking_id).id, actor=actor(), first=first, second=second,
        state=form.required("state", _("the state")), agreement_id=form.text("agreement_id"),
        note=form.text("note"))
    flash(_("The second stage is recorded."), "success")
    return _back(trip_id, matchmaking_id)


@bp.get("/report")
@access.trip_staff
def report(trip_id: UUID, matchmaking_id: UUID) -> Any:
    mm = conference(trip_id, matchmaking_id)
    return render_form("matchmaking/report.html", {}, **page(
        trip_id, matchmaking_id, report=queries().matchmaking_report(g.user.viewer, mm.id,
                                                                      now=now())))
