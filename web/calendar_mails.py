"""A participant chooses whether they get calendar mails (iTIP invitations) for their meetings:
a box on their schedule (planner.itip.recipients says who gets them until they choose)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, flash, redirect, request, url_for
from flask_babel import gettext

from planner.domain.errors import ValidationError
from planner.itip.recipients import wants_calendar_mails
from web import access
from web.layout import add_slot
from web.wiring import actor, commands, my_person, planner

bp = Blueprint("calendar_mails", __name__)
add_slot("schedule", "calendar/_calendar_mails.html")
CHOICES = {"yes": True, "no": False}


@bp.app_template_global()
def calendar_mails_wanted(person_id: Any) -> bool:
    engine = planner().engine
    if engine is None:
        return False
    with engine.connect() as conn:
        return wants_calendar_mails(conn, person_id)


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
