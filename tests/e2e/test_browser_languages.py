"""In a real browser, in German and in Chinese: the language is chosen on the login page, the
pages and their dates follow it, and the account keeps the choice for its next sign-in.
Screenshots go to tests/e2e/screenshots/ (de-*.png, zh-*.png)."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.e2e.conftest import new_page, screenshot

pytestmark = pytest.mark.browser

ORGANISER = "organiser@demo.invest-leipzig.example"
# A participant no other browser test signs in as: the account keeps the chosen language.
SCHUELKE = "schuelke@demo.leipzig.example"
PASSWORD = "demo-password"


def choose_language(page: Any, name: str, button: str) -> None:
    page.locator("#language-choice").select_option(label=name)
    page.get_by_role("button", name=button).click()
    page.wait_for_load_state()


def sign_in_as(page: Any, email: str, labels: tuple[str, str, str]) -> None:
    address, password, submit = labels
    page.get_by_label(address).fill(email)
    page.get_by_label(password).fill(PASSWORD)
    page.get_by_role("button", name=submit).click()
    page.wait_for_load_state()


def test_an_organiser_works_in_german(browser: Any, live_server: str) -> None:
    page = new_page(browser)
    page.goto(f"{live_server}/login")
    assert page.get_by_role("heading", name="Sign in").is_visible()
    choose_language(page, "Deutsch", "Change language")
    assert page.locator("html").get_attribute("lang") == "de"
    assert page.get_by_role("heading", name="Anmelden").is_visible()
    screenshot(page, "de-login")
    sign_in_as(page, ORGANISER, ("E-Mail-Adresse", "Passwort", "Anmelden"))
    nav = page.get_by_role("navigation", name="Hauptmenü")
    assert nav.get_by_role("link", name="Reisen").is_visible()
    assert nav.get_by_role("link", name="Übersicht").is_visible()
    screenshot(page, "de-dashboard")
    nav.get_by_role("link", name="Reisen").click()
    page.locator("table a").first.click()
    page.wait_for_load_state()
    text = page.locator("main").inner_text()
    assert "Reiseprogramm" in text or "Etappen" in text
    # German dates: 'Di., 25. Juni 2019' and German zone names, no English month or weekday.
    assert re.search(r"\b(Mo|Di|Mi|Do|Fr|Sa|So)\., \d{1,2}\. ", text), text[:500]
    assert not re.search(r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} ", text)
    screenshot(page, "de-trip")
    page.context.close()


def test_a_participant_reads_the_schedule_in_chinese_and_keeps_the_choice(
        browser: Any, live_server: str) -> None:
    page = new_page(browser, phone=True)
    page.goto(f"{live_server}/login")
    choose_language(page, "中文", "Change language")
    assert page.locator("html").get_attribute("lang") == "zh"
    screenshot(page, "zh-login")
    sign_in_as(page, SCHUELKE, ("电子邮件地址", "密码", "登录"))
    main = page.locator("main").inner_text()
    assert "Sign in" not in page.content()
    # The switcher on a signed-in page stores the choice as the account's preference.
    choose_language(page, "中文", "切换语言")
    past = page.locator("details.past-trips > summary")
    if past.count():  # the demo's trips of Schülke are past: folded away at the end
        past.click()
    main = page.locator("main").inner_text()
    assert re.search(r"\d{4}年\d{1,2}月\d{1,2}日", main), main[:500]
    screenshot(page, "zh-schedule")
    page.context.close()

    # A new browser that asks for English: the account's preference wins after sign-in.
    again = new_page(browser)
    again.goto(f"{live_server}/login")
    assert again.get_by_role("heading", name="Sign in").is_visible()
    sign_in_as(again, SCHUELKE, ("E-mail address", "Password", "Sign in"))
    assert again.locator("html").get_attribute("lang") == "zh"
    assert "我的日程" in again.locator("body").inner_text()
    again.context.close()
