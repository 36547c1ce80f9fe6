"""No secret leaves the database in a log export: password and feed-token hashes live in the
credential store beside the log; an imported log leaves its accounts needing a new password."""

from __future__ import annotations

import hashlib
from pathlib import Path

from click.testing import CliRunner
from flask import Flask

from planner.audit.exchange import export_log, verify_file
from planner.audit.importer import import_log
from planner.cli import main
from planner.passwords import hash_password
from tests.web.conftest import form_token, make_app, text_of

EMAIL, PASSWORD = "exported@test.example", "a password worth keeping"


def _login(app: Flask, password: str) -> int:
    client = app.test_client()
    token = form_token(text_of(client.get("/login")))
    return client.post("/login", data={"email": EMAIL, "password": password,
                                       "csrf_token": token}).status_code


def test_an_export_holds_no_password_or_feed_token_hash_and_an_import_needs_a_reset(
        tmp_path: Path) -> None:
    source, source_planner = make_app(tmp_path / "source")
    target, target_planner = make_app(tmp_path / "target")
    try:
        app = source_planner.app
        person = app.register_person(actor="test", name="Exported Person",
                                     home_timezone="Europe/Berlin")
        first_hash = hash_password(PASSWORD)
        app.open_account(actor="test", email=EMAIL, name="Exported", role="participant",
                         person_id=person, password_hash=first_hash)
        second_hash = hash_password("the password after the change")
        app.change_password(EMAIL, actor="test", password_hash=second_hash)
        app.change_password(EMAIL, actor="test", password_hash=first_hash)
        token = app.reset_feed_token(person, actor="test")
        assert _login(source, PASSWORD) == 302
        assert source.test_client().get(f"/feeds/{token}.ics").status_code == 200

        path = tmp_path / "log.jsonl"
        export_log(source_planner, path)
        exported = path.read_text(encoding="utf-8")
        for secret in (first_hash, second_hash, hashlib.sha256(token.encode()).hexdigest(),
                       token):
            assert secret not in exported
        for part in (first_hash.split("$")[-1], second_hash.split("$")[-1]):
            assert part not in exported
        assert verify_file(path).ok, "the export still verifies against its chain"

        import_log(target_planner, path)
        assert target_planner.app.find_account(EMAIL)["password_hash"] == ""
        assert _login(target, PASSWORD) == 401, "the old password does not come along"
        assert target.test_client().get(f"/feeds/{token}.ics").status_code == 404
    finally:
        source_planner.close()
        target_planner.close()


def test_planner_user_password_sets_a_new_one_and_refuses_a_weak_one(tmp_path: Path) -> None:
    env = {"PLANNER_DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
           "PLANNER_INSTANCE_PATH": str(tmp_path / "instance")}
    runner = CliRunner()
    added = runner.invoke(main, ["user", "add", EMAIL, "--role", "organiser"],
                          env={**env, "PLANNER_PASSWORD": PASSWORD})
    assert added.exit_code == 0, added.output
    weak = runner.invoke(main, ["user", "password", EMAIL],
                         env={**env, "PLANNER_PASSWORD": "short"})
    assert weak.exit_code != 0 and "password: must have at least 12 characters" in weak.output
    reset = runner.invoke(main, ["user", "password", EMAIL],
                          env={**env, "PLANNER_PASSWORD": "a brand new passphrase"})
    assert reset.exit_code == 0 and "has a new password" in reset.output
    unknown = runner.invoke(main, ["user", "password", "nobody@test.example"],
                            env={**env, "PLANNER_PASSWORD": "a brand new passphrase"})
    assert unknown.exit_code != 0 and "no account" in unknown.output
    from planner.bootstrap import build
    from planner.passwords import verify_password
    from planner.settings import load_settings

    planner = build(load_settings(environ=env))
    try:
        stored = planner.app.find_account(EMAIL)["password_hash"]
        assert verify_password("a brand new passphrase", stored)
        assert not verify_password(PASSWORD, stored)
    finally:
        planner.close()


def _insert_version_1(planner, record_id, version: int, topic: str,  # noqa: ANN001
                      state: dict[str, object]) -> None:
    """An event as the release before wrote it (its secret inside), straight into the table."""
    import json

    from sqlalchemy import text

    state = {"timestamp": {"_type_": "datetime_iso", "_data_": "2024-05-06T08:00:00+00:00"},
             "actor": "cli:admin", "reason": "", **state}
    with planner.engine.begin() as conn:
        conn.execute(text("INSERT INTO planner_events (originator_id, originator_version, "
                          "topic, state) VALUES (:id, :version, :topic, :state)"),
                     {"id": record_id.bytes, "version": version, "topic": topic,
                      "state": json.dumps(state).encode("utf-8")})


def test_an_old_feed_address_keeps_working(tmp_path: Path) -> None:
    _, writer = make_app(tmp_path)
    person = writer.app.register_person(actor="test", name="Old Subscriber",
                                        home_timezone="Europe/Berlin")
    token = "an-old-feed-token-from-the-release-before"
    _insert_version_1(writer, person, 2, "planner.domain.person:Person.FeedTokenReset",
                      {"token_hash": hashlib.sha256(token.encode()).hexdigest()})
    writer.close()
    app, planner = make_app(tmp_path)
    try:
        assert app.test_client().get(f"/feeds/{token}.ics").status_code == 200
        new = planner.app.reset_feed_token(person, actor="test")
        assert app.test_client().get(f"/feeds/{token}.ics").status_code == 404
        assert app.test_client().get(f"/feeds/{new}.ics").status_code == 200
    finally:
        planner.close()


def test_an_account_opened_before_secrets_left_the_log_still_signs_in(tmp_path: Path) -> None:
    """A version-1 Account.Opened (hash inside the event) loads; sign-in moves it out."""
    from planner.domain.account import account_id
    from tests.demo.test_passwords import legacy_hash

    _, writer = make_app(tmp_path)
    _insert_version_1(writer, account_id(EMAIL), 1, "planner.domain.account:Account.Opened",
                      {"originator_topic": "planner.domain.account:Account", "email": EMAIL,
                       "name": "Old Account", "role": "organiser",
                       "password_hash": legacy_hash(PASSWORD), "person_id": ""})
    writer.close()
    app, planner = make_app(tmp_path)
    try:
        assert _login(app, PASSWORD) == 302
        account = planner.app.find_account(EMAIL)
        assert account["password_ref"] and account["password_hash"].startswith("scrypt:")
        last = planner.app.history(account_id(EMAIL))[-1]
        assert type(last).__name__ == "PasswordChanged" and last.password_hash == ""
        assert _login(app, PASSWORD) == 302
    finally:
        planner.close()
