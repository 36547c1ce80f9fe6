"""The conflict page (409) shows what changed through an allow-list of fields per record kind,
never a password or feed-token hash; account changes carry a version check."""

from __future__ import annotations

from typing import Any

from flask import Flask
from flask.testing import FlaskClient

from planner.domain.account import account_id
from planner.passwords import hash_password
from tests.web.conftest import post, signed_in, text_of, visible


def _account(app: Flask, email: str, role: str) -> tuple[Any, str, FlaskClient]:
    """A new account, its form's address and a signed-in organiser to change it."""
    planner_app = app.extensions["planner"].app
    planner_app.open_account(actor="test", email=email, name=email.split("@")[0], role=role,
                             password_hash=hash_password("the first long password"))
    return planner_app, f"/people/accounts/{account_id(email)}", signed_in(app, "organiser")


def test_a_stale_account_form_is_told_what_changed_without_the_password_hash(
        app: Flask) -> None:
    email = "raced@test.example"
    planner_app, address, organiser = _account(app, email, "organiser")
    assert 'name="expected_version" value="1"' in text_of(organiser.get(address))
    new_hash = hash_password("the second long password")
    planner_app.change_password(email, actor="test", password_hash=new_hash)
    planner_app.change_role(email, actor="someone@test.example", role="auditor",
                            reason="moved to finance")
    stale = post(organiser, f"{address}/role", role="participant", reason="joins a trip",
                 expected_version="1")
    assert stale.status_code == 409
    page, shown = text_of(stale), visible(stale)
    assert "Someone changed this account while you were editing" in shown
    assert "moved to finance" in shown and "organiser → auditor" in shown
    assert new_hash not in page and new_hash.split("$")[-1] not in page
    assert "password changed by test" in shown, "the event is named"
    assert "password hash" not in shown.lower().replace("_", " "), "its field is not shown"
    assert planner_app.find_account(email)["role"] == "auditor", "nothing of the stale form"


def test_a_stale_disable_button_is_refused_with_409(app: Flask) -> None:
    email = "disabled-twice@test.example"
    planner_app, address, organiser = _account(app, email, "auditor")
    planner_app.disable_account(email, actor="someone@test.example", reason="left")
    planner_app.enable_account(email, actor="someone@test.example", reason="came back")
    stale = post(organiser, f"{address}/active", active_reason="contract ended",
                 expected_version="1")
    assert stale.status_code == 409 and "came back" in visible(stale)
    assert planner_app.find_account(email)["active"] is True
