"""Answers to meetings: on the schedule, from a signed link; shown to the organiser and as
PARTSTAT in the calendars; tampered and other people's links write nothing."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import icalendar
from flask import Flask

from planner.calendar.events import meeting_uid
from planner.calendar.files import meeting_ics
from planner.itip.links import answer_token
from tests.web.conftest import event_count, new_trip, signed_in
from tests.web.world import SETUP, World


def _meeting(app: Flask, world: World, title: str) -> object:
    planner_app = app.extensions["planner"].app
    trip_id, munich = new_trip(app, title=f"Answers: {title}")
    # 07:00, when no other test of the shared world has Körner or Han in a meeting (a clash
    # with another trip would add a warning to that trip's page)
    return planner_app.schedule_meeting(
        trip_id, actor=SETUP, kind="official meeting", title=title, venue="Rathaus",
        city="Munich", timezone="Europe/Berlin", starts=datetime(2024, 11, 20, 7),
        ends=datetime(2024, 11, 20, 8), leg_id=munich, attendees=[world.koerner, world.han])


def _coming_meeting(app: Flask, world: World, title: str) -> object:
    """A meeting of a trip that starts in a month: the schedule offers answers for coming
    trips (past trips are folded away, read-only)."""
    planner_app = app.extensions["planner"].app
    first = date.today() + timedelta(days=30)
    trip_id = planner_app.create_trip(
        actor=SETUP, title=f"Answers: {title}", organiser="Nanjing Foreign Affairs Office",
        direction="inbound", home_timezone="Asia/Shanghai", starts_on=first,
        ends_on=first + timedelta(days=3))
    munich = planner_app.add_leg(trip_id, actor=SETUP, city="Munich", country="Germany",
                                 timezone="Europe/Berlin", arrives_on=first,
                                 departs_on=first + timedelta(days=3))
    for person in (world.koerner, world.han):
        planner_app.add_member(trip_id, actor=SETUP, person_id=person, role="official")
    day = first + timedelta(days=1)
    return planner_app.schedule_meeting(
        trip_id, actor=SETUP, kind="official meeting", title=title, venue="Rathaus",
        city="Munich", timezone="Europe/Berlin", starts=datetime(day.year, day.month, day.day, 10),
        ends=datetime(day.year, day.month, day.day, 11), leg_id=munich,
        attendees=[world.koerner, world.han])


def _partstats(app: Flask, meeting_id: object) -> dict[str, str]:
    body = meeting_ics(app.extensions["planner"], meeting_id).body
    event = icalendar.Calendar.from_ical(body).events[0]
    attendees = event.get("ATTENDEE")
    attendees = attendees if isinstance(attendees, list) else [attendees]
    return {str(a.params["CN"]): str(a.params["PARTSTAT"]) for a in attendees}


def test_a_participant_accepts_on_their_schedule_and_the_organiser_and_the_feed_see_it(
        app: Flask, world: World) -> None:
    meeting_id = _coming_meeting(app, world, "Visit to the Chamber of Commerce")
    member = signed_in(app, "member")
    schedule = member.get("/schedule").get_data(as_text=True)
    assert f"/my/meetings/{meeting_id}/answer" in schedule

    response = member.post(f"/my/meetings/{meeting_id}/answer",
                           data={"answer": "accepted", "csrf_token": member.csrf})

    assert response.status_code == 302
    assert _partstats(app, meeting_id) == {"Michael Körner": "ACCEPTED", "韩立明": "NEEDS-ACTION"}
    page = signed_in(app, "organiser").get(f"/meetings/{meeting_id}").get_data(as_text=True)
    assert "accepted" in page and "no answer yet" in page

    member.post(f"/my/meetings/{meeting_id}/answer",
                data={"answer": "declined", "csrf_token": member.csrf})
    assert _partstats(app, meeting_id)["Michael Körner"] == "DECLINED"


def test_an_answer_link_shows_the_meeting_and_records_only_when_a_button_is_pressed(
        app: Flask, world: World) -> None:
    planner = app.extensions["planner"]
    meeting_id = _meeting(app, world, "Dinner with the Bavarian ministry")
    token = answer_token(planner.settings.instance_path, meeting_id, world.han)
    visitor = signed_in(app, "anonymous")
    before = event_count(planner)

    page = visitor.get(f"/answer/{token}")

    assert page.status_code == 200
    assert "Dinner with the Bavarian ministry" in page.get_data(as_text=True)
    assert event_count(planner) == before
    response = visitor.post(f"/answer/{token}",
                            data={"answer": "declined", "csrf_token": visitor.csrf})
    assert response.status_code == 302
    assert _partstats(app, meeting_id)["韩立明"] == "DECLINED"
    assert event_count(planner) == before + 1


def test_a_tampered_link_and_another_persons_link_are_refused_and_write_nothing(
        app: Flask, world: World) -> None:
    planner = app.extensions["planner"]
    meeting_id = _meeting(app, world, "Site visit at BMW")
    token = answer_token(planner.settings.instance_path, meeting_id, world.han)
    tampered = token[:-3] + ("AAA" if token[-3:] != "AAA" else "BBB")
    forged_for_other = answer_token(planner.settings.instance_path, meeting_id, world.koerner)
    before = event_count(planner)
    visitor = signed_in(app, "anonymous")

    refused = visitor.post(f"/answer/{tampered}",
                           data={"answer": "accepted", "csrf_token": visitor.csrf})
    assert refused.status_code == 404
    assert "not valid" in refused.get_data(as_text=True)
    assert visitor.get(f"/answer/{tampered}").status_code == 404

    # Han is signed in and follows the link that was sent to Körner.
    han = signed_in(app, "outsider")
    other = han.post(f"/answer/{forged_for_other}",
                     data={"answer": "accepted", "csrf_token": han.csrf})
    assert other.status_code == 403
    assert "sent to someone else" in other.get_data(as_text=True)
    assert event_count(planner) == before
    assert _partstats(app, meeting_id) == {"Michael Körner": "NEEDS-ACTION",
                                           "韩立明": "NEEDS-ACTION"}


def test_the_feed_names_the_meeting_by_the_same_uid_after_an_answer(app: Flask,
                                                                   world: World) -> None:
    planner = app.extensions["planner"]
    meeting_id = _meeting(app, world, "Round table")
    planner.app.answer_meeting(meeting_id, actor=SETUP, person_id=world.koerner,
                               answer="accepted")
    event = icalendar.Calendar.from_ical(meeting_ics(planner, meeting_id).body).events[0]
    assert str(event["UID"]) == meeting_uid(meeting_id, planner.settings.calendar_domain)
