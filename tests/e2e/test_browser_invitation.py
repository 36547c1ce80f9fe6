"""In a real browser, on the demo: the organiser registers a new member and invites them; the
invitation appears in the demo outbox (an .eml file) and on the Mail page; the member
follows the link from the file, sets a password and sees their schedule."""

from __future__ import annotations

import re
import time
import uuid
from datetime import date, timedelta
from email import message_from_bytes
from email.message import Message
from email.policy import default
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import new_page, screenshot, sign_in
from tests.mail.invite_kit import PASSWORD, token_in

pytestmark = pytest.mark.browser

ORGANISER = "organiser@demo.invest-leipzig.example"
WAIT = 60.0


def eml_to(folder: Path, address: str) -> Message:
    """The .eml file for `address` once the sender's thread has written it."""
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        for path in folder.glob("*.eml"):
            message = message_from_bytes(path.read_bytes(), policy=default)
            if message["To"].addresses[0].addr_spec == address:
                return message
        time.sleep(0.2)
    raise AssertionError(f"no .eml to {address} in {folder} after {WAIT} s")


def test_the_demo_organiser_invites_a_new_member_who_signs_in(
        browser: Any, live_server: str, live_planner: Any) -> None:
    address = f"anna.weiss.{uuid.uuid4().hex[:6]}@example.org"
    page = new_page(browser)
    sign_in(page, live_server, ORGANISER)
    first = date.today() + timedelta(days=30)
    page.goto(f"{live_server}/trips/new")
    page.locator("#f-title").fill("Leipzig start-ups visit Jining")
    page.locator("#f-organiser").fill("Invest Region Leipzig")
    page.locator("#f-starts_on").fill(first.isoformat())
    page.locator("#f-ends_on").fill((first + timedelta(days=4)).isoformat())
    page.locator("#f-home_timezone").fill("Europe/Berlin")
    page.get_by_role("button", name="Create trip").click()
    trip_url = page.url
    page.goto(f"{trip_url}/members")
    page.locator("#f-name").fill("Anna Weiß")
    page.locator("#f-email").fill(address)
    page.get_by_role("button", name="Register and add").click()
    row = page.locator("tr", has_text="Anna Weiß")
    row.get_by_label("invite").check()
    page.get_by_role("button", name="Invite the ticked members").click()
    assert "Invitation sent to Anna Weiß." in page.content()

    message = eml_to(live_planner.settings.mail_folder_path, address)
    assert message["Subject"] == "Your invitation to the Delegation Planner"
    page.goto(f"{live_server}/mail")
    page.get_by_role("link", name="Your invitation to the Delegation Planner").first.click()
    assert str(message["Message-ID"]) in page.locator("body").inner_text()
    screenshot(page, "mail-outbox-message")
    page.context.close()

    anna = new_page(browser)
    anna.goto(f"{live_server}/invitation/{token_in(message)}")
    assert "Welcome, Anna Weiß" in anna.content()
    anna.locator("#f-new_password").fill(PASSWORD)
    anna.locator("#f-repeat_password").fill(PASSWORD)
    anna.get_by_role("button", name="Set password and sign in").click()
    anna.wait_for_url(re.compile(r"/schedule$"))
    anna.wait_for_load_state()
    assert "Leipzig start-ups visit Jining" in anna.locator("main").inner_text()
    screenshot(anna, "invitation-accepted")
    anna.context.close()
