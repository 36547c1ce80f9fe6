"""Absolute links work wherever the planner runs: from the request's host when
`[planner] base_url` is unset (`make demo PORT=5077`), the configured address when set, and
X-Forwarded-* headers only behind a proxy that is configured as such."""

from __future__ import annotations

import html
import re
from dataclasses import replace
from pathlib import Path

import pytest
from flask import Flask

from planner.settings import SettingsError, load_settings
from tests.calendar.test_calendar_web import ADDRESS, client_for, csrf_of
from web import create_app


def _address(web: Flask, **request: object) -> str:
    client = client_for(web, "koerner@calendar.test")
    response = client.post("/my/calendar/address", **request,
                           data={"csrf_token": csrf_of(web), "action": "reset"})
    assert response.status_code == 200
    return html.unescape(ADDRESS.search(response.get_data(as_text=True))[1])


def _app(web: Flask, **settings: object) -> Flask:
    planner = web.extensions["planner"]
    planner.settings = replace(planner.settings, **settings)
    app = create_app(planner.settings, planner=planner)
    app.config.update(TESTING=True)
    return app


def test_without_a_base_url_links_use_the_port_the_page_was_served_on(web: Flask) -> None:
    address = _address(_app(web, base_url=""), base_url="http://localhost:5077")
    assert address.startswith("http://localhost:5077/feeds/")


def test_the_calendar_links_back_to_the_host_it_was_fetched_from(web: Flask) -> None:
    app = _app(web, base_url="")
    feed = re.sub(r"^https?://[^/]+", "", _address(app, base_url="http://localhost:5078"))
    body = app.test_client().get(feed, base_url="http://localhost:5078").get_data(as_text=True)
    assert "http://localhost:5078/meetings/" in body.replace("\r\n ", "")


def test_a_configured_base_url_wins_over_the_request(web: Flask) -> None:
    app = _app(web, base_url="https://planner.example.org")
    assert _address(app, base_url="http://localhost:5077").startswith(
        "https://planner.example.org/feeds/")


def test_forwarded_headers_are_ignored_unless_behind_a_proxy(web: Flask) -> None:
    forwarded = {"X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https",
                 "Referer": "https://evil.example/my/schedule"}
    direct = _address(_app(web, base_url="", behind_proxy=False), headers=forwarded)
    assert direct.startswith("http://localhost/feeds/")
    proxied = _address(_app(web, base_url="", behind_proxy=True), headers=forwarded)
    assert proxied.startswith("https://evil.example/feeds/")


def test_outside_a_request_links_point_where_planner_serve_listens(tmp_path: Path) -> None:
    settings = load_settings(environ={"PLANNER_WEB_PORT": "5077"})
    assert settings.public_base_url == "http://127.0.0.1:5077"
    configured = load_settings(environ={"PLANNER_PLANNER_BASE_URL": "https://p.example.org/"})
    assert configured.public_base_url == "https://p.example.org"


def test_a_malformed_base_url_is_refused_naming_the_key() -> None:
    with pytest.raises(SettingsError, match=r"PLANNER_PLANNER_BASE_URL: must be an http"):
        load_settings(environ={"PLANNER_PLANNER_BASE_URL": "ftp://x"})
