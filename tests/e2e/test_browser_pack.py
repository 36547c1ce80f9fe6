"""On a phone: the main menu fits a 360 px screen with every item visible (no sideways
scrolling), "My calendar" is reachable without scrolling, and the PDF itinerary downloads."""

from __future__ import annotations

from io import BytesIO
from typing import Any

import pytest
from pypdf import PdfReader

from planner.demo.accounts import ADMINISTRATOR, KOERNER
from tests.e2e.conftest import screenshot, sign_in

pytestmark = pytest.mark.browser
NARROW = {"width": 360, "height": 740}


def _phone(browser: Any) -> Any:
    context = browser.new_context(viewport=NARROW, locale="en-GB", device_scale_factor=2,
                                  accept_downloads=True)
    return context.new_page()


def test_the_main_menu_fits_a_360_px_screen(browser: Any, live_server: str) -> None:
    page = _phone(browser)
    sign_in(page, live_server, ADMINISTRATOR)  # the longest menu
    page.goto(f"{live_server}/trips")
    assert page.evaluate("document.scrollingElement.scrollWidth") <= NARROW["width"]
    links = page.locator("nav.mainnav a")
    assert links.count() >= 5
    for index in range(links.count()):
        box = links.nth(index).bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= NARROW["width"], \
            links.nth(index).inner_text()
    screenshot(page, "menu-360px", full_page=False)
    page.context.close()


def test_my_calendar_is_reachable_without_scrolling_and_the_pdf_downloads(
        browser: Any, live_server: str) -> None:
    page = _phone(browser)
    sign_in(page, live_server, KOERNER)
    page.goto(f"{live_server}/schedule")
    link = page.get_by_role("link", name="My calendar", exact=True)
    box = link.bounding_box()
    assert box is not None and box["y"] + box["height"] <= NARROW["height"], "in the first screen"
    link.click()
    calendar = page.locator("#my-calendar")
    top = page.evaluate("document.querySelector('#my-calendar').getBoundingClientRect().top")
    assert -2 <= top < NARROW["height"], "one tap brings the box into view (to the pixel)"
    assert calendar.get_by_role("button").count() >= 1
    screenshot(page, "schedule-my-calendar-360px", full_page=False)
    pdf_link = page.get_by_role("link", name="Download PDF itinerary").first
    if not pdf_link.is_visible():  # the demo's trips of Körner are past: folded away
        page.locator("details.past-trips > summary").click()
    with page.expect_download() as download:
        pdf_link.click()
    pdf = download.value.path().read_bytes()
    text = "".join(p.extract_text() for p in PdfReader(BytesIO(pdf)).pages)
    assert "Itinerary" in text and "Michael Körner" in text
    assert download.value.suggested_filename.endswith(".pdf")
    page.context.close()
