"""Cross-site request forgery protection: a per-session token checked on every POST.

Forms include `{{ csrf_field() }}`; scripts may send the token in the X-CSRF-Token header.
A view that must accept foreign POSTs (none so far) is marked with `exempt`.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Callable
from typing import Any, TypeVar

from flask import Flask, current_app, request, session
from markupsafe import Markup, escape
from werkzeug.exceptions import BadRequest

FIELD = "csrf_token"
HEADER = "X-CSRF-Token"
UNSAFE = frozenset({"POST", "PUT", "PATCH", "DELETE"})
F = TypeVar("F", bound=Callable[..., Any])


class CSRFError(BadRequest):
    description = ("The form could not be accepted because its security token is missing or "
                   "out of date (perhaps you signed in again in another tab). Go back, reload "
                   "the page and submit it again.")


def token() -> str:
    """This session's token, created on first use."""
    value = session.get(FIELD)
    if not value:
        value = secrets.token_urlsafe(32)
        session[FIELD] = value
    return value


def field() -> Markup:
    return Markup('<input type="hidden" name="{}" value="{}">').format(FIELD, escape(token()))


def exempt(view: F) -> F:
    view._csrf_exempt = True  # type: ignore[attr-defined]
    return view


def check() -> None:
    if request.method not in UNSAFE:
        return
    view = current_app.view_functions.get(request.endpoint or "")
    if view is not None and getattr(view, "_csrf_exempt", False):
        return
    expected = session.get(FIELD, "")
    sent = request.form.get(FIELD) or request.headers.get(HEADER, "")
    if not expected or not sent or not hmac.compare_digest(str(expected), str(sent)):
        raise CSRFError()


def register(app: Flask) -> None:
    app.before_request(check)
    app.jinja_env.globals.update(csrf_field=field, csrf_token=token)
