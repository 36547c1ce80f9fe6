"""Inviting delegation members by e-mail (and withdrawing an invitation), from the
delegation page; the mails go through the outbox (planner.mail)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import Blueprint, flash, redirect, url_for
from flask_babel import gettext as _
from flask_babel import ngettext

from planner.domain.errors import DomainError, ValidationError
from web import access
from web.delegation import _members_context, _members_values
from web.forms import Form, form_page
from web.trips import trip
from web.wiring import actor, commands, settings

bp = Blueprint("invitations", __name__, url_prefix="/trips/<uuid:trip_id>/invitations")


def _back(trip_id: UUID) -> Any:
    return redirect(url_for("delegation.members", trip_id=trip_id) + "#members")


@bp.post("")
@access.trip_planner
@form_page("trips/members.html", _members_context, _members_values)
def invite(trip_id: UUID) -> Any:
    """Invite the ticked members; each one refused (no address, an account already) is
    named, the others are invited."""
    chosen = Form().choices("person_id")
    if not chosen:
        raise ValidationError("person_id", _("tick at least one member to invite"))
    members = {str(m.person_id): m for m in trip(trip_id).members}
    invited, refused = [], []
    for person_id in chosen:
        member = members.get(person_id)
        if member is None:
            raise ValidationError("person_id", _("%(id)s is not in this delegation",
                                                 id=person_id))
        try:
            commands().invite(person_id, actor=actor(), trip_id=trip_id,
                              valid_days=settings().invitation_valid_days)
            invited.append(member.name)
        except DomainError as error:
            refused.append(f"{member.name}: {error.rule}")
    if invited:
        flash(ngettext("Invitation sent to %(names)s.", "Invitations sent to %(names)s.",
                       len(invited), names=", ".join(invited)), "success")
    for line in refused:
        flash(_("Not invited: %(reason)s", reason=line), "error")
    return _back(trip_id)


@bp.post("/<uuid:person_id>/revoke")
@access.trip_planner
@form_page("trips/members.html", _members_context, _members_values)
def revoke(trip_id: UUID, person_id: UUID) -> Any:
    if str(person_id) not in {str(m.person_id) for m in trip(trip_id).members}:
        raise ValidationError("person_id", _("%(id)s is not in this delegation",
                                             id=person_id))
    form = Form()
    commands().revoke_invitation(person_id, actor=actor(),
                                 reason=form.text("reason") or _("withdrawn by an organiser"))
    flash(_("The invitation is withdrawn: its link no longer works."), "success")
    return _back(trip_id)
