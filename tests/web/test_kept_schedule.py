"""A participant's schedule keeps its rendered parts (web/schedule.py, issue 10): a change shows
on the next view, "today" and "next" move on when time passes, and each person and session
sees only their own schedule and forms."""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import UTC, date, datetime

import pytest
from flask import Flask

from tests.web.conftest import form_token, post, signed_in, text_of, visible
from tests.web.test_form_statements import statements
from tests.web.world import SETUP


class Clock:
    """The application's clock, set by the test."""

    def __init__(self) -> None:
        self.now = datetime(2031, 3, 11, 7, tzinfo=UTC)  # 08:00 in Munich

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock(app: Flask) -> Iterator[Clock]:
    commands = app.extensions["planner"].app
    found = Clock()
    commands.clock = found
    try:
        yield found
    finally:
        commands.clock = None


@pytest.fixture(scope="module")
def plan(app: Flask) -> dict[str, object]:
    """A trip in March 2031 (nobody else's): Körner at 10:00 and 15:00 on the 11th and at
    10:00 on the 12th, Han at 12:00 on the 11th (Munich time)."""
    commands, world = app.extensions["planner"].app, app.extensions["test_world"]
    trip_id = commands.create_trip(
        actor=SETUP, title="Kept schedule trip", organiser="Nanjing Foreign Affairs Office",
        direction="inbound", home_timezone="Asia/Shanghai", starts_on=date(2031, 3, 10),
        ends_on=date(2031, 3, 13))
    munich = commands.add_leg(trip_id, actor=SETUP, city="Munich", country="Germany",
                              timezone="Europe/Berlin", arrives_on=date(2031, 3, 10),
                              departs_on=date(2031, 3, 13))
    for person in (world.koerner, world.han):
        commands.add_member(trip_id, actor=SETUP, person_id=person, role="official")

    def meeting(title: str, day: int, hour: int, who: object) -> object:
        return commands.schedule_meeting(
            trip_id, actor=SETUP, kind="official meeting", title=title, venue="Rathaus",
            city="Munich", timezone="Europe/Berlin", starts=datetime(2031, 3, day, hour),
            ends=datetime(2031, 3, day, hour + 1), leg_id=munich, attendees=[who])
    return {"trip": trip_id,
            "morning": meeting("Breakfast at the Rathaus", 11, 10, world.koerner),
            "afternoon": meeting("Afternoon at Siemens", 11, 15, world.koerner),
            "next day": meeting("Morning at BMW", 12, 10, world.koerner),
            "han": meeting("Lunch with the consul", 11, 12, world.han)}


def _now_box(response: object) -> str:
    """The "today / next" box as a reader sees it."""
    page = text_of(response)
    start = page.find('<section class="now card"')
    if start < 0:
        return ""
    box = page[start:page.index("</section>", start)]
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", box)).split())


def test_next_and_today_move_on_when_time_passes(app: Flask, plan: dict[str, object],
                                                 clock: Clock) -> None:
    member = signed_in(app, "member")
    morning = _now_box(member.get("/schedule"))
    assert "Today" in morning and "Breakfast at the Rathaus" in morning
    assert "Afternoon at Siemens" in morning and "Morning at BMW" not in morning
    assert _now_box(member.get("/schedule")) == morning  # the same view, kept
    clock.now = datetime(2031, 3, 11, 14, 30, tzinfo=UTC)  # 15:30: both of today's started
    evening = _now_box(member.get("/schedule"))
    assert "Next" in evening and "Morning at BMW" in evening
    clock.now = datetime(2031, 3, 11, 23, 30, tzinfo=UTC)  # 00:30 on the 12th in Munich
    tomorrow = _now_box(member.get("/schedule"))
    assert "Morning at BMW" in tomorrow and "Breakfast at the Rathaus" not in tomorrow
    assert "1 earlier day of this trip" in visible(member.get("/schedule"))


def test_a_change_shows_on_the_next_view(app: Flask, plan: dict[str, object],
                                         clock: Clock) -> None:
    commands, member = app.extensions["planner"].app, signed_in(app, "member")
    assert "Morning at BMW" in visible(member.get("/schedule"))
    commands.change_meeting_details(plan["next day"], actor=SETUP, kind="official meeting",
                                    title="Morning at Audi", counterparts=[], agenda="")
    try:
        page = visible(member.get("/schedule"))
        assert "Morning at Audi" in page and "Morning at BMW" not in page
    finally:
        commands.change_meeting_details(plan["next day"], actor=SETUP,
                                        kind="official meeting", title="Morning at BMW",
                                        counterparts=[], agenda="")


def test_a_kept_schedule_reads_no_meetings(app: Flask, plan: dict[str, object],
                                           clock: Clock) -> None:
    member = signed_in(app, "member")
    first = text_of(member.get("/schedule"))
    with statements(app) as seen:
        kept = text_of(member.get("/schedule"))
    unsigned = re.compile(r'name="csrf_token" value="[^"]+"')  # signed anew every second
    assert unsigned.sub("", kept) == unsigned.sub("", first)
    assert "Breakfast at the Rathaus" in kept
    assert not [s for s in seen if "rm_meetings" in s or "rm_attendees" in s], seen


def test_each_person_and_session_sees_only_their_own(app: Flask, plan: dict[str, object],
                                                     clock: Clock) -> None:
    """Körner (in two sessions) and Han ask in turns; each sees their own meetings, and the
    answer buttons of each session carry that session's form token."""
    clients = {"koerner": signed_in(app, "member"), "again": signed_in(app, "member"),
               "han": signed_in(app, "outsider")}
    for _ in range(2):
        pages = {who: text_of(c.get("/schedule")) for who, c in clients.items()}
        for who in ("koerner", "again"):
            assert "Breakfast at the Rathaus" in pages[who]
            assert "Lunch with the consul" not in pages[who]
        assert "Lunch with the consul" in pages["han"]
        assert "Breakfast at the Rathaus" not in pages["han"]
        assert all(form_token(page) for page in pages.values())  # never a stand-in left over
        assert not [page for page in pages.values() if "csrf-token-of" in page]
    answered = clients["again"].post(f"/my/meetings/{plan['morning']}/answer", data={
        "csrf_token": form_token(pages["again"]), "answer": "accepted"})
    assert answered.status_code in (302, 303), text_of(answered)
    assert "accepted" in _now_box(clients["koerner"].get("/schedule"))


def test_a_browser_with_the_current_page_gets_304(app: Flask, plan: dict[str, object],
                                                   clock: Clock) -> None:
    member = signed_in(app, "member")
    first = member.get("/schedule")
    etag = first.headers["ETag"]
    assert etag.startswith('W/"') and "no-cache" in first.headers["Cache-Control"]
    again = member.get("/schedule", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b""
    clock.now = datetime(2031, 3, 11, 14, 30, tzinfo=UTC)  # "next" moved on
    later = member.get("/schedule", headers={"If-None-Match": etag})
    assert later.status_code == 200 and later.headers["ETag"] != etag
    other = signed_in(app, "member").get("/schedule", headers={"If-None-Match": etag})
    assert other.status_code == 200  # another session's page has other form tokens


def test_a_page_with_a_message_is_shown_once_and_never_revalidated(
        app: Flask, plan: dict[str, object], clock: Clock) -> None:
    member = signed_in(app, "member")
    etag = member.get("/schedule").headers["ETag"]
    for choice in ("no", "yes"):
        post(member, "/my/calendar-mails", calendar_mails=choice)
    shown = member.get("/schedule", headers={"If-None-Match": etag})
    assert shown.status_code == 200 and "ETag" not in shown.headers
    assert "Calendar mails are on." in visible(shown)
    assert "Calendar mails are on." not in visible(member.get("/schedule"))
