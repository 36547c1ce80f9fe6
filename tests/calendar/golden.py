"""Golden calendars of the demo: every demo trip's calendar and the demo participants' feeds.

Regenerate (after a deliberate change to the demo or to calendar output), then read the diff
and the files by eye before committing them:

    /tmp/probe/bin/python -m tests.calendar.golden        # or .venv/bin/python -m ...

The demo is loaded with deterministic ids and a simulated clock, and the calendar domain and
base URL come from config.toml (environment overrides are ignored), so the files are the same
on every machine. Person feeds are fetched the way a mail-out script would, with
`planner calendar person EMAIL`: their feed tokens are random, their e-mail addresses are not.
"""

from __future__ import annotations

import os
import re
import sys
import tempfile
import unicodedata
from pathlib import Path

from click.testing import CliRunner

from planner.bootstrap import Planner, build
from planner.calendar.files import trip_ics
from planner.cli import main
from planner.demo import load_demo
from planner.settings import load_settings

GOLDEN = Path(__file__).parent / "golden"
PEOPLE = ("koerner@demo.invest-leipzig.example", "schuelke@demo.leipzig.example")


def slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")[:60].strip("-")


def open_demo(folder: Path) -> tuple[Planner, dict[str, str]]:
    """The demo in a fresh SQLite file; returns the planner and the CLI's environment."""
    instance = folder / "instance"
    url = f"sqlite:///{folder / 'demo.sqlite3'}"
    planner = build(load_settings(environ={}, instance_path=str(instance)), database_url=url)
    load_demo(planner, progress=lambda _text: None)
    env = {k: v for k, v in os.environ.items() if not k.startswith("PLANNER_")}
    env.update(PLANNER_DATABASE_URL=url, PLANNER_INSTANCE_PATH=str(instance))
    return planner, env


def calendars(planner: Planner, env: dict[str, str]) -> dict[str, bytes]:
    """File name -> calendar bytes, for every demo trip and every demo participant."""
    files = {}
    for trip in planner.queries.trips(per_page=200).items:
        files[f"trip-{slug(trip.title)}.ics"] = trip_ics(planner, trip.id).body
    runner = CliRunner()
    for email in PEOPLE:
        clean = {k: None for k in os.environ if k.startswith("PLANNER_")} | env
        result = runner.invoke(main, ["calendar", "person", email], env=clean)
        if result.exit_code != 0:
            raise RuntimeError(f"planner calendar person {email}: {result.output}")
        files[f"person-{slug(email.split('@')[0])}.ics"] = result.stdout_bytes
    return files


def regenerate() -> None:
    with tempfile.TemporaryDirectory() as folder:
        planner, env = open_demo(Path(folder))
        try:
            files = calendars(planner, env)
        finally:
            planner.close()
    for old in GOLDEN.glob("*.ics"):
        old.unlink()
    for name, body in sorted(files.items()):
        (GOLDEN / name).write_bytes(body)
        print(f"wrote {GOLDEN / name} ({len(body)} bytes)", file=sys.stderr)


if __name__ == "__main__":
    regenerate()
