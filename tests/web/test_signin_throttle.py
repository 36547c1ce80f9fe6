"""Guessing passwords is throttled per account (shared by every worker) and per address;
sign-ins and failed attempts are recorded for auditors; old password hashes are replaced."""

from __future__ import annotations

from pathlib import Path

from flask import Flask

from planner.domain.account import account_id
from planner.passwords import hash_password
from tests.demo.test_passwords import legacy_hash
from tests.web.conftest import form_token, make_app, signed_in, text_of, visible

PASSWORD = "planning the Leipzig trip"


def _open(app: Flask, email: str, stored: str | None = None) -> None:
    app.extensions["planner"].app.open_account(
        actor="test", email=email, name="Guessed", role="organiser",
        password_hash=stored or hash_password(PASSWORD))


def _login(app: Flask, email: str, password: str, address: str = "192.0.2.1"):  # noqa: ANN202
    client = app.test_client()
    token = form_token(text_of(client.get("/login")))
    return client.post("/login", data={"email": email, "password": password,
                                       "csrf_token": token},
                       environ_base={"REMOTE_ADDR": address})


def test_after_many_wrong_passwords_even_the_right_one_is_refused_with_429(
        fresh_app: Flask) -> None:
    _open(fresh_app, "target@test.example")
    answers = [_login(fresh_app, "target@test.example", f"wrong guess {n}").status_code
               for n in range(50)]
    assert answers[:5] == [401] * 5 and set(answers[5:]) == {429}
    right = _login(fresh_app, "target@test.example", PASSWORD)
    assert right.status_code == 429 and right.headers["Retry-After"]
    assert "Too many failed sign-ins for this account" in visible(right)
    events = fresh_app.extensions["planner"].app.history(
        account_id("target@test.example"))
    assert len(events) == 1, "refused attempts write no event"


def test_every_web_worker_counts_the_same_failures(tmp_path: Path) -> None:
    first, first_planner = make_app(tmp_path)
    second, second_planner = make_app(tmp_path)
    try:
        _open(first, "shared@test.example")
        for n in range(5):
            assert _login(first, "shared@test.example", f"wrong {n}").status_code == 401
        assert _login(second, "shared@test.example", PASSWORD).status_code == 429
    finally:
        first_planner.close()
        second_planner.close()


def test_a_success_starts_the_count_again(fresh_app: Flask) -> None:
    _open(fresh_app, "forgetful@test.example")
    for _ in range(2):
        for n in range(4):
            assert _login(fresh_app, "forgetful@test.example", f"wrong {n}").status_code == 401
        assert _login(fresh_app, "forgetful@test.example", PASSWORD).status_code == 302


def test_one_address_guessing_many_accounts_is_throttled(fresh_app: Flask) -> None:
    _open(fresh_app, "real@test.example")
    answers = [_login(fresh_app, f"nobody{n}@test.example", "a wrong password",
                      address="198.51.100.7").status_code for n in range(31)]
    assert answers[:30] == [401] * 30 and answers[30] == 429
    blocked = _login(fresh_app, "real@test.example", PASSWORD, address="198.51.100.7")
    assert blocked.status_code == 429 and "from your network" in visible(blocked)
    assert _login(fresh_app, "real@test.example", PASSWORD, address="192.0.2.9"
                  ).status_code == 302, "another address is not affected"


def test_auditors_see_sign_ins_and_failed_attempts_but_not_unknown_addresses(
        fresh_app: Flask) -> None:
    from tests.web.world import AUDITOR

    _open(fresh_app, "watched@test.example")
    fresh_app.extensions["planner"].app.open_account(
        actor="test", email=AUDITOR, name="Auditor", role="auditor",
        password_hash=hash_password(PASSWORD))
    _login(fresh_app, "watched@test.example", "not the password", address="203.0.113.5")
    _login(fresh_app, "watched@test.example", PASSWORD, address="203.0.113.5")
    _login(fresh_app, "made-up-address@test.example", "whatever", address="203.0.113.5")
    page = visible(signed_in(fresh_app, "auditor").get("/audit/logins"))
    assert page.count("watched@test.example 203.0.113.5") == 2
    assert "failed" in page and "signed in" in page
    assert "made-up-address" not in page


def test_an_old_format_hash_is_replaced_at_the_next_sign_in(fresh_app: Flask) -> None:
    _open(fresh_app, "old@test.example", stored=legacy_hash("an old but long password"))
    planner_app = fresh_app.extensions["planner"].app
    assert _login(fresh_app, "old@test.example", "an old but long password").status_code == 302
    stored = planner_app.find_account("old@test.example")["password_hash"]
    assert stored.startswith("scrypt:"), "werkzeug's format now"
    assert _login(fresh_app, "old@test.example", "an old but long password").status_code == 302
