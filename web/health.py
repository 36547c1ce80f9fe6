"""`GET /health`: the web process is up (for load balancers and probes).

Deliberately the cheapest route of the app (no database, no template, no session), so the
benchmarks measure the real pages against it on the same server (bench/bench_pages.py).
"""

from __future__ import annotations

from flask import Blueprint, Response

from web import access

bp = Blueprint("health", __name__)


@bp.get("/health")
@access.public
def health() -> Response:
    return Response("ok\n", mimetype="text/plain")
