"""In a real browser: dates and times are typed whole, and Enter on a checkbox (or in a text
field) of a half-filled form sends nothing; the button does."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.e2e.conftest import new_page, sign_in

pytestmark = pytest.mark.browser

ORGANISER = "organiser@demo.invest-leipzig.example"
TITLE = "Leipzig to Chengdu, typed by hand"


def _type(page: Any, selector: str, text: str) -> None:
    """Key by key, as a person types over what is there (fill() would set the value)."""
    page.locator(selector).fill("")
    page.locator(selector).press_sequentially(text)


def _option(page: Any, select: str, text: str) -> str:
    return page.locator(f"{select} option", has_text=text).first.get_attribute("value")


def test_dates_are_typed_whole_and_enter_on_a_checkbox_sends_nothing(
        browser: Any, live_server: str) -> None:
    page = new_page(browser)
    sign_in(page, live_server, ORGANISER)
    page.get_by_role("link", name="New trip").first.click()
    page.locator("#f-title").fill(TITLE)
    page.locator("#f-organiser").fill("Invest Region Leipzig")
    _type(page, "#f-starts_on", "2027-05-10")
    _type(page, "#f-ends_on", "2027-05-16")
    page.locator("#f-home_timezone").fill("Europe/Berlin")
    page.get_by_role("button", name="Create trip").click()
    trip_url = page.url
    assert re.search(r"/trips/[0-9a-f-]{36}$", trip_url), page.content()

    page.goto(f"{trip_url}/legs/new")
    page.locator("#f-city").fill("Chengdu")
    page.locator("#f-country").fill("China")
    page.locator("#f-timezone").fill("Asia/Shanghai")
    _type(page, "#f-arrives_on", "2027-05-10")
    _type(page, "#f-departs_on", "2027-05-16")
    page.get_by_role("button", name="Add leg").click()
    assert page.url.startswith(f"{trip_url}#"), page.content()
    page.goto(f"{trip_url}/members")
    page.select_option("#f-person_id", _option(page, "#f-person_id", "Michael Körner"))
    page.get_by_role("button", name="Add to delegation").click()

    page.goto(trip_url)
    page.get_by_role("link", name="Schedule meeting").click()
    form_url = page.url
    page.locator("#f-title").fill("Talks with the Chengdu investment bureau")
    page.select_option("#f-leg_id", _option(page, "#f-leg_id", "Chengdu"))
    _type(page, "#f-starts_at", "2027-05-12 14:30")
    attendee = page.get_by_label("Michael Körner")
    attendee.check()
    attendee.press("Enter")
    page.locator("#f-title").press("Enter")
    page.wait_for_timeout(500)
    assert page.url == form_url, "Enter sent the half-filled form"
    assert page.locator("#form-errors").count() == 0
    assert attendee.is_checked() and page.locator("#f-starts_at").input_value() == \
        "2027-05-12 14:30"

    _type(page, "#f-ends_at", "2027-05-12 16:00")
    page.get_by_role("button", name="Schedule").click()
    assert re.search(r"/meetings/[0-9a-f-]{36}$", page.url), page.content()
    when = page.locator("main").inner_text()
    assert "14:30" in when and "16:00" in when and "12 May 2027" in when
    page.context.close()
