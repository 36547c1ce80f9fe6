"""The language switcher: the choice goes into the session and, for a signed-in account,
into the account's preferences (its own record, so the choice is an event)."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, g, redirect, request, session, url_for
from flask_babel import gettext

from planner.domain.errors import ValidationError
from web import access
from web.auth import _safe_next
from web.i18n import LANGUAGES, SESSION_KEY
from web.wiring import actor, commands

bp = Blueprint("language", __name__)


@bp.post("/language")
@access.public
def choose() -> Any:
    language = request.form.get("language", "")
    if language not in LANGUAGES:
        raise ValidationError("language", gettext("must be one of %(choices)s",
                                                  choices=", ".join(LANGUAGES)))
    session[SESSION_KEY] = language
    if g.user is not None:
        commands().choose_language(g.user.email, actor=actor(), language=language)
    return redirect(_safe_next(request.form.get("next")) or url_for("auth.login"))
