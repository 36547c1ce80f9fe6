"""Invitations in the browser's terms: an organiser invites members from the delegation page,
the mail lands in the outbox folder, its link lets the person set a password and see their
schedule; a link that no longer works gets a clear page and writes nothing."""

from __future__ import annotations

import re
import uuid
from datetime import datetime
from email import message_from_bytes
from email.message import Message
from email.policy import default
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from planner.mail.sender import Sender
from planner.mail.transport import eml_name
from tests.mail.invite_kit import PASSWORD, Clock, token_in
from tests.web.conftest import event_count, new_trip, post, signed_in, visible
from tests.web.world import SETUP


def planner_of(app: Flask) -> Any:
    return app.extensions["planner"]


def member(app: Flask, trip_id: Any, name: str) -> tuple[str, str]:
    """A new delegation member with an address of their own: (person id, address)."""
    address = f"{uuid.uuid4().hex[:10]}@delegates.example"
    person = planner_of(app).app.register_member(trip_id, actor=SETUP, name=name,
                                                 email=address, role="official",
                                                 home_timezone="Europe/Berlin")
    return str(person), address


def sent_to(app: Flask, address: str) -> Message:
    """Send the outbox (to the demo folder) and read the newest .eml file for `address`."""
    planner = planner_of(app)
    Sender(planner.engine, planner.settings, outbox=planner.outbox).run_once()
    desk_rows = [m for m in planner_desk(app).mails(None, per_page=200).items
                 if m.recipient == address]
    assert desk_rows, f"no mail to {address}"
    path = planner.settings.mail_folder_path / eml_name(desk_rows[0].message_id)
    return message_from_bytes(path.read_bytes(), policy=default)


def planner_desk(app: Flask) -> Any:
    from planner.mail.desk import MailDesk

    planner = planner_of(app)
    return MailDesk(planner.engine, planner.settings)


@pytest.fixture
def invited(app: Flask, organiser: FlaskClient) -> dict[str, Any]:
    trip_id, _leg = new_trip(app, title=f"Invitation trip {uuid.uuid4().hex[:6]}")
    anna, anna_address = member(app, trip_id, "Anna Weiß")
    bo, bo_address = member(app, trip_id, "Bo Chen")
    page = post(organiser, f"/trips/{trip_id}/invitations", person_id=[anna, bo])
    assert page.status_code == 302
    return {"trip_id": trip_id, "anna": anna, "anna_address": anna_address, "bo": bo,
            "token": token_in(sent_to(app, anna_address)), "bo_address": bo_address}


def test_an_organiser_invites_members_and_sees_their_status(
        app: Flask, organiser: FlaskClient, invited: dict[str, Any]) -> None:
    page = organiser.get(f"/trips/{invited['trip_id']}/members")
    text = visible(page)
    assert "Invitations sent to Anna Weiß, Bo Chen." in text
    assert text.count("invited; the link works until") == 2
    assert "last mail delivered" in text and "Invite the ticked members" in text
    mails = visible(organiser.get("/mail"))
    assert f"<{invited['anna_address']}>" in mails
    assert "Your invitation to the Delegation Planner" in mails


def test_following_the_link_sets_a_password_and_shows_the_schedule(
        app: Flask, invited: dict[str, Any]) -> None:
    visitor = signed_in(app, "anonymous")
    page = visitor.get(f"/invitation/{invited['token']}")
    assert page.status_code == 200 and "Welcome, Anna Weiß" in visible(page)
    before = event_count(planner_of(app))
    weak = post(visitor, f"/invitation/{invited['token']}", new_password="password123456",
                repeat_password="password123456")
    assert weak.status_code == 422 and "too easy to guess" in visible(weak)
    differ = post(visitor, f"/invitation/{invited['token']}", new_password=PASSWORD,
                  repeat_password=PASSWORD + "!")
    assert differ.status_code == 422 and "not the same" in visible(differ)
    assert event_count(planner_of(app)) == before
    done = post(visitor, f"/invitation/{invited['token']}", new_password=PASSWORD,
                repeat_password=PASSWORD)
    assert done.status_code == 302 and done.headers["Location"].endswith("/schedule")
    schedule = visitor.get("/schedule")
    assert schedule.status_code == 200 and "Invitation trip" in visible(schedule)
    signed_out = app.test_client()
    login = signed_out.get("/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', login.get_data(as_text=True))[1]
    again = signed_out.post("/login", data={"csrf_token": token, "password": PASSWORD,
                                            "email": invited["anna_address"]})
    assert again.status_code == 302  # the new password signs in


@pytest.mark.parametrize("how", ["used", "tampered", "someone else", "expired", "withdrawn"])
def test_a_link_that_no_longer_works_gets_a_clear_page_and_writes_nothing(
        app: Flask, organiser: FlaskClient, invited: dict[str, Any], how: str) -> None:
    token, visitor = invited["token"], signed_in(app, "anonymous")
    clock = None
    if how == "used":
        post(visitor, f"/invitation/{token}", new_password=PASSWORD, repeat_password=PASSWORD)
        visitor = signed_in(app, "anonymous")
    elif how == "tampered":
        token = token[:-3] + ("abc" if not token.endswith("abc") else "xyz")
    elif how == "someone else":
        visitor = signed_in(app, "member")  # Michael Körner, signed in, follows Anna's link
    elif how == "withdrawn":
        post(organiser, f"/trips/{invited['trip_id']}/invitations/{invited['anna']}/revoke")
    elif how == "expired":
        clock = Clock(planner_of(app).app)
        clock.days_later(8)
    try:
        before = event_count(planner_of(app))
        shown = visitor.get(f"/invitation/{token}")
        tried = post(visitor, f"/invitation/{token}", new_password=PASSWORD,
                     repeat_password=PASSWORD)
        assert event_count(planner_of(app)) == before
    finally:
        if clock is not None:
            planner_of(app).app.clock = None
    expected = {"used": (410, "was used already"), "tampered": (404, "changed or cut short"),
                "someone else": (403, "sent to someone else"),
                "expired": (410, "has expired"), "withdrawn": (410, "was withdrawn")}[how]
    for response in (shown, tried):
        assert (response.status_code, expected[1] in visible(response)) == (expected[0], True)
    if how != "someone else":
        assert "Send me a new link" in visible(shown)


def test_forgot_password_never_says_whether_an_address_has_an_account(
        app: Flask, invited: dict[str, Any]) -> None:
    visitor = signed_in(app, "anonymous")
    assert "Forgot your password?" in visible(visitor.get("/login"))
    known = post(visitor, "/forgot-password", email="koerner@test.example")
    unknown = post(visitor, "/forgot-password", email="nobody@delegates.example")
    assert known.status_code == unknown.status_code == 200
    assert visible(known).replace("koerner@test.example", "X") == \
        visible(unknown).replace("nobody@delegates.example", "X")
    message = sent_to(app, "koerner@test.example")
    assert message["Subject"] == "Set a new password for the Delegation Planner"
    assert not [m for m in planner_desk(app).mails(None, per_page=200).items
                if m.recipient == "nobody@delegates.example"]


def test_the_mail_page_shows_one_message_as_sent(app: Flask, organiser: FlaskClient,
                                                 invited: dict[str, Any]) -> None:
    [row] = [m for m in planner_desk(app).mails(None, per_page=200).items
             if m.recipient == invited["bo_address"]]
    page = organiser.get(f"/mail/{row.id}")
    text = visible(page)
    assert page.status_code == 200 and f"Message-ID: {row.message_id}" in text
    assert "/invitation/" in text and row.sent_at is not None
    assert isinstance(row.created_at, datetime)
    assert signed_in(app, "member").get(f"/mail/{row.id}").status_code == 403
