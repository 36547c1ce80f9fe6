"""Answers to meetings: a participant accepts or declines on their schedule, or from the signed
link in a calendar mail (planner.itip.links). Following a link only shows the meeting; the
answer is recorded when a button is pressed, so mail scanners that open links record nothing."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import Blueprint, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext

from planner.domain import values as v
from planner.domain.errors import ValidationError
from planner.itip.links import AnswerLink, BadAnswerLink, read_answer_token
from web import access
from web.errors import error_page
from web.wiring import actor, commands, found, my_person, queries, settings

bp = Blueprint("answers", __name__)


def _answer() -> str:
    return v.choice("answer", request.form.get("answer", ""), v.Answer)


@bp.post("/my/meetings/<uuid:meeting_id>/answer")
@access.own_preferences
def mine(meeting_id: UUID) -> Any:
    """The signed-in participant answers one of their meetings from their schedule."""
    answer = _answer()
    person = my_person()
    if person is None:
        raise ValidationError("person", gettext("your account is not linked to a person in a "
                                                "delegation, so it attends no meetings"))
    commands().answer_meeting(meeting_id, actor=actor(), person_id=person.id, answer=answer)
    flash(gettext("Your answer is recorded: %(answer)s.", answer=gettext(answer)))
    return redirect(url_for("schedule.mine") + f"#m-{meeting_id}")


def _link(token: str) -> AnswerLink | tuple[str, int]:
    """The link's meeting and person, or the page that refuses it (nothing is written)."""
    try:
        link = read_answer_token(settings().instance_path, token)
    except BadAnswerLink:
        return error_page(404, gettext(
            "This answer link is not valid: it was changed or not sent by this planner. "
            "Nothing was recorded. Use the link in your latest mail, or answer on your "
            "schedule after signing in."))
    user = g.get("user")
    if user is not None and user.person_id and str(user.person_id) != str(link.person_id):
        return error_page(403, gettext(
            "This answer link was sent to someone else, so you cannot answer with it. "
            "Nothing was recorded. Answer your own meetings on your schedule."))
    return link


@bp.get("/answer/<token>")
@access.public
def link_page(token: str) -> Any:
    link = _link(token)
    if not isinstance(link, AnswerLink):
        return link
    meeting = found(queries().meeting(link.meeting_id), "meeting", link.meeting_id)
    person = found(queries().person(link.person_id), "person", link.person_id)
    mine = next((a for a in meeting.attendees if a.person_id == link.person_id), None)
    return render_template("answers/link.html", meeting=meeting, person=person,
                           attendee=mine, token=token)


@bp.post("/answer/<token>")
@access.public
def link_answer(token: str) -> Any:
    link = _link(token)
    if not isinstance(link, AnswerLink):
        return link
    answer = _answer()
    commands().answer_meeting(link.meeting_id, actor=f"answer link of person {link.person_id}",
                              person_id=link.person_id, answer=answer)
    flash(gettext("Your answer is recorded: %(answer)s.", answer=gettext(answer)))
    return redirect(url_for("answers.link_page", token=token))
