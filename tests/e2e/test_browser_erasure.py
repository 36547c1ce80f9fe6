"""In a real browser: an organiser erases a demo person from the person's page."""

from __future__ import annotations

from typing import Any

import pytest

from tests.e2e.conftest import new_page, screenshot, sign_in

pytestmark = pytest.mark.browser

# Zhou Min, a fictitious interpreter no other browser test uses, is a record of the Nanjing
# government (its organiser registered her for the Munich visit): its organiser erases her.
ORGANISER = "organiser@demo.nanjing.example"
PERSON = "Zhou Min"


def test_an_organiser_erases_a_person_with_a_reason_and_a_confirmation(
        browser: Any, live_server: str) -> None:
    page = new_page(browser)
    sign_in(page, live_server, ORGANISER)
    page.goto(f"{live_server}/people")
    page.get_by_role("link", name=PERSON).click()
    page.get_by_role("link", name="Erase personal data…").click()
    page.locator("#f-reason").fill("Request by letter, ref. DSR-2026-04")
    page.get_by_role("button", name="Erase personal data").click()
    assert "/erase" in page.url, "the browser asks for the confirmation box first"
    page.locator("#f-confirm").check()
    page.get_by_role("button", name="Erase personal data").click()
    page.wait_for_load_state()
    assert page.locator("h1").inner_text() == "erased person"
    assert page.locator("#erased").is_visible()
    assert page.get_by_role("button", name="Create calendar address").count() == 0
    screenshot(page, "person-erased")
    page.goto(f"{live_server}/people")
    assert PERSON not in page.locator("main").inner_text()
    page.context.close()
