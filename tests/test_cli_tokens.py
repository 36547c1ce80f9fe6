"""`planner token create|list|revoke`: a token is printed once, stored only as a reference
to its hash, listed without it, and revoking it is an event that refuses it at once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from planner.audit.exchange import export_log
from planner.bootstrap import Planner
from planner.credentials.store import secrets_table
from tests.cli_kit import events, planner_beside, run

EMAIL = "crm@test.example"


@pytest.fixture
def env(sql_database_url: str, tmp_path: Path) -> dict[str, str]:
    return {"PLANNER_DATABASE_URL": sql_database_url,
            "PLANNER_INSTANCE_PATH": str(tmp_path / "instance"),
            "PLANNER_PASSWORD": "a long enough test password"}


@pytest.fixture
def planner(env: dict[str, str]) -> Iterator[Planner]:
    yield from planner_beside(env)


def test_create_prints_the_token_once_list_hides_it_revoke_refuses_it(
        env: dict[str, str], planner: Planner, tmp_path: Path) -> None:
    assert run(env, "user", "add", EMAIL, "--role", "organiser").exit_code == 0
    before = events(planner)
    created = run(env, "token", "create", EMAIL, "--name", "CRM sync")
    assert created.exit_code == 0, created.output
    secret = created.stdout.strip()
    assert secret.startswith("dpt_") and len(secret) > 40
    assert events(planner) == before + 1, "issuing a token is one event"
    ref = planner.app.api_token_ref(secret)
    holder = planner.queries.api_token_account(ref or "")
    assert holder is not None and holder[1] == EMAIL

    listing = run(env, "token", "list", EMAIL)
    assert listing.exit_code == 0 and "CRM sync" in listing.output
    assert "active" in listing.output and secret not in listing.output
    token_id = listing.output.split()[0]

    with planner.engine.connect() as conn:  # type: ignore[union-attr]
        stored = [r.secret for r in conn.execute(select(secrets_table))]
    assert secret not in stored, "only the hash is stored"
    export_log(planner, tmp_path / "log.jsonl")
    exported = (tmp_path / "log.jsonl").read_text(encoding="utf-8")
    assert secret not in exported and not any(s in exported for s in stored)

    revoked = run(env, "token", "revoke", token_id, "--reason", "CRM replaced")
    assert revoked.exit_code == 0, revoked.output
    assert planner.queries.api_token_account(ref or "") is None
    assert "revoked" in run(env, "token", "list", EMAIL).output
    again = run(env, "token", "revoke", token_id)
    assert again.exit_code != 0 and "already revoked" in again.output


def test_a_token_for_an_unknown_account_is_refused_and_writes_nothing(
        env: dict[str, str], planner: Planner) -> None:
    run(env, "init")
    before = events(planner)
    refused = run(env, "token", "create", "nobody@test.example")
    assert refused.exit_code != 0 and "no account for nobody@test.example" in refused.output
    assert events(planner) == before
