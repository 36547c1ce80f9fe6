"""People and staff accounts through the screens; account changes are events in the log."""

from __future__ import annotations

import re
from typing import Any

from flask import Flask
from flask.testing import FlaskClient
from markupsafe import escape

from planner.domain.account import account_id
from tests.web.conftest import open_session, post, signed_in, text_of
from tests.web.test_companies import form_fields
from tests.web.test_injection_and_scripts import PAYLOADS, assert_inert


def register(client: FlaskClient, **fields: Any) -> str:
    data = {"home_timezone": "Europe/Berlin", **fields}
    response = post(client, "/people/new", **data)
    assert response.status_code == 302, text_of(response)
    return response.headers["Location"]


def open_account(app: Flask, email: str, role: str = "auditor", **extra: Any) -> str:
    """A staff account of the test's own (the shared world's accounts stay as they are)."""
    app.extensions["planner"].app.open_account(actor="test", email=email, name=email.split("@")[0],
                                               role=role, password_hash="x" * 20, **extra)
    return f"/people/accounts/{account_id(email)}"


def post_account(client: FlaskClient, address: str, **data: object):  # noqa: ANN201
    """Submit an account form loaded just now: with the account's current version."""
    account = address.split("/accounts/")[1].split("/")[0]
    rows = client.application.extensions["planner"].queries.accounts()
    version = next(a.version for a in rows if str(a.id) == account)
    return post(client, address, expected_version=str(version), **data)


def as_account(app: Flask, email: str) -> FlaskClient:
    client = app.test_client()
    client.csrf = open_session(client, email)  # type: ignore[attr-defined]
    return client


def test_an_organiser_registers_and_edits_a_person_in_any_script(
        app: Flask, organiser: FlaskClient) -> None:
    address = register(organiser, name="张晓燕", title="翻译", organisation="ECMDC",
                       email="zhang@example.cn", home_timezone="Asia/Shanghai")
    page = text_of(organiser.get(address))
    assert "张晓燕" in page and "翻译, ECMDC" in page and "Asia/Shanghai" in page
    assert "张晓燕" in text_of(organiser.get("/people"))
    form = form_fields(text_of(organiser.get(f"{address}/edit")))
    assert form["name"] == "张晓燕" and form["expected_version"] == "1"
    form.update(title="Dolmetscherin", home_timezone="Europe/Berlin", reason="moved to Leipzig",
                csrf_token=organiser.csrf)
    assert organiser.post(f"{address}/edit", data=form).status_code == 302
    row = app.extensions["planner"].queries.person(address.rsplit("/", 1)[1])
    assert (row.title, row.home_timezone, row.version) == ("Dolmetscherin", "Europe/Berlin", 2)


def test_bad_input_is_named_beside_its_field_and_changes_nothing(
        app: Flask, organiser: FlaskClient) -> None:
    position = app.extensions["planner"].queries.position()
    bad_zone = post(organiser, "/people/new", name="Li Wei", home_timezone="Asia/Peking")
    assert bad_zone.status_code == 422
    assert re.search(r'id="e-home_timezone">[^<]*Asia/Peking', text_of(bad_zone))
    bad_email = post(organiser, "/people/new", name="Li Wei", email="li.wei",
                     home_timezone="Asia/Shanghai")
    assert bad_email.status_code == 422 and 'id="e-email"' in text_of(bad_email)
    assert 'value="Li Wei"' in text_of(bad_email), "the input is kept"
    assert app.extensions["planner"].queries.position() == position


def test_a_stale_person_edit_is_told_not_applied(app: Flask, organiser: FlaskClient) -> None:
    address = register(organiser, name="Doppelt Bearbeitet")
    stale = form_fields(text_of(organiser.get(f"{address}/edit")))
    fresh = dict(stale, organisation="IHK Leipzig", csrf_token=organiser.csrf)
    assert organiser.post(f"{address}/edit", data=fresh).status_code == 302
    stale.update(title="Referent", csrf_token=organiser.csrf)
    response = organiser.post(f"{address}/edit", data=stale)
    assert response.status_code == 409
    assert "Someone changed this person while you were editing" in text_of(response)
    row = app.extensions["planner"].queries.person(address.rsplit("/", 1)[1])
    assert (row.organisation, row.title) == ("IHK Leipzig", "")


def test_an_organiser_changes_a_role_with_a_reason_and_it_is_in_the_log(
        app: Flask, organiser: FlaskClient) -> None:
    email = "finance.checker@test.example"
    address = open_account(app, email, role="organiser")
    assert ">organiser</span>" in text_of(as_account(app, email).get("/me"))
    refused = post_account(organiser, f"{address}/role", role="auditor", reason="")
    assert refused.status_code == 422
    assert re.search(r'id="e-reason">changing a role must give a reason', text_of(refused))
    changed = post_account(organiser, f"{address}/role", role="auditor",
                   reason="moves to the finance department")
    assert changed.status_code == 302
    listed = text_of(organiser.get("/people/accounts"))
    assert re.search(rf"{re.escape(email)}</td>.*?>auditor</span>", listed, re.S)
    event = app.extensions["planner"].app.history(account_id(email))[-1]
    assert type(event).__name__ == "RoleChanged"
    assert (event.role, event.actor, event.reason) == (
        "auditor", "organiser@test.example", "moves to the finance department")
    assert ">auditor</span>" in text_of(as_account(app, email).get("/me")), "applies at once"


def test_a_participant_account_needs_a_person_and_nobody_changes_their_own_account(
        app: Flask, organiser: FlaskClient) -> None:
    address = open_account(app, "no.person@test.example")
    refused = post_account(organiser, f"{address}/role", role="participant", person_id="",
                   reason="joins a delegation")
    assert refused.status_code == 422
    assert "a participant account must be linked to a person" in text_of(refused)
    mine = f"/people/accounts/{account_id('organiser@test.example')}"
    own = post_account(organiser, f"{mine}/role", role="auditor", reason="curious")
    assert own.status_code == 422
    assert "you cannot change your own account" in text_of(own)
    assert signed_in(app, "organiser").get("/people/accounts").status_code == 200


def test_a_disabled_account_is_signed_out_and_can_be_enabled_again(
        app: Flask, organiser: FlaskClient) -> None:
    email = "temporary@test.example"
    address = open_account(app, email)
    assert as_account(app, email).get("/people").status_code == 200
    assert post_account(organiser, f"{address}/active", active_reason="").status_code == 422
    assert post_account(organiser, f"{address}/active",
                active_reason="contract ended").status_code == 302
    assert "/login" in as_account(app, email).get("/people").headers["Location"]
    assert "disabled" in text_of(organiser.get("/people/accounts"))
    assert post_account(organiser, f"{address}/active",
                active_reason="contract renewed").status_code == 302
    assert as_account(app, email).get("/people").status_code == 200


def test_participants_are_refused_and_auditors_read_accounts_without_forms(
        member: FlaskClient, auditor: FlaskClient) -> None:
    for page in ("/people", "/people/accounts", "/people/new"):
        assert member.get(page).status_code == 403, page
    listed = text_of(auditor.get("/people/accounts"))
    assert "organiser@test.example" in listed and "koerner@test.example" in listed
    assert "/people/accounts/" not in listed, "no links to the role forms"
    people = text_of(auditor.get("/people"))
    assert "Michael Körner" in people and "韩立明" in people
    assert "/edit" not in people and "Register person" not in people


def test_a_form_without_its_csrf_token_is_refused(app: Flask, organiser: FlaskClient) -> None:
    response = organiser.post("/people/new", data={"name": "Forged Person",
                                                   "home_timezone": "Europe/Berlin"})
    assert response.status_code == 400
    assert all(p.name != "Forged Person" for p in app.extensions["planner"].queries.people())


def test_html_in_every_text_field_is_shown_as_text(app: Flask, organiser: FlaskClient) -> None:
    for p in PAYLOADS:
        address = register(organiser, name=f"Name {p}", title=f"Title {p}",
                           organisation=f"Org {p}")
        form = form_fields(text_of(organiser.get(f"{address}/edit")))
        form.update(email=p, reason=f"Why {p}", csrf_token=organiser.csrf)
        refused = organiser.post(f"{address}/edit", data=form)
        assert refused.status_code == 422
        assert_inert(text_of(refused), p, "the refused edit")
        account = open_account(app, f"payload{PAYLOADS.index(p)}@test.example")
        refused_role = post(organiser, f"{account}/role", role=p, reason=p)
        assert_inert(text_of(refused_role), p, "the refused role change")
        for page in (address, f"{address}/edit", "/people", "/people/accounts", account):
            response = organiser.get(page)
            assert response.status_code == 200, page
            assert_inert(text_of(response), p, page)
        assert str(escape(f"Name {p}")) in text_of(organiser.get(address))
