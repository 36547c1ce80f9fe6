"""Absolute links (feeds, webcal, QR codes, calendar links back to pages).

`[planner] base_url` wins when it is set. Otherwise a link is built from the request's own
scheme and host, so `make demo PORT=5077`, a LAN address or a tunnel all give working links.
`X-Forwarded-*` headers are honoured only with `[web] behind_proxy = true` (werkzeug's
ProxyFix, one hop): a client could otherwise make the server hand out links to any host.
"""

from __future__ import annotations

from flask import Flask, current_app, request
from werkzeug.middleware.proxy_fix import ProxyFix

from planner.settings import Settings


def register(app: Flask, settings: Settings) -> None:
    if settings.behind_proxy:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1, x_port=1)  # type: ignore[method-assign]


def public_base() -> str:
    """The address absolute links start with, without a trailing slash."""
    configured: str = current_app.extensions["planner"].settings.base_url
    if configured:
        return configured.rstrip("/")
    return request.host_url.rstrip("/")
