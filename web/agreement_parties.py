"""An agreement's parties (registered profiles or named bodies) and signatories.

Both forms share one page, so their inputs carry distinct names (`party_name`,
`signatory_name`...) and domain errors are pointed at them with `field_names`. A party may be
one of the planner's organisations: that organisation then sees the agreement. Only
organisers of the agreement's owner organisation change them (web.record_access).
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import Blueprint, flash, redirect, url_for

from planner.domain.errors import ValidationError
from planner.readmodel.queries_base import MAX_PER_PAGE
from web import record_access as ra
from web.agreements import agreement
from web.forms import Form, field_names, form_page, render_form
from web.wiring import actor, commands, queries

bp = Blueprint("agreement_parties", __name__, url_prefix="/agreements/<uuid:agreement_id>")


def _context(agreement_id: UUID) -> dict[str, Any]:
    row = agreement(agreement_id)
    taken = {str(p.profile_id) for p in row.parties if p.profile_id}
    profiles = [p for p in queries().profiles(per_page=MAX_PER_PAGE, viewer=ra.viewer()).items
                if str(p.id) not in taken]
    organisations = {o.id: o.display_name for o in queries().organisations()}
    return {"agreement": row, "profiles": profiles,
            "people": queries().people(viewer=ra.viewer()),
            "organisation_choices": list(organisations.items()),
            "organisation_names": organisations}


def _version(agreement_id: UUID) -> dict[str, Any]:
    return {"expected_version": agreement(agreement_id).version}


def _back(agreement_id: UUID) -> Any:
    return redirect(url_for("agreement_parties.parties", agreement_id=agreement_id))


def _party_name(form: Form) -> tuple[str, str | None, str | None]:
    """A party is a registered profile (named as in the profile unless renamed), one of the
    planner's organisations (named as it is), or a name; the profile must be one the user
    may see."""
    profile_id, organisation_id = form.optional("profile_id"), form.optional("organisation_id")
    name = form.text("party_name")
    if profile_id:
        chosen = queries().profile(profile_id, viewer=ra.viewer())
        if chosen is None:
            raise ValidationError("profile_id", f"there is no company profile {profile_id}")
        name = name if name.strip() else chosen.name
    if organisation_id:
        organisation = queries().organisation(organisation_id)
        if organisation is None:
            raise ValidationError("organisation_id",
                                  f"there is no organisation with id {organisation_id}")
        name = name if name.strip() else organisation.display_name
    if not name.strip():
        raise ValidationError("party_name", "must not be empty: give the party's name or "
                                            "choose a registered profile or organisation")
    return name, profile_id, organisation_id


@bp.get("/parties")
@ra.agreement_owner
def parties(agreement_id: UUID) -> Any:
    return render_form("agreements/parties.html", _version(agreement_id),
                       **_context(agreement_id))


@bp.post("/parties")
@ra.agreement_owner
@form_page("agreements/parties.html", _context, _version)
def add_party(agreement_id: UUID) -> Any:
    form = Form()
    name, profile_id, organisation_id = _party_name(form)
    with field_names(**{"party name": "party_name", "reason": "party_reason"}):
        commands().add_party(agreement_id, actor=actor(), name=name, profile_id=profile_id,
                             organisation_id=organisation_id,
                             reason=form.text("party_reason"))
    flash(f"{name.strip()} is a party to the agreement.", "success")
    return _back(agreement_id)


@bp.post("/parties/remove")
@ra.agreement_owner
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
@ra.agreement_owner
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
@ra.agreement_owner
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
