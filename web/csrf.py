"""Cross-site request forgery protection: Flask-WTF's CSRFProtect on every unsafe request.

The token is per session (a fresh one after every sign-in, since login clears the session),
signed with the app's secret key and valid as long as the session is; a missing or wrong token
is answered with 400 and a page that says what to do. Forms include `{{ csrf_field() }}`;
scripts may send the token in the X-CSRFToken or X-CSRF-Token header. A view that must accept
foreign POSTs (none so far) is marked with `exempt`.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from flask import Flask, g, session
from flask_babel import lazy_gettext
from flask_wtf.csrf import CSRFError, CSRFProtect, generate_csrf
from markupsafe import Markup, escape

from web.errors import error_page

FIELD = "csrf_token"
HEADERS = ["X-CSRFToken", "X-CSRF-Token"]
MESSAGE = lazy_gettext("The form could not be accepted because its security token is missing "
                       "or out of date (perhaps you signed in again in another tab). Go back, "
                       "reload the page and submit it again.")
F = TypeVar("F", bound=Callable[..., Any])

_protect = CSRFProtect()


def token() -> str:
    """This session's signed token (the raw one is created in the session on first use)."""
    return str(generate_csrf())


def session_key() -> str:
    """This session's raw token (made on first use): a page's ETag holds it, since the page's
    forms carry a token signed from it, valid for this session and no other."""
    token()
    return str(session.get(FIELD, ""))


KEPT = "csrf-token-of-the-viewing-session"
"""What a kept fragment's forms carry instead of a token (web/fragments.py): `fill` puts the
viewing session's token in when the fragment is shown, so sessions can share a fragment."""


def fill(html: str) -> Markup:
    """`html` with this session's token where a kept fragment has `KEPT`."""
    return Markup(html.replace(KEPT, token()) if KEPT in html else html)


def rotate() -> None:
    """Forget this session's token (at sign-in): the next form gets a fresh one."""
    session.pop(FIELD, None)
    g.pop(FIELD, None)


def field() -> Markup:
    value = KEPT if g.get("rendering_kept") else token()
    return Markup('<input type="hidden" name="{}" value="{}">').format(FIELD, escape(value))


def exempt(view: F) -> F:
    return _protect.exempt(view)  # type: ignore[no-any-return]


def _refused(error: CSRFError) -> Any:
    return error_page(400, MESSAGE)


def register(app: Flask) -> None:
    app.config.update(WTF_CSRF_FIELD_NAME=FIELD, WTF_CSRF_HEADERS=HEADERS,
                      WTF_CSRF_TIME_LIMIT=None)
    _protect.init_app(app)
    app.register_error_handler(CSRFError, _refused)
    app.jinja_env.globals.update(csrf_field=field, csrf_token=token)
