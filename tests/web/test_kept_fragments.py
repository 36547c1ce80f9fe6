"""The trip page keeps its rendered itinerary (web/fragments.py, issue 10): a change shows at
once, and viewers with different rights never see each other's itinerary."""

from __future__ import annotations

from datetime import date, datetime

from flask import Flask
from flask.testing import FlaskClient

from tests.web.conftest import new_trip, signed_in, text_of, visible
from tests.web.test_form_statements import statements
from tests.web.world import SETUP


def _meeting(app: Flask, trip_id: object, leg: str, title: str, hour: int) -> object:
    return app.extensions["planner"].app.schedule_meeting(
        trip_id, actor=SETUP, kind="official meeting", title=title, venue="BMW Welt",
        city="Munich", timezone="Europe/Berlin", starts=datetime(2024, 11, 20, hour),
        ends=datetime(2024, 11, 20, hour + 1), leg_id=leg,
        attendees=[app.extensions["test_world"].koerner])


def _itinerary(page: str) -> str:
    return page[page.index('id="itinerary"'):page.index('<aside class="trip-side">')]


def test_a_moved_or_renamed_meeting_shows_on_the_next_view(app: Flask,
                                                           organiser: FlaskClient) -> None:
    commands = app.extensions["planner"].app
    trip_id, munich = new_trip(app, title="Kept itinerary trip")
    meeting = _meeting(app, trip_id, munich, "Meeting at BMW Group", 10)
    first = visible(organiser.get(f"/trips/{trip_id}"))
    assert "Meeting at BMW Group" in first and "10:00" in first
    assert "Meeting at BMW Group" in visible(organiser.get(f"/trips/{trip_id}"))  # kept
    commands.move_meeting(meeting, actor=SETUP, starts=datetime(2024, 11, 21, 15),
                          ends=datetime(2024, 11, 21, 16), reason="the board moved it")
    commands.change_meeting_details(meeting, actor=SETUP, kind="official meeting",
                                    title="Meeting at Siemens", counterparts=[], agenda="")
    after = visible(organiser.get(f"/trips/{trip_id}"))
    assert "Meeting at Siemens" in after and "Meeting at BMW Group" not in after
    assert "15:00" in after and "10:00" not in after


def test_viewers_with_different_rights_never_share_an_itinerary(app: Flask) -> None:
    """The organiser may plan and sees the warnings in the itinerary; the auditor sees the
    warnings but may not plan; the participant sees neither. Each asks twice, in turns."""
    commands = app.extensions["planner"].app
    trip_id, munich = new_trip(app, title="Clashing itinerary trip")
    _meeting(app, trip_id, munich, "Breakfast with BMW", 10)
    _meeting(app, trip_id, munich, "Breakfast with Siemens", 10)  # Körner is double-booked
    empty = commands.create_trip(actor=SETUP, title="Empty trip", organiser="Nanjing office",
                                 direction="inbound", home_timezone="Asia/Shanghai",
                                 starts_on=date(2024, 11, 19), ends_on=date(2024, 11, 22))
    clients = {role: signed_in(app, role) for role in ("organiser", "auditor", "member")}
    for _ in range(2):
        pages = {role: text_of(c.get(f"/trips/{trip_id}")) for role, c in clients.items()}
        assert "see warning 1" in pages["organiser"] and "see warning 1" in pages["auditor"]
        assert "see warning" not in pages["member"]
        assert "Breakfast with Siemens" in pages["member"]
        organiser, auditor = (text_of(clients[r].get(f"/trips/{empty}"))
                              for r in ("organiser", "auditor"))
        assert "Add the first leg" in organiser and "Add the first leg" not in auditor


def test_a_kept_itinerary_is_not_read_again(app: Flask, organiser: FlaskClient) -> None:
    trip_id, munich = new_trip(app, title="Itinerary read once")
    _meeting(app, trip_id, munich, "Meeting at BMW Group", 10)
    url = f"/trips/{trip_id}"
    with statements(app) as first:
        fresh = text_of(organiser.get(url))
    with statements(app) as seen:
        kept = text_of(organiser.get(url))
    assert _itinerary(kept) == _itinerary(fresh) and "Meeting at BMW Group" in _itinerary(kept)
    # the members' calendar status (when each last had a change) still reads attendees; the
    # itinerary's items and their attendees are not read again
    assert not [s for s in seen if "rm_attendees" in s and "calendar_changed_at" not in s], seen
    assert len(seen) < len(first)


def test_a_browser_with_the_current_trip_page_gets_304_until_something_changes(
        app: Flask, organiser: FlaskClient) -> None:
    commands = app.extensions["planner"].app
    trip_id, munich = new_trip(app, title="Revalidated trip")
    meeting = _meeting(app, trip_id, munich, "Meeting at BMW Group", 10)
    url = f"/trips/{trip_id}"
    etag = organiser.get(url).headers["ETag"]
    unchanged = organiser.get(url, headers={"If-None-Match": etag})
    assert unchanged.status_code == 304 and unchanged.data == b""
    auditor = signed_in(app, "auditor").get(url, headers={"If-None-Match": etag})
    assert auditor.status_code == 200 and "Meeting at BMW Group" in visible(auditor)
    commands.change_meeting_details(meeting, actor=SETUP, kind="official meeting",
                                    title="Meeting at Siemens", counterparts=[], agenda="")
    changed = organiser.get(url, headers={"If-None-Match": etag})
    assert changed.status_code == 200 and "Meeting at Siemens" in visible(changed)
    assert changed.headers["ETag"] != etag


def test_a_feed_fetch_shows_in_the_members_box_of_an_unchanged_trip(
        app: Flask, organiser: FlaskClient) -> None:
    """The fetches are no events: the page's ETag and the kept box still follow them."""
    commands, world = app.extensions["planner"].app, app.extensions["test_world"]
    trip_id, munich = new_trip(app, title="Fetched calendars trip")
    _meeting(app, trip_id, munich, "Meeting at BMW Group", 10)
    url = f"/trips/{trip_id}"
    token = commands.reset_feed_token(world.koerner, actor=SETUP)
    app.test_client().get(f"/feeds/{token}.ics", headers={"User-Agent": "Thunderbird/115"})
    before = organiser.get(url)
    assert "Thunderbird" in _box(text_of(before)) and "Apple Calendar" not in _box(text_of(before))
    app.test_client().get(f"/feeds/{token}.ics", headers={"User-Agent": "iOS/17.0 dataaccessd"})
    after = organiser.get(url, headers={"If-None-Match": before.headers["ETag"]})
    assert after.status_code == 200 and "Apple Calendar" in _box(text_of(after))


def _box(page: str) -> str:
    start = page.index('id="member-calendars"')
    return page[start:page.index("</section>", start)]
