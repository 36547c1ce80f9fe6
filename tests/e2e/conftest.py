"""A live server on the demo data and a headless Chromium, both once per session.

Browser tests skip (with the reason) when Chromium or Playwright is missing, unless
PLANNER_REQUIRE_BROWSER=1 (as in CI), where a missing browser fails the run instead.
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from planner.bootstrap import build
from planner.settings import PROJECT_ROOT, load_settings

SCREENSHOTS = PROJECT_ROOT / "tests" / "e2e" / "screenshots"  # docs/screenshots: curated copies
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
TIMEOUT_MS = 15_000


def _required() -> bool:
    return os.environ.get("PLANNER_REQUIRE_BROWSER", "").strip() not in ("", "0", "false", "no")


def _browser_problem() -> str | None:
    if shutil.which("chromium") is None:
        return "Debian's chromium is not installed (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "Playwright for Python is not installed (pip install playwright)"
    return None


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    problem = _browser_problem()
    if problem:
        if _required():
            pytest.fail(f"PLANNER_REQUIRE_BROWSER=1 but {problem}")
        pytest.skip(problem)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=shutil.which("chromium"),
                                              headless=True, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class ShiftedClock:
    """The served application's clock: real time, or real time shifted to a chosen moment
    (`jump_to`), so a browser test can plan ahead and later act once a meeting has started.
    Time keeps running after a jump, so events stay in order."""

    def __init__(self) -> None:
        self.shift = timedelta(0)

    def __call__(self) -> datetime:
        return datetime.now(UTC) + self.shift

    def jump_to(self, moment: datetime) -> None:
        """From now on the clock reads `moment` (plus the time since); never backwards."""
        shift = moment - datetime.now(UTC)
        if shift < self.shift:
            raise ValueError(f"the clock would go back to {moment:%Y-%m-%d %H:%M} UTC")
        self.shift = shift


@contextmanager
def _serve(folder: Path, clock: ShiftedClock | None = None) -> Iterator[str]:
    """The web UI on the demo data, served on a free port in a background thread."""
    from werkzeug.serving import make_server

    from planner.demo import load_demo
    from web import create_app

    settings = load_settings(environ={}, instance_path=str(folder / "instance"))
    planner = build(settings, clock=clock, database_url=f"sqlite:///{folder / 'planner.sqlite3'}")
    load_demo(planner, progress=lambda _line: None)
    server = make_server("127.0.0.1", 0, create_app(settings, planner=planner))
    thread = threading.Thread(target=server.serve_forever, name="e2e-server", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        thread.join(timeout=10)
        planner.close()


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The web UI on the demo data, on the real clock, shared by the session's tests."""
    with _serve(tmp_path_factory.mktemp("e2e")) as url:
        yield url


@pytest.fixture(scope="module")
def clocked_server(tmp_path_factory: pytest.TempPathFactory
                   ) -> Iterator[tuple[str, ShiftedClock]]:
    """A server of its own on the demo data whose clock the module's tests may move ahead."""
    clock = ShiftedClock()
    with _serve(tmp_path_factory.mktemp("e2e-clocked"), clock) as url:
        yield url, clock


def new_page(browser: Any, *, phone: bool = False) -> Any:
    """A page in a fresh context (its own cookies), desktop or phone sized."""
    size = {"width": 390, "height": 844} if phone else {"width": 1280, "height": 900}
    context = browser.new_context(viewport=size, locale="en-GB",
                                  device_scale_factor=2 if phone else 1)
    context.set_default_timeout(TIMEOUT_MS)
    return context.new_page()


def sign_in(page: Any, base: str, email: str, password: str = "demo-password") -> None:
    page.goto(f"{base}/login")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()


def screenshot(page: Any, name: str, *, full_page: bool = True) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path
