"""A trip's own travel times on the web: the trip page shows the time between its cities
(the trip's own value marked, else the default), organisers who may plan the trip set or clear
one through the form, and the warnings use it. Refusals write nothing."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

import pytest
from flask import Flask

from tests.web.conftest import event_count, post, signed_in, visible
from tests.web.world import SETUP, World

SH = "Asia/Shanghai"


def chengdu_shanghai(app: Flask, world: World, title: str) -> UUID:
    """Chengdu, then Shanghai; the delegation flies on 12 May with 100 minutes to spare. The
    trip is shared with the world's plan and view partners, like the world's own trip."""
    cmd = app.extensions["planner"].app
    trip_id = cmd.create_trip(actor=SETUP, title=title, organiser="Invest Region Leipzig",
                              direction="outbound", home_timezone="Europe/Berlin",
                              starts_on=date(2027, 5, 10), ends_on=date(2027, 5, 15))
    legs = [cmd.add_leg(trip_id, actor=SETUP, city=city, country="China", timezone=SH,
                        arrives_on=date(2027, 5, first), departs_on=date(2027, 5, last))
            for city, first, last in (("Chengdu", 10, 12), ("Shanghai", 12, 15))]
    cmd.add_member(trip_id, actor=SETUP, person_id=world.koerner, role="head of delegation")
    for leg, city, title_, starts, ends in (
            (legs[0], "Chengdu", "Farewell at the Hi-Tech Zone", (9, 0), (10, 0)),
            (legs[1], "Shanghai", "Pudong investment forum", (11, 40), (13, 0))):
        cmd.schedule_meeting(trip_id, actor=SETUP, kind="official meeting", title=title_,
                             venue=f"{city} venue", city=city, timezone=SH,
                             starts=datetime(2027, 5, 12, *starts),
                             ends=datetime(2027, 5, 12, *ends), leg_id=leg,
                             attendees=[world.koerner])
    for tie, access in (("plan", "plan"), ("view", "view")):
        cmd.share_trip(trip_id, actor=SETUP, organisation_id=world.organisations[tie],
                       access=access, reason="partners of the Chengdu trip")
    return trip_id


def version(app: Flask, trip_id: UUID) -> str:
    return str(app.extensions["planner"].queries.trip(trip_id).version)


def test_an_organiser_sets_and_clears_a_travel_time_and_the_warnings_follow(
        app: Flask, world: World) -> None:
    trip_id = chengdu_shanghai(app, world, "Leipzig → Chengdu, May 2027")
    organiser = signed_in(app, "organiser")
    page = visible(organiser.get(f"/trips/{trip_id}"))
    assert "Travel times" in page and "Chengdu – Shanghai: 90 min default" in page
    assert "minutes to get from" not in page  # 100 minutes are more than 90
    form = visible(organiser.get(f"/trips/{trip_id}/travel-times"))
    assert "Set a travel time for this trip" in form

    saved = post(organiser, f"/trips/{trip_id}/travel-times", city_a="Chengdu",
                 city_b="Shanghai", minutes="180", reason="a flight, door to door",
                 expected_version=version(app, trip_id))
    assert saved.status_code == 302
    page = visible(organiser.get(f"/trips/{trip_id}"))
    assert "Chengdu – Shanghai: 180 min set for this trip (default 90)" in page
    assert "has 100 minutes to get from Chengdu" in page
    assert "at least 180 minutes are needed." in page

    cleared = post(organiser, f"/trips/{trip_id}/travel-times/clear", city_a="Chengdu",
                   city_b="Shanghai", expected_version=version(app, trip_id))
    assert cleared.status_code == 302
    page = visible(organiser.get(f"/trips/{trip_id}"))
    assert "Chengdu – Shanghai: 90 min default" in page
    assert "at least" not in page


@pytest.mark.parametrize("fields, says", [
    ({"minutes": ""}, "Minutes: must not be empty: give the minutes from 1 to 2880"),
    ({"minutes": "three hours"}, "Minutes: must be a whole number; got 'three hours'"),
    ({"minutes": "0"}, "Minutes: must be between 1 and 2880; got 0"),
    ({"minutes": "2881"}, "Minutes: must be between 1 and 2880; got 2881"),
    ({"city_b": "Chengdu"}, "To: must be another city than city_a"),
    ({"city_a": "Berlin"}, "From: must be a city of the trip's legs (Chengdu, Shanghai); "
                           "got 'Berlin'"),
    ({"city_a": ""}, "From: must not be empty: choose a city"),
])
def test_bad_input_is_refused_naming_the_field_and_writes_nothing(
        app: Flask, world: World, fields: dict[str, str], says: str) -> None:
    trip_id = chengdu_shanghai(app, world, f"Chengdu, refused: {sorted(fields.items())}")
    organiser = signed_in(app, "organiser")
    before = event_count(app.extensions["planner"])
    response = post(organiser, f"/trips/{trip_id}/travel-times",
                    **({"city_a": "Chengdu", "city_b": "Shanghai", "minutes": "180",
                        "expected_version": version(app, trip_id)} | fields))
    assert response.status_code == 422
    assert says.replace(": ", " : ", 1) in visible(response)  # "label : rule" at the top
    assert event_count(app.extensions["planner"]) == before


def test_clearing_a_pair_without_its_own_value_is_refused(app: Flask, world: World) -> None:
    trip_id = chengdu_shanghai(app, world, "Chengdu, nothing to clear")
    organiser = signed_in(app, "organiser")
    response = post(organiser, f"/trips/{trip_id}/travel-times/clear", city_a="Chengdu",
                    city_b="Shanghai", expected_version=version(app, trip_id))
    assert response.status_code == 422
    assert "the default applies already" in visible(response)


def test_a_stale_form_is_a_conflict(app: Flask, world: World) -> None:
    trip_id = chengdu_shanghai(app, world, "Chengdu, stale")
    organiser = signed_in(app, "organiser")
    seen = version(app, trip_id)
    assert post(organiser, f"/trips/{trip_id}/travel-times", city_a="Chengdu",
                city_b="Shanghai", minutes="180", expected_version=seen).status_code == 302
    before = event_count(app.extensions["planner"])
    again = post(organiser, f"/trips/{trip_id}/travel-times", city_a="Chengdu",
                 city_b="Shanghai", minutes="200", expected_version=seen)
    assert again.status_code == 409
    assert event_count(app.extensions["planner"]) == before


def test_plan_partners_set_view_partners_get_403_and_others_404(
        app: Flask, world: World) -> None:
    trip_id = chengdu_shanghai(app, world, "Chengdu, shared")
    address = f"/trips/{trip_id}/travel-times"
    planner = app.extensions["planner"]
    partner = signed_in(app, "organiser:plan")
    assert partner.get(address).status_code == 200
    assert post(partner, address, city_a="Shanghai", city_b="Chengdu", minutes="150",
                expected_version=version(app, trip_id)).status_code == 302
    before = event_count(planner)
    for who, status in (("organiser:view", 403), ("organiser:other", 404),
                        ("auditor:own", 403), ("member", 403)):
        client = signed_in(app, who)
        assert client.get(address).status_code == status, who
        assert post(client, address, city_a="Chengdu", city_b="Shanghai", minutes="60",
                    expected_version=version(app, trip_id)).status_code == status, who
        assert post(client, f"{address}/clear", city_a="Chengdu", city_b="Shanghai",
                    expected_version=version(app, trip_id)).status_code == status, who
    assert event_count(planner) == before
    viewer = visible(signed_in(app, "organiser:view").get(f"/trips/{trip_id}"))
    assert "Chengdu – Shanghai: 150 min set for this trip (default 90)" in viewer
    assert "Set travel times" not in viewer  # no link to a page they may not open
