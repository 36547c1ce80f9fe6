"""API fixtures: a token for every account of the test world, clients that use them."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from flask import Flask

from tests.web.api.kit import ApiClient
from tests.web.world import EMAILS

SETUP = "test:setup"


@pytest.fixture(scope="session")
def tokens(app: Flask) -> dict[str, str]:
    """A token per role key of tests.web.world.EMAILS ("organiser", "member", "auditor:plan"
    ...), issued once for the session."""
    planner = app.extensions["planner"]
    return {role: planner.app.issue_api_token(email, actor=SETUP, name=f"test {role}")[1]
            for role, email in EMAILS.items()}


@pytest.fixture
def api(app: Flask, tokens: dict[str, str]) -> Callable[[str | None], ApiClient]:
    """`api("organiser")`: a client with that account's token; `api(None)`: no token."""
    return lambda role: ApiClient(app, tokens[role] if role else None)
