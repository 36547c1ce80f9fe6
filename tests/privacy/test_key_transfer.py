"""A log moved to another database reads as erased until its keys follow; an erasure is
never undone by importing keys."""

from __future__ import annotations

import json
import stat
from pathlib import Path

from click.testing import CliRunner

from planner.bootstrap import build
from planner.cli import main
from planner.settings import load_settings
from tests.privacy.conftest import EMAIL, NAME, add_erasable
from tests.test_cli_core import _env
from tests.web.world import build_world


def test_log_and_keys_move_to_a_new_database_and_erasures_stay(tmp_path: Path) -> None:
    old, new = (f"sqlite:///{tmp_path / name}" for name in ("old.sqlite3", "new.sqlite3"))
    planner = build(load_settings(environ={}), database_url=old)
    world = build_world(planner, hash_="x" * 40)
    person, _ = add_erasable(planner, world)
    planner.close()
    runner = CliRunner()
    log, keys = tmp_path / "log.jsonl", tmp_path / "keys.json"
    erased = runner.invoke(main, ["person", "erase", str(world.koerner), "--reason", "asked",
                                  "--yes"], env=_env(PLANNER_DATABASE_URL=old))
    assert erased.exit_code == 0, erased.output
    for command in (["log", "export", str(log)], ["person", "keys", "export", str(keys)]):
        result = runner.invoke(main, command, env=_env(PLANNER_DATABASE_URL=old))
        assert result.exit_code == 0, result.output
    assert stat.S_IMODE(keys.stat().st_mode) == 0o600
    assert NAME.encode() not in log.read_bytes()

    imported = runner.invoke(main, ["log", "import", str(log)], env=_env(PLANNER_DATABASE_URL=new))
    assert imported.exit_code == 0, imported.output
    moved = build(load_settings(environ={}), database_url=new)
    try:
        assert moved.queries.person(person).name == "erased person"  # no keys yet
    finally:
        moved.close()

    result = runner.invoke(main, ["person", "keys", "import", str(keys)],
                           env=_env(PLANNER_DATABASE_URL=new))
    assert result.exit_code == 0, result.output
    moved = build(load_settings(environ={}), database_url=new)
    try:
        assert moved.queries.person(person).name == NAME
        assert moved.app.find_account(EMAIL)["name"] == NAME
        assert moved.queries.person(world.koerner).name == "erased person"
        history = runner.invoke(main, ["log", "history", str(person)],
                                env=_env(PLANNER_DATABASE_URL=new))
        assert NAME in history.output
    finally:
        moved.close()


def test_a_bad_key_file_names_the_problem_and_imports_nothing(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'planner.sqlite3'}"
    bad = tmp_path / "keys.json"
    bad.write_text(json.dumps({"format": "delegation-planner-keys", "version": 1,
                               "keys": {"some-id": "not base64!"}}), encoding="utf-8")
    result = CliRunner().invoke(main, ["person", "keys", "import", str(bad)],
                                env=_env(PLANNER_DATABASE_URL=url))
    assert result.exit_code == 1
    assert "file:" in result.output and "not base64" in result.output
