"""`planner user add` and `planner user role`: accounts from the command line, as events."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from planner.bootstrap import build
from planner.cli import main
from planner.passwords import verify_password
from planner.settings import load_settings

LONG_PASSWORD = "a long enough test password"


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {"PLANNER_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.sqlite3'}",
            "PLANNER_INSTANCE_PATH": str(tmp_path / "instance"), "PLANNER_PASSWORD": ""}


def _account(env: dict[str, str], email: str) -> dict | None:
    planner = build(load_settings(environ=env))
    try:
        return planner.app.find_account(email)
    finally:
        planner.close()


def test_an_organiser_account_is_added_with_the_password_from_the_environment(
        env: dict[str, str]) -> None:
    result = CliRunner().invoke(main, ["user", "add", "Olga@Agency.Example", "--role",
                                       "organiser", "--name", "Olga Schäfer"],
                                env={**env, "PLANNER_PASSWORD": "s3cret pass of Olga"})
    assert result.exit_code == 0, result.output
    assert "olga@agency.example opened as organiser" in result.output
    account = _account(env, "olga@agency.example")
    assert account["name"] == "Olga Schäfer" and account["role"] == "organiser"
    assert verify_password("s3cret pass of Olga", account["password_hash"])


def test_the_password_is_asked_twice_when_not_in_the_environment(env: dict[str, str]) -> None:
    result = CliRunner().invoke(main, ["user", "add", "a@agency.example", "--role", "auditor"],
                                env=env, input="pw-one of the auditor\npw-one of the auditor\n")
    assert result.exit_code == 0, result.output
    stored = _account(env, "a@agency.example")["password_hash"]
    assert verify_password("pw-one of the auditor", stored)


@pytest.mark.parametrize("password, rule", [
    ("x", "at least 12 characters"), ("password1234", "too easy to guess"),
    ("olga@agency.example", "too easy to guess")])
def test_a_short_or_common_password_is_refused_and_no_account_is_opened(
        env: dict[str, str], password: str, rule: str) -> None:
    result = CliRunner().invoke(main, ["user", "add", "olga@agency.example", "--role",
                                       "organiser"], env={**env, "PLANNER_PASSWORD": password})
    assert result.exit_code != 0 and "password: " in result.output and rule in result.output
    assert _account(env, "olga@agency.example") is None


def test_a_participant_needs_a_person_and_the_message_says_so(env: dict[str, str]) -> None:
    result = CliRunner().invoke(main, ["user", "add", "p@agency.example", "--role",
                                       "participant"],
                                env={**env, "PLANNER_PASSWORD": LONG_PASSWORD})
    assert result.exit_code != 0
    assert "--person: a participant account must be linked to a person" in result.output
    assert _account(env, "p@agency.example") is None


def test_a_role_change_needs_a_reason_and_is_recorded(env: dict[str, str]) -> None:
    runner = CliRunner()
    runner.invoke(main, ["user", "add", "b@agency.example", "--role", "organiser"],
                  env={**env, "PLANNER_PASSWORD": LONG_PASSWORD})
    missing = runner.invoke(main, ["user", "role", "b@agency.example", "auditor"], env=env)
    assert missing.exit_code != 0 and "--reason" in missing.output
    changed = runner.invoke(main, ["user", "role", "b@agency.example", "auditor", "--reason",
                                   "moved to finance"], env=env)
    assert changed.exit_code == 0, changed.output
    assert _account(env, "b@agency.example")["role"] == "auditor"
    unknown = runner.invoke(main, ["user", "role", "nobody@agency.example", "auditor",
                                   "--reason", "x"], env=env)
    assert unknown.exit_code != 0 and "no account for nobody@agency.example" in unknown.output


def test_an_unknown_role_is_refused_naming_the_choices(env: dict[str, str]) -> None:
    result = CliRunner().invoke(main, ["user", "add", "c@agency.example", "--role", "admin"],
                                env={**env, "PLANNER_PASSWORD": LONG_PASSWORD})
    assert result.exit_code != 0
    assert "'organiser', 'participant', 'auditor'" in result.output


def test_serve_prints_the_demo_logins_only_when_they_exist(env: dict[str, str]) -> None:
    from web.cli import _demo_logins

    planner = build(load_settings(environ=env))
    try:
        assert _demo_logins(planner) == []
        from planner.demo import DEMO_LOGINS
        from planner.passwords import hash_password

        first = DEMO_LOGINS[0]
        planner.app.open_account(actor="test", email=first.email, name=first.name,
                                 role=first.role, password_hash=hash_password(LONG_PASSWORD))
        lines = _demo_logins(planner)
        assert first.email in "\n".join(lines) and "demo-password" in lines[0]
    finally:
        planner.close()


def test_the_installed_planner_command_offers_serve_and_every_other_subcommand() -> None:
    """`serve` lives with the web package (planner/ never imports web); the `planner` script
    that pyproject.toml installs is web.cli:main, which has it and all of planner.cli's."""
    import tomllib

    from planner.cli import main as without_web
    from planner.settings import PROJECT_ROOT
    from web.cli import main as installed

    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert project["project"]["scripts"]["planner"] == "web.cli:main"
    assert set(installed.commands) == set(without_web.commands) | {"serve"}
    result = CliRunner().invoke(installed, ["serve", "--help"])
    assert result.exit_code == 0 and "--port" in result.output
