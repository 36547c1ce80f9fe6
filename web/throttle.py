"""Sign-in throttling and the record of sign-ins.

Two limits, both on *failed* attempts: per account (5 in a row within 15 minutes, kept in the
database by planner.signin, so every web worker counts the same failures) and per client
address (30 in 15 minutes, through the `limits` library that Flask-Limiter is built on; its
storage is memory per worker unless PLANNER_RATELIMIT_STORAGE_URI names a shared one such as
redis://). A throttled attempt is answered 429 with a page saying when to try again; the
password is not even checked then, so the right one does not get in either.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from typing import Any

from flask import Flask, current_app, request
from flask_babel import gettext
from limits import parse
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter

from web.wiring import signin_limiter, signins

ADDRESS_LIMIT = parse("30 per 15 minutes")
STORAGE_SETTING = "PLANNER_RATELIMIT_STORAGE_URI"
_NAMESPACE = "failed-sign-in"


def register(app: Flask) -> None:
    uri = os.environ.get(STORAGE_SETTING, "memory://")
    app.extensions.update(signin_limiter=MovingWindowRateLimiter(storage_from_string(uri)))


def _limiter() -> MovingWindowRateLimiter:
    return signin_limiter()  # type: ignore[no-any-return]


def _address() -> str:
    return request.remote_addr or "unknown"


def _now() -> datetime:
    return datetime.now(UTC)


def refusal(email: str) -> str | None:
    """Why this attempt is not even checked (a message for the 429 page), or None."""
    if not _limiter().test(ADDRESS_LIMIT, _NAMESPACE, _address()):
        current_app.logger.warning("sign-in throttled for address %s", _address())
        return gettext("Too many failed sign-ins from your network. Wait a quarter of an hour "
                       "and try again.")
    log = signins()
    until = log.locked_until(email, _now()) if log and email else None
    if until is None:
        return None
    current_app.logger.warning("sign-in throttled for account %s", email)
    minutes = max(1, round((until - _now()).total_seconds() / 60))
    return gettext("Too many failed sign-ins for this account. Try again after %(until)s UTC "
                   "(in about %(minutes)s minutes), or ask an organiser.",
                   until=until.strftime("%H:%M"), minutes=minutes)


def retry_after() -> dict[str, str]:
    return {"Retry-After": str(int(ADDRESS_LIMIT.get_expiry()))}


def failed(email: str | None) -> None:
    """Count a failed attempt against the address and, for an existing account, record it."""
    _limiter().hit(ADDRESS_LIMIT, _NAMESPACE, _address())
    log = signins()
    if email and log is not None:
        log.record(email, _address(), succeeded=False, at=_now())


def succeeded(email: str) -> None:
    log = signins()
    if log is not None:
        log.record(email, _address(), succeeded=True, at=_now())


def recent(limit: int, offset: int) -> Any:
    log = signins()
    return log.recent(limit=limit, offset=offset) if log else ()
