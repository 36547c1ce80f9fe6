"""Text from users is shown, never run: HTML in every field is inert; any script renders.

Two payloads go into every text field: stored (created through the screens, then shown on every
page that displays them) and echoed (a refused form shows the input again).
"""

from __future__ import annotations

import pytest
from flask import Flask
from markupsafe import escape

from tests.web.conftest import post, signed_in, text_of
from tests.web.test_authorisation_matrix import ORGANISATION_TABLES, RULES, url
from tests.web.world import World

SCRIPT = "<script>alert(1)</script>"
ATTRIBUTE = '"><img src=x onerror=alert(1)>'
PAYLOADS = (SCRIPT, ATTRIBUTE)
FIELDS = ("title", "organiser", "purpose", "direction", "home_timezone", "starts_on",
          "ends_on", "reason", "objectives", "status", "city", "country", "timezone",
          "arrives_on", "departs_on", "remove_reason", "person_id", "role", "organisation",
          "name", "email", "new_role", "new_organisation", "profile_id", "kind", "leg_id",
          "venue", "starts_at", "ends_at", "counterparts", "agenda", "attendees", "summary",
          "ideas", "action", "owner", "due_on", "done_on", "password", "next",
          "expected_version")


def assert_inert(page: str, payload: str, where: str) -> None:
    assert payload not in page, f"{where}: the raw payload {payload!r} is in the page"
    assert "<img src=x" not in page and "<script>alert" not in page, where


@pytest.mark.parametrize("payload", PAYLOADS, ids=["script", "attribute"])
def test_stored_html_is_shown_as_text_on_every_page(app: Flask, world: World,
                                                    payload: str) -> None:
    organiser = signed_in(app, "organiser")
    p = payload
    created = post(organiser, "/trips/new", title=f"Trip {p}", organiser=f"Org {p}",
                   direction="outbound", home_timezone="Europe/Berlin",
                   starts_on="2024-05-01", ends_on="2024-05-05", purpose=f"Purpose {p}")
    trip = created.headers["Location"]
    post(organiser, f"{trip}/objectives", objectives=f"Goal {p}", expected_version="1")
    post(organiser, f"{trip}/legs/new", city=f"City {p}", country=f"Land {p}",
         timezone="Europe/Berlin", arrives_on="2024-05-01", departs_on="2024-05-05",
         expected_version="2")
    post(organiser, f"{trip}/people", name=f"Name {p}", title=f"Title {p}", email="",
         home_timezone="Europe/Berlin", new_role="adviser", new_organisation=f"Firm {p}")
    trip_id = trip.rsplit("/", 1)[1]
    detail = app.extensions["planner"].queries.trip(trip_id)
    person = str(detail.members[0].person_id)
    scheduled = post(organiser, f"{trip}/meetings/new", title=f"Meeting {p}", kind="dinner",
                     leg_id=detail.legs[0].leg_id, venue=f"Venue {p}", city="", timezone="",
                     starts_at="2024-05-02T19:00", ends_at="2024-05-02T21:00",
                     counterparts=f"Partner {p}", agenda=f"Agenda {p}", attendees=person)
    meeting = scheduled.headers["Location"]
    post(organiser, f"{meeting}/outcome", summary=f"Summary {p}", ideas=f"Idea {p}",
         expected_version="1")
    post(organiser, f"{meeting}/followups", action=f"Action {p}", owner=f"Owner {p}",
         due_on="2024-06-01")
    assert len(app.extensions["planner"].queries.meeting(meeting.rsplit("/", 1)[1]).followups) == 1

    pages = ["/", "/trips", trip, f"{trip}/edit", f"{trip}/objectives", f"{trip}/members",
             f"{trip}/legs/{detail.legs[0].leg_id}", f"{trip}/meetings/new", meeting,
             f"{meeting}/outcome", f"{meeting}/followups", f"{meeting}/change",
             f"/trips?city=City {p}"]
    for page in pages:
        response = organiser.get(page)
        assert response.status_code == 200, page
        html = text_of(response)
        assert_inert(html, payload, page)
    assert str(escape(f"Meeting {p}")) in text_of(organiser.get(meeting)), "shown, escaped"
    stale = post(organiser, f"{trip}/edit", title=f"Stale {p}", organiser="x",
                 direction="outbound", home_timezone="Europe/Berlin", reason=f"Why {p}",
                 expected_version="1")
    assert stale.status_code == 409
    assert_inert(text_of(stale), payload, "the stale-edit page")


POSTS = sorted(key for key in RULES if key[1] == "POST")


@pytest.mark.parametrize(("endpoint", "method"), POSTS, ids=[e for e, _ in POSTS])
def test_a_refused_form_shows_the_input_again_as_text(app: Flask, world: World,
                                                      endpoint: str, method: str) -> None:
    if RULES[(endpoint, method)]["organiser"] != 403:
        role = "organiser"
    elif ORGANISATION_TABLES["administrator"][(endpoint, method)]["own"] != 403:
        role = "administrator:own"  # organisations and the global-auditor flag
    else:
        role = "auditor"
    for payload in PAYLOADS:
        client = signed_in(app, role)
        response = post(client, url(app, world, endpoint), **dict.fromkeys(FIELDS, payload))
        assert response.status_code in (302, 303, 401, 404, 422), endpoint
        assert_inert(text_of(response), payload, endpoint)


def test_query_strings_are_shown_as_text(app: Flask) -> None:
    organiser = signed_in(app, "organiser")
    for payload in PAYLOADS:
        assert_inert(text_of(organiser.get("/trips", query_string={
            "city": payload, "country": payload, "organiser": payload})), payload, "filters")
        assert_inert(text_of(app.test_client().get("/login", query_string={"next": payload})),
                     payload, "login")


def test_german_and_chinese_names_round_trip_through_forms_and_pages(app: Flask,
                                                                    world: World) -> None:
    organiser = signed_in(app, "organiser")
    title = "Delegationsreise nach 南京 und 济宁 – Körner, Schülke & Jung"
    created = post(organiser, "/trips/new", title=title, organiser="Stadt Leipzig, Amt für "
                   "Wirtschaftsförderung", direction="outbound", home_timezone="Europe/Berlin",
                   starts_on="2024-06-25", ends_on="2024-06-30")
    trip = created.headers["Location"]
    post(organiser, f"{trip}/people", name="韩立明 (Hán Lìmíng)", title="副市长",
         email="", home_timezone="Asia/Shanghai", new_role="official",
         new_organisation="南京市人民政府")
    response = organiser.get(trip)
    assert response.headers["Content-Type"] == "text/html; charset=utf-8"
    page = text_of(response)
    assert '<html lang="en">' in page and '<meta charset="utf-8">' in page
    assert str(escape(title)) in page
    assert "韩立明 (Hán Lìmíng)" in page and "南京市人民政府" in page
    row = app.extensions["planner"].queries.trip(trip.rsplit("/", 1)[1])
    assert row.title == title and row.organiser == "Stadt Leipzig, Amt für Wirtschaftsförderung"
    edit = text_of(organiser.get(f"{trip}/edit"))
    assert f'value="{escape(title)}"' in edit, "the edit form shows the name unchanged"
