"""A signed-in user's own API tokens: list them, create one (shown once), revoke one.

The same tokens and events as `planner token` (planner.commands.api_tokens). Auditors change
nothing, so they see their tokens but an administrator issues and revokes them.
"""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, flash, g, redirect, url_for
from flask_babel import gettext
from werkzeug.exceptions import NotFound

from planner.domain.account import account_id
from planner.domain.errors import ValidationError
from planner.domain.values import record_id
from web import access
from web.forms import Form, form_page, render_form
from web.layout import add_slot
from web.wiring import actor, commands, queries

bp = Blueprint("api_tokens", __name__, url_prefix="/my/api-tokens")
add_slot("preferences", "api_tokens/_box.html")


def _context() -> dict[str, Any]:
    return {"tokens": queries().api_tokens(g.user.email)}


@bp.get("")
@access.signed_in
def index() -> Any:
    return render_form("api_tokens/index.html", {}, **_context())


@bp.post("")
@access.own_preferences
@form_page("api_tokens/index.html", _context)
def create() -> Any:
    """The new token is on this answer only: it is never stored or shown again."""
    name = Form().text("name").strip()
    if not name:
        raise ValidationError("name", gettext("give the token a label, so you can tell it "
                                              "from your other tokens"))
    _, secret = commands().issue_api_token(g.user.email, actor=actor(), name=name)
    html, _ = render_form("api_tokens/index.html", {}, new_token=secret, **_context())
    return Response(html, 200, headers={"Cache-Control": "no-store",
                                        "Referrer-Policy": "no-referrer"})


@bp.post("/revoke")
@access.own_preferences
@form_page("api_tokens/index.html", _context)
def revoke() -> Any:
    token_id = record_id("token_id", Form().text("token_id"))
    token = queries().api_token(token_id)
    if token is None or token.account_id != account_id(g.user.email):
        raise NotFound(gettext("You have no API token with id %(id)s.", id=token_id))
    commands().revoke_api_token(token_id, actor=actor(), reason="revoked by its owner")
    flash(gettext("The token is revoked; programs using it are refused from now on."),
          "success")
    return redirect(url_for("api_tokens.index"))
