"""The issue's "done when": from a fresh database, a script with only a token and the base
URL plans a trip, schedules and moves a meeting and reads the delegate's calendar link,
against a real server on 127.0.0.1 (docs/api_example.py, run as a separate process)."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from openapi_spec_validator import validate as validate_document
from werkzeug.serving import make_server

from planner.bootstrap import build
from planner.settings import load_settings
from tests.cli_kit import run
from web import create_app

ROOT = Path(__file__).resolve().parents[1]
ORGANISER = "anna@agency.example"


@pytest.fixture
def server(tmp_path: Path) -> Iterator[tuple[str, dict[str, str]]]:
    """An empty database served on a free port; the env the `planner` command uses for it."""
    live = make_server("127.0.0.1", 0, None, threaded=True)  # type: ignore[arg-type]
    base = f"http://127.0.0.1:{live.server_port}"
    env = {"PLANNER_DATABASE_URL": f"sqlite:///{tmp_path / 'planner.sqlite3'}",
           "PLANNER_INSTANCE_PATH": str(tmp_path / "instance"),
           "PLANNER_PLANNER_BASE_URL": base, "PLANNER_PASSWORD": "a long enough password"}
    assert run(env, "init").exit_code == 0
    planner = build(load_settings(environ=env))
    live.app = create_app(planner=planner)
    thread = threading.Thread(target=live.serve_forever, name="api-example", daemon=True)
    thread.start()
    try:
        yield base, env
    finally:
        live.shutdown()
        thread.join(timeout=10)
        planner.close()


def test_the_example_script_plans_with_only_a_token(server: tuple[str, dict[str, str]]
                                                     ) -> None:
    base, env = server
    assert run(env, "user", "add", ORGANISER, "--role", "organiser").exit_code == 0
    created = run(env, "token", "create", ORGANISER, "--name", "example script")
    token = created.stdout.strip()
    with urllib.request.urlopen(f"{base}/api/v1/openapi.json", timeout=30) as response:
        validate_document(json.load(response))

    done = subprocess.run([sys.executable, str(ROOT / "docs" / "api_example.py"), base, token],
                          capture_output=True, text=True, timeout=120, env={"PATH": ""})
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["account"] == ORGANISER
    assert result["scheduled"] == {"at": "2027-03-26T10:00:00+01:00", "zone": "Europe/Berlin"}
    assert result["moved_to"] == {"at": "2027-03-29T10:00:00+02:00", "zone": "Europe/Berlin"}
    assert result["calendar"].startswith(f"{base}/feeds/")
    with urllib.request.urlopen(result["calendar"], timeout=30) as feed:
        calendar = feed.read().decode()
        assert feed.headers["Content-Type"].startswith("text/calendar")
    assert "Visit to Siemens" in calendar and "20270329T100000" in calendar

    run(env, "token", "revoke", run(env, "token", "list", ORGANISER).output.split()[0])
    again = subprocess.run([sys.executable, str(ROOT / "docs" / "api_example.py"), base,
                            token], capture_output=True, text=True, timeout=120)
    assert again.returncode != 0 and "401" in again.stderr, "a revoked token stops at once"
