"""Security headers on every page, no inline styles or scripts, feed tokens masked in logs."""

from __future__ import annotations

import logging
import re
import threading
import urllib.error
import urllib.request

import pytest
from flask import Flask
from werkzeug.serving import make_server

from tests.web.conftest import signed_in, text_of
from tests.web.world import World


@pytest.mark.parametrize("role,address", [("anonymous", "/login"), ("organiser", "/"),
                                          ("organiser", "/trips"), ("member", "/schedule"),
                                          ("member", "/me"), ("organiser", "/no-such-page")])
def test_every_page_forbids_framing_sniffing_and_inline_code(app: Flask, role: str,
                                                             address: str) -> None:
    response = signed_in(app, role).get(address)
    policy = response.headers.get("Content-Security-Policy", "")
    assert "frame-ancestors 'none'" in policy and "default-src 'none'" in policy
    assert "unsafe-inline" not in policy
    assert response.headers.get("X-Content-Type-Options") == "nosniff"
    assert response.headers.get("Referrer-Policy") == "same-origin"
    page = text_of(response)
    assert "<script" not in page and not re.search(r"\sstyle=", page), "inline code is blocked"


def test_the_feed_address_page_keeps_its_stricter_referrer_policy(app: Flask,
                                                                  world: World) -> None:
    from tests.web.conftest import post

    response = post(signed_in(app, "member"), "/my/calendar/address", action="create")
    assert response.status_code == 200
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert not re.search(r"\sstyle=", text_of(response)), "the QR page has no inline style"


def test_the_servers_access_log_never_holds_a_whole_feed_token(
        app: Flask, world: World, caplog: pytest.LogCaptureFixture) -> None:
    token = app.extensions["planner"].app.reset_feed_token(world.koerner, actor="test")
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        with caplog.at_level(logging.INFO, logger="werkzeug"):
            for path in (f"/feeds/{token}.ics", f"/feeds/{token}x.ics?x=1"):
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{server.port}{path}").read()
                except urllib.error.HTTPError:
                    pass
    finally:
        server.shutdown()
        thread.join()
    lines = [r.getMessage() for r in caplog.records if r.name == "werkzeug"]
    assert len([line for line in lines if "/feeds/" in line]) == 2, lines
    assert all(token not in line and token[:12] not in line for line in lines), lines
    assert any(f"/feeds/{token[:4]}…" in line for line in lines)


def test_the_apps_own_error_log_masks_feed_tokens_too(
        app: Flask, caplog: pytest.LogCaptureFixture) -> None:
    token = "Zk3-secretfeedtoken_0123456789abcdef"
    with caplog.at_level(logging.ERROR, logger=app.logger.name):
        app.logger.error("request %s failed: %s %s", "abc", "GET", f"/feeds/{token}.ics")
    assert token not in caplog.text and "/feeds/Zk3-….ics" in caplog.text
