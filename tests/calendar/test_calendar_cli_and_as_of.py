"""`planner calendar ...` prints exactly the feed's bytes; `--as-of` shows an earlier calendar."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from planner.calendar.files import meeting_ics, person_ics, trip_ics
from planner.cli import main
from tests.calendar.kit import read, uid_of
from tests.calendar.scenario import SETUP, World


def _env(world: World, tmp_path: Path) -> dict[str, str | None]:
    """Only the database and instance folder of the test; config.toml for everything else."""
    env: dict[str, str | None] = {k: None for k in os.environ if k.startswith("PLANNER_")}
    env.update(PLANNER_DATABASE_URL=world.planner.engine.url.render_as_string(),
               PLANNER_INSTANCE_PATH=str(tmp_path / "cli-instance"))
    return env


def _run(world: World, tmp_path: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["calendar", *args], env=_env(world, tmp_path))


def test_the_trip_command_prints_the_trips_feed_byte_for_byte(world: World, tmp_path: Path):
    result = _run(world, tmp_path, "trip", str(world.leipzig))

    assert result.exit_code == 0, result.output
    assert result.stdout_bytes == trip_ics(world.planner, world.leipzig).body


def test_the_meeting_command_prints_the_one_off_download(world: World, tmp_path: Path) -> None:
    result = _run(world, tmp_path, "meeting", str(world.signing))

    assert result.exit_code == 0, result.output
    assert result.stdout_bytes == meeting_ics(world.planner, world.signing).body


def test_the_person_command_finds_the_person_by_email_and_keeps_crlf_line_ends(
        world: World, tmp_path: Path) -> None:
    env = {k: v for k, v in {**os.environ, **_env(world, tmp_path)}.items() if v is not None}
    command = [sys.executable, "-c", "from planner.cli import main; main()",
               "calendar", "person", "Koerner@Calendar.test"]
    done = subprocess.run(command, capture_output=True, env=env, timeout=120, check=False)

    assert done.returncode == 0, done.stderr.decode()
    assert done.stdout == person_ics(world.planner, world.koerner).body
    assert done.stdout.count(b"\r\n") == done.stdout.count(b"\n")
    read(done.stdout)


@pytest.mark.parametrize(("args", "message"), [
    (("person", "nobody@calendar.test"), "email: no person has the e-mail address"),
    (("trip", "7d1c2a52-6f0e-4c55-9d1e-5b0c1f6a9e01"), "trip: no trip with id"),
    (("trip", "Leipzig"), "trip_id: must be a record id (UUID)"),
    (("meeting", "0f4b8d9e-3a2c-4e71-8b6d-2c9e5f1a7b02"), "meeting: no meeting with id"),
    (("person", "koerner@calendar.test", "--as-of", "2019-06-27 12:00"),
     "--as-of: must be a date and time with a UTC offset"),
    (("person", "koerner@calendar.test", "--as-of", "2001-01-01T00:00:00+00:00"),
     "did not exist yet"),
])
def test_unknown_records_and_bad_moments_get_a_clear_message_and_a_failing_exit(
        world: World, tmp_path: Path, args: tuple[str, ...], message: str) -> None:
    result = _run(world, tmp_path, *args)

    assert result.exit_code != 0
    assert message in result.output
    assert result.stdout_bytes.count(b"BEGIN:VCALENDAR") == 0
    assert "Traceback" not in result.output


def _move_signing(world: World) -> datetime:
    """Move the signing two hours later; returns a moment just before the move."""
    before = world.clock.now + timedelta(seconds=30)
    world.clock.jump(before + timedelta(seconds=30))
    world.app.move_meeting(world.signing, actor=SETUP, starts=datetime(2019, 6, 26, 16, 0),
                           ends=datetime(2019, 6, 26, 17, 0), reason="the mayor is delayed")
    return before


def test_as_of_a_moment_before_a_move_gives_the_feed_exactly_as_it_was_then(world: World):
    then = person_ics(world.planner, world.koerner)
    before_the_move = _move_signing(world)

    assert person_ics(world.planner, world.koerner, as_of=before_the_move) == then
    now = person_ics(world.planner, world.koerner)
    assert person_ics(world.planner, world.koerner, as_of=world.clock.now) == now
    assert now.body != then.body


def test_as_of_agrees_with_the_feed_after_cancellations_removals_and_a_cancelled_trip(
        world: World) -> None:
    app = world.app
    app.cancel_meeting(world.signing, actor=SETUP, reason="the partner withdrew")
    app.remove_attendee(world.shanghai_briefing, actor=SETUP, person_id=world.koerner,
                        reason="flies later")
    app.change_leg(world.leipzig, world.planner.queries.trip(world.leipzig).legs[1].leg_id,
                   actor=SETUP, city="Jining", country="China", timezone="Asia/Shanghai",
                   arrives_on=datetime(2019, 6, 28).date(), departs_on=datetime(2019, 6, 29).date(),
                   reason="one night less")
    app.cancel_trip(world.berlin_visit, actor=SETUP, reason="visa not granted")
    world.clock.jump(datetime(2019, 6, 29, 9, 0, tzinfo=UTC))
    app.record_outcome(world.vice_mayor, actor=SETUP, summary="Friendly.")

    for person in (world.koerner, world.han, world.schuelke):
        assert person_ics(world.planner, person, as_of=world.clock.now) == \
            person_ics(world.planner, person)


def test_the_person_command_with_as_of_prints_what_the_calendar_said_before_a_move(
        world: World, tmp_path: Path) -> None:
    then = person_ics(world.planner, world.koerner).body
    before_the_move = _move_signing(world)
    moment = before_the_move.astimezone(datetime.now().astimezone().tzinfo).isoformat()

    result = _run(world, tmp_path, "person", "koerner@calendar.test", "--as-of", moment)

    assert result.exit_code == 0, result.output
    assert result.stdout_bytes == then
    assert "DTSTART;TZID=Asia/Shanghai:20190626T140000" in read(then).lines_of(
        uid_of(world.signing))
