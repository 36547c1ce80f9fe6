"""Matchmaking, part 2: the suggested pairs with score and a one-line explanation, the
organiser's accept and reject, and pairs the organiser adds."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import Blueprint, flash, g, redirect, request, url_for
from flask_babel import gettext as _

from planner.matchmaking.parts import joined
from web import access
from web.forms import Form, form_page, render_form
from web.matchmaking_common import conference, page, pair
from web.refusals import request_translator
from web.wiring import actor, commands, queries

bp = Blueprint("matchmaking_pairs", __name__,
               url_prefix="/trips/<uuid:trip_id>/matchmaking/<uuid:matchmaking_id>/pairs")
SHOWN = 200
"""Suggestions shown at first (the best ones): 40 × 60 firms make 2,400 pairs."""


def _context(trip_id: UUID, matchmaking_id: UUID) -> dict[str, Any]:
    mm, viewer = conference(trip_id, matchmaking_id), g.user.viewer
    suggestions = queries().matchmaking_suggestions(viewer, mm.id)
    shown = [_translated(s) for s in (suggestions if request.args.get("all")
                                        else suggestions[:SHOWN])]
    companies = queries().matchmaking_companies(viewer, mm.id)
    return page(trip_id, matchmaking_id, suggestions=shown, shown=len(shown),
                total=len(suggestions),
                accepted_count=sum(1 for s in suggestions if s.decision == "accepted"),
                side_a=[(c.profile_id, c.name) for c in companies if c.side == "a"],
                side_b=[(c.profile_id, c.name) for c in companies if c.side == "b"])


def _translated(row: Any) -> dict[str, Any]:
    """A suggestion with its explanation in the interface's language (piece by piece: the
    names and phrases in it stay as entered)."""
    return {"a_id": row.a_id, "b_id": row.b_id, "a_name": row.a_name, "b_name": row.b_name,
            "score": row.score, "decision": row.decision, "must": row.must,
            "explanation": joined(row.parts, request_translator())}


def _back(trip_id: UUID, matchmaking_id: UUID) -> Any:
    return redirect(url_for("matchmaking_pairs.suggestions", trip_id=trip_id,
                            matchmaking_id=matchmaking_id))


@bp.get("")
@access.trip_staff
def suggestions(trip_id: UUID, matchmaking_id: UUID) -> Any:
    return render_form("matchmaking/suggestions.html", {}, **_context(trip_id, matchmaking_id))


@bp.post("/accept")
@access.trip_planner
@form_page("matchmaking/suggestions.html", _context)
def accept(trip_id: UUID, matchmaking_id: UUID) -> Any:
    commands().accept_pairs(conference(trip_id, matchmaking_id).id, actor=actor(),
                            pairs=[pair(Form())])
    flash(_("The pair is accepted: the scheduler will give it a slot."), "success")
    return _back(trip_id, matchmaking_id)


@bp.post("/reject")
@access.trip_planner
@form_page("matchmaking/suggestions.html", _context)
def reject(trip_id: UUID, matchmaking_id: UUID) -> Any:
    form = Form()
    first, second = pair(form)
    commands().reject_pair(conference(trip_id, matchmaking_id).id, actor=actor(),
                           first=first, second=second, reason=form.text("reason"))
    flash(_("The pair is rejected."), "success")
    return _back(trip_id, matchmaking_id)


@bp.post("/add")
@access.trip_planner
@form_page("matchmaking/suggestions.html", _context)
def add_pair(trip_id: UUID, matchmaking_id: UUID) -> Any:
    commands().accept_pairs(conference(trip_id, matchmaking_id).id, actor=actor(),
                            pairs=[pair(Form())], added=True)
    flash(_("The pair is added and accepted."), "success")
    return _back(trip_id, matchmaking_id)
