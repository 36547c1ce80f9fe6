"""Who the command line records as the actor when nobody says (no --as, no PLANNER_ACTOR)."""

from __future__ import annotations

import pwd
from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.bootstrap import build
from planner.cli import main
from planner.domain.audit_trail import audit_trail_id
from planner.settings import load_settings


def test_a_login_without_a_user_name_verifies_as_cli_unknown(tmp_path: Path,
                                                              monkeypatch: pytest.MonkeyPatch):
    """Containers often run under a user id with no entry in /etc/passwd."""
    url = f"sqlite:///{tmp_path / 'planner.sqlite3'}"
    for name in ("PLANNER_ACTOR", "LOGNAME", "USER", "LNAME", "USERNAME"):
        monkeypatch.delenv(name, raising=False)

    def no_entry(uid: int) -> None:
        raise KeyError(f"getpwuid(): uid not found: {uid}")

    monkeypatch.setattr(pwd, "getpwuid", no_entry)
    result = CliRunner().invoke(main, ["log", "verify"], env={
        "PLANNER_DATABASE_URL": url, "PLANNER_INSTANCE_PATH": str(tmp_path / "instance")})
    assert result.exit_code == 0, result.output
    assert "chain intact" in result.output
    planner = build(load_settings(environ={}, instance_path=str(tmp_path / "instance")),
                    database_url=url)
    try:
        assert planner.app.history(audit_trail_id("cli:unknown"))[-1].ok is True
    finally:
        planner.close()
