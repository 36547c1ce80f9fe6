"""The 500s found by hand and by the generated test, now refusals with a page and a request id;
and multi-item forms that save all their items or none."""

from __future__ import annotations

from datetime import date, datetime

from flask import Flask
from flask.testing import FlaskClient

from tests.web.conftest import new_trip, post, text_of, visible
from tests.web.world import SETUP


def _events(app: Flask) -> int:
    return app.extensions["planner"].app.recorder.max_notification_id() or 0


def _meeting(app: Flask, trip_id: object, leg: str) -> object:
    return app.extensions["planner"].app.schedule_meeting(
        trip_id, actor=SETUP, kind="official meeting", title="Meeting at BMW Group",
        venue="BMW Welt", city="Munich", timezone="Europe/Berlin",
        starts=datetime(2024, 11, 20, 10), ends=datetime(2024, 11, 20, 11), leg_id=leg)


def test_scheduling_or_moving_a_meeting_to_year_0001_is_refused_by_field(
        app: Flask, organiser: FlaskClient) -> None:
    trip_id, munich = new_trip(app, title="Year one trip")
    before = _events(app)
    response = post(organiser, f"/trips/{trip_id}/meetings/new", kind="official meeting",
                    title="Too early", venue="", city="Munich", timezone="Europe/Berlin",
                    leg_id=munich, starts_at="0001-01-01T00:30", ends_at="0001-01-01T01:30")
    assert response.status_code == 422
    assert "must be between 1900 and 2200" in visible(response)
    meeting = _meeting(app, trip_id, munich)
    version = app.extensions["planner"].app.get_meeting(meeting)["version"]
    before = _events(app)
    response = post(organiser, f"/meetings/{meeting}/move", starts_at="0001-01-01T00:00",
                    ends_at="0001-01-01T01:00", reason="typo", expected_version=version)
    assert response.status_code == 422
    assert "starts_at" in text_of(response) and "must be between 1900 and 2200" in visible(
        response)
    assert _events(app) == before


def test_removing_an_already_removed_leg_answers_with_a_page_and_a_request_id(
        app: Flask, organiser: FlaskClient) -> None:
    trip_id, _ = new_trip(app, title="Two legs, one removed twice")
    commands = app.extensions["planner"].app
    commands.change_trip_dates(trip_id, actor=SETUP, starts_on=date(2024, 11, 19),
                               ends_on=date(2024, 11, 24), reason="longer")
    leg = commands.add_leg(trip_id, actor=SETUP, city="Berlin", country="Germany",
                           timezone="Europe/Berlin", arrives_on=date(2024, 11, 22),
                           departs_on=date(2024, 11, 24))
    stale = commands.get_trip(trip_id)["version"]
    assert post(organiser, f"/trips/{trip_id}/legs/{leg}/remove", remove_reason="not going",
                expected_version=stale).status_code == 302
    before = _events(app)
    for version in (stale, commands.get_trip(trip_id)["version"]):
        response = post(organiser, f"/trips/{trip_id}/legs/{leg}/remove",
                        remove_reason="not going", expected_version=version)
        assert response.status_code in (409, 422), text_of(response)
        assert response.headers["X-Request-Id"] in text_of(response)
        assert "Request id" in visible(response)
    assert _events(app) == before


def test_attaching_several_profiles_is_all_or_nothing(app: Flask,
                                                      organiser: FlaskClient) -> None:
    commands = app.extensions["planner"].app
    trip_id, _ = new_trip(app, title="Profiles handed over at once")
    first, second = (commands.register_profile(actor=SETUP, name=name, kind="company",
                                               country="Germany")
                     for name in ("Leipziger Messe GmbH", "DHL Hub Leipzig GmbH"))
    before = _events(app)
    response = organiser.post(f"/trips/{trip_id}/profiles", data={
        "csrf_token": organiser.csrf,  # type: ignore[attr-defined]
        "profile_id": [str(first), "00000000-0000-4000-8000-000000000000", str(second)]})
    assert response.status_code == 422
    assert "there is no company profile" in visible(response)
    assert _events(app) == before and commands.get_trip(trip_id)["profiles"] == []

    response = organiser.post(f"/trips/{trip_id}/profiles", data={
        "csrf_token": organiser.csrf,  # type: ignore[attr-defined]
        "profile_id": [str(first), str(second)]})
    assert response.status_code == 302, text_of(response)
    attached = {p["profile_id"] for p in commands.get_trip(trip_id)["profiles"]}
    assert attached == {str(first), str(second)}
    assert _events(app) == before + 2


def test_adding_several_attendees_is_all_or_nothing(app: Flask,
                                                    organiser: FlaskClient) -> None:
    commands = app.extensions["planner"].app
    world = app.extensions["test_world"]
    trip_id, munich = new_trip(app, title="Attendees added at once")
    meeting = commands.schedule_meeting(
        trip_id, actor=SETUP, kind="company visit", title="Siemens visit", venue="Siemens",
        city="Munich", timezone="Europe/Berlin", leg_id=munich,
        starts=datetime(2024, 11, 20, 14),
        ends=datetime(2024, 11, 20, 15))
    outsider = commands.register_person(actor=SETUP, name="Not in the delegation",
                                        home_timezone="Europe/Berlin")
    before = _events(app)
    response = organiser.post(f"/meetings/{meeting}/attendees", data={
        "csrf_token": organiser.csrf,  # type: ignore[attr-defined]
        "person_id": [str(world.koerner), str(outsider)]})
    assert response.status_code == 422
    assert _events(app) == before and commands.get_meeting(meeting)["attendees"] == []

    response = organiser.post(f"/meetings/{meeting}/attendees", data={
        "csrf_token": organiser.csrf,  # type: ignore[attr-defined]
        "person_id": [str(world.koerner), str(world.han)]})
    assert response.status_code == 302, text_of(response)
    assert set(commands.get_meeting(meeting)["attendees"]) == {str(world.koerner),
                                                               str(world.han)}


def test_odd_digits_in_page_year_and_version_arguments_are_not_500s(
        app: Flask, organiser: FlaskClient, auditor: FlaskClient) -> None:
    """'²' and '٣' pass str.isdigit, and 5000 digits are too many for int()."""
    world = app.extensions["test_world"]
    for odd in ("²", "٣", "9" * 5000, "-1", "0"):
        for address in (f"/trips?page={odd}", f"/companies?page={odd}"):
            assert organiser.get(address).status_code == 200, address
        assert organiser.get(f"/trips?year={odd}").status_code in (200, 422), odd
        response = auditor.get(f"/audit/records/{world.trip_id}/as-of?version={odd}")
        assert response.status_code < 500, odd
