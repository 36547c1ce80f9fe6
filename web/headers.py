"""Security headers on every response: no framing, no sniffing, no inline script or style.

The interface has no JavaScript and keeps its styles in static files, so the policy allows
nothing but our own style sheets, images and form targets. A page of another site (or another
port on the same host) cannot frame a signed-in page.
"""

from __future__ import annotations

from flask import Flask, Response

CONTENT_SECURITY_POLICY = "; ".join((
    "default-src 'none'",
    "style-src 'self'",
    "img-src 'self' data:",
    "form-action 'self'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
))
HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def _add(response: Response) -> Response:
    """A view's own stricter value (the feed-address page's no-referrer) is kept."""
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    return response


def register(app: Flask) -> None:
    app.after_request(_add)
