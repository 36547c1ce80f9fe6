"""Issue 11's "done when", on the demo as `make demo` serves it: the Nanjing organiser plans
the Nanjing leg of the Leipzig trip, cannot change its dates, and cannot reach the Changsha
trip at all (SQLite file and PostgreSQL, signing in with the demo password)."""

from __future__ import annotations

import re

import pytest
from flask.testing import FlaskClient

from planner.demo.accounts import DEMO_PASSWORD
from tests.demo.conftest import LoadedDemo
from tests.web.conftest import form_token, text_of, visible
from web import create_app

NANJING_ORGANISER = "organiser@demo.nanjing.example"


def _signed_in(loaded: LoadedDemo, email: str) -> FlaskClient:
    if getattr(loaded.planner, "queries", None) is None:
        pytest.skip("in-memory storage has no read models, so no web UI")
    app = create_app(loaded.planner.settings, planner=loaded.planner)
    app.config.update(TESTING=True)
    client = app.test_client()
    token = form_token(text_of(client.get("/login")))
    answer = client.post("/login", data={"email": email, "password": DEMO_PASSWORD,
                                         "csrf_token": token})
    assert answer.status_code == 302, visible(answer)
    return client


def test_the_nanjing_organiser_plans_the_nanjing_leg_but_not_the_dates_nor_changsha(
        loaded: LoadedDemo) -> None:
    client = _signed_in(loaded, NANJING_ORGANISER)
    leipzig = loaded.trip("Nanjing and Jining")
    changsha = loaded.trip("Changsha")
    page = client.get(f"/trips/{leipzig['id']}")
    shown = text_of(page)
    assert page.status_code == 200 and "Delegation trip to Nanjing and Jining" in shown
    assert f"/trips/{leipzig['id']}/meetings/new" in shown, "it plans the programme"
    assert f"/trips/{leipzig['id']}/dates" not in shown, "no button for the owner's dates"
    new_meeting = client.get(f"/trips/{leipzig['id']}/meetings/new")
    assert new_meeting.status_code == 200
    token = form_token(text_of(new_meeting))
    nanjing_leg = next(leg for leg in leipzig["legs"] if leg["city"] == "Nanjing")
    assert client.get(f"/trips/{leipzig['id']}/legs/{nanjing_leg['leg_id']}").status_code == 200

    before = loaded.app.recorder.max_notification_id()
    dates = client.post(f"/trips/{leipzig['id']}/dates", data={
        "csrf_token": token, "starts_on": "2019-06-24", "ends_on": "2019-06-30",
        "reason": "arrive a day early", "expected_version": str(leipzig["version"])})
    assert dates.status_code == 403
    assert "owns the trip" in visible(dates)
    assert loaded.app.recorder.max_notification_id() == before, "nothing written"
    assert client.get(f"/trips/{changsha['id']}").status_code == 404
    assert "Changsha" not in visible(client.get("/trips"))

    # The history shows who planned the Nanjing leg: Nanjing's organiser, by name.
    meeting = loaded.meeting(leipzig, "Jiangbei")
    history = visible(client.get(f"/audit/records/{meeting['id']}/history"))
    assert "Demo organiser, Nanjing Foreign Affairs Office" in history


def test_the_leipzig_organiser_sees_the_partners_and_may_change_the_dates(
        loaded: LoadedDemo) -> None:
    client = _signed_in(loaded, "organiser@demo.invest-leipzig.example")
    leipzig = loaded.trip("Nanjing and Jining")
    shown = visible(client.get(f"/trips/{leipzig['id']}"))
    assert re.search(r"Nanjing Municipal People's Government.{0,40}plan", shown), shown[:2000]
    assert client.get(f"/trips/{leipzig['id']}/dates").status_code == 200
    assert client.get(f"/trips/{loaded.trip('Changsha')['id']}").status_code == 404
