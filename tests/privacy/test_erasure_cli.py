"""`planner person erase` end to end: the CLI erases, and the log still verifies, the read
models rebuild to the same rows, and an export holds no trace of the person."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from planner.bootstrap import build
from planner.cli import main
from planner.settings import load_settings
from tests.privacy.conftest import EMAIL, NAME, TITLE, add_erasable
from tests.test_cli_core import _env
from tests.web.world import build_world


def test_planner_person_erase_end_to_end(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 'planner.sqlite3'}"
    planner = build(load_settings(environ={}), database_url=url)
    person, _ = add_erasable(planner, build_world(planner, hash_="x" * 40))
    planner.close()
    runner, env = CliRunner(), _env(PLANNER_DATABASE_URL=url)

    refused = runner.invoke(main, ["person", "erase", str(person), "--reason", " ", "--yes"],
                            env=env)
    assert refused.exit_code == 1 and "reason" in refused.output
    asked = runner.invoke(main, ["person", "erase", str(person), "--reason", "ref. 17"],
                          env=env, input="n\n")
    assert asked.exit_code == 1 and NAME in asked.output and "Aborted" in asked.output

    erased = runner.invoke(main, ["person", "erase", str(person), "--reason", "ref. 17",
                                  "--yes"], env=env)
    assert erased.exit_code == 0, erased.output
    again = runner.invoke(main, ["person", "erase", str(person), "--reason", "x", "--yes"],
                          env=env)
    assert again.exit_code == 1 and "was erased" in again.output

    verified = runner.invoke(main, ["log", "verify"], env=env)
    assert verified.exit_code == 0, verified.output
    rebuilt = runner.invoke(main, ["rebuild", "--verify"], env=env)
    assert rebuilt.exit_code == 0 and "identical" in rebuilt.output, rebuilt.output
    exported = tmp_path / "log.jsonl"
    assert runner.invoke(main, ["log", "export", str(exported)], env=env).exit_code == 0
    for secret in (NAME, EMAIL, TITLE):
        assert secret.encode("utf-8") not in exported.read_bytes()
    history = runner.invoke(main, ["log", "history", str(person)], env=env)
    assert history.exit_code == 0, history.output
    assert "erased person" in history.output and NAME not in history.output
    assert "ref. 17" in history.output
    calendar = runner.invoke(main, ["calendar", "person", EMAIL], env=env)
    assert NAME not in calendar.output
