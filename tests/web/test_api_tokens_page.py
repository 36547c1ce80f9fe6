"""A signed-in user manages their own API tokens on a page: created (shown once), listed
without the secret, revoked (refused by the API at once); nobody revokes another's token."""

from __future__ import annotations

import re
from pathlib import Path

from flask import Flask

from planner.audit.exchange import export_log
from planner.passwords import hash_password
from tests.web.conftest import event_count, make_app, signed_in, text_of
from tests.web.world import ORGANISER, PASSWORD

ERASABLE = "erasable@test.example"


def test_create_list_and_revoke_my_token(app: Flask) -> None:
    client = signed_in(app, "member")
    page = client.get("/my/api-tokens")
    assert page.status_code == 200
    created = client.post("/my/api-tokens", data={"csrf_token": client.csrf,
                                                  "name": "Phone app"})
    assert created.status_code == 200 and created.headers["Cache-Control"] == "no-store"
    token = re.search(r'id="new-token">(dpt_[^<]+)<', text_of(created))[1]  # type: ignore[index]
    api = app.test_client()
    bearer = {"Authorization": f"Bearer {token}"}
    assert api.get("/api/v1/me", headers=bearer).get_json()["email"] == "koerner@test.example"
    listing = text_of(client.get("/my/api-tokens"))
    assert "Phone app" in listing and token not in listing
    token_id = re.findall(r'name="token_id" value="([0-9a-f-]{36})"', listing)[-1]
    revoked = client.post("/my/api-tokens/revoke", data={"csrf_token": client.csrf,
                                                         "token_id": token_id})
    assert revoked.status_code == 302
    assert api.get("/api/v1/me", headers=bearer).status_code == 401


def test_nobody_revokes_another_accounts_token_and_auditors_change_nothing(app: Flask
                                                                           ) -> None:
    planner = app.extensions["planner"]
    token_id, _ = planner.app.issue_api_token(ORGANISER, actor="test", name="organiser's")
    before = event_count(planner)
    member = signed_in(app, "member")
    refused = member.post("/my/api-tokens/revoke", data={"csrf_token": member.csrf,
                                                         "token_id": str(token_id)})
    assert refused.status_code == 404
    auditor = signed_in(app, "auditor")
    assert auditor.get("/my/api-tokens").status_code == 200
    assert auditor.post("/my/api-tokens", data={"csrf_token": auditor.csrf,
                                                "name": "x"}).status_code == 403
    unnamed = member.post("/my/api-tokens", data={"csrf_token": member.csrf, "name": " "})
    assert unnamed.status_code == 422 and "label" in text_of(unnamed)
    assert event_count(planner) == before
    assert "API tokens" in text_of(signed_in(app, "organiser").get("/me"))


def test_a_participant_s_own_token_events_do_not_keep_their_address_after_erasure(
        tmp_path: Path) -> None:
    app, planner = make_app(tmp_path)
    try:
        person = planner.app.register_person(actor="test", name="Erasable Delegate",
                                             home_timezone="Europe/Berlin")
        planner.app.open_account(actor="test", email=ERASABLE, name="Erasable",
                                 role="participant", person_id=person,
                                 password_hash=hash_password(PASSWORD))
        token_id, _ = planner.app.issue_api_token(ERASABLE, actor=ERASABLE, name="mine")
        planner.app.revoke_api_token(token_id, actor=ERASABLE)
        planner.app.erase_person(person, actor="admin@test.example", reason="GDPR request")
        export_log(planner, tmp_path / "log.jsonl")
        assert ERASABLE not in (tmp_path / "log.jsonl").read_text(encoding="utf-8")
    finally:
        planner.close()
