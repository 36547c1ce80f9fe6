"""In a real browser: an organiser plans a trip across two zones and moves a meeting; the
participant sees it in local and home time; an auditor cannot reach an edit form; two
organisers editing at once lose nothing. Screenshots of the main screens go to docs/."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from tests.e2e.conftest import new_page, screenshot, sign_in

pytestmark = pytest.mark.browser

ORGANISER = "organiser@demo.invest-leipzig.example"
ASSISTANT = "assistant@demo.invest-leipzig.example"
KOERNER = "koerner@demo.invest-leipzig.example"
AUDITOR = "auditor@demo.invest-leipzig.example"
TITLE = "Leipzig companies' delegation to Nanjing"
MEETING = "Matchmaking with Jiangbei New Area firms"


@dataclass(frozen=True)
class PlannedTrip:
    url: str
    meeting_url: str
    meeting_day: date


def _clock(day: date, hour: int, zone: str) -> str:
    """What the page shows for a 90-minute meeting from `hour` o'clock at Nanjing, as wall
    time in `zone`: '15:00–16:30 CST'."""
    start = datetime(day.year, day.month, day.day, hour, tzinfo=ZoneInfo("Asia/Shanghai"))
    local = start.astimezone(ZoneInfo(zone))
    return f"{local:%H:%M}–{local + timedelta(minutes=90):%H:%M} {local.tzname()}"


def _option(page: Any, select: str, text: str) -> str:
    return page.locator(f"{select} option", has_text=text).first.get_attribute("value")


@pytest.fixture(scope="module")
def planned_trip(browser: Any, live_server: str) -> PlannedTrip:
    """The organiser's work, done through the screens: trip, two legs, a member, a meeting
    scheduled and then moved."""
    first = date.today() + timedelta(days=40)
    page = new_page(browser)
    sign_in(page, live_server, ORGANISER)
    page.get_by_role("link", name="New trip").first.click()
    page.locator("#f-title").fill(TITLE)
    page.locator("#f-organiser").fill("Invest Region Leipzig")
    page.locator("#f-starts_on").fill(first.isoformat())
    page.locator("#f-ends_on").fill((first + timedelta(days=6)).isoformat())
    page.locator("#f-home_timezone").fill("Europe/Berlin")
    page.locator("#f-purpose").fill("Eleven Leipzig companies meet partners in Nanjing.")
    page.get_by_role("button", name="Create trip").click()
    trip_url = page.url
    assert re.search(r"/trips/[0-9a-f-]{36}$", trip_url)

    for city, country, zone, arrives, departs in (
            ("Leipzig", "Germany", "Europe/Berlin", 0, 1),
            ("Nanjing", "China", "Asia/Shanghai", 1, 6)):
        page.goto(f"{trip_url}/legs/new")
        page.locator("#f-city").fill(city)
        page.locator("#f-country").fill(country)
        page.locator("#f-timezone").fill(zone)
        page.locator("#f-arrives_on").fill((first + timedelta(days=arrives)).isoformat())
        page.locator("#f-departs_on").fill((first + timedelta(days=departs)).isoformat())
        page.get_by_role("button", name="Add leg").click()
        assert page.url.startswith(trip_url)

    page.goto(f"{trip_url}/members")
    page.select_option("#f-person_id", _option(page, "#f-person_id", "Michael Körner"))
    page.select_option("#f-role", "head of delegation")
    page.get_by_role("button", name="Add to delegation").click()
    assert "Added to the delegation." in page.content()

    meeting_day = first + timedelta(days=2)
    page.goto(trip_url)
    page.get_by_role("link", name="Schedule meeting").click()
    page.locator("#f-title").fill(MEETING)
    page.select_option("#f-kind", "matchmaking")
    page.select_option("#f-leg_id", _option(page, "#f-leg_id", "Nanjing"))
    page.locator("#f-venue").fill("Jiangbei New Area Administrative Centre")
    page.locator("#f-starts_at").fill(f"{meeting_day}T10:00")
    page.locator("#f-ends_at").fill(f"{meeting_day}T11:30")
    page.locator("#f-counterparts").fill("Nanjing Jiangbei New Area\n南京市投资促进委员会")
    page.get_by_label("Michael Körner").check()
    screenshot(page, "meeting-form")
    page.get_by_role("button", name="Schedule").click()
    meeting_url = page.url
    assert re.search(r"/meetings/[0-9a-f-]{36}$", meeting_url)

    page.get_by_role("link", name="Change", exact=True).click()
    page.locator("#f-starts_at").fill(f"{meeting_day}T15:00")  # the end moves with it
    page.locator("#f-reason").fill("The firms asked for the afternoon")
    page.get_by_role("button", name="Save changes").click()
    assert page.url == meeting_url
    page.context.close()
    return PlannedTrip(trip_url, meeting_url, meeting_day)


def test_an_organiser_plans_a_trip_in_two_zones_and_moves_a_meeting(
        browser: Any, live_server: str, planned_trip: PlannedTrip) -> None:
    page = new_page(browser)
    sign_in(page, live_server, ORGANISER)
    screenshot(page, "dashboard")
    assert TITLE in page.locator("#upcoming").inner_text()
    page.goto(planned_trip.url)
    itinerary = page.locator("#itinerary").inner_text()
    assert "Leipzig, Germany" in itinerary and "Nanjing, China" in itinerary
    assert MEETING in itinerary
    assert _clock(planned_trip.meeting_day, 15, "Asia/Shanghai") in itinerary
    assert _clock(planned_trip.meeting_day, 15, "Europe/Berlin") in itinerary, "home time"
    screenshot(page, "trip-itinerary")
    page.emulate_media(media="print")
    screenshot(page, "trip-itinerary-print")
    page.context.close()


def test_the_participant_sees_the_moved_meeting_in_local_and_home_time(
        browser: Any, live_server: str, planned_trip: PlannedTrip) -> None:
    page = new_page(browser, phone=True)
    sign_in(page, live_server, KOERNER)
    assert page.url.endswith("/schedule")
    # the meeting is both "next" at the top and in its trip's days: read it in the trip
    item = page.locator("section.trip-plan article.item", has_text=MEETING)
    text = item.inner_text()
    assert _clock(planned_trip.meeting_day, 15, "Asia/Shanghai") in text
    assert _clock(planned_trip.meeting_day, 15, "Europe/Berlin") in text
    assert "10:00" not in text, "the old time is gone"
    screenshot(page, "participant-schedule-phone", full_page=False)
    page.set_viewport_size({"width": 1280, "height": 900})
    screenshot(page, "participant-schedule", full_page=False)
    page.goto(f"{planned_trip.url}/edit")
    assert "Not allowed" in page.content()
    page.context.close()


def test_an_auditor_reads_the_trip_but_cannot_reach_an_edit_form(
        browser: Any, live_server: str, planned_trip: PlannedTrip) -> None:
    page = new_page(browser)
    sign_in(page, live_server, AUDITOR)
    page.goto(planned_trip.url)
    assert MEETING in page.content()
    assert page.get_by_role("link", name="Schedule meeting").count() == 0
    for form in (f"{planned_trip.url}/edit", f"{planned_trip.meeting_url}/move"):
        response = page.goto(form)
        assert response.status == 403
        assert "Only organisers can change plans" in page.content()
        assert page.locator("form input[name=title], form input[name=starts_at]").count() == 0
    screenshot(page, "forbidden")
    page.context.close()


def test_two_organisers_edit_the_trip_at_once_and_nothing_is_lost(
        browser: Any, live_server: str, planned_trip: PlannedTrip) -> None:
    anna, ben = new_page(browser), new_page(browser)
    sign_in(anna, live_server, ORGANISER)
    sign_in(ben, live_server, ASSISTANT)
    for page in (anna, ben):
        page.goto(f"{planned_trip.url}/edit")
    anna.locator("#f-title").fill(TITLE + " (with the mayor)")
    anna.locator("#f-reason").fill("The mayor joins")
    anna.get_by_role("button", name="Save").click()
    ben.locator("#f-purpose").fill("Eleven companies and the mayor meet partners in Nanjing.")
    ben.get_by_role("button", name="Save").click()
    assert "Someone changed this trip while you were editing" in ben.content()
    assert "The mayor joins" in ben.locator("#conflict").inner_text()
    assert ben.locator("#f-purpose").input_value().startswith("Eleven companies and the mayor")
    screenshot(ben, "stale-edit")
    ben.locator("#f-title").fill(TITLE + " (with the mayor)")
    ben.get_by_role("button", name="Save").click()
    assert ben.url == planned_trip.url
    content = ben.content()
    assert "(with the mayor)" in content and "Eleven companies and the mayor" in content
    for page in (anna, ben):
        page.context.close()


def test_an_organiser_changes_time_place_and_attendees_on_one_page(
        browser: Any, live_server: str, planned_trip: PlannedTrip) -> None:
    """Issue 15: one page, one save, one reason; each change in the history on its own."""
    page = new_page(browser)
    sign_in(page, live_server, ORGANISER)
    page.goto(f"{planned_trip.url}/members")
    page.select_option("#f-person_id", _option(page, "#f-person_id", "Clemens Schülke"))
    page.get_by_role("button", name="Add to delegation").click()

    page.goto(planned_trip.meeting_url)
    page.get_by_role("link", name="Change", exact=True).click()
    day = planned_trip.meeting_day + timedelta(days=1)
    page.locator("#f-starts_at").fill(f"{day}T09:00")
    page.locator("#f-ends_at").fill(f"{day}T10:00")
    page.locator("#f-venue").fill("Nanjing International Expo Center")
    page.get_by_label("Clemens Schülke").check()
    page.locator("#f-reason").fill("The expo centre hosts all firms on the next morning")
    screenshot(page, "meeting-change")
    page.get_by_role("button", name="Save changes").click()

    assert page.url == planned_trip.meeting_url
    assert "Saved: the meeting's place, time, attendees." in page.content()
    facts = page.locator("main").inner_text()
    assert "Nanjing International Expo Center" in facts and "Clemens Schülke" in facts
    assert f"{day:%a} {day.day} {day:%b %Y}, 09:00" in facts
    meeting_id = planned_trip.meeting_url.rsplit("/", 1)[-1]
    page.goto(f"{live_server}/audit/records/{meeting_id}/history")
    history = page.locator("main").inner_text()
    assert history.count("The expo centre hosts all firms on the next morning") >= 3
    page.context.close()
