"""In a real browser: a two-city trip with a double booking. The warning appears on the page
after saving, naming the person and the other meeting with a link to fix it, and the trip page
shows it once. Then the organiser plans again from the trip."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Any

import pytest

from tests.e2e.conftest import new_page, screenshot, sign_in

pytestmark = pytest.mark.browser

ORGANISER = "organiser@demo.invest-leipzig.example"
TITLE = "Leipzig to Nanjing and Chengdu, double-booked"


def _option(page: Any, select: str, text: str) -> str:
    return page.locator(f"{select} option", has_text=text).first.get_attribute("value")


def _schedule(page: Any, trip_url: str, title: str, leg: str, day: date, start: str,
              end: str) -> None:
    page.goto(trip_url)
    page.get_by_role("link", name="Schedule meeting").click()
    page.locator("#f-title").fill(title)
    page.select_option("#f-leg_id", _option(page, "#f-leg_id", leg))
    page.locator("#f-venue").fill(f"{leg} venue")
    page.locator("#f-starts_at").fill(f"{day}T{start}")
    page.locator("#f-ends_at").fill(f"{day}T{end}")
    page.get_by_label("Michael Körner").check()
    page.get_by_role("button", name="Schedule").click()
    page.wait_for_load_state()


def test_a_double_booking_is_flagged_after_saving_and_listed_once(
        browser: Any, live_server: str) -> None:
    first = date.today() + timedelta(days=400)  # clear of the demo's trips
    travel_day = first + timedelta(days=2)
    page = new_page(browser)
    sign_in(page, live_server, ORGANISER)
    page.get_by_role("link", name="New trip").first.click()
    page.locator("#f-title").fill(TITLE)
    page.locator("#f-organiser").fill("Invest Region Leipzig")
    page.locator("#f-starts_on").fill(first.isoformat())
    page.locator("#f-ends_on").fill((first + timedelta(days=5)).isoformat())
    page.locator("#f-home_timezone").fill("Europe/Berlin")
    page.get_by_role("button", name="Create trip").click()
    trip_url = page.url
    assert re.search(r"/trips/[0-9a-f-]{36}$", trip_url)
    for city, arrives, departs in (("Nanjing", 0, 2), ("Chengdu", 2, 5)):
        page.goto(f"{trip_url}/legs/new")
        page.locator("#f-city").fill(city)
        page.locator("#f-country").fill("China")
        page.locator("#f-timezone").fill("Asia/Shanghai")
        page.locator("#f-arrives_on").fill((first + timedelta(days=arrives)).isoformat())
        page.locator("#f-departs_on").fill((first + timedelta(days=departs)).isoformat())
        page.get_by_role("button", name="Add leg").click()
    page.goto(f"{trip_url}/members")
    page.select_option("#f-person_id", _option(page, "#f-person_id", "Michael Körner"))
    page.select_option("#f-role", "head of delegation")
    page.get_by_role("button", name="Add to delegation").click()

    _schedule(page, trip_url, "Farewell at Nanjing city hall", "Nanjing", travel_day,
              "10:00", "11:00")
    assert page.locator(".alert.warning").count() == 0, "nothing clashes yet"
    _schedule(page, trip_url, "Chengdu investment forum", "Chengdu", travel_day,
              "10:30", "11:30")
    flash = page.locator(".alert.warning")
    assert flash.count() == 1
    said = flash.inner_text()
    assert "Warning (double booked)" in said
    assert "Michael Körner would be in Nanjing for ‘Farewell at Nanjing city hall’" in said
    assert "in Chengdu for ‘Chengdu investment forum’" in said
    assert flash.get_by_role("link", name="change ‘Farewell at Nanjing city hall’").count() == 1
    screenshot(page, "warning-after-saving", full_page=False)

    page.goto(trip_url)
    assert page.locator(".alert.warning").count() == 1, "the warnings box only"
    assert page.get_by_text("at the same time").count() == 1, "the clash is written once"
    assert page.locator("#warnings li").count() == 1
    assert page.get_by_role("link", name=re.compile("see warning 1")).count() == 2

    # plan again from the trip makes a draft
    page.goto(trip_url)
    page.get_by_role("link", name="Plan again from this trip").click()
    page.locator("#f-starts_on").fill((first + timedelta(days=365)).isoformat())
    page.get_by_role("button", name="Make the copy").click()
    page.wait_for_load_state()
    assert "A draft copy of ‘Leipzig to Nanjing and Chengdu, double-booked’ is made: 2 legs, " \
           "1 member and 2 meetings as proposals." in page.locator("main").inner_text()
    assert page.locator("#warnings li").count() == 1, "the copy keeps the plan, clash and all"
    page.context.close()
