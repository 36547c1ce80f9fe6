"""Planning through the API: legs, delegation, meetings (schedule, move across the spring
clock change, relocate, confirm, cancel, reinstate, attendees, outcome, follow-ups), a
person's schedule and calendar links; refusals name the field and write nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from flask import Flask

from tests.web.api.kit import ApiClient
from tests.web.conftest import event_count
from tests.web.world import World

Api = Callable[[str | None], ApiClient]
TRIP = {"title": "Study visit to Munich", "organiser": "Nanjing Investment Promotion",
        "direction": "inbound", "home_timezone": "Asia/Shanghai",
        "starts_on": "2025-03-24", "ends_on": "2025-03-31"}
LEG = {"city": "Munich", "country": "Germany", "timezone": "Europe/Berlin",
       "arrives_on": "2025-03-24", "departs_on": "2025-03-31"}


@pytest.fixture
def planned(api: Api) -> dict[str, Any]:
    """A trip with a Munich leg, one new delegate and one meeting (Friday before the clocks
    go forward in Berlin)."""
    client = api("organiser")
    trip = client.post("trips", json=TRIP).get_json()
    leg = client.post(f"trips/{trip['id']}/legs", json=LEG)
    assert leg.status_code == 201 and leg.headers["Location"].endswith(
        leg.get_json()["legs"][0]["leg_id"])
    assert client.get(leg.headers["Location"]).get_json()["city"] == "Munich"
    added = client.post(f"trips/{trip['id']}/members", json={
        "new_person": {"name": "王芳", "home_timezone": "Asia/Shanghai"},
        "role": "head of delegation", "organisation": "南京市投资促进委员会"})
    assert added.status_code == 200, added.get_json()
    person = added.get_json()["members"][0]["person_id"]
    meeting = client.post(f"trips/{trip['id']}/meetings", json={
        "kind": "company visit", "title": "Visit to Siemens", "venue": "Werner-von-Siemens-Str.",
        "city": "Munich", "timezone": "Europe/Berlin", "starts_at": "2025-03-28T10:00:00",
        "ends_at": "2025-03-28T11:30:00", "attendees": [person],
        "leg_id": leg.get_json()["legs"][0]["leg_id"]})
    assert meeting.status_code == 201, meeting.get_json()
    return {"client": client, "trip": trip, "person": person, "meeting": meeting}


def test_a_meeting_is_scheduled_in_local_time_and_moved_across_the_clock_change(
        planned: dict[str, Any]) -> None:
    client, created = planned["client"], planned["meeting"]
    meeting = created.get_json()
    assert created.headers["Location"] == f"/api/v1/meetings/{meeting['id']}"
    assert meeting["starts_at"] == {"at": "2025-03-28T10:00:00+01:00", "zone": "Europe/Berlin"}
    moved = client.put(f"meetings/{meeting['id']}/time", headers={"If-Match": '"1"'}, json={
        "starts_at": "2025-03-31T10:00:00", "ends_at": "2025-03-31T11:30:00",
        "reason": "Host asked for Monday"})
    assert moved.status_code == 200, moved.get_json()
    assert moved.get_json()["starts_at"]["at"] == "2025-03-31T10:00:00+02:00"
    stale = client.put(f"meetings/{meeting['id']}/time", headers={"If-Match": '"1"'}, json={
        "starts_at": "2025-03-29T10:00:00", "ends_at": "2025-03-29T11:00:00", "reason": "x"})
    assert stale.status_code == 412
    assert stale.get_json()["current"]["starts_at"]["at"] == "2025-03-31T10:00:00+02:00"
    listed = client.get(f"trips/{planned['trip']['id']}/meetings").get_json()
    assert [m["title"] for m in listed["items"]] == ["Visit to Siemens"]


def test_relocate_confirm_cancel_reinstate_attendees_outcome_followups(
        planned: dict[str, Any]) -> None:
    client, meeting_id = planned["client"], planned["meeting"].get_json()["id"]
    address = f"meetings/{meeting_id}"
    relocated = client.put(f"{address}/place", json={
        "venue": "Siemens Forum", "city": "Munich", "timezone": "Europe/Berlin",
        "reason": "Bigger room"})
    assert relocated.status_code == 200 and relocated.get_json()["venue"] == "Siemens Forum"
    assert client.patch(address, json={"agenda": "Plant tour"}).get_json()["agenda"] == (
        "Plant tour")
    assert client.post(f"{address}/confirm").get_json()["status"] == "confirmed"
    cancelled = client.post(f"{address}/cancel", json={"reason": "Host ill"}).get_json()
    assert cancelled["status"] == "cancelled" and cancelled["cancellation_reason"] == "Host ill"
    assert client.post(f"{address}/reinstate", json={"reason": "Host well"}).status_code == 200
    person = planned["person"]
    removed = client.delete(f"{address}/attendees/{person}?reason=Other+meeting")
    assert removed.get_json()["attendees"] == []
    added = client.post(f"{address}/attendees", json={"person_ids": [person]})
    assert [a["person_id"] for a in added.get_json()["attendees"]] == [person]
    outcome = client.put(f"{address}/outcome", json={"summary": "Agreed on a pilot",
                                                     "ideas": ["Joint training"]})
    assert outcome.status_code == 200 and outcome.get_json()["outcome"]["ideas"] == [
        "Joint training"]
    followup = client.post(f"{address}/followups", json={
        "action": "Send the pilot plan", "owner": "王芳", "due_on": "2025-04-15"}).get_json()
    done = client.post(f"{address}/followups/{followup['followups'][0]['followup_id']}/done",
                       json={"done_on": "2025-04-10"})
    assert done.get_json()["followups"][0]["done_on"] == "2025-04-10"


def test_trip_parts_change_and_bad_input_writes_nothing(app: Flask,
                                                       planned: dict[str, Any]) -> None:
    client, trip_id = planned["client"], planned["trip"]["id"]
    planner = app.extensions["planner"]
    before = event_count(planner)
    for path, body, field in [
        ("meetings", {**_meeting(), "starts_at": "2025-05-01T10:00:00",
                      "ends_at": "2025-05-01T11:00:00"}, "starts_at"),
        ("meetings", {**_meeting(), "ends_at": "2025-03-28T09:00:00"}, "ends_at"),
        ("meetings", {**_meeting(), "timezone": "Europe/Munich"}, "timezone"),
        ("legs", {**LEG, "arrives_on": "2025-04-02"}, "departs_on"),
        ("members", {"role": "official"}, "person_id"),
    ]:
        refused = client.post(f"trips/{trip_id}/{path}", json=body)
        assert refused.status_code == 422, (path, refused.get_json())
        assert field in [e["field"] for e in refused.get_json()["errors"]], refused.get_json()
    assert event_count(planner) == before
    dates = client.put(f"trips/{trip_id}/dates", json={
        "starts_on": "2025-03-20", "ends_on": "2025-03-31", "reason": "Arrive earlier"})
    assert dates.status_code == 200 and dates.get_json()["starts_on"] == "2025-03-20"
    goals = client.put(f"trips/{trip_id}/objectives", json={"objectives": ["Meet Siemens"]})
    assert goals.get_json()["objectives"] == ["Meet Siemens"]
    status = client.put(f"trips/{trip_id}/status", json={"status": "planned"})
    assert status.get_json()["status"] == "planned"
    cancelled = client.post(f"trips/{trip_id}/cancel", json={"reason": "Visa refused"})
    assert cancelled.get_json()["status"] == "cancelled"
    assert client.post(f"trips/{trip_id}/reinstate",
                       json={"reason": "Visa granted"}).status_code == 200


def _meeting() -> dict[str, Any]:
    return {"kind": "dinner", "title": "Dinner", "venue": "Hofbräuhaus", "city": "Munich",
            "timezone": "Europe/Berlin", "starts_at": "2025-03-28T19:00:00",
            "ends_at": "2025-03-28T21:00:00"}


def test_profiles_and_members_of_the_delegation(api: Api, world: World) -> None:
    client = api("organiser")
    trip = client.post("trips", json=TRIP).get_json()
    address = f"trips/{trip['id']}"
    attached = client.post(f"{address}/profiles", json={"profile_ids": [str(world.profile_id)]})
    assert [p["profile_id"] for p in attached.get_json()["profiles"]] == [str(world.profile_id)]
    detached = client.delete(f"{address}/profiles/{world.profile_id}")
    assert detached.get_json()["profiles"] == []
    added = client.post(f"{address}/members", json={"person_id": str(world.koerner),
                                                    "role": "company representative"})
    assert added.status_code == 200, added.get_json()
    changed = client.patch(f"{address}/members/{world.koerner}",
                           json={"role": "head of delegation"})
    assert changed.get_json()["members"][0]["role"] == "head of delegation"
    assert client.delete(f"{address}/members/{world.koerner}").get_json()["members"] == []


def test_a_person_schedule_shows_what_the_reader_may_see(api: Api, world: World) -> None:
    own = api("member").get(f"people/{world.koerner}/schedule").get_json()
    titles = [item["title"] for item in own["items"]]
    assert "Meeting with the vice mayor" in titles
    first = own["items"][0]
    assert first["starts_at"]["zone"] == "Asia/Shanghai" and first["home"]["zone"] == (
        "Europe/Berlin")
    assert api("organiser").get(f"people/{world.koerner}/schedule").status_code == 200
    assert api("outsider").get(f"people/{world.koerner}/schedule").status_code == 404


def test_calendar_links_for_a_member_the_account_and_the_trip(app: Flask,
                                                              planned: dict[str, Any],
                                                              api: Api, world: World) -> None:
    client, trip_id = planned["client"], planned["trip"]["id"]
    link = client.post(f"trips/{trip_id}/members/{planned['person']}/calendar-link")
    assert link.status_code == 200 and link.headers["Cache-Control"] == "no-store"
    feed = link.get_json()["address"]
    assert feed.endswith(".ics") and link.get_json()["webcal"].startswith("webcal://")
    body = app.test_client().get("/feeds/" + feed.rsplit("/feeds/", 1)[1])
    assert body.status_code == 200 and "Visit to Siemens" in body.get_data(as_text=True)
    again = client.post(f"trips/{trip_id}/members/{planned['person']}/calendar-link")
    assert app.test_client().get("/feeds/" + feed.rsplit("/feeds/", 1)[1]).status_code == 404
    assert again.get_json()["address"] != feed, "a reset makes a new address"
    trip_link = client.get(f"trips/{trip_id}/calendar-link").get_json()
    assert trip_link["needs_token"] is True
    ics = client.get("/" + trip_link["address"].split("/", 3)[3])
    assert ics.status_code == 200 and ics.mimetype == "text/calendar"
    assert "Visit to Siemens" in ics.get_data(as_text=True)
    mine = api("member").post("me/calendar-link")
    assert mine.status_code == 200 and mine.get_json()["address"].endswith(".ics")
    assert api("auditor").post("me/calendar-link").status_code == 403
    assert api("organiser").post("me/calendar-link").status_code == 404, "no person"
