"""Issue 15's walkthrough (docs/walkthrough.md) found steps a mature product does not need:
the organising organisation is the organiser's own, a two-city trip's travel-time form has its
one pair chosen, and a meeting page schedules the next meeting in the same leg."""

from __future__ import annotations

import re
from datetime import date

from flask import Flask
from flask.testing import FlaskClient

from tests.web.conftest import text_of
from tests.web.world import SETUP, World


def _value(html: str, field: str) -> str:
    found = re.search(rf'<input id="f-{field}" name="{field}"[^>]* value="([^"]*)"', html)
    assert found, f"no {field} field"
    return found[1]


def _chosen(html: str, field: str) -> str:
    select = re.search(rf'<select id="f-{field}".*?</select>', html, re.S)
    assert select, f"no {field} list"
    chosen = re.findall(r'<option value="([^"]*)" selected>', select[0])
    return chosen[0] if chosen else ""


def test_a_new_trip_is_proposed_as_organised_by_the_organisers_own_organisation(
        app: Flask, world: World, organiser: FlaskClient) -> None:
    own = app.extensions["planner"].queries.organisation(world.organisations["own"])
    form = text_of(organiser.get("/trips/new"))
    assert own.name and _value(form, "organiser") == own.name


def test_a_trip_in_two_cities_has_its_one_pair_chosen_for_a_travel_time(
        app: Flask, world: World, organiser: FlaskClient) -> None:
    form = text_of(organiser.get(f"/trips/{world.trip_id}/travel-times"))
    assert (_chosen(form, "city_a"), _chosen(form, "city_b")) == ("Nanjing", "Jining")
    cmd = app.extensions["planner"].app
    trip_id = cmd.create_trip(actor=SETUP, title="Three cities, three pairs",
                              organiser="Invest Region Leipzig", direction="outbound",
                              home_timezone="Europe/Berlin", starts_on=date(2027, 5, 10),
                              ends_on=date(2027, 5, 16))
    for city, first, last in (("Chengdu", 10, 12), ("Shanghai", 12, 14), ("Nanjing", 14, 16)):
        cmd.add_leg(trip_id, actor=SETUP, city=city, country="China", timezone="Asia/Shanghai",
                    arrives_on=date(2027, 5, first), departs_on=date(2027, 5, last))
    three = text_of(organiser.get(f"/trips/{trip_id}/travel-times"))
    assert (_chosen(three, "city_a"), _chosen(three, "city_b")) == ("", ""), "the user picks"


def test_schedule_another_meeting_starts_in_the_leg_of_the_meeting_just_seen(
        world: World, organiser: FlaskClient) -> None:
    page = text_of(organiser.get(f"/meetings/{world.held_meeting_id}"))
    link = re.search(r'href="([^"]+)">Schedule another meeting<', page)
    assert link, "the meeting page offers to schedule another"
    form = text_of(organiser.get(link[1].replace("&amp;", "&")))
    assert _chosen(form, "leg_id") == str(world.jining_leg), "the held meeting's leg"
    assert _value(form, "starts_at") == "2019-06-28T09:00", "the day that leg begins"
    first = text_of(organiser.get(f"/trips/{world.trip_id}/meetings/new"))
    assert _chosen(first, "leg_id") == str(world.nanjing_leg), "without it, the first leg"


def test_the_old_single_purpose_meeting_pages_lead_to_the_one_change_page(
        world: World, organiser: FlaskClient) -> None:
    meeting = f"/meetings/{world.meeting_id}"
    for old, part in (("edit", "details"), ("move", "time"), ("relocate", "place"),
                      ("status", "status"), ("attendees", "attendees")):
        response = organiser.get(f"{meeting}/{old}")
        assert response.status_code == 302, old
        assert response.headers["Location"] == f"{meeting}/change#{part}", old
        assert f'id="{part}"' in text_of(organiser.get(f"{meeting}/change")), part
