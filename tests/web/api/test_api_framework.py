"""The API's frame: the generated document, tokens, problem documents, limits."""

from __future__ import annotations

from collections.abc import Callable

from flask import Flask

from tests.web.api.kit import ApiClient, document_of
from tests.web.conftest import event_count
from tests.web.world import ORGANISER


def test_the_document_is_generated_valid_and_served_with_a_docs_page(app: Flask) -> None:
    doc = document_of(app)  # validated by openapi-spec-validator
    assert doc["openapi"].startswith("3.1")
    assert "/api/v1/me" in doc["paths"]
    assert doc["components"]["securitySchemes"]["bearer"]["scheme"] == "bearer"
    page = app.test_client().get("/api/v1/docs")
    assert page.status_code == 200 and "/api/v1/openapi.json" in page.get_data(as_text=True)
    for name in ("swagger-ui.css", "swagger-ui-bundle.js"):
        assert app.test_client().get(f"/api/v1/docs/{name}").status_code == 200


def test_a_token_acts_as_its_account(api: Callable[[str | None], ApiClient]) -> None:
    me = api("organiser").get("me")
    assert me.status_code == 200
    assert me.get_json()["email"] == ORGANISER and me.get_json()["role"] == "organiser"
    assert api("member").get("me").get_json()["role"] == "participant"


def test_no_token_or_a_wrong_one_is_401_as_a_problem(app: Flask,
                                                     api: Callable[[str | None], ApiClient]
                                                     ) -> None:
    for client in (api(None), ApiClient(app, "dpt_not-a-token")):
        response = client.get("me")
        assert response.status_code == 401
        assert response.mimetype == "application/problem+json"
        assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_a_browser_session_cannot_use_the_api(app: Flask) -> None:
    from tests.web.conftest import signed_in

    client = signed_in(app, "organiser")
    assert client.get("/api/v1/me").status_code == 401


def test_revoking_a_token_takes_effect_at_once(app: Flask) -> None:
    planner = app.extensions["planner"]
    token_id, secret = planner.app.issue_api_token(ORGANISER, actor="test", name="to revoke")
    client = ApiClient(app, secret)
    assert client.get("me").status_code == 200
    before = event_count(planner)
    planner.app.revoke_api_token(token_id, actor="test", reason="leaked")
    assert event_count(planner) == before + 1, "revoking is an event"
    assert client.get("me").status_code == 401


def test_unknown_routes_and_methods_are_problems(api: Callable[[str | None], ApiClient]
                                                 ) -> None:
    client = api("organiser")
    assert client.get("no-such-thing").status_code == 404
    wrong = client.post("me", json={})
    assert wrong.status_code == 405 and "GET" in wrong.headers["Allow"]



def test_requests_over_the_rate_limit_get_429_with_retry_after(app: Flask) -> None:
    planner = app.extensions["planner"]
    _, secret = planner.app.issue_api_token(ORGANISER, actor="test", name="busy")
    client = ApiClient(app, secret)
    app.config["API_RATE_LIMIT"] = "3 per minute"
    try:
        answers = [client.get("me").status_code for _ in range(4)]
        refused = client.get("me")
    finally:
        app.config.pop("API_RATE_LIMIT")
    assert answers[:3] == [200, 200, 200] and answers[3] == 429
    assert int(refused.headers["Retry-After"]) >= 1
