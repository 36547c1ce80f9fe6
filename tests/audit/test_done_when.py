"""The issue's question, answered from the command line on the demo data: who moved the
Jining MoU signing, when, why, and what did Michael Körner's calendar say the day before?"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from planner.bootstrap import build
from planner.cli import main
from planner.demo import load_demo
from planner.settings import load_settings
from tests.audit import tampering

KOERNER = "koerner@demo.invest-leipzig.example"
SIGNING = "Signing of the Leipzig–Jining Memorandum of Understanding"


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    folder = tmp_path_factory.mktemp("demo")
    url = f"sqlite:///{folder / 'planner.sqlite3'}"
    planner = build(load_settings(environ={}, instance_path=str(folder / "instance")),
                    database_url=url)
    load_demo(planner, progress=lambda _: None)
    planner.close()
    yield url


@pytest.fixture
def planner_cli(demo_url: str, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("PLANNER_DATABASE_URL", demo_url)
    monkeypatch.setenv("PLANNER_INSTANCE_PATH",
                       str(Path(demo_url.removeprefix("sqlite:///")).parent / "instance"))
    monkeypatch.setenv("PLANNER_ACTOR", "auditor@demo.invest-leipzig.example")
    runner = CliRunner()

    def run(*args: str) -> Result:
        result = runner.invoke(main, list(args))
        assert result.exit_code == 0, result.output
        return result

    return run


def test_the_log_browser_says_who_moved_the_signing_when_and_why(planner_cli):
    moves = planner_cli("log", "show", "--type", "Moved", "--zone", "Europe/Berlin").output
    (line,) = [line for line in moves.splitlines() if SIGNING in line]
    assert "organiser@demo.invest-leipzig.example" in line
    assert "2019-06-13 16:45:00 Europe/Berlin (2019-06-13 14:45:00 UTC)" in line
    assert ("reason: The Jining side asked to hold the signing on the morning of 29 June so "
            "that the mayor's office can attend.") in line


def test_the_history_shows_the_time_before_and_after_the_move(planner_cli):
    moves = planner_cli("log", "show", "--type", "Meeting.Moved", "--kind", "meeting").output
    meeting_id = re.search(r"meeting (\S+) '" + SIGNING, moves).group(1)
    history = planner_cli("log", "history", meeting_id).output
    assert ("moved  by organiser@demo.invest-leipzig.example\n"
            "    reason: The Jining side asked") in history
    assert ("starts at: 2019-06-28 17:30 Asia/Shanghai (09:30 UTC) -> "
            "2019-06-29 10:00 Asia/Shanghai (02:00 UTC)") in history


def test_koerners_calendar_the_day_before_still_had_the_old_time(planner_cli):
    schedule = planner_cli("log", "schedule", KOERNER, "--at", "2019-06-12",
                           "--zone", "Europe/Berlin").output
    assert schedule.startswith("Michael Körner's calendar as it stood at 2019-06-12 23:59:59 "
                               "Europe/Berlin")
    (line,) = [line for line in schedule.splitlines() if SIGNING in line]
    assert line.strip().startswith("2019-06-28 17:30-18:15 Asia/Shanghai")
    after = planner_cli("log", "schedule", KOERNER, "--at", "2019-06-14").output
    (line,) = [line for line in after.splitlines() if SIGNING in line]
    assert line.strip().startswith("2019-06-29 10:00-11:00 Asia/Shanghai")


def test_koerners_calendar_file_of_the_day_before_has_the_old_time(planner_cli):
    ics = planner_cli("calendar", "person", KOERNER, "--as-of",
                      "2019-06-12T23:59:59+02:00").output.replace("\r\n ", "")
    event = next(block for block in ics.split("BEGIN:VEVENT") if f"SUMMARY:{SIGNING}" in block)
    assert "DTSTART;TZID=Asia/Shanghai:20190628T173000" in event


def test_the_demo_log_verifies_and_fails_once_tampered(planner_cli, demo_url):
    intact = planner_cli("log", "verify")
    assert "OK: the database: chain intact" in intact.output
    instance = Path(demo_url.removeprefix("sqlite:///")).parent / "instance"
    planner = build(load_settings(environ={}, instance_path=str(instance)), database_url=demo_url)
    try:
        tampering.change_one_byte(planner, 74)
        broken = CliRunner().invoke(main, ["log", "verify"])
        assert broken.exit_code == 1 and "position 74:" in broken.output
    finally:
        tampering.change_one_byte(planner, 74)  # flipping the same bit again restores it
        planner.close()
    assert "chain intact" in planner_cli("log", "verify").output
