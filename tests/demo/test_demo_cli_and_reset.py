"""`planner demo`, `planner demo --reset` and reset_database on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from sqlalchemy import create_engine, inspect

from planner.bootstrap import MEMORY, build
from planner.cli import main
from planner.demo import load_demo, reset_database
from planner.demo.accounts import FIRST_MARKER
from planner.domain.errors import InvariantError
from planner.passwords import hash_password
from planner.settings import Settings, load_settings

LONG_PASSWORD = "a long enough test password"


def _events(url: str, settings: Settings) -> int:
    planner = build(settings, database_url=url)
    try:
        return planner.app.recorder.max_notification_id() or 0
    finally:
        planner.close()


def test_planner_demo_loads_once_and_reset_starts_again(tmp_path: Path, settings: Settings):
    database = tmp_path / "demo.sqlite3"
    url = f"sqlite:///{database}"
    env = {"PLANNER_DATABASE_URL": url, "PLANNER_INSTANCE_PATH": str(tmp_path / "instance")}
    runner = CliRunner()

    assert runner.invoke(main, ["init"], env=env).exit_code == 0  # as `make demo` does
    first = runner.invoke(main, ["demo"], env=env)
    assert first.exit_code == 0, first.output
    lines = first.stdout.splitlines()
    assert len(lines) == 3 and any("Nanjing and Jining" in line for line in lines)
    assert "Loading the demo data" in first.stderr and "demo-password" in first.stderr
    loaded = _events(url, settings)
    assert loaded > 200
    assert "organiser@demo.nanjing.example  (Demo organiser, Nanjing Foreign Affairs Office) " \
           "— 南京市人民政府 / Nanjing Municipal People's Government" in first.stderr
    listed = runner.invoke(main, ["org", "list"], env=env)
    assert listed.exit_code == 0, listed.output
    names = [line.split("\t")[0] for line in listed.stdout.splitlines()]
    assert "* Invest Region Leipzig GmbH" in names
    for name in ("南京市人民政府 / Nanjing Municipal People's Government",
                 "济宁市人民政府 / Jining Municipal People's Government",
                 "长沙市商务局 / Changsha Bureau of Commerce"):
        assert f"  {name}" in names
    assert _events(url, settings) == loaded

    assert "Recorded" not in runner.invoke(main, ["init"], env=env).output  # the demo did
    second = runner.invoke(main, ["demo"], env=env)
    assert second.exit_code == 0, second.output
    assert "already loaded; nothing was added" in second.stderr
    assert second.stdout.splitlines() == lines
    assert _events(url, settings) == loaded

    planner = build(settings, database_url=url)
    planner.app.register_person(actor="test", name="Someone Extra", home_timezone="UTC")
    planner.close()
    reset = runner.invoke(main, ["demo", "--reset"], env=env)
    assert reset.exit_code == 0, reset.output
    assert "Loading the demo data" in reset.stderr
    assert reset.stdout.splitlines() == lines
    assert _events(url, settings) == loaded  # the extra person went with the old database


def test_reset_database_leaves_an_empty_database(sql_database_url: str, settings: Settings):
    planner = build(settings, database_url=sql_database_url)
    planner.app.register_person(actor="test", name="Michael Körner", home_timezone="UTC")
    planner.close()
    assert _events(sql_database_url, settings) == 1

    reset_database(load_settings(environ={}, database_url=sql_database_url))

    if sql_database_url.startswith("sqlite"):
        path = Path(sql_database_url.removeprefix("sqlite:///"))
        assert not any(path.parent.glob(path.name + "*"))
    else:
        engine = create_engine(sql_database_url)
        try:
            assert inspect(engine).get_table_names() == []
        finally:
            engine.dispose()
    assert _events(sql_database_url, settings) == 0


def test_a_load_that_stopped_part_way_asks_for_a_reset_and_adds_nothing(settings: Settings):
    planner = build(settings, database_url=MEMORY)
    planner.app.open_account(actor="test", email=FIRST_MARKER, name="Left over",
                             role="organiser", password_hash=hash_password(LONG_PASSWORD))
    before = planner.app.recorder.max_notification_id()
    with pytest.raises(InvariantError, match="planner demo --reset"):
        load_demo(planner, progress=lambda _line: None)
    assert planner.app.recorder.max_notification_id() == before
    planner.close()
