"""The API tests of profiles, agreements, warnings, history, the feed and generated input
(issue 12, api-records) on a world of their own: they create many records (a new set per
allowed write), which would otherwise crowd the first pages of lists that the web tests read
on the shared world. `app`, `world` and `tokens` are overridden together, so that no
session-wide fixture computed for the shared world is reused here.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask

from planner.passwords import hash_password
from tests.web.api.conftest import SETUP
from tests.web.conftest import make_app
from tests.web.world import EMAILS, PASSWORD, World, build_world


@pytest.fixture(scope="session")
def records_world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Flask, World]]:
    app, planner = make_app(tmp_path_factory.mktemp("api-records"))
    world = build_world(planner, hash_=hash_password(PASSWORD))
    yield app, world
    planner.close()


@pytest.fixture(scope="session")
def app(records_world: tuple[Flask, World]) -> Flask:
    return records_world[0]


@pytest.fixture(scope="session")
def world(records_world: tuple[Flask, World]) -> World:
    return records_world[1]


@pytest.fixture(scope="session")
def tokens(app: Flask) -> dict[str, str]:
    """A token per account of this world (as tests.web.api.conftest's)."""
    planner = app.extensions["planner"]
    return {role: planner.app.issue_api_token(email, actor=SETUP, name=f"test {role}")[1]
            for role, email in EMAILS.items()}
