"""Agreements: the register with filters, draft and edit, signing, status, milestones.

Parties and signatories have their own module, `web.agreement_parties`. Staff see the
agreements their organisation owns, is a party to, or that belong to a trip it may read; a
participant may open an agreement made on a trip they take part in, nothing else. Only
organisers of the owner organisation change one (web.record_access).
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import Blueprint, flash, g, redirect, render_template, request, url_for

from planner.domain import timing
from planner.domain import values as v
from planner.domain.errors import ValidationError
from web import access
from web import record_access as ra
from web.forms import Form, field_names, form_page, render_form
from web.layout import add_nav
from web.wiring import actor, commands, found, page_number, queries, read_once, today

bp = Blueprint("agreements", __name__, url_prefix="/agreements")
add_nav("Agreements", "agreements.index",
        roles=(access.ORGANISER, access.AUDITOR, "administrator"), order=35)
FILTERS = ("kind", "status", "party", "trip_id", "year")


@bp.context_processor
def _choices() -> dict[str, Any]:
    return {"agreement_kinds": [k.value for k in v.AgreementKind],
            "agreement_statuses": [s.value for s in v.AgreementStatus]}


@bp.app_context_processor
def _signing() -> dict[str, Any]:
    """For templates: `signing_blocker(agreement)`, why it cannot be signed yet (its meeting
    has not been held: planner.domain.timing), or None; pages offer signing only without."""
    def blocker(row: Any) -> str | None:
        if not row.meeting_id:
            return None
        meeting = read_once("signing meeting", row.meeting_id,
                            lambda: queries().meeting(row.meeting_id))
        return timing.signing_blocker(meeting.status if meeting else None)
    return {"signing_blocker": blocker}


def agreement(agreement_id: UUID | str) -> Any:
    """The agreement as the signed-in account may see it (404 otherwise)."""
    return ra.visible_agreement(agreement_id)


agreement_reader = ra.agreement_reader


def to_agreement(agreement_id: UUID | str, anchor: str = "") -> Any:
    return redirect(url_for("agreements.show", agreement_id=agreement_id)
                    + (f"#{anchor}" if anchor else ""))


def _trips() -> tuple[tuple[str, str], ...]:
    """(id, title) of the trips the signed-in account may read (read once per request)."""
    return read_once("trip choices", "", lambda: queries().trip_choices(ra.viewer()))


@bp.get("")
@ra.staff
def index() -> Any:
    filters = {k: request.args.get(k, "").strip() for k in FILTERS}
    page = queries().agreements(**{k: value or None for k, value in filters.items()},
                                page=page_number(), viewer=ra.viewer())
    return render_template("agreements/list.html", page=page, agreements=page.items,
                           filters=filters, trips=_trips())


# -- draft and edit -------------------------------------------------------------------------
def _meetings(trip_id: str | None, kept: str = "") -> list[Any]:
    """The meetings of the chosen trip (one the user may read, or the one the agreement is
    linked to already), for linking the agreement to where it is signed."""
    if not trip_id or trip_id not in {i for i, _ in _trips()} | {kept}:
        return []
    try:
        itinerary = queries().itinerary(trip_id)
    except ValidationError:
        return []
    return [item for group in itinerary.legs for day in group.days for item in day.items]


def _context(agreement_id: UUID | None = None) -> dict[str, Any]:
    """The form's choices; the meetings offered are those of the trip chosen (or linked)."""
    row = agreement(agreement_id) if agreement_id else None
    chosen = request.values.get("trip_id")
    if chosen is None:
        chosen = str(row.trip_id or "") if row else _details()["trip_id"]
    kept = str(row.trip_id) if row and row.trip_id else ""
    trips = list(_trips())
    if kept and kept not in dict(trips):  # linked before its trip was hidden: keep it
        trips.append((kept, row.trip_title))
    return {"agreement": row, "trip_choices": trips,
            "meeting_choices": [(str(m.meeting_id), f"{m.local_start:%d %b %Y %H:%M} · {m.title}")
                                for m in _meetings(chosen, kept)]}


def _details(agreement_id: UUID | None = None) -> dict[str, Any]:
    if agreement_id is None:  # drafted from a trip's or a meeting's page: linked to it
        meeting_id = request.args.get("meeting_id", "")
        meeting = found(queries().meeting(meeting_id), "meeting", meeting_id) \
            if meeting_id else None
        if meeting and str(meeting.trip_id) not in {i for i, _ in _trips()}:
            found(None, "meeting", meeting_id)
        return {"kind": v.AgreementKind.MOU.value,
                "trip_id": str(meeting.trip_id) if meeting else request.args.get("trip_id", ""),
                "meeting_id": str(meeting.id) if meeting else ""}
    row = agreement(agreement_id)
    return {"title": row.title, "kind": row.kind, "subject": row.subject,
            "trip_id": row.trip_id or "", "meeting_id": row.meeting_id or "",
            "expected_version": row.version}


def _linked(form: Form, kept: object = None) -> tuple[str | None, str | None]:
    """The trip and meeting where it is signed; a meeting implies (and must match) its trip,
    and only a trip the signed-in account may read (or the one it is linked to already,
    `kept`) can be linked: another is "no such trip"."""
    trip_id, meeting_id = form.optional("trip_id"), form.optional("meeting_id")
    readable = {i for i, _ in _trips()} | ({str(kept)} if kept else set())
    if meeting_id:
        meeting = queries().meeting(meeting_id)
        if meeting is None or str(meeting.trip_id) not in readable:
            raise ValidationError("meeting_id", f"there is no meeting with id {meeting_id}")
        if trip_id and trip_id != str(meeting.trip_id):
            raise ValidationError("meeting_id", "the meeting belongs to another trip: choose "
                                                "one of the chosen trip's meetings or none")
        trip_id = str(meeting.trip_id)
    if trip_id and trip_id not in readable:
        raise ValidationError("trip_id", f"there is no trip with id {trip_id}")
    return trip_id, meeting_id


@bp.get("/new")
@ra.record_planner
def new() -> Any:
    return render_form("agreements/form.html", _details(), **_context())


@bp.post("/new")
@ra.record_planner
@form_page("agreements/form.html", _context)
def create() -> Any:
    form = Form()
    trip_id, meeting_id = _linked(form)
    agreement_id = commands().draft_agreement(
        actor=actor(), title=form.text("title"), kind=form.text("kind"),
        subject=form.text("subject"), trip_id=trip_id, meeting_id=meeting_id,
        owner_org_id=g.user.organisation_id)
    flash("The agreement is drafted. Add its parties and signatories next.", "success")
    return to_agreement(agreement_id)


@bp.get("/<uuid:agreement_id>")
@agreement_reader
def show(agreement_id: UUID) -> Any:
    return render_template("agreements/show.html", **page_context(agreement_id))


@bp.get("/<uuid:agreement_id>/edit")
@ra.agreement_owner
def edit(agreement_id: UUID) -> Any:
    return render_form("agreements/form.html", _details(agreement_id), **_context(agreement_id))


@bp.post("/<uuid:agreement_id>/edit")
@ra.agreement_owner
@form_page("agreements/form.html", _context, _details)
def update(agreement_id: UUID) -> Any:
    form = Form()
    trip_id, meeting_id = _linked(form, agreement(agreement_id).trip_id)
    commands().change_agreement_details(
        agreement_id, actor=actor(), title=form.text("title"), kind=form.text("kind"),
        subject=form.text("subject"), trip_id=trip_id, meeting_id=meeting_id,
        reason=form.text("reason"), expected_version=form.version())
    flash("The agreement's details are saved.", "success")
    return to_agreement(agreement_id)


# -- signing and status ---------------------------------------------------------------------
def page_context(agreement_id: UUID) -> dict[str, Any]:
    row = agreement(agreement_id)
    names = {o.id: o.display_name for o in queries().organisations()}
    return {"agreement": row, "today": today(), "may_edit": ra.owns(g.user, row.owner_org_id),
            "owner": names.get(row.owner_org_id, ""), "organisation_names": names}


def _signing(agreement_id: UUID) -> dict[str, Any]:
    row = agreement(agreement_id)
    return {"signed_on": row.signed_on or today(), "place": row.signed_place,
            "expected_version": row.version}


@bp.get("/<uuid:agreement_id>/sign")
@ra.agreement_owner
def sign_form(agreement_id: UUID) -> Any:
    return render_form("agreements/sign.html", _signing(agreement_id),
                       **page_context(agreement_id))


@bp.post("/<uuid:agreement_id>/sign")
@ra.agreement_owner
@form_page("agreements/sign.html", page_context, _signing)
def sign(agreement_id: UUID) -> Any:
    form = Form()
    commands().sign_agreement(agreement_id, actor=actor(), signed_on=form.date("signed_on"),
                              place=form.text("place"), reason=form.text("reason"),
                              expected_version=form.version())
    flash("The agreement is signed.", "success")
    return to_agreement(agreement_id)


def _status(agreement_id: UUID) -> dict[str, Any]:
    row = agreement(agreement_id)
    return {"status": row.status, "expected_version": row.version}


@bp.get("/<uuid:agreement_id>/status")
@ra.agreement_owner
def status(agreement_id: UUID) -> Any:
    return render_form("agreements/status.html", _status(agreement_id),
                       **page_context(agreement_id))


@bp.post("/<uuid:agreement_id>/status")
@ra.agreement_owner
@form_page("agreements/status.html", page_context, _status)
def change_status(agreement_id: UUID) -> Any:
    form = Form()
    commands().change_agreement_status(agreement_id, actor=actor(), status=form.text("status"),
                                       reason=form.text("reason"),
                                       expected_version=form.version())
    flash(f"The agreement is now {form.text('status').strip()}.", "success")
    return to_agreement(agreement_id)


# -- milestones -----------------------------------------------------------------------------
def _milestone_values(agreement_id: UUID) -> dict[str, Any]:
    return {"expected_version": agreement(agreement_id).version}


@bp.get("/<uuid:agreement_id>/milestones")
@ra.agreement_owner
def milestones(agreement_id: UUID) -> Any:
    return render_form("agreements/milestones.html", _milestone_values(agreement_id),
                       **page_context(agreement_id))


@bp.post("/<uuid:agreement_id>/milestones")
@ra.agreement_owner
@form_page("agreements/milestones.html", page_context, _milestone_values)
def add_milestone(agreement_id: UUID) -> Any:
    form = Form()
    with field_names(milestone="title"):
        commands().add_milestone(agreement_id, actor=actor(), title=form.text("title"),
                                 due_on=form.date("due_on"))
    flash("The milestone is added.", "success")
    return redirect(url_for("agreements.milestones", agreement_id=agreement_id))


@bp.post("/<uuid:agreement_id>/milestones/done")
@ra.agreement_owner
@form_page("agreements/milestones.html", page_context, _milestone_values)
def complete_milestone(agreement_id: UUID) -> Any:
    form = Form()
    commands().complete_milestone(agreement_id, form.required("milestone_id", "a milestone"),
                                  actor=actor(), done_on=form.date("done_on"),
                                  reason=form.text("reason"))
    flash("The milestone is done.", "success")
    return redirect(url_for("agreements.milestones", agreement_id=agreement_id))
