"""In a real browser: an organiser takes a small B2B conference from the companies'
profiles to a published schedule (suggestions accepted, slots, a table and an interpreter
set, the scheduler run, the grid reviewed, published), and a representative then finds their
one-to-one in their own schedule."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

import pytest

from planner.bootstrap import build
from planner.settings import load_settings
from tests.e2e.conftest import new_page, screenshot, sign_in
from tests.web.matchmaking_kit import FIRMS, Conference, small_conference
from tests.web.world import MEMBER, ORGANISER, PASSWORD, World, build_world

pytestmark = pytest.mark.browser
TITLE = "B2B conference in Changsha (browser)"


@pytest.fixture(scope="module")
def conference_server(tmp_path_factory: pytest.TempPathFactory,
                      ) -> Iterator[tuple[str, World, Conference]]:
    from werkzeug.serving import make_server

    from web import create_app

    folder = tmp_path_factory.mktemp("e2e-matchmaking")
    settings = load_settings(environ={}, instance_path=str(folder / "instance"))
    planner = build(settings, database_url=f"sqlite:///{folder / 'planner.sqlite3'}")
    world = build_world(planner)
    conference = small_conference(planner.app, world, TITLE)
    server = make_server("127.0.0.1", 0, create_app(settings, planner=planner))
    thread = threading.Thread(target=server.serve_forever, name="e2e-mm", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", world, conference
    finally:
        server.shutdown()
        thread.join(timeout=10)
        planner.close()


def _accept(page: Any, first: str, second: str) -> None:
    row = page.locator("#suggestions tr", has_text=first).filter(has_text=second)
    row.get_by_role("button", name="Accept").click()
    page.wait_for_load_state()


def test_an_organiser_publishes_a_schedule_and_a_participant_sees_it(
        browser: Any, conference_server: tuple[str, World, Conference]) -> None:
    base, _world, conference = conference_server
    page = new_page(browser)
    sign_in(page, base, ORGANISER, PASSWORD)
    page.goto(f"{base}/trips/{conference.trip_id}")
    page.get_by_role("link", name="One-to-one matchmaking").click()
    page.locator("#f-title").fill("One-to-ones of the afternoon")
    page.locator("#f-side_a").fill("German firms")
    page.locator("#f-side_b").fill("Changsha firms")
    page.locator("#f-venue").fill("Changsha International Conference Center")
    page.get_by_role("button", name="Open the conference").click()
    page.wait_for_load_state()

    for key, (name, _country, side, offers, requests, sectors, languages) in FIRMS.items():
        page.locator("nav.tabs").get_by_role("link", name="Companies").click()
        page.select_option("#f-profile_id", label=name)
        page.select_option("#f-side", value=side)
        page.locator(f"input[name=people][value='{conference.people[key]}']").check()
        page.get_by_role("button", name="Add the company").click()
        page.locator("#f-offers").fill(offers)
        page.locator("#f-requests").fill(requests)
        page.locator("#f-sectors").fill(sectors)
        page.locator("#f-languages").fill(languages)
        page.get_by_role("button", name="Save the profile").click()
        page.wait_for_load_state()
        assert "The matchmaking profile is saved" in page.content()

    page.locator("nav.tabs").get_by_role("link", name="Suggestions").click()
    assert "seeks a battery-cell supplier" in page.locator("#suggestions").inner_text()
    _accept(page, "Baar Batteriesysteme", "Hunan Lugu")
    _accept(page, "Ammersee Werkzeugmaschinen", "Changsha Tianxin")

    page.locator("nav.tabs").get_by_role("link", name="Slots and tables").click()
    page.locator("#f-day").fill("2027-05-11")
    page.locator("#f-first_start").fill("14:00")
    page.locator("#f-last_end").fill("14:40")
    page.locator("#f-minutes").fill("20")
    page.get_by_role("button", name="Set the slots").click()
    page.locator("#f-name").fill("Table 1")
    page.locator("#f-seats").fill("3")
    page.get_by_role("button", name="Add", exact=True).click()
    page.select_option("#f-person_id", value=str(conference.people["interpreter"]))
    page.locator("#f-language_pairs").fill("de-zh")
    page.get_by_role("button", name="Add to the pool").click()
    page.wait_for_load_state()

    page.locator("nav.tabs").get_by_role("link", name="Schedule", exact=True).click()
    page.get_by_role("button", name="Run the scheduler").click()
    page.wait_for_load_state()
    grid = page.locator("#grid").inner_text()
    assert "Baar Batteriesysteme GmbH" in grid and "Li Na" in grid
    screenshot(page, "matchmaking-provisional-schedule")
    page.get_by_role("button", name="Publish 2 meetings").click()
    page.wait_for_load_state()
    assert "Published: 2 one-to-one meetings" in page.locator("#published").inner_text()

    member = new_page(browser)
    sign_in(member, base, MEMBER, PASSWORD)
    member.goto(f"{base}/schedule")
    text = member.locator("main").inner_text()
    assert "One-to-one: Baar Batteriesysteme GmbH × Hunan Lugu Power Battery Co., Ltd." in text
    assert "Ammersee" not in text  # not his meeting
