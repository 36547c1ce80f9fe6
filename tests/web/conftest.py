"""Fixtures for the web tests, cheapest first.

One SQLite database with the test world is built per session (`world_app`); tests that change
records create their own trip on it, so they never disturb each other. `fresh_app` gives a
test its own empty database when it needs one.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from planner.bootstrap import Planner, build
from planner.passwords import hash_password
from planner.settings import load_settings
from tests.web.world import EMAILS, PASSWORD, World, build_world
from web import create_app

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def make_app(folder: Path) -> tuple[Flask, Planner]:
    settings = load_settings(environ={}, instance_path=str(folder / "instance"))
    planner = build(settings, database_url=f"sqlite:///{folder / 'planner.sqlite3'}")
    app = create_app(settings, planner=planner)
    app.config.update(TESTING=True)
    return app, planner


@pytest.fixture(scope="session")
def world_app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Flask, World]]:
    app, planner = make_app(tmp_path_factory.mktemp("web"))
    world = build_world(planner, hash_=hash_password(PASSWORD))
    app.extensions["test_world"] = world
    yield app, world
    planner.close()


@pytest.fixture(scope="session")
def app(world_app: tuple[Flask, World]) -> Flask:
    return world_app[0]


@pytest.fixture(scope="session")
def world(world_app: tuple[Flask, World]) -> World:
    return world_app[1]


@pytest.fixture
def fresh_app(tmp_path: Path) -> Iterator[Flask]:
    """An app on its own empty database (for start-up and account tests)."""
    app, planner = make_app(tmp_path)
    yield app
    planner.close()


def settle_background_verifications() -> None:
    """A POST to the verification page starts a background check that records its verdict as
    an event when done: let it finish, so its event counts for the request that started it
    (303), never for a later, refused one."""
    for thread in threading.enumerate():
        if thread.name.startswith("verify-"):
            thread.join(timeout=60)


def event_count(planner: Planner) -> int:
    table = planner.events_table
    with planner.engine.connect() as conn:  # type: ignore[union-attr]
        return conn.execute(select(func.count()).select_from(table)).scalar_one()


def open_session(client: FlaskClient, email: str | None = None) -> str:
    """Put a signed-in session for `email` (None: anonymous) into `client`'s cookie, as a
    successful login would; returns the form token (CSRF) that belongs to that session."""
    from itsdangerous import URLSafeTimedSerializer

    from web.access import session_values

    app = client.application
    raw = f"test-token-{email or 'anonymous'}"
    values: dict[str, object] = {}
    if email:
        with app.app_context():
            values = session_values(email)
    with client.session_transaction() as session:
        session.clear()
        session.update(values)
        session["csrf_token"] = raw
    return URLSafeTimedSerializer(app.secret_key, salt="wtf-csrf-token").dumps(raw)


def signed_in(app: Flask, role: str) -> FlaskClient:
    """A client whose session belongs to `role`'s account (no password round trip: fast).

    The client's CSRF token is known: `client.csrf`.
    """
    client = app.test_client()
    client.csrf = open_session(client, None if role == "anonymous" else EMAILS[role])  # type: ignore[attr-defined]
    return client


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return signed_in(app, "anonymous")


@pytest.fixture
def organiser(app: Flask) -> FlaskClient:
    return signed_in(app, "organiser")


@pytest.fixture
def member(app: Flask) -> FlaskClient:
    return signed_in(app, "member")


@pytest.fixture
def outsider(app: Flask) -> FlaskClient:
    return signed_in(app, "outsider")


@pytest.fixture
def auditor(app: Flask) -> FlaskClient:
    return signed_in(app, "auditor")


@pytest.fixture
def runner(app: Flask):  # noqa: ANN201 - FlaskCliRunner
    return app.test_cli_runner()


def form_token(html: str) -> str:
    match = CSRF.search(html)
    assert match, "the page has no CSRF field"
    return match[1]


def post(client: FlaskClient, address: str, **data: object):  # noqa: ANN201 - TestResponse
    """Submit a form as the browser would: with the session's CSRF token."""
    fields = {"csrf_token": client.csrf, **data}  # type: ignore[attr-defined]
    return client.post(address, data=fields)


def text_of(response) -> str:  # noqa: ANN001
    return response.get_data(as_text=True)


def visible(response) -> str:  # noqa: ANN001
    """The page's text as a reader sees it: tags dropped, white space collapsed."""
    import html

    without_tags = re.sub(r"<[^>]+>", " ", text_of(response))
    return re.sub(r"\s+", " ", html.unescape(without_tags))


def new_trip(app: Flask, title: str = "Nanjing mayor's study visit to Munich", **extra: object):
    """A trip of the test's own (two legs, Körner and Han in the delegation) via the commands."""
    from datetime import date

    from tests.web.world import SETUP

    planner_app = app.extensions["planner"].app
    world: World = app.extensions["test_world"]
    trip_id = planner_app.create_trip(
        actor=SETUP, title=title, organiser="Nanjing Foreign Affairs Office",
        direction="inbound", home_timezone="Asia/Shanghai", starts_on=date(2024, 11, 19),
        ends_on=date(2024, 11, 22))
    munich = planner_app.add_leg(trip_id, actor=SETUP, city="Munich", country="Germany",
                                 timezone="Europe/Berlin", arrives_on=date(2024, 11, 19),
                                 departs_on=date(2024, 11, 22))
    for person in (world.koerner, world.han):
        planner_app.add_member(trip_id, actor=SETUP, person_id=person, role="official")
    return trip_id, munich
