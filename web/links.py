"""Absolute links (feeds, webcal, QR codes, calendar links back to pages): behind a proxy.

`web.wiring.public_base` builds them: `[planner] base_url` when set, otherwise the request's
own scheme and host, so `make demo PORT=5077`, a LAN address or a tunnel all give working
links. `X-Forwarded-*` headers are honoured only with `[web] behind_proxy = true` (werkzeug's
ProxyFix, one hop): a client could otherwise make the server hand out links to any host.
"""

from __future__ import annotations

from flask import Flask
from werkzeug.middleware.proxy_fix import ProxyFix

from planner.settings import Settings


def register(app: Flask, settings: Settings) -> None:
    if settings.behind_proxy:
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1, x_port=1)  # type: ignore[method-assign]
