"""An agreement's parties (registered profiles or named bodies) and signatories.

Both forms share one page, so their inputs carry distinct names (`party_name`,
`signatory_name`...) and domain errors are pointed at them with `field_names`.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import Blueprint, flash, redirect, url_for

from planner.domain.errors import ValidationError
from planner.readmodel.queries_base import MAX_PER_PAGE
from web import access
from web.agreements import agreement
from web.forms import Form, field_names, form_page, render_form
from web.wiring import actor, commands, queries

bp = Blueprint("agreement_parties", __name__, url_prefix="/agreements/<uuid:agreement_id>")


def _context(agreement_id: UUID) -> dict[str, Any]:
    row = agreement(agreement_id)
    taken = {str(p.profile_id) for p in row.parties if p.profile_id}
    profiles = [p for p in queries().profiles(per_page=MAX_PER_PAGE).items
                if str(p.id) not in taken]
    return {"agreement": row, "profiles": profiles, "people": queries().people()}


def _version(agreement_id: UUID) -> dict[str, Any]:
    return {"expected_version": agreement(agreement_id).version}


def _back(agreement_id: UUID) -> Any:
    return redirect(url_for("agreement_parties.parties", agreement_id=agreement_id))


def _party_name(form: Form) -> tuple[str, str | None]:
    """A party is a registered profile (named as in the profile unless renamed) or a name."""
    profile_id = form.optional("profile_id")
    name = form.text("party_name")
    if profile_id and not name.strip():
        chosen = queries().profile(profile_id)
        if chosen is None:
            raise ValidationError("profile_id", f"there is no company profile {profile_id}")
        name = chosen.name
    if not name.strip():
        raise ValidationError("party_name", "must not be empty: give the party's name or "
                                            "choose a registered profile")
    return name, profile_id


@bp.get("/parties")
@access.organiser
def parties(agreement_id: UUID) -> Any:
    return render_form("agreements/parties.html", _version(agreement_id),
                       **_context(agreement_id))


@bp.post("/parties")
@access.organiser
@form_page("agreements/parties.html", _context, _version)
def add_party(agreement_id: UUID) -> Any:
    form = Form()
    name, profile_id = _party_name(form)
    with field_names(**{"party name": "party_name", "reason": "party_reason"}):
        commands().add_party(agreement_id, actor=actor(), name=name, profile_id=profile_id,
                             reason=form.text("party_reason"))
    flash(f"{name.strip()} is a party to the agreement.", "success")
    return _back(agreement_id)


@bp.post("/parties/remove")
@access.organiser
@form_page("agreements/parties.html", _context, _version)
def remove_party(agreement_id: UUID) -> Any:
    form = Form()
    with field_names(reason="remove_reason"):
        commands().remove_party(agreement_id, form.required("party_id", "a party"),
                                actor=actor(), reason=form.text("remove_reason"),
                                expected_version=form.version())
    flash("The party and its signatories are removed.", "success")
    return _back(agreement_id)


@bp.post("/signatories")
@access.organiser
@form_page("agreements/parties.html", _context, _version)
def add_signatory(agreement_id: UUID) -> Any:
    form = Form()
    with field_names(**{"signatory name": "signatory_name", "signatory title": "signatory_title",
                        "reason": "signatory_reason"}):
        commands().add_signatory(agreement_id, actor=actor(),
                                 party_id=form.required("party_id", "the party they sign for"),
                                 name=form.text("signatory_name"),
                                 title=form.text("signatory_title"),
                                 reason=form.text("signatory_reason"))
    flash(f"{form.text('signatory_name').strip()} signs the agreement.", "success")
    return _back(agreement_id)


@bp.post("/signatories/remove")
@access.organiser
@form_page("agreements/parties.html", _context, _version)
def remove_signatory(agreement_id: UUID) -> Any:
    form = Form()
    with field_names(reason="remove_reason"):
        commands().remove_signatory(agreement_id,
                                    form.required("signatory_id", "a signatory"),
                                    actor=actor(), reason=form.text("remove_reason"),
                                    expected_version=form.version())
    flash("The signatory is removed.", "success")
    return _back(agreement_id)
