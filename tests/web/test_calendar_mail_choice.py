"""A participant turns calendar mails off and on from their schedule; the choice is an event."""

from __future__ import annotations

from flask import Flask

from tests.web.conftest import event_count, signed_in, visible


def test_a_participant_turns_calendar_mails_off_and_on(app: Flask) -> None:
    planner = app.extensions["planner"]
    member = signed_in(app, "member")
    page = member.get("/schedule").get_data(as_text=True)
    assert "Stop calendar mails" in page  # an address and an account: on by default
    before = event_count(planner)

    member.post("/my/calendar-mails", data={"calendar_mails": "no", "csrf_token": member.csrf})
    assert "Send me calendar mails" in member.get("/schedule").get_data(as_text=True)
    member.post("/my/calendar-mails", data={"calendar_mails": "yes", "csrf_token": member.csrf})
    assert "Stop calendar mails" in member.get("/schedule").get_data(as_text=True)
    assert event_count(planner) == before + 2

    refused = member.post("/my/calendar-mails", data={"calendar_mails": "maybe",
                                                      "csrf_token": member.csrf})
    assert refused.status_code == 422
    assert "choose yes or no" in visible(refused), "the refusal names the rule"
    assert event_count(planner) == before + 2


def test_the_trip_owner_chooses_whether_calendar_mails_share_addresses(app: Flask) -> None:
    from tests.web.conftest import new_trip

    trip_id, _ = new_trip(app, title="Address sharing")
    organiser = signed_in(app, "organiser")
    box = organiser.get(f"/trips/{trip_id}").get_data(as_text=True)
    assert "do not show their e-mail addresses" in box

    organiser.post(f"/trips/{trip_id}/calendar-mails/addresses",
                   data={"shared": "yes", "csrf_token": organiser.csrf})

    page = organiser.get(f"/trips/{trip_id}").get_data(as_text=True)
    assert "Calendar mails show the other attendees" in page
