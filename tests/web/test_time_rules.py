"""The time rules on the screens: an action that is not possible yet is not offered (the page
says from when, or why), and a refusal keeps what was typed. Dates and times are typed whole."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.web.conftest import event_count, post, text_of
from tests.web.world import SETUP, World
from web.forms import DATE_PATTERN, DATETIME_PATTERN, Form

NOT_HELD = "It cannot be signed yet: the meeting it is linked to is proposed, not held"


def _future_meeting(app: Flask, world: World) -> tuple[str, datetime, str]:
    """A meeting a month from now (the app runs on the real clock), 10:00 in Munich."""
    planner_app = app.extensions["planner"].app
    first = date.today() + timedelta(days=30)
    trip_id = planner_app.create_trip(
        actor=SETUP, title="A trip still to come", organiser="Invest Region Leipzig",
        direction="outbound", home_timezone="Europe/Berlin", starts_on=first,
        ends_on=first + timedelta(days=3))
    leg = planner_app.add_leg(trip_id, actor=SETUP, city="Munich", country="Germany",
                              timezone="Europe/Berlin", arrives_on=first,
                              departs_on=first + timedelta(days=3))
    planner_app.add_member(trip_id, actor=SETUP, person_id=world.koerner, role="official")
    starts = datetime(first.year, first.month, first.day, 10) + timedelta(days=1)
    meeting_id = planner_app.schedule_meeting(
        trip_id, actor=SETUP, kind="signing ceremony", title="Signing in Munich",
        venue="Neues Rathaus", city="Munich", timezone="Europe/Berlin", leg_id=leg,
        starts=starts, ends=starts + timedelta(hours=1))
    return str(meeting_id), starts, leg


def test_a_meeting_not_yet_started_says_from_when_its_outcome_can_be_recorded(
        app: Flask, organiser: FlaskClient, world: World) -> None:
    meeting_id, starts, _ = _future_meeting(app, world)
    base = f"/meetings/{meeting_id}"
    when = f"{starts:%d %b %Y}, 10:00"
    page = text_of(organiser.get(base))
    assert "Record the outcome" not in page and f"{base}/outcome" not in page
    assert f"{base}/followups" not in page
    assert "Outcomes and follow-ups can be recorded from the meeting's start" in page
    assert when in re.search(r'id="not-yet">([^<]*)<', page)[1]

    for form, field in ((f"{base}/outcome", "summary"), (f"{base}/followups", "action")):
        shown = text_of(organiser.get(form))
        assert f'name="{field}"' not in shown, "no text area before the meeting starts"
        assert when in re.search(r'id="not-yet">([^<]*)<', shown)[1]

    planner = app.extensions["planner"]
    before = event_count(planner)
    refused = post(organiser, f"{base}/outcome", summary="A long summary typed anyway",
                   expected_version="1")
    assert refused.status_code == 422
    shown = text_of(refused)
    assert "summary</span>" not in shown and "can be recorded from the meeting" in shown
    assert ">A long summary typed anyway</textarea>" in shown, "what was typed is kept"
    assert event_count(planner) == before


def test_an_agreement_at_a_meeting_not_yet_held_offers_no_signing(
        app: Flask, organiser: FlaskClient, world: World) -> None:
    meeting_id, _, _ = _future_meeting(app, world)
    response = post(organiser, "/agreements/new", title="MoU still to be signed",
                    kind="memorandum of understanding", meeting_id=meeting_id)
    address = response.headers["Location"]
    page = text_of(organiser.get(address))
    assert NOT_HELD in page and f"{address}/sign" not in page
    assert f"{address}/sign" not in text_of(organiser.get(f"{address}/parties"))
    form = text_of(organiser.get(f"{address}/sign"))
    assert NOT_HELD in form and 'name="signed_on"' not in form

    planner = app.extensions["planner"]
    before = event_count(planner)
    version = planner.queries.agreement(address.rsplit("/", 1)[1]).version
    refused = post(organiser, f"{address}/sign", signed_on=date.today().isoformat(),
                   place="Munich", expected_version=str(version))
    assert refused.status_code == 422
    assert "Meeting</span>: the meeting it is linked to is proposed, not held" in \
        text_of(refused)
    assert event_count(planner) == before


def test_a_signing_date_in_the_future_is_refused_and_the_input_kept(
        app: Flask, organiser: FlaskClient) -> None:
    planner = app.extensions["planner"]
    agreement_id = planner.app.draft_agreement(actor=SETUP, title="Letter of intent",
                                               kind="letter of intent")
    for name, signatory in (("Invest Region Leipzig", "Michael Körner"),
                            ("City of Nanjing", "Han Lin")):
        party = planner.app.add_party(agreement_id, actor=SETUP, name=name)
        planner.app.add_signatory(agreement_id, actor=SETUP, name=signatory, party_id=party)
    address = f"/agreements/{agreement_id}"
    assert 'name="signed_on"' in text_of(organiser.get(f"{address}/sign"))
    later = (date.today() + timedelta(days=3)).isoformat()
    before = event_count(planner)
    refused = post(organiser, f"{address}/sign", signed_on=f" {later} ", place="Nanjing",
                   expected_version=str(planner.queries.agreement(agreement_id).version))
    assert refused.status_code == 422
    page = text_of(refused)
    assert "may not be in the future" in page
    assert f'value=" {later} "' in page and 'value="Nanjing"' in page
    assert event_count(planner) == before


@pytest.mark.parametrize(("typed", "expected"), [
    ("2027-05-12 14:30", datetime(2027, 5, 12, 14, 30)),
    ("2027-05-12T14:30", datetime(2027, 5, 12, 14, 30)),
    (" 2027-5-12  9:05 ", datetime(2027, 5, 12, 9, 5)),
    ("2027-05-12 14:30:00", datetime(2027, 5, 12, 14, 30))])
def test_a_date_and_time_is_typed_whole(typed: str, expected: datetime) -> None:
    from werkzeug.datastructures import MultiDict

    assert re.fullmatch(DATETIME_PATTERN, typed), "the browser lets it through"
    assert Form(MultiDict({"starts_at": typed})).local_datetime("starts_at") == expected
    day = typed.strip().split()[0].split("T")[0]
    assert re.fullmatch(DATE_PATTERN, day)
    assert Form(MultiDict({"due_on": day})).date("due_on") == expected.date()


@pytest.mark.parametrize("typed", ["12.05.2027 14:30", "2027-05-12", "2027-13-01 10:00",
                                   "2027-05-12 25:00", "２０２７-05-12 10:00"])
def test_a_date_and_time_not_understood_is_refused_naming_the_format(typed: str) -> None:
    from werkzeug.datastructures import MultiDict

    from planner.domain.errors import ValidationError

    with pytest.raises(ValidationError, match="must be a date and time as YYYY-MM-DD HH:MM"):
        Form(MultiDict({"starts_at": typed})).local_datetime("starts_at")


def test_date_fields_are_text_inputs_that_take_a_whole_value(
        organiser: FlaskClient, world: World) -> None:
    page = text_of(organiser.get(f"/trips/{world.trip_id}/meetings/new"))
    starts = re.search(r'<input id="f-starts_at"[^>]*>', page)[0]
    assert 'type="text"' in starts and 'placeholder="YYYY-MM-DD HH:MM"' in starts
    assert f'pattern="{DATETIME_PATTERN}"' in starts


def test_a_scheduled_meeting_typed_with_a_space_is_saved_and_an_error_keeps_the_input(
        app: Flask, organiser: FlaskClient, world: World) -> None:
    meeting_id, starts, leg = _future_meeting(app, world)
    trip_id = app.extensions["planner"].queries.meeting(meeting_id).trip_id
    day = starts.date().isoformat()
    refused = post(organiser, f"/trips/{trip_id}/meetings/new", title="Lunch", kind="dinner",
                   venue="Ratskeller", city="", timezone="", leg_id=leg,
                   starts_at=f"{day} 12:30", ends_at=f"{day} 25:00")
    assert refused.status_code == 422
    page = text_of(refused)
    assert f'value="{day} 12:30"' in page and f'value="{day} 25:00"' in page
    saved = post(organiser, f"/trips/{trip_id}/meetings/new", title="Lunch", kind="dinner",
                 venue="Ratskeller", city="", timezone="", leg_id=leg,
                 starts_at=f"{day} 12:30", ends_at=f"{day} 13:45")
    assert saved.status_code == 302, text_of(saved)
    shown = text_of(organiser.get(saved.headers["Location"]))
    assert "12:30" in shown and "13:45" in shown
