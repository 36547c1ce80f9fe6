"""Conditional GET for pages kept by read-model position (the trip page, my schedule).

A page whose parts are kept under a key (web/fragments.py) gets a weak ETag made from that
key and from everything else the page shows that the key does not hold: the signed-in account
(name, role, organisation), this session's form token (every page has forms: sign out, the
language), the address the language switcher returns to, and the release of the code and
templates. A browser that sends it back in If-None-Match gets 304 before the page is rendered.
Weak, because the signed form token in the body changes every second while the page means the
same. A page with a pending flash message gets no ETag: the message is shown once.

Bodies are sent as they are, not compressed, like the feeds (web/feeds.py): a proxy in front
may compress them; on the same cores as the clients, compressing costs more CPU than it saves.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Hashable
from functools import cache
from pathlib import Path
from typing import Any

from flask import Response, g, make_response, request, session
from werkzeug.http import quote_etag

from web import csrf
from web.wiring import database_key, settings

CACHE = "private, no-cache"  # the browser keeps it and asks every time; a 304 is cheap


def release() -> str:
    """The code, templates and catalogues this process serves and the app's settings (rules
    such as working hours change what the warnings say): an ETag made by an older release or
    under other settings never matches (a 304 would keep the old page)."""
    return _digest(f"{_code()}{settings()!r}")


@cache
def _digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:16]


@cache
def _code() -> str:
    roots = [Path(__file__).resolve().parent, Path(__file__).resolve().parent.parent / "planner"]
    seen = hashlib.sha256()
    for root in roots:
        for folder, _, files in sorted(os.walk(root)):
            for name in sorted(files):
                if name.endswith((".py", ".html", ".mo", ".po")):  # planner.po is read as is
                    stat = os.stat(os.path.join(folder, name))
                    seen.update(f"{folder}/{name}:{stat.st_mtime_ns}:{stat.st_size};".encode())
    return seen.hexdigest()[:16]


def page_etag(*parts: Hashable) -> str | None:
    """The weak ETag of this page for this viewer, given what the page's key holds; None when
    the page must not be validated (a flash message is waiting)."""
    if session.get("_flashes"):
        return None
    whole = (release(), database_key(), g.get("user"), csrf.session_key(),
             request.script_root, request.full_path, parts)
    return hashlib.sha256(repr(whole).encode()).hexdigest()[:32]


def not_modified(etag: str | None) -> Response | None:
    """304 when the browser's copy carries `etag`, else None (the page is rendered)."""
    if etag is None or not request.if_none_match.contains_weak(etag):
        return None
    return _tagged(Response(status=304), etag)


def tagged(body: Any, etag: str | None) -> Response:
    """The rendered page as a response carrying its ETag (when it has one)."""
    return _tagged(make_response(body), etag)


def _tagged(response: Response, etag: str | None) -> Response:
    if etag is not None:
        response.headers["ETag"] = quote_etag(etag, weak=True)
        response.headers["Cache-Control"] = CACHE
    return response
