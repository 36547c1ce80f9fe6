"""The API's blueprint and its request hooks: bearer token, rate limit, body limit.

A request under /api/v1/ acts as the account of its `Authorization: Bearer` token and never
as a browser session (the API is exempt from CSRF because a cookie cannot authenticate it).
The token's account goes through the web UI's own rules: `g.user` is the same User a session
would give, so web.access's guards decide. Only views marked `public` (the OpenAPI document
and its docs page) answer without a token.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime

from flask import Blueprint, current_app, g, request
from flask.blueprints import BlueprintSetupState
from limits import RateLimitItem, parse
from limits.storage import storage_from_string
from limits.strategies import MovingWindowRateLimiter

from web import csrf
from web.access import access_rule, user_of
from web.api.problems import Problem, render
from web.errors import errors_under
from web.throttle import STORAGE_SETTING
from web.wiring import api_limiter, commands, queries, settings

bp = Blueprint("api", __name__, url_prefix="/api/v1")
csrf.exempt(bp)  # type: ignore[arg-type]

MAX_BODY_BYTES = 256 * 1024
"""The largest request body (app.config["API_MAX_BODY_BYTES"] overrides it): 413 above."""
_NAMESPACE = "api-token"
_BEARER = "Bearer "


def _unauthorised(detail: str) -> Problem:
    return Problem(401, detail, slug="unauthorised",
                   headers={"WWW-Authenticate": 'Bearer realm="planner"'})


@bp.before_request
def authenticate() -> None:
    """g.user from the bearer token (revoked tokens and disabled accounts at once), then the
    token's rate limit and the body limit."""
    g.user = None
    request.max_content_length = current_app.config.get("API_MAX_BODY_BYTES", MAX_BODY_BYTES)
    if (request.content_length or 0) > request.max_content_length:
        raise Problem(413, f"The body may have at most {request.max_content_length} bytes.",
                      slug="too-large")
    header = request.headers.get("Authorization", "")
    public = request.endpoint in current_app.view_functions and access_rule(
        current_app, request.endpoint) == "public"
    if not header and public:
        return
    if not header.startswith(_BEARER):
        raise _unauthorised("Send an API token as 'Authorization: Bearer <token>' (an "
                            "administrator creates one with `planner token create EMAIL`).")
    found = queries().api_token_account(commands().api_token_ref(header[len(_BEARER):].strip()))
    account = queries().account(found[1]) if found else None
    if found is None or account is None or not account.active:
        raise _unauthorised("This token is unknown, revoked, or its account is disabled.")
    g.user, g.api_token_id = user_of(account), str(found[0].id)
    _count_request(str(found[0].id))


def _rate() -> RateLimitItem:
    return parse(current_app.config.get("API_RATE_LIMIT") or settings().api_rate_limit)


def _count_request(token_id: str) -> None:
    limiter: MovingWindowRateLimiter = api_limiter()
    rate = _rate()
    if not limiter.hit(rate, _NAMESPACE, token_id):
        reset = limiter.get_window_stats(rate, _NAMESPACE, token_id).reset_time
        wait = max(1, int(reset - datetime.now(UTC).timestamp()) + 1)
        raise Problem(429, f"This token may make {rate}; wait {wait} seconds.",
                      slug="rate-limited", headers={"Retry-After": str(wait)})


@bp.record_once
def _set_up(state: BlueprintSetupState) -> None:
    """On the app: failures under /api/ become problem documents; the per-token limiter
    (memory per worker, or the storage PLANNER_RATELIMIT_STORAGE_URI names, like sign-ins)."""
    errors_under(state.app, "/api/", render)
    uri = os.environ.get(STORAGE_SETTING, "memory://")
    state.app.extensions.update(api_limiter=MovingWindowRateLimiter(storage_from_string(uri)))
