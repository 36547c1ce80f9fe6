"""Every operation of the trips, meetings, schedule and calendar API for every role and
organisation, with a token (and without one, and with a revoked one).

Each operation is sent as a refused or harmless request: GETs as they are, every change with
a body of one unknown field (`{"colour": "red"}`), which an account allowed to make the
change gets refused with 422, so nothing in the world changes whoever asks. The expected
status comes from the operation's guard (the web UI's own, web.access) and the role; every
refusal is checked to have written no event. `RULES` is the specification by guard.
"""

from __future__ import annotations

import pytest
from flask import Flask, url_for

from tests.web.api.kit import ApiClient
from tests.web.conftest import event_count
from tests.web.world import TRIP_TITLE, World
from web.access import access_rule

MODULES = ("accounts", "trips", "trip_parts", "meetings", "meeting_parts", "calendars")
ROLES = ("organiser", "organiser:plan", "organiser:view", "organiser:other", "member",
         "outsider", "auditor", "auditor:global", "administrator:own", None, "revoked")
RULES = """
guard           organiser plan view other member outsider auditor global admin none revoked
signed_in       200       200  200  200   200    200      200     200    200   401  401
organiser       422       422  422  422   403    403      403     403    422   401  401
trip_reader     200       200  200  404   200    404      200     200    200   401  401
trip_planner    422       422  403  404   403    403      403     403    422   401  401
trip_owner      422       403  403  404   403    403      403     403    422   401  401
own_preferences 422       422  422  422   422    422      403     403    422   401  401
person_reader   200       200  200  404   200    404      200     200    200   401  401
"""
GUARDS = {"signed in": "signed_in", "organiser": "organiser", "trip reader": "trip_reader",
          "trip planner": "trip_planner", "trip owner": "trip_owner",
          "own preferences": "own_preferences", "person reader": "person_reader"}
EXPECTED = {row.split()[0]: dict(zip(ROLES, map(int, row.split()[1:]), strict=True))
            for row in RULES.strip().splitlines()[1:]}


def operations(app: Flask) -> list[tuple[str, str]]:
    return sorted((rule.endpoint, method) for rule in app.url_map.iter_rules()
                  if rule.endpoint.startswith("api.")
                  and app.view_functions[rule.endpoint].__module__.rsplit(".", 1)[-1] in MODULES
                  for method in rule.methods - {"HEAD", "OPTIONS"})


def _address(app: Flask, world: World, endpoint: str) -> str:
    rule = next(r for r in app.url_map.iter_rules() if r.endpoint == endpoint)
    with app.test_request_context():
        return url_for(endpoint, **{name: world.ids[name] for name in rule.arguments})


@pytest.fixture(scope="module")
def revoked(app: Flask) -> str:
    planner = app.extensions["planner"]
    token_id, secret = planner.app.issue_api_token("organiser@test.example", actor="test")
    planner.app.revoke_api_token(token_id, actor="test", reason="test")
    return secret


def test_every_operation_has_a_guard_in_the_rules(app: Flask) -> None:
    for endpoint, _ in operations(app):
        assert GUARDS.get(access_rule(app, endpoint)) in EXPECTED, endpoint


@pytest.mark.parametrize("role", ROLES, ids=[str(r) for r in ROLES])
def test_each_operation_answers_each_role_as_its_guard_says(
        app: Flask, world: World, tokens: dict[str, str], revoked: str,
        role: str | None) -> None:
    planner = app.extensions["planner"]
    token = revoked if role == "revoked" else tokens.get(role or "")
    client = ApiClient(app, token)
    wrong = []
    for endpoint, method in operations(app):
        expected = EXPECTED[GUARDS[access_rule(app, endpoint)]][role]
        address = _address(app, world, endpoint)
        before = event_count(planner)
        if method == "GET":
            response = client.get(address)
        else:
            response = client.open(method, address, json={"colour": "red"})
            if expected == 200:
                expected = 422
        if response.status_code != expected:
            wrong.append(f"{method} {address}: {response.status_code}, expected {expected}")
        if response.status_code >= 400:
            assert event_count(planner) == before, f"refused {method} {address} wrote"
        if response.status_code == 404:
            assert TRIP_TITLE not in response.get_data(as_text=True)
    assert wrong == []


def test_the_rules_cover_the_whole_trips_and_meetings_api(app: Flask) -> None:
    found = {endpoint for endpoint, _ in operations(app)}
    assert len(found) >= 35, sorted(found)
    assert {"api.schedule_meeting", "api.move_meeting", "api.trip_calendar",
            "api.person_schedule", "api.reset_member_calendar_link"} <= found
