"""What the CLI tests share: run a `planner` command in-process against a database, and open
that database beside it to look at what the command wrote."""

from __future__ import annotations

from collections.abc import Iterator

from click.testing import CliRunner, Result

from planner.bootstrap import Planner, build
from planner.cli import main
from planner.settings import load_settings


def run(env: dict[str, str], *args: str) -> Result:
    return CliRunner().invoke(main, list(args), env=env)


def planner_beside(env: dict[str, str]) -> Iterator[Planner]:
    """The same database as the commands, opened beside them (a fixture's body)."""
    opened = build(load_settings(environ=env))
    yield opened
    opened.close()


def events(planner: Planner) -> int:
    return planner.app.recorder.max_notification_id() or 0
