"""Refusals a person can act on: messages beside the field, 403/404/409/500 pages, CSRF."""

from __future__ import annotations

import logging
import re

import pytest
from flask import Flask

from tests.web.conftest import new_trip, post, signed_in, text_of
from tests.web.test_authorisation_matrix import RULES, url
from tests.web.world import World


def _field_error(page: str, field: str) -> str:
    """The message shown directly under the input `field`."""
    match = re.search(rf'name="{field}".*?<p class="error-text" id="e-{field}">([^<]*)</p>',
                      page, re.S)
    assert match, f"no error message beside {field}"
    return match[1]


def test_a_trip_ending_before_it_starts_is_refused_beside_the_last_day(app: Flask) -> None:
    organiser = signed_in(app, "organiser")
    before = app.extensions["planner"].queries.trips().total
    response = post(organiser, "/trips/new", title="Backwards", organiser="IRL",
                    direction="outbound", home_timezone="Europe/Berlin",
                    starts_on="2025-06-30", ends_on="2025-06-25")
    assert response.status_code == 422
    page = text_of(response)
    assert "must not be before starts_on" in _field_error(page, "ends_on")
    assert 'value="Backwards"' in page, "the input is kept"
    assert app.extensions["planner"].queries.trips().total == before, "nothing was created"


@pytest.mark.parametrize(("field", "value", "message"), [
    ("home_timezone", "Europe/Leipzig", "must be an IANA time zone"),
    ("starts_on", "25.06.2025", "must be a date as YYYY-MM-DD"),
    ("title", "", "must not be empty"),
    ("direction", "sideways", "must be one of"),
])
def test_each_bad_trip_field_is_named_with_its_rule(app: Flask, field: str, value: str,
                                                    message: str) -> None:
    fields = dict(title="Good", organiser="IRL", direction="outbound",
                  home_timezone="Europe/Berlin", starts_on="2025-06-25", ends_on="2025-06-30")
    fields[field] = value
    response = post(signed_in(app, "organiser"), "/trips/new", **fields)
    assert response.status_code == 422
    assert message in _field_error(text_of(response), field)


def test_a_meeting_outside_its_leg_is_refused_naming_the_rule(app: Flask) -> None:
    trip_id, munich = new_trip(app, title="Trip for a misplaced meeting")
    response = post(signed_in(app, "organiser"), f"/trips/{trip_id}/meetings/new",
                    title="Too late", kind="dinner", leg_id=munich, venue="", city="",
                    timezone="", starts_at="2024-11-23T19:00", ends_at="2024-11-23T21:00")
    assert response.status_code == 422
    assert "must fall within the trip" in text_of(response)


def test_a_local_time_skipped_by_daylight_saving_is_refused(app: Flask) -> None:
    trip_id, _ = new_trip(app, title="Trip over a clock change")
    app.extensions["planner"].app.change_trip_dates(
        trip_id, actor="test", starts_on=__import__("datetime").date(2024, 3, 30),
        ends_on=__import__("datetime").date(2024, 11, 22), reason="longer")
    response = post(signed_in(app, "organiser"), f"/trips/{trip_id}/meetings/new",
                    title="Night meeting", kind="official meeting", leg_id="", venue="",
                    city="Munich", timezone="Europe/Berlin", starts_at="2024-03-31T02:30",
                    ends_at="2024-03-31T03:30")
    assert response.status_code == 422
    assert "does not exist in Europe/Berlin" in _field_error(text_of(response), "starts_at")


def test_a_missing_record_gets_a_404_page_with_a_request_id(app: Flask) -> None:
    response = signed_in(app, "organiser").get(
        "/trips/00000000-0000-4000-8000-000000000000")
    assert response.status_code == 404
    page = text_of(response)
    assert "There is no trip with id" in page
    assert response.headers["X-Request-Id"] in page


@pytest.mark.parametrize("role", ["organiser", "member"])
def test_a_missing_meeting_is_a_404_for_every_reader(app: Flask, role: str) -> None:
    client = signed_in(app, role)
    for page in ("", "/calendar.ics"):
        response = client.get(f"/meetings/00000000-0000-4000-8000-000000000000{page}")
        assert response.status_code == 404
        assert "There is no meeting with id" in text_of(response)


def test_a_forbidden_page_says_why_with_a_request_id(app: Flask, world: World) -> None:
    response = signed_in(app, "auditor").get(f"/trips/{world.trip_id}/edit")
    assert response.status_code == 403
    page = text_of(response)
    assert "Only organisers can change plans" in page
    assert response.headers["X-Request-Id"] in page


def test_a_failure_is_logged_with_the_request_id_the_page_shows(
        fresh_app: Flask, caplog: pytest.LogCaptureFixture) -> None:
    from web import access

    @fresh_app.get("/explode")
    @access.public
    def explode() -> str:
        raise RuntimeError("secret internals")

    with caplog.at_level(logging.ERROR):
        response = fresh_app.test_client().get("/explode")
    assert response.status_code == 500
    page = text_of(response)
    request_id = response.headers["X-Request-Id"]
    assert request_id in page
    assert "secret internals" not in page and "Traceback" not in page
    assert any(request_id in record.getMessage() for record in caplog.records)


POSTS = sorted(key for key in RULES if key[1] == "POST")


@pytest.mark.parametrize(("endpoint", "method"), POSTS, ids=[e for e, _ in POSTS])
def test_every_form_is_refused_without_its_csrf_token(app: Flask, world: World,
                                                      endpoint: str, method: str) -> None:
    client = signed_in(app, "organiser")
    position = app.extensions["planner"].queries.position()
    response = client.post(url(app, world, endpoint), data={"title": "x", "reason": "x"})
    if endpoint.startswith("api."):  # the JSON API takes no cookies, so it needs no CSRF token
        assert response.status_code == 401, "a session is no API token"
        assert app.extensions["planner"].queries.position() == position, "nothing was written"
        return
    assert response.status_code == 400
    assert "security token" in text_of(response)
    wrong = client.post(url(app, world, endpoint), data={"csrf_token": "forged"})
    assert wrong.status_code == 400
    assert app.extensions["planner"].queries.position() == position, "nothing was written"


def test_an_app_without_read_models_refuses_to_start(settings) -> None:  # noqa: ANN001
    from planner.bootstrap import MEMORY, build
    from web import create_app

    planner = build(settings, database_url=MEMORY)
    with pytest.raises(RuntimeError, match="needs SQL storage"):
        create_app(settings, planner=planner)
    planner.close()


def test_a_view_without_an_access_decorator_stops_the_app_from_starting() -> None:
    from flask import Flask as F

    from web.access import check_every_view_is_guarded

    bare = F("bare")
    bare.add_url_rule("/open", "open", lambda: "hole")
    with pytest.raises(RuntimeError, match="open"):
        check_every_view_is_guarded(bare)


@pytest.mark.parametrize("page", ["trips/{trip}/as-of", "people/{person}/calendar"])
def test_a_past_view_names_a_moment_it_cannot_show(app: Flask, world: World, page: str) -> None:
    auditor = signed_in(app, "auditor")
    address = "/audit/" + page.format(trip=world.trip_id, person=world.koerner)
    assert auditor.get(address).status_code == 200, "without a moment: the form to choose one"
    unreadable = auditor.get(f"{address}?at=soon")
    assert unreadable.status_code == 422 and "soon" in text_of(unreadable)
    too_early = auditor.get(f"{address}?at=2000-01-01")
    assert too_early.status_code == 422 and "did not exist yet" in text_of(too_early)
    assert auditor.get(f"/audit/trips/{world.koerner}/as-of").status_code == 404
