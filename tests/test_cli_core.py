"""The `planner` command: help everywhere, an idempotent `init`, clear configuration errors."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import click
import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, inspect, text

from planner.bootstrap import build
from planner.cli import main
from planner.settings import load_settings


def _all_commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found = []
    for name, command in sorted(group.commands.items()):
        found.append((*prefix, name))
        if isinstance(command, click.Group):
            found.extend(_all_commands(command, (*prefix, name)))
    return found


COMMANDS = _all_commands(main)


def _env(**values: str) -> dict[str, str | None]:
    """Only the PLANNER_* variables given here are visible to the command."""
    env: dict[str, str | None] = {k: None for k in os.environ if k.startswith("PLANNER_")}
    env.update(values)
    return env


def test_planner_help_lists_the_core_commands() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0, result.output
    for name in ("init", "demo", "trips"):
        assert name in result.output


@pytest.mark.parametrize("command", COMMANDS, ids=" ".join)
def test_every_subcommand_explains_itself_with_help(command: tuple[str, ...]) -> None:
    result = CliRunner().invoke(main, [*command, "--help"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith(f"Usage: main {' '.join(command)}")
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_init_creates_the_schema_and_is_safe_to_run_again(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'data' / 'planner.sqlite3'}"
    runner = CliRunner()
    first = runner.invoke(main, ["init"], env=_env(PLANNER_DATABASE_URL=url))
    assert first.exit_code == 0, first.output
    assert f"Database ready: {url}" in first.output
    engine = create_engine(url)
    tables = set(inspect(engine).get_table_names())
    assert {"planner_events", "planner_snapshots"} <= tables

    second = runner.invoke(main, ["init"], env=_env(PLANNER_DATABASE_URL=url))
    assert second.exit_code == 0, second.output
    assert set(inspect(engine).get_table_names()) == tables
    with engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM planner_events")).scalar() == 0
    engine.dispose()


def test_init_keeps_what_the_database_already_holds(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'planner.sqlite3'}"
    planner = build(load_settings(environ={}), database_url=url)
    trip_id = planner.app.create_trip(
        actor="anna@example.org", title="Changsha matchmaking conference",
        organiser="Changsha Bureau of Commerce", direction="inbound",
        home_timezone="Asia/Shanghai", starts_on=date(2023, 2, 13), ends_on=date(2023, 2, 16))
    planner.close()
    result = CliRunner().invoke(main, ["init"], env=_env(PLANNER_DATABASE_URL=url))
    assert result.exit_code == 0, result.output
    planner = build(load_settings(environ={}), database_url=url)
    assert planner.app.get_trip(trip_id)["title"] == "Changsha matchmaking conference"
    planner.close()
    listing = CliRunner().invoke(main, ["trips"], env=_env(PLANNER_DATABASE_URL=url))
    assert listing.exit_code == 0, listing.output
    assert str(trip_id) in listing.output and "Changsha matchmaking conference" in listing.output


def test_a_bad_config_file_is_reported_as_a_configuration_error(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[database]\nulr = "sqlite:///x.sqlite3"\n', encoding="utf-8")
    result = CliRunner().invoke(main, ["init"], env=_env(PLANNER_CONFIG=str(config)))
    assert result.exit_code == 1
    assert f"configuration: {config}: unknown key [database] ulr" in result.output
    assert isinstance(result.exception, SystemExit)


def test_a_bad_database_url_in_the_environment_is_a_configuration_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["trips"],
                                env=_env(PLANNER_DATABASE_URL="mysql://root@localhost/p"))
    assert result.exit_code == 1
    assert "configuration: PLANNER_DATABASE_URL: must be sqlite:///PATH" in result.output


def test_the_installed_command_prints_no_traceback_for_a_bad_config(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("[web]\nport = 99999\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PLANNER_")}
    env["PLANNER_CONFIG"] = str(config)
    executable = Path(sys.executable).with_name("planner")
    command = [str(executable)] if executable.exists() else [
        sys.executable, "-c", "from planner.cli import main; main()"]
    done = subprocess.run([*command, "init"], env=env, capture_output=True, text=True,
                          timeout=60, cwd=tmp_path)
    assert done.returncode != 0
    assert "configuration: [web] port: must be a TCP port (1-65535), got 99999" in done.stderr
    assert "Traceback" not in done.stderr + done.stdout


def test_an_unreachable_database_is_reported_without_its_password() -> None:
    url = "postgresql+psycopg://planner:s3cret@127.0.0.1:1/planner"
    result = CliRunner().invoke(main, ["init"], env=_env(PLANNER_DATABASE_URL=url))
    assert result.exit_code == 1
    assert result.output.startswith(
        "Error: database: cannot open postgresql+psycopg://planner:***@127.0.0.1:1/planner: ")
    assert "s3cret" not in result.output
    assert isinstance(result.exception, SystemExit)
