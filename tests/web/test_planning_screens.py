"""Organisers plan through the screens; what they do shows on the pages people read."""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient

from tests.web.conftest import new_trip, post, text_of, visible
from tests.web.world import World


def _id_from(location: str, kind: str) -> str:
    match = re.search(rf"/{kind}/([0-9a-f-]{{36}})", location)
    assert match, location
    return match[1]


def test_an_organiser_builds_a_trip_with_two_legs_a_member_and_a_meeting(
        organiser: FlaskClient, member: FlaskClient, world: World) -> None:
    created = post(organiser, "/trips/new", title="Leipzig delegation, second visit",
                   organiser="Invest Region Leipzig", direction="outbound",
                   home_timezone="Europe/Berlin", starts_on="2025-06-23",
                   ends_on="2025-06-30", purpose="Companies meet partners")
    assert created.status_code == 302
    trip_id = _id_from(created.headers["Location"], "trips")
    assert post(organiser, f"/trips/{trip_id}/legs/new", city="Leipzig", country="Germany",
                timezone="Europe/Berlin", arrives_on="2025-06-23", departs_on="2025-06-24",
                expected_version="1").status_code == 302
    assert post(organiser, f"/trips/{trip_id}/legs/new", city="Nanjing", country="China",
                timezone="Asia/Shanghai", arrives_on="2025-06-24", departs_on="2025-06-30",
                expected_version="2").status_code == 302
    assert post(organiser, f"/trips/{trip_id}/members", person_id=str(world.koerner),
                role="head of delegation", organisation="Invest Region Leipzig"
                ).status_code == 302
    page = text_of(organiser.get(f"/trips/{trip_id}"))
    assert "Leipzig, Germany" in page and "Nanjing, China" in page
    assert "Asia/Shanghai" in page and "Michael Körner" in page

    form = text_of(organiser.get(f"/trips/{trip_id}/meetings/new"))
    nanjing_leg = re.search(r'<option value="([0-9a-f-]{36})">Nanjing', form)[1]
    scheduled = post(organiser, f"/trips/{trip_id}/meetings/new", title="Visit to the Zoo",
                     kind="company visit", leg_id=nanjing_leg, venue="Jiangbei New Area",
                     city="", timezone="", starts_at="2025-06-25T09:30",
                     ends_at="2025-06-25T11:00", attendees=str(world.koerner),
                     counterparts="Nanjing Jiangbei New Area\nECMDC", agenda="Tour")
    assert scheduled.status_code == 302
    meeting_id = _id_from(scheduled.headers["Location"], "meetings")
    shown = text_of(organiser.get(f"/meetings/{meeting_id}"))
    assert "09:30 CST" in shown, "local time at the venue, with the zone"
    assert "03:30 CEST" in shown, "and the trip's home time (Berlin) beside it"
    assert "Nanjing Jiangbei New Area, ECMDC" in shown

    moved = post(organiser, f"/meetings/{meeting_id}/move", starts_at="2025-06-25T14:00",
                 ends_at="2025-06-25T15:30", reason="The host asked for the afternoon",
                 expected_version="1")
    assert moved.status_code == 302
    schedule = visible(member.get("/schedule"))
    assert "Visit to the Zoo" in schedule
    assert "14:00–15:30 CST" in schedule, "local time at the venue"
    assert "08:00–09:30 CEST home" in schedule, "and Körner's home time"


def test_a_trip_page_shows_the_itinerary_by_leg_and_day_with_warnings_inline(
        app: Flask, organiser: FlaskClient, world: World) -> None:
    trip_id, munich = new_trip(app, title="Study visit with a double booking")
    planner_app = app.extensions["planner"].app
    for title in ("Exchange at BMW", "Reception at the town hall"):
        from datetime import datetime

        planner_app.schedule_meeting(trip_id, actor="test", kind="official meeting",
                                     title=title, venue="", city="Munich",
                                     timezone="Europe/Berlin", leg_id=munich,
                                     starts=datetime(2024, 11, 20, 10),
                                     ends=datetime(2024, 11, 20, 11),
                                     attendees=[world.han])
    page = visible(organiser.get(f"/trips/{trip_id}"))
    assert "Munich, Germany" in page
    assert "Wed 20 Nov 2024" in page, "a day heading in the leg"
    assert "10:00–11:00 CET" in page and "17:00–18:00 CST home" in page, \
        "local time and the trip's home time (Shanghai)"
    assert page.count("which overlap") == 1, "written out once, in the warnings box"
    assert "韩立明 attends ‘" in page, "naming the person it concerns"
    assert page.count("overlap : see warning 1") == 2, "both meetings link to it"


def test_the_trip_list_filters_by_city_and_status_and_pages(organiser: FlaskClient,
                                                             world: World) -> None:
    # Other tests of this session add trips (copies among them) that may fill the first page.
    everything = text_of(organiser.get("/trips?year=2019"))
    assert "Leipzig delegation to Nanjing and Jining" in everything
    by_city = text_of(organiser.get("/trips?city=jining"))
    assert "Leipzig delegation to Nanjing and Jining" in by_city
    assert "Study visit" not in by_city
    none = text_of(organiser.get("/trips?status=completed&year=1999"))
    assert "No trips match these filters." in none


def test_a_bad_filter_is_explained_not_a_server_error(organiser: FlaskClient) -> None:
    response = organiser.get("/trips?status=finished")
    assert response.status_code == 422
    assert "status" in text_of(response) and "finished" in text_of(response)


def test_trip_status_cancel_and_reinstate_need_a_reason(app: Flask,
                                                        organiser: FlaskClient) -> None:
    trip_id, _ = new_trip(app, title="Trip to cancel")
    assert post(organiser, f"/trips/{trip_id}/status", status="planned",
                expected_version="4").status_code == 302
    refused = post(organiser, f"/trips/{trip_id}/cancel", reason="", expected_version="5")
    assert refused.status_code == 422
    assert "cancelling a trip must give a reason" in text_of(refused)
    assert post(organiser, f"/trips/{trip_id}/cancel", reason="Visa not granted",
                expected_version="5").status_code == 302
    page = text_of(organiser.get(f"/trips/{trip_id}"))
    assert 'class="badge cancelled"' in page
    closed = post(organiser, f"/trips/{trip_id}/legs/new", city="Berlin", country="Germany",
                  timezone="Europe/Berlin", arrives_on="2024-11-21", departs_on="2024-11-22",
                  expected_version="6")
    assert closed.status_code == 422
    assert "reinstate it before changing it" in text_of(closed)
    assert post(organiser, f"/trips/{trip_id}/reinstate", reason="Visa granted after all",
                expected_version="6").status_code == 302
    assert 'class="badge planned"' in text_of(organiser.get(f"/trips/{trip_id}"))


def test_profiles_are_attached_and_detached_with_the_version_handed_over(
        app: Flask, organiser: FlaskClient, world: World) -> None:
    trip_id, _ = new_trip(app, title="Trip with profiles")
    assert post(organiser, f"/trips/{trip_id}/profiles",
                profile_id=str(world.profile_id)).status_code == 302
    page = text_of(organiser.get(f"/trips/{trip_id}/profiles"))
    assert "Körner Maschinenbau GmbH" in page and "handed over at version 1" in page
    version = app.extensions["planner"].queries.trip(trip_id).version
    assert post(organiser, f"/trips/{trip_id}/profiles/{world.profile_id}/detach",
                expected_version=str(version)).status_code == 302
    assert "No profiles attached yet." in text_of(organiser.get(f"/trips/{trip_id}/profiles"))


def test_a_new_person_is_registered_and_joins_the_delegation(app: Flask,
                                                             organiser: FlaskClient) -> None:
    trip_id, _ = new_trip(app, title="Trip with a new interpreter")
    added = post(organiser, f"/trips/{trip_id}/people", name="Li Wei", title="Interpreter",
                 email="li.wei@test.example", home_timezone="Asia/Shanghai",
                 new_role="interpreter", new_organisation="ECMDC")
    assert added.status_code == 302
    page = text_of(organiser.get(f"/trips/{trip_id}"))
    assert "Li Wei" in page and "interpreter" in page


def test_registering_someone_for_a_completed_trip_changes_nothing(
        app: Flask, organiser: FlaskClient) -> None:
    trip_id, _ = new_trip(app, title="Completed trip, nobody new")
    for status in ("planned", "confirmed", "completed"):
        app.extensions["planner"].app.change_trip_status(trip_id, actor="test", status=status)
    people = len(app.extensions["planner"].queries.people())
    refused = post(organiser, f"/trips/{trip_id}/people", name="Late Comer",
                   home_timezone="Europe/Berlin", new_role="official")
    assert refused.status_code == 422
    assert len(app.extensions["planner"].queries.people()) == people, "nobody was registered"


def test_a_meeting_is_held_its_outcome_and_follow_ups_are_recorded(
        app: Flask, organiser: FlaskClient, world: World) -> None:
    from datetime import datetime

    trip_id, munich = new_trip(app, title="Trip with an outcome")
    meeting_id = app.extensions["planner"].app.schedule_meeting(
        trip_id, actor="test", kind="official meeting", title="Industrial exchange",
        venue="Hotel Bayerischer Hof", city="Munich", timezone="Europe/Berlin",
        leg_id=munich, starts=datetime(2024, 11, 20, 14), ends=datetime(2024, 11, 20, 17))
    base = f"/meetings/{meeting_id}"
    assert post(organiser, f"{base}/attendees", person_id=str(world.han)).status_code == 302
    assert post(organiser, f"{base}/confirm", expected_version="2").status_code == 302
    assert post(organiser, f"{base}/outcome", summary="20 projects signed",
                ideas="Joint lab\nStudent exchange", expected_version="3").status_code == 302
    assert post(organiser, f"{base}/followups", action="Send the list of projects",
                owner="Olga Organiser", due_on="2024-12-01").status_code == 302
    page = text_of(organiser.get(base))
    assert "20 projects signed" in page and "Student exchange" in page
    assert "Send the list of projects" in page and "overdue" in page
    followups = text_of(organiser.get(f"{base}/followups"))
    followup_id = re.search(r"/followups/([0-9a-f-]{36})/done", followups)[1]
    assert post(organiser, f"{base}/followups/{followup_id}/done",
                done_on="2024-11-30").status_code == 302
    assert "Sat 30 Nov 2024" in text_of(organiser.get(base))


def test_a_meeting_is_relocated_cancelled_and_reinstated_with_reasons(
        app: Flask, organiser: FlaskClient) -> None:
    from datetime import datetime

    trip_id, munich = new_trip(app, title="Trip with a moving dinner")
    meeting_id = app.extensions["planner"].app.schedule_meeting(
        trip_id, actor="test", kind="dinner", title="Welcome dinner", venue="Hofbräuhaus",
        city="Munich", timezone="Europe/Berlin", leg_id=munich,
        starts=datetime(2024, 11, 19, 19), ends=datetime(2024, 11, 19, 21))
    base = f"/meetings/{meeting_id}"
    assert post(organiser, f"{base}/relocate", venue="Augustiner", city="", timezone="",
                leg_id=munich, reason="Larger room", expected_version="1").status_code == 302
    assert "Augustiner" in text_of(organiser.get(base))
    assert post(organiser, f"{base}/cancel", reason="Flight delayed",
                expected_version="2").status_code == 302
    assert 'class="badge cancelled"' in text_of(organiser.get(base))
    assert post(organiser, f"{base}/reinstate", reason="Flight landed",
                expected_version="3").status_code == 302
    assert 'class="badge proposed"' in text_of(organiser.get(base))


def test_a_participant_sees_only_their_trips_and_lands_on_their_schedule(
        member: FlaskClient, outsider: FlaskClient) -> None:
    assert member.get("/").headers["Location"].endswith("/schedule")
    mine = text_of(member.get("/trips"))
    assert "Leipzig delegation to Nanjing and Jining" in mine
    assert "New trip" not in mine
    theirs = text_of(outsider.get("/trips"))
    assert "Leipzig delegation to Nanjing and Jining" not in theirs


def test_the_dashboard_shows_trips_follow_ups_and_warnings(organiser: FlaskClient) -> None:
    page = text_of(organiser.get("/"))
    assert "Overdue follow-ups" in page
    assert "Send company profiles" in page, "the world's follow-up from 2019 is overdue"


def test_a_participant_changes_their_own_home_zone_and_sees_times_in_it(
        app: Flask, world: World) -> None:
    from tests.web.conftest import signed_in

    client = signed_in(app, "member")
    version = app.extensions["planner"].queries.person(world.koerner).version
    changed = post(client, "/me", home_timezone="America/New_York",
                   expected_version=str(version))
    assert changed.status_code == 302
    assert "EDT home" in visible(client.get("/schedule"))
    restored = post(client, "/me", home_timezone="Europe/Berlin",
                    expected_version=str(version + 1))
    assert restored.status_code == 302


def test_legs_members_dates_objectives_and_meeting_details_are_edited_through_forms(
        app: Flask, organiser: FlaskClient, world: World) -> None:
    from datetime import datetime

    queries = app.extensions["planner"].queries
    trip_id, munich = new_trip(app, title="Trip edited through every form")
    base = f"/trips/{trip_id}"
    assert post(organiser, f"{base}/legs/{munich}", city="Munich", country="Germany",
                timezone="Europe/Berlin", arrives_on="2024-11-19", departs_on="2024-11-20",
                reason="shorter stay", expected_version="4").status_code == 302
    assert post(organiser, f"{base}/legs/new", city="Berlin", country="Germany",
                timezone="Europe/Berlin", arrives_on="2024-11-20", departs_on="2024-11-22",
                expected_version="5").status_code == 302
    assert post(organiser, f"{base}/dates", starts_on="2024-11-18", ends_on="2024-11-22",
                reason="arrive a day early", expected_version="6").status_code == 302
    assert post(organiser, f"{base}/objectives", objectives="Meet BMW\nVisit TUM",
                expected_version="7").status_code == 302
    assert post(organiser, f"{base}/members/{world.han}", role="head of delegation",
                organisation="南京市人民政府", expected_version="8").status_code == 302
    assert post(organiser, f"{base}/members/{world.koerner}/remove",
                expected_version="9").status_code == 302
    berlin = next(leg.leg_id for leg in queries.trip(trip_id).legs if leg.city == "Berlin")
    no_reason = post(organiser, f"{base}/legs/{berlin}/remove", remove_reason="",
                     expected_version="10")
    assert no_reason.status_code == 422
    assert 'id="e-remove_reason"' in text_of(no_reason), "the message is beside its input"
    assert post(organiser, f"{base}/legs/{berlin}/remove", remove_reason="Berlin dropped",
                expected_version="10").status_code == 302
    page = visible(organiser.get(base))
    assert "Mon 18 Nov – Fri 22 Nov 2024" in page and "Visit TUM" in page
    assert "韩立明 · head of delegation" in page and "Michael Körner" not in page
    assert "Berlin, Germany" not in page

    meeting_id = app.extensions["planner"].app.schedule_meeting(
        trip_id, actor="test", kind="official meeting", title="First title", venue="",
        city="Munich", timezone="Europe/Berlin", leg_id=munich,
        starts=datetime(2024, 11, 19, 9), ends=datetime(2024, 11, 19, 10))
    assert post(organiser, f"/meetings/{meeting_id}/edit", kind="site visit",
                title="Visit to the BMW plant", counterparts="BMW Group\nTUM",
                agenda="1. Tour\n2. Lunch", expected_version="1").status_code == 302
    shown = visible(organiser.get(f"/meetings/{meeting_id}"))
    assert "Visit to the BMW plant" in shown and "site visit" in shown
    assert "BMW Group, TUM" in shown and "2. Lunch" in shown
    assert "Draft an agreement signed at this meeting" in shown
