"""Issue 15, items 3 and 5: a place's zone is proposed from its country (or refused with the
country's zones and similar names, writing nothing), and adding people to a delegation takes
sensible defaults."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient

from tests.web.conftest import event_count, new_trip, post, text_of, visible


def _planner(app: Flask):  # noqa: ANN202
    return app.extensions["planner"]


def _version(app: Flask, trip_id: object) -> str:
    return str(_planner(app).queries.trip(trip_id).version)


def _legs(app: Flask, trip_id: object) -> dict[str, str]:
    return {leg.city: leg.timezone for leg in _planner(app).queries.trip(trip_id).legs}


def test_a_legs_empty_zone_is_filled_in_from_a_one_zone_country(
        app: Flask, organiser: FlaskClient) -> None:
    trip_id, _ = new_trip(app, title="Chengdu without typing a zone")
    added = post(organiser, f"/trips/{trip_id}/legs/new", city="Chengdu", country="China",
                 timezone="", arrives_on="2024-11-22", departs_on="2024-11-22",
                 expected_version=_version(app, trip_id))
    assert added.status_code == 302
    assert _legs(app, trip_id)["Chengdu"] == "Asia/Shanghai"
    page = visible(organiser.get(added.headers["Location"]))
    assert "China uses one time zone: Asia/Shanghai" in page and "it is filled in" in page


def test_the_leg_form_says_the_zone_may_be_left_empty(app: Flask,
                                                      organiser: FlaskClient) -> None:
    trip_id, _ = new_trip(app, title="Leg form hint")
    page = text_of(organiser.get(f"/trips/{trip_id}/legs/new"))
    assert 'id="f-timezone" name="timezone" type="text" value=""' in page
    assert "Leave it empty for a country with one time zone" in page


def test_an_unknown_zone_is_refused_with_the_countrys_zone_and_nothing_is_written(
        app: Flask, organiser: FlaskClient) -> None:
    trip_id, _ = new_trip(app, title="Chengdu with a zone that does not exist")
    before = event_count(_planner(app))
    refused = post(organiser, f"/trips/{trip_id}/legs/new", city="Chengdu", country="中国",
                   timezone="Asia/Chengdu", arrives_on="2024-11-22", departs_on="2024-11-22",
                   expected_version=_version(app, trip_id))
    assert refused.status_code == 422
    page = visible(refused)
    assert "Asia/Chengdu is unknown; China uses one time zone: Asia/Shanghai" in page
    assert 'value="Asia/Chengdu"' in text_of(refused), "what was typed stays in the form"
    assert event_count(_planner(app)) == before
    assert "Chengdu" not in _legs(app, trip_id)


def test_a_misspelt_zone_names_the_nearest_zone(app: Flask, organiser: FlaskClient) -> None:
    trip_id, _ = new_trip(app, title="Berlin misspelt")
    before = event_count(_planner(app))
    refused = post(organiser, f"/trips/{trip_id}/legs/new", city="Berlin", country="Narnia",
                   timezone="Europe/Berln", arrives_on="2024-11-22", departs_on="2024-11-22",
                   expected_version=_version(app, trip_id))
    assert refused.status_code == 422
    assert "Europe/Berln is unknown; similar names: Europe/Berlin" in visible(refused)
    assert event_count(_planner(app)) == before


def test_a_country_of_several_zones_asks_for_one_unless_the_city_names_it(
        app: Flask, organiser: FlaskClient) -> None:
    trip_id, _ = new_trip(app, title="Two American cities")
    before = event_count(_planner(app))
    refused = post(organiser, f"/trips/{trip_id}/legs/new", city="Springfield",
                   country="United States", timezone="", arrives_on="2024-11-22",
                   departs_on="2024-11-22", expected_version=_version(app, trip_id))
    assert refused.status_code == 422
    assert ("must not be empty: United States uses several time zones: "
            "America/New_York (Eastern (most areas)); America/Chicago") in visible(refused)
    assert event_count(_planner(app)) == before
    added = post(organiser, f"/trips/{trip_id}/legs/new", city="Chicago", country="USA",
                 timezone="", arrives_on="2024-11-22", departs_on="2024-11-22",
                 expected_version=_version(app, trip_id))
    assert added.status_code == 302
    assert _legs(app, trip_id)["Chicago"] == "America/Chicago"
