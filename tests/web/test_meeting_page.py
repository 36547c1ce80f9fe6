"""One page changes a meeting: details, time, place, attendees and status in one save, only
what changed, each as its own event with the one reason; a cancelled meeting says why."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any
from uuid import UUID

from flask import Flask

from tests.web.conftest import event_count, new_trip, signed_in, text_of, visible
from tests.web.test_stale_edits import _form_fields
from tests.web.world import World

ORGANISER = "organiser@test.example"


def _meeting(app: Flask, title: str) -> tuple[UUID, str]:
    trip_id, munich = new_trip(app, title=f"Trip for {title}")
    meeting_id = app.extensions["planner"].app.schedule_meeting(
        trip_id, actor="test", kind="official meeting", title=title, venue="Rathaus",
        city="Munich", timezone="Europe/Berlin", leg_id=munich,
        starts=datetime(2024, 11, 20, 9), ends=datetime(2024, 11, 20, 10, 30))
    return meeting_id, f"/meetings/{meeting_id}/change"


def _page_form(page: str) -> dict[str, Any]:
    """What the browser sends back: the fields as shown, and the ticked attendees."""
    fields: dict[str, Any] = _form_fields(page)
    fields["attendees"] = re.findall(
        r'<input type="checkbox" name="attendees" value="([^"]+)" checked>', page)
    return fields


def _history(app: Flask, meeting_id: UUID, since: int) -> list[tuple[str, str, str]]:
    return [(type(e).__qualname__.split(".")[-1], e.reason, e.actor)
            for e in app.extensions["planner"].app.history(meeting_id)[since:]]


def test_the_meeting_page_links_to_one_page_with_everything_on_it(app: Flask,
                                                                   world: World) -> None:
    meeting_id, url = _meeting(app, "Everything on one page")
    client = signed_in(app, "organiser")
    assert url in text_of(client.get(f"/meetings/{meeting_id}"))
    page = client.get(url)
    assert page.status_code == 200
    fields = _page_form(text_of(page))
    assert fields["title"] == "Everything on one page"
    assert (fields["starts_at"], fields["ends_at"]) == ("2024-11-20 09:00", "2024-11-20 10:30")
    assert (fields["venue"], fields["city"], fields["timezone"]) == (
        "Rathaus", "Munich", "Europe/Berlin")
    assert fields["status"] == "proposed" and fields["attendees"] == []
    shown = visible(page)
    assert "Michael Körner" in shown and "韩立明" in shown


def test_time_place_and_an_attendee_in_one_save_are_three_events_with_one_reason(
        app: Flask, world: World) -> None:
    meeting_id, url = _meeting(app, "Three changes at once")
    client = signed_in(app, "organiser")
    fields = _page_form(text_of(client.get(url)))
    fields.update(starts_at="2024-11-21T14:00", ends_at="2024-11-21T15:00",
                  venue="Bayerischer Hof", attendees=[str(world.koerner)],
                  reason="the minister moved our slot")
    response = client.post(url, data={**fields, "csrf_token": client.csrf})
    assert response.status_code == 302
    assert _history(app, meeting_id, 1) == [
        ("Relocated", "the minister moved our slot", ORGANISER),
        ("Moved", "the minister moved our slot", ORGANISER),
        ("AttendeeAdded", "the minister moved our slot", ORGANISER)]
    shown = visible(client.get(f"/meetings/{meeting_id}"))
    assert "Saved: the meeting's place, time, attendees." in shown
    assert "14:00" in shown and "Bayerischer Hof" in shown and "Michael Körner" in shown


def test_each_part_alone_is_saved_alone(app: Flask, world: World) -> None:
    meeting_id, url = _meeting(app, "One thing at a time")
    client = signed_in(app, "organiser")
    for change, event in ((dict(title="Renamed"), "DetailsChanged"),
                          (dict(agenda="Welcome"), "DetailsChanged"),
                          (dict(venue="Hofbräuhaus", reason="bigger room"), "Relocated"),
                          (dict(attendees=[str(world.han)]), "AttendeeAdded"),
                          (dict(attendees=[]), "AttendeeRemoved"),
                          (dict(status="confirmed"), "Confirmed"),
                          (dict(starts_at="2024-11-20T11:00", ends_at="2024-11-20T12:30",
                                reason="later"), "Moved")):
        version = app.extensions["planner"].queries.meeting(meeting_id).version
        fields = {**_page_form(text_of(client.get(url))), **change}
        assert client.post(url, data={**fields, "csrf_token": client.csrf}).status_code == 302
        assert [e for e, _, _ in _history(app, meeting_id, version)] == [event], change


def test_changing_only_the_start_keeps_the_duration(app: Flask, world: World) -> None:
    meeting_id, url = _meeting(app, "Ninety minutes")
    client = signed_in(app, "organiser")
    fields = _page_form(text_of(client.get(url)))
    fields.update(starts_at="2024-11-21T15:00", reason="afternoon")  # the end left as shown
    assert client.post(url, data={**fields, "csrf_token": client.csrf}).status_code == 302
    row = app.extensions["planner"].queries.meeting(meeting_id)
    assert (f"{row.local_start:%d %H:%M}", f"{row.local_end:%d %H:%M}") == ("21 15:00",
                                                                           "21 16:30")


def test_nothing_changed_saves_nothing(app: Flask, world: World) -> None:
    meeting_id, url = _meeting(app, "Untouched")
    client = signed_in(app, "organiser")
    fields = _page_form(text_of(client.get(url)))
    before = event_count(app.extensions["planner"])
    response = client.post(url, data={**fields, "csrf_token": client.csrf},
                           follow_redirects=True)
    assert "Nothing was changed, so nothing was saved." in visible(response)
    assert event_count(app.extensions["planner"]) == before


def test_a_refused_part_saves_nothing_and_keeps_the_input(app: Flask, world: World) -> None:
    meeting_id, url = _meeting(app, "All or nothing")
    client = signed_in(app, "organiser")
    fields = _page_form(text_of(client.get(url)))
    before = event_count(app.extensions["planner"])
    fields.update(title="Renamed", attendees=[str(world.koerner)],
                  starts_at="2024-11-21T15:00")  # a move without a reason
    response = client.post(url, data={**fields, "csrf_token": client.csrf})
    assert response.status_code == 422
    assert "moving a meeting must give a reason" in visible(response)
    assert event_count(app.extensions["planner"]) == before
    kept = _page_form(text_of(response))
    assert kept["title"] == "Renamed" and kept["attendees"] == [str(world.koerner)]
    fields.update(starts_at="2024-11-25T15:00", reason="later")  # after the trip
    response = client.post(url, data={**fields, "csrf_token": client.csrf})
    assert response.status_code == 422 and "must fall within the trip" in visible(response)
    assert event_count(app.extensions["planner"]) == before


def test_a_stale_page_gets_the_409_page_with_the_current_values_beside_the_input(
        app: Flask, world: World) -> None:
    meeting_id, url = _meeting(app, "Contested on one page")
    anna, ben = signed_in(app, "organiser"), signed_in(app, "organiser")
    annas, bens = _page_form(text_of(anna.get(url))), _page_form(text_of(ben.get(url)))
    annas.update(starts_at="2024-11-20T11:00", ends_at="2024-11-20T12:00",
                 reason="host is late")
    assert anna.post(url, data={**annas, "csrf_token": anna.csrf}).status_code == 302
    before = event_count(app.extensions["planner"])
    bens.update(title="Ben's title", venue="Ben's venue", reason="a bigger room")
    response = ben.post(url, data={**bens, "csrf_token": ben.csrf})
    assert response.status_code == 409
    assert event_count(app.extensions["planner"]) == before
    page = text_of(response)
    assert "host is late" in page
    assert re.search(r"<td[^>]*>2024-11-20 09:00</td><td[^>]*>2024-11-20 11:00</td>", page), \
        "Ben's (unchanged) start beside the current start"
    kept = _page_form(page)
    assert kept["title"] == "Ben&#39;s title" and kept["expected_version"] == "2"
    kept = {k: v.replace("&#39;", "'") if isinstance(v, str) else v for k, v in kept.items()}
    kept["starts_at"], kept["ends_at"] = "2024-11-20T11:00", "2024-11-20T12:00"
    assert ben.post(url, data={**kept, "csrf_token": ben.csrf}).status_code == 302
    row = app.extensions["planner"].queries.meeting(meeting_id)
    assert (row.title, row.venue, f"{row.local_start:%H:%M}") == (
        "Ben's title", "Ben's venue", "11:00")


def test_a_cancelled_meeting_shows_why_who_and_when_until_it_is_reinstated(
        app: Flask, world: World) -> None:
    meeting_id, url = _meeting(app, "Called off")
    client = signed_in(app, "organiser")
    fields = _page_form(text_of(client.get(url)))
    fields.update(status="cancelled", reason="the minister is ill")
    assert client.post(url, data={**fields, "csrf_token": client.csrf}).status_code == 302
    row = app.extensions["planner"].queries.meeting(meeting_id)
    assert row.cancellation is not None and row.cancellation.by == ORGANISER
    shown = visible(signed_in(app, "auditor").get(f"/meetings/{meeting_id}"))
    assert (f"Cancelled on {row.cancellation.at:%a} {row.cancellation.at.day} "
            f"{row.cancellation.at:%b %Y}") in shown
    assert ORGANISER in shown and "“the minister is ill”" in shown

    fields = _page_form(text_of(client.get(url)))
    assert "proposed (reinstate)" in text_of(client.get(url))
    fields.update(status="proposed", reason="the minister is back")
    assert client.post(url, data={**fields, "csrf_token": client.csrf}).status_code == 302
    assert "the minister is ill" not in visible(client.get(f"/meetings/{meeting_id}"))
    assert app.extensions["planner"].queries.meeting(meeting_id).cancellation is None
