"""Calendar mails (iTIP) through a real SMTP server: REQUEST when added and when the meeting
moves, CANCEL when it is cancelled and when the attendee is removed, each read back with
`icalendar` field by field, in valid MIME with a `text/calendar; method=...` part."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime
from email.message import Message
from typing import Any

import icalendar
import pytest

from planner.calendar.events import meeting_uid
from planner.mail.sender import Sender
from planner.mail.transport import SmtpTransport
from tests.mail.conftest import SmtpServer

ACTOR = "organiser@example.org"
ANNA = "anna.weiss@example.org"
LI = "li.na@example.cn"


def _world(planner: Any) -> dict[str, Any]:
    app = planner.app
    anna = app.register_person(actor=ACTOR, name="Anna Weiß", email=ANNA,
                               home_timezone="Europe/Berlin")
    li = app.register_person(actor=ACTOR, name="Li Na", email=LI, home_timezone="Asia/Shanghai")
    for email, name, person in ((ANNA, "Anna Weiß", anna), (LI, "Li Na", li)):
        app.open_account(actor=ACTOR, email=email, name=name, role="participant",
                         password_hash="x", person_id=person)
    trip = app.create_trip(actor=ACTOR, title="Nanjing mayor's study visit to Munich",
                           organiser="Invest Region Leipzig", direction="inbound",
                           home_timezone="Asia/Shanghai", starts_on=date(2024, 11, 19),
                           ends_on=date(2024, 11, 22))
    leg = app.add_leg(trip, actor=ACTOR, city="Munich", country="Germany",
                      timezone="Europe/Berlin", arrives_on=date(2024, 11, 19),
                      departs_on=date(2024, 11, 22))
    for person in (anna, li):
        app.add_member(trip, actor=ACTOR, person_id=person, role="official")
    return dict(trip=trip, leg=leg, anna=anna, li=li)


def _meeting(planner: Any, world: dict[str, Any], title: str) -> Any:
    return planner.app.schedule_meeting(
        world["trip"], actor=ACTOR, kind="official meeting", title=title, venue="Rathaus",
        city="Munich", timezone="Europe/Berlin", starts=datetime(2024, 11, 20, 10),
        ends=datetime(2024, 11, 20, 11), leg_id=world["leg"],
        attendees=[world["anna"], world["li"]])


def _deliver(planner: Any, server: SmtpServer) -> list[Message]:
    """Send what the outbox holds; the messages that arrived in this round."""
    settings = replace(planner.settings, mail_smtp_url=server.url)
    seen = len(server.inbox.received)
    Sender(planner.engine, settings, outbox=planner.outbox,
           transport=SmtpTransport(server.url)).run_once()
    return server.inbox.messages()[seen:]


def _to(messages: list[Message], address: str) -> list[Message]:
    return [m for m in messages if m["To"].addresses[0].addr_spec == address]


def _invitation(message: Message) -> tuple[str, icalendar.Event]:
    """The method of the message's text/calendar part and its one VEVENT."""
    [part] = [p for p in message.walk() if p.get_content_type() == "text/calendar"]
    method = part.get_param("method")
    calendar = icalendar.Calendar.from_ical(part.get_content())
    assert str(calendar["METHOD"]) == method
    [event] = calendar.events
    return method, event


def _attendees(event: icalendar.Event) -> list[str]:
    found = event.get("ATTENDEE")
    return [str(a) for a in (found if isinstance(found, list) else [found])]


def test_request_on_schedule_and_move_cancel_on_cancel_and_removal(
        sql_database_url: str, make_planner: Any, smtp_server: SmtpServer) -> None:
    planner = make_planner(sql_database_url)
    world = _world(planner)
    domain = planner.settings.calendar_domain
    meeting = _meeting(planner, world, "Meeting with the Bavarian ministry")
    uid = meeting_uid(meeting, domain)

    invited = _to(_deliver(planner, smtp_server), ANNA)
    assert len(invited) == 1
    assert invited[0].get_content_type() == "multipart/mixed"
    method, event = _invitation(invited[0])
    assert method == "REQUEST"
    assert str(event["UID"]) == uid
    assert int(event["SEQUENCE"]) == 0
    assert event["DTSTART"].dt.astimezone(UTC) == datetime(2024, 11, 20, 9, tzinfo=UTC)
    assert str(event["ORGANIZER"]) == f"mailto:noreply@{domain}"
    assert f"mailto:{ANNA}" in _attendees(event)
    assert LI not in invited[0].as_string()  # others' addresses are not shared
    assert "Invitation: Meeting with the Bavarian ministry" in invited[0]["Subject"]
    body = invited[0].get_body(("plain",)).get_content()
    assert "/answer/" in body

    planner.app.move_meeting(meeting, actor=ACTOR, starts=datetime(2024, 11, 20, 14),
                             ends=datetime(2024, 11, 20, 15), reason="the minister is late")
    moved = _to(_deliver(planner, smtp_server), ANNA)
    assert len(moved) == 1
    method, event = _invitation(moved[0])
    assert (method, str(event["UID"]), int(event["SEQUENCE"])) == ("REQUEST", uid, 1)
    assert event["DTSTART"].dt.astimezone(UTC) == datetime(2024, 11, 20, 13, tzinfo=UTC)
    text = moved[0].get_body(("plain",)).get_content()
    assert "Time before: Wed, 20 Nov 2024, 10:00–11:00 (Central European Time)" in text
    assert "Time now: Wed, 20 Nov 2024, 14:00–15:00 (Central European Time)" in text

    planner.app.remove_attendee(meeting, actor=ACTOR, person_id=world["li"])
    removed = _deliver(planner, smtp_server)
    assert [m["To"].addresses[0].addr_spec for m in removed] == [LI]
    method, event = _invitation(removed[0])
    assert (method, str(event["UID"])) == ("CANCEL", uid)
    assert "STATUS" not in event
    assert _attendees(event) == [f"mailto:{LI}"]

    planner.app.cancel_meeting(meeting, actor=ACTOR, reason="the ministry is closed")
    cancelled = _deliver(planner, smtp_server)
    assert [m["To"].addresses[0].addr_spec for m in cancelled] == [ANNA]
    method, event = _invitation(cancelled[0])
    assert (method, str(event["UID"]), str(event["STATUS"])) == ("CANCEL", uid, "CANCELLED")
    assert int(event["SEQUENCE"]) == 2


@pytest.mark.parametrize("sql_database_url", ["sqlite"], indirect=True)
def test_one_save_of_several_changes_sends_one_mail_and_opted_out_people_get_none(
        sql_database_url: str, make_planner: Any, smtp_server: SmtpServer) -> None:
    planner = make_planner(sql_database_url)
    world = _world(planner)
    meeting = _meeting(planner, world, "Factory visit")
    _deliver(planner, smtp_server)
    planner.app.choose_calendar_mails(world["li"], actor=LI, wanted=False)

    planner.app.revise_meeting(meeting, actor=ACTOR, reason="new plan", venue="BMW Welt",
                               starts=datetime(2024, 11, 21, 9), ends=datetime(2024, 11, 21, 10),
                               status="confirmed")

    mails = _deliver(planner, smtp_server)
    assert [m["To"].addresses[0].addr_spec for m in mails] == [ANNA]
    assert mails[0]["Subject"].startswith("Moved: Factory visit")
    text = mails[0].get_body(("plain",)).get_content()
    assert "Place before: Rathaus, Munich" in text and "Place now: BMW Welt, Munich" in text
    method, event = _invitation(mails[0])
    assert (method, str(event["STATUS"])) == ("REQUEST", "CONFIRMED")


@pytest.mark.parametrize("sql_database_url", ["sqlite"], indirect=True)
def test_a_cancelled_trip_cancels_its_meetings_in_the_attendees_calendars(
        sql_database_url: str, make_planner: Any, smtp_server: SmtpServer) -> None:
    planner = make_planner(sql_database_url)
    world = _world(planner)
    meeting = _meeting(planner, world, "Reception at the consulate")
    _deliver(planner, smtp_server)

    planner.app.cancel_trip(world["trip"], actor=ACTOR, reason="the visit is postponed")

    mails = _deliver(planner, smtp_server)
    assert sorted(m["To"].addresses[0].addr_spec for m in mails) == [ANNA, LI]
    for mail in mails:
        method, event = _invitation(mail)
        assert (method, str(event["STATUS"])) == ("CANCEL", "CANCELLED")
        assert str(event["UID"]) == meeting_uid(meeting, planner.settings.calendar_domain)


@pytest.mark.parametrize("sql_database_url", ["sqlite"], indirect=True)
def test_an_invited_member_gets_a_request_with_the_new_time_when_their_meeting_moves(
        sql_database_url: str, make_planner: Any, smtp_server: SmtpServer) -> None:
    planner = make_planner(sql_database_url)
    world = _world(planner)
    app = planner.app
    weiss = app.register_person(actor=ACTOR, name="Maria Weiß", email="maria@example.org",
                                home_timezone="Europe/Berlin")
    app.add_member(world["trip"], actor=ACTOR, person_id=weiss, role="official")
    app.invite(weiss, actor=ACTOR, valid_days=7, trip_id=world["trip"])  # no account yet
    meeting = planner.app.schedule_meeting(
        world["trip"], actor=ACTOR, kind="site visit", title="Visit to the BMW plant",
        venue="BMW Werk", city="Munich", timezone="Europe/Berlin",
        starts=datetime(2024, 11, 21, 9), ends=datetime(2024, 11, 21, 11), leg_id=world["leg"],
        attendees=[weiss])
    first = _to(_deliver(planner, smtp_server), "maria@example.org")
    assert [_invitation(m)[0] for m in first if m.get_content_type() != "text/plain"
            and any(p.get_content_type() == "text/calendar" for p in m.walk())] == ["REQUEST"]

    app.move_meeting(meeting, actor=ACTOR, starts=datetime(2024, 11, 21, 13),
                     ends=datetime(2024, 11, 21, 15), reason="the plant asked")

    [moved] = _to(_deliver(planner, smtp_server), "maria@example.org")
    method, event = _invitation(moved)
    assert method == "REQUEST"
    assert str(event["UID"]) == meeting_uid(meeting, planner.settings.calendar_domain)
    assert event["DTSTART"].dt.astimezone(UTC) == datetime(2024, 11, 21, 12, tzinfo=UTC)


@pytest.mark.parametrize("sql_database_url", ["sqlite"], indirect=True)
def test_the_trip_owner_may_share_attendees_addresses_in_calendar_mails(
        sql_database_url: str, make_planner: Any, smtp_server: SmtpServer) -> None:
    planner = make_planner(sql_database_url)
    world = _world(planner)
    planner.app.share_attendee_addresses(world["trip"], actor=ACTOR, shared=True)

    _meeting(planner, world, "Press conference")

    [to_anna] = _to(_deliver(planner, smtp_server), ANNA)
    _, event = _invitation(to_anna)
    assert sorted(_attendees(event)) == sorted([f"mailto:{ANNA}", f"mailto:{LI}"])
