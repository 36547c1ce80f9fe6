"""Calendar mail choices: a participant's (whether they get calendar mails for their meetings,
a box on their schedule) and the trip owner's (whether those mails show the other attendees'
e-mail addresses, on the trip page; planner.itip.recipients applies both)."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import Blueprint, flash, g, redirect, request, url_for
from flask_babel import gettext

from planner.domain.errors import ValidationError
from web import access, fragments
from web.layout import add_slot
from web.wiring import actor, calendar_mail_choices, commands, database_key, my_person

bp = Blueprint("calendar_mails", __name__)
add_slot("schedule", "calendar/_calendar_mails.html")
CHOICES = {"yes": True, "no": False}


@bp.app_template_global()
def calendar_mails_wanted(person_id: Any) -> bool:
    """Kept by the page's read-model position, when it has one (my schedule)."""
    return fragments.rows_at(g.get("rm_position"), ("calendar-mails", str(person_id),
                                                    database_key()),
                             lambda: calendar_mail_choices().wanted(person_id))


@bp.post("/my/calendar-mails")
@access.own_preferences
def choose() -> Any:
    choice = request.form.get("calendar_mails", "").strip()
    if choice not in CHOICES:
        raise ValidationError("calendar_mails", gettext("choose yes or no"))
    person = my_person()
    if person is None:
        raise ValidationError("calendar_mails", gettext(
            "your account is not linked to a person in a delegation, so it attends no meetings"))
    commands().choose_calendar_mails(person.id, actor=actor(), wanted=CHOICES[choice])
    flash(gettext("Calendar mails are on.") if CHOICES[choice]
          else gettext("Calendar mails are off."))
    return redirect(url_for("schedule.mine"))


@bp.app_template_global()
def attendee_addresses_shared(trip_id: UUID) -> bool:
    """Kept by the page's read-model position, when it has one (the trip page)."""
    return fragments.rows_at(g.get("rm_position"), ("addresses-shared", str(trip_id),
                                                    database_key()),
                             lambda: calendar_mail_choices().addresses_shared(trip_id))


@bp.post("/trips/<uuid:trip_id>/calendar-mails/addresses")
@access.trip_owner
def share_addresses(trip_id: UUID) -> Any:
    choice = request.form.get("shared", "").strip()
    if choice not in CHOICES:
        raise ValidationError("shared", gettext("choose yes or no"))
    commands().share_attendee_addresses(trip_id, actor=actor(), shared=CHOICES[choice])
    flash(gettext("Calendar mails now show the other attendees' addresses.") if CHOICES[choice]
          else gettext("Calendar mails no longer show the other attendees' addresses."))
    return redirect(url_for("trips.show", trip_id=trip_id) + "#member-calendars")
