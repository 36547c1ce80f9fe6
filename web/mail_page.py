"""The organiser's Mail page: every mail of their organisation's trips and people, its
status (pending, sent, failed with the last error and the next try, unconfirmed), and each
message as it went out (in the demo: the .eml file of the outbox folder)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, abort, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext

from planner.mail import tables as mt
from web import access
from web.layout import add_nav
from web.wiring import found, mail_desk, page_number, settings

bp = Blueprint("mail_page", __name__, url_prefix="/mail")
add_nav(lazy_gettext("Mail"), "mail_page.index", roles=(access.ORGANISER, "administrator"),
        order=70)
organiser = access.guard("organiser", lambda user, _: user.viewer.plans)
STATUSES = (mt.PENDING, mt.SENT, mt.FAILED, mt.UNCONFIRMED)


def _scope() -> str | None:
    """Administrators see every organisation's mails, organisers their own's."""
    return None if g.user.role == "administrator" else g.user.organisation_id


def _desk() -> Any:
    desk = mail_desk()
    if desk is None:
        abort(404)
    return desk


@bp.get("")
@organiser
def index() -> Any:
    status = request.args.get("status", "")
    mails = _desk().mails(_scope(), page=page_number(),
                          status=status if status in STATUSES else None)
    return render_template("mail/index.html", mails=mails, status=status, statuses=STATUSES,
                           folder=None if settings().mail_smtp_url
                           else settings().mail_folder_path)


@bp.get("/<int:mail_id>")
@organiser
def show(mail_id: int) -> Any:
    mail = found(_desk().mail(mail_id, _scope()), "mail", mail_id)
    return render_template("mail/show.html", mail=mail, attempts=_desk().attempts(mail_id),
                           source=_desk().message_text(mail_id) if mail.recipient else "")


@bp.post("/<int:mail_id>/send-again")
@organiser
def send_again(mail_id: int) -> Any:
    found(_desk().mail(mail_id, _scope()), "mail", mail_id)
    if _desk().send_again(mail_id, _scope()):
        flash(_("The mail is queued to be sent again."), "success")
    else:
        flash(_("Only a failed or unconfirmed mail can be sent again."), "error")
    return redirect(url_for("mail_page.show", mail_id=mail_id))
