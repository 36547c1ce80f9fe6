"""The one place where refusals and failures become pages.

- ValidationError / InvariantError: 422, the form again with the message beside its field
  (or, for a button without a form, a page naming the rule);
- ConflictError: 409, who changed the record since the form was loaded, the current values
  beside the user's input, and the input kept in a form that re-submits against the new version;
- NotFoundError: 404; PermissionError: 403; other HTTP errors: their own page;
- anything else: 500, logged with a request id that the page shows. Never a stack trace.

A part of the site with its own error format (the JSON API under /api/) registers a renderer
for its path prefix with `errors_under`; every failure of a request there goes to it instead.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import wraps
from typing import Any

from flask import Flask, Response, current_app, g, render_template, request
from flask_babel import gettext, lazy_gettext
from werkzeug.datastructures import MultiDict
from werkzeug.exceptions import HTTPException

from planner.domain.errors import ConflictError, DomainError, NotFoundError
from web import refusals
from web.forms import VERSION_FIELD, as_text
from web.refusals import domain_message, request_translator
from web.wiring import changes_after
from web.words import word

_TITLES = {400: lazy_gettext("Bad request"), 403: lazy_gettext("Not allowed"),
           404: lazy_gettext("Not found"), 405: lazy_gettext("Not allowed here"),
           409: lazy_gettext("Changed by someone else"), 413: lazy_gettext("Too large"),
           422: lazy_gettext("Cannot do that"), 429: lazy_gettext("Too many attempts"),
           500: lazy_gettext("Something went wrong")}


@dataclass(frozen=True)
class Change:
    """One event recorded after the version the user saw, described for a person (only the
    fields planner.audit.changes allows for its kind)."""

    what: str
    actor: str
    at: datetime
    reason: str
    version: int
    fields: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Conflict:
    kind: str
    record_id: str
    expected_version: int | None
    current_version: int
    changes: tuple[Change, ...]
    current: dict[str, str]
    yours: tuple[tuple[str, str, str, bool], ...]
    """(field, the user's input, the current value, whether they differ)"""


def register(app: Flask) -> None:
    app.before_request(_assign_request_id)
    app.after_request(_send_request_id)
    refusals.register(app)
    for kind, handler in ((ConflictError, conflict), (NotFoundError, not_found),
                          (DomainError, refused), (PermissionError, forbidden),
                          (HTTPException, http_error), (Exception, server_error)):
        app.register_error_handler(kind, _routed(handler))


Renderer = Callable[[Exception], Any]
_RENDERERS = "error_renderers"


def errors_under(app: Flask, prefix: str, render: Renderer) -> None:
    """Every failure of a request whose path starts with `prefix` goes to `render`."""
    app.extensions.setdefault(_RENDERERS, {}).update({prefix: render})


def _routed(handler: Callable[[Any], Any]) -> Callable[[Exception], Any]:
    @wraps(handler)
    def handle(error: Exception) -> Any:
        for prefix, render in current_app.extensions.get(_RENDERERS, {}).items():
            if request.path.startswith(prefix):
                return render(error)
        return handler(error)
    return handle


def _assign_request_id() -> None:
    g.request_id = secrets.token_hex(6)


def _send_request_id(response: Response) -> Response:
    response.headers["X-Request-Id"] = g.get("request_id", "")
    return response


def error_page(status: int, message: str, **extra: Any) -> tuple[str, int]:
    return render_template("error.html", status=status,
                           title=_TITLES.get(status, lazy_gettext("Error")),
                           message=message, request_id=g.get("request_id", ""),
                           **extra), status


def refused(error: DomainError) -> tuple[str, int]:
    page = g.get("form_page")
    if page is not None:
        shown = _form_again(lambda: page.render(422, errors={error.field: domain_message(error)}))
        if shown is not None:
            return shown
    return error_page(422, domain_message(error, with_field=True), back=_back())


def not_found(error: NotFoundError) -> tuple[str, int]:
    return error_page(404, gettext("There is no %(kind)s with id %(record_id)s.",
                                   kind=word(error.kind), record_id=error.record_id))


def forbidden(error: PermissionError) -> tuple[str, int]:
    return error_page(403, str(error) or gettext("You are not allowed to do that."))


def http_error(error: HTTPException) -> tuple[str, int] | HTTPException:
    if error.code is None or error.code < 400:
        return error
    return error_page(error.code, error.description or "")


def server_error(error: Exception) -> tuple[str, int]:
    current_app.logger.error("request %s failed: %s %s", g.get("request_id", "-"),
                             request.method, request.path, exc_info=error)
    return error_page(500, gettext("The planner could not finish this request. Nothing you "
                                   "can see was lost; if it happens again, give the "
                                   "administrator the request id below."))


def conflict(error: ConflictError) -> tuple[str, int]:
    page = g.get("form_page")
    changes = _changes_since(error)
    current = {k: _form_text(v) for k, v in _current_values(page).items()}
    yours = tuple((name, value, current[name], value.strip() != current[name].strip())
                  for name, value in _submitted() if name in current)
    info = Conflict(kind=error.kind, record_id=str(error.record_id),
                    expected_version=error.expected_version,
                    current_version=error.current_version, changes=changes,
                    current=current, yours=yours)
    if page is not None:
        values = MultiDict(request.form)
        values.setlist(VERSION_FIELD, [str(error.current_version)])
        shown = _form_again(lambda: page.render(409, conflict=info, values=values))
        if shown is not None:
            return shown
    return error_page(409, domain_message(error), conflict=info, back=_back())


def _form_again(render: Callable[[], tuple[str, int]]) -> tuple[str, int] | None:
    """The form shown again, or None when it cannot be: its record is gone (a removed leg),
    or rendering failed. Then the plain error page (with its request id) is shown instead of
    an error handler failing in turn."""
    try:
        return render()
    except (DomainError, HTTPException):
        return None
    except Exception as failure:  # noqa: BLE001 - logged; the refusal still gets its page
        current_app.logger.error("request %s: showing the form again failed",
                                 g.get("request_id", "-"), exc_info=failure)
        return None


def _current_values(page: Any) -> dict[str, Any]:
    """The record's current values under the form's names; none when the record is gone."""
    try:
        return dict(page.current_values()) if page else {}
    except (DomainError, HTTPException):
        return {}


def _submitted() -> list[tuple[str, str]]:
    pairs: dict[str, list[str]] = {}
    for name, value in request.form.items(multi=True):
        if name not in ("csrf_token", VERSION_FIELD):
            pairs.setdefault(name, []).append(value)
    return [(name, "\n".join(values)) for name, values in pairs.items()]


def _changes_since(error: ConflictError) -> tuple[Change, ...]:
    """The events after the version the user saw, with the fields the planner allows shown."""
    entries = changes_after(error.record_id, error.expected_version or 0,
                            request_translator())
    return tuple(Change(what=e.what, actor=e.actor, at=e.at_utc, reason=e.reason,
                        version=e.version, fields=tuple((c.field, _value(c)) for c in e.changes))
                 for e in entries)


def _value(change: Any) -> str:
    """The new value, or for a list what was added (+), changed (~) and removed (-)."""
    if change.added or change.removed or change.changed:
        return "\n".join([f"+ {a}" for a in change.added] + [f"~ {c}" for c in change.changed]
                         + [f"- {r}" for r in change.removed])
    return change.after if change.before == "—" else f"{change.before} → {change.after}"


def _form_text(value: Any) -> str:
    if isinstance(value, list | tuple):
        return "\n".join(as_text(v) for v in value)
    return as_text(value)


def _back() -> str:
    """Where 'go back' leads: the page the form was on, if it was one of ours."""
    referrer = request.referrer or ""
    return referrer if referrer.startswith(request.host_url) else ""
