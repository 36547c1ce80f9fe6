"""In a real browser: an auditor verifies the log (the progress page refreshes itself, with no
script) and goes from a change in a meeting's history to the itinerary just before it."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.conftest import TIMEOUT_MS, new_page, screenshot, sign_in

pytestmark = pytest.mark.browser

AUDITOR = "auditor@demo.invest-leipzig.example"


def test_an_auditor_verifies_the_log_and_sees_the_result(browser: Any, live_server: str) -> None:
    page = new_page(browser)
    sign_in(page, live_server, AUDITOR)
    page.goto(f"{live_server}/audit/integrity")
    page.get_by_role("button", name="Verify the log now").click()
    page.get_by_text("The chain is intact").wait_for(timeout=TIMEOUT_MS)
    head = page.locator("code.head").inner_text()
    assert head.split(":")[0].isdigit() and len(head.split(":")[1]) == 64
    screenshot(page, "audit-verification")
    page.get_by_role("link", name="Back to the integrity of the log").click()
    assert f"({AUDITOR})" in page.locator("#last-verification").inner_text()
    page.context.close()


def test_from_a_moved_meeting_to_the_itinerary_just_before(browser: Any,
                                                           live_server: str) -> None:
    page = new_page(browser)
    sign_in(page, live_server, AUDITOR)
    page.goto(f"{live_server}/audit/log?kind=meeting")
    page.locator("table.log td[data-label=Record] a").first.click()
    assert "History of the meeting" in page.content()
    page.locator("a.itinerary-before").last.click()
    assert "the itinerary as it stood" in page.content()
    assert "did not exist yet" not in page.content()
    assert "A date alone means the start of that day in" in page.content()
    page.context.close()
