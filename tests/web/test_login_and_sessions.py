"""Signing in and out, session cookies, the secret key, role changes taking effect at once."""

from __future__ import annotations

import stat

from flask import Flask

from planner.domain.account import account_id
from tests.web.conftest import form_token, post, signed_in, text_of
from tests.web.world import MEMBER, ORGANISER, PASSWORD


def _login(client, email: str, password: str, next_: str = ""):  # noqa: ANN001, ANN202
    token = form_token(text_of(client.get("/login")))
    return client.post("/login", data={"email": email, "password": password,
                                       "csrf_token": token, "next": next_})


def test_an_organiser_signs_in_and_lands_on_the_dashboard(app: Flask) -> None:
    client = app.test_client()
    response = _login(client, "  Organiser@Test.Example ", PASSWORD)
    assert response.status_code == 302 and response.headers["Location"] == "/"
    assert "Olga Organiser" in text_of(client.get("/"))


def test_a_participant_lands_on_their_schedule(app: Flask) -> None:
    response = _login(app.test_client(), MEMBER, PASSWORD)
    assert response.headers["Location"] == "/schedule"


def test_a_wrong_password_is_refused_beside_the_password_field(app: Flask) -> None:
    response = _login(app.test_client(), ORGANISER, "guess")
    assert response.status_code == 401
    page = text_of(response)
    assert 'id="e-password"' in page and "the e-mail address or the password is not right" in page
    assert 'value="organiser@test.example"' in page, "the e-mail address is kept"
    unknown = _login(app.test_client(), "nobody@test.example", PASSWORD)
    assert unknown.status_code == 401, "an unknown address gets the same answer"


def test_signing_in_returns_to_the_page_asked_for_but_never_to_another_site(app: Flask) -> None:
    client = app.test_client()
    first = client.get("/trips?status=planned")
    assert first.status_code == 302 and "next=%2Ftrips%3Fstatus%3Dplanned" in first.location
    assert _login(client, ORGANISER, PASSWORD, "/trips?status=planned"
                  ).headers["Location"] == "/trips?status=planned"
    for evil in ("https://evil.example/", "//evil.example/x", "javascript:alert(1)"):
        assert _login(app.test_client(), ORGANISER, PASSWORD, evil).headers["Location"] == "/"


def test_signing_out_ends_the_session(app: Flask) -> None:
    client = signed_in(app, "organiser")
    assert client.get("/").status_code == 200
    assert post(client, "/logout").status_code == 302
    assert client.get("/").status_code == 302


def test_the_session_cookie_is_http_only_and_same_site_lax(app: Flask) -> None:
    client = app.test_client()
    _login(client, ORGANISER, PASSWORD)
    cookie = client.get_cookie("planner_session")
    assert cookie is not None and cookie.http_only and cookie.same_site == "Lax"
    assert not cookie.secure, "the development default; production sets it (next test)"


def test_secure_cookies_are_switched_on_by_the_setting(tmp_path) -> None:  # noqa: ANN001
    from planner.bootstrap import build
    from planner.settings import load_settings
    from web import create_app

    settings = load_settings(environ={"PLANNER_WEB_SESSION_COOKIE_SECURE": "true"},
                             instance_path=str(tmp_path / "instance"))
    planner = build(settings, database_url=f"sqlite:///{tmp_path / 'db.sqlite3'}")
    try:
        assert create_app(settings, planner=planner).config["SESSION_COOKIE_SECURE"] is True
    finally:
        planner.close()


def test_the_secret_key_is_generated_once_into_the_instance_folder(fresh_app: Flask) -> None:
    from pathlib import Path

    from web import secret_key

    path = Path(fresh_app.instance_path) / "secret_key"
    assert path.exists() and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert secret_key(Path(fresh_app.instance_path)) == fresh_app.config["SECRET_KEY"]


TEMP_PASSWORD = "temporary staff password"


def _temp_account(app: Flask, email: str, role: str = "organiser",
                  person_id: object = None) -> None:
    from planner.passwords import hash_password

    app.extensions["planner"].app.open_account(
        actor="test", email=email, name="Temp", role=role, person_id=person_id,
        password_hash=hash_password(TEMP_PASSWORD))


def _copy_of_cookie(app: Flask, client):  # noqa: ANN001, ANN202
    """Another browser holding the same session cookie (as a thief would)."""
    thief = app.test_client()
    thief.set_cookie("planner_session", client.get_cookie("planner_session").value)
    return thief


def test_a_role_change_or_disabling_signs_the_account_out_at_once(app: Flask) -> None:
    planner_app = app.extensions["planner"].app
    _temp_account(app, "temp@test.example")
    client = app.test_client()
    _login(client, "temp@test.example", TEMP_PASSWORD)
    assert client.get("/trips/new").status_code == 200
    planner_app.change_role("temp@test.example", actor="test", role="auditor",
                            reason="moved to finance")
    assert client.get("/trips/new").status_code == 302, "signed out by the role change"
    _login(client, "temp@test.example", TEMP_PASSWORD)
    assert client.get("/trips/new").status_code == 403, "the new role applies after sign-in"
    planner_app.disable_account("temp@test.example", actor="test", reason="left")
    assert client.get("/").status_code == 302, "a disabled account is signed out"


def test_signing_out_ends_every_copy_of_the_session_cookie(app: Flask) -> None:
    _temp_account(app, "copied@test.example", role="organiser")
    client = app.test_client()
    _login(client, "copied@test.example", TEMP_PASSWORD)
    thief = _copy_of_cookie(app, client)
    assert thief.get("/trips").status_code == 200, "the copy works while the session lives"
    token = form_token(text_of(client.get("/trips/new")))
    assert client.post("/logout", data={"csrf_token": token}).status_code == 302
    assert thief.get("/trips").status_code == 302, "the copy is signed out too"
    events = app.extensions["planner"].app.history(account_id("copied@test.example"))
    assert type(events[-1]).__name__ == "SessionsEnded" and events[-1].actor == \
        "copied@test.example", "the sign-out is in the log"


def test_a_participants_copied_cookie_cannot_reset_the_feed_after_logout(
        app: Flask, world) -> None:  # noqa: ANN001
    from planner.domain.person import Person

    planner_app = app.extensions["planner"].app
    person = planner_app.register_person(actor="test", name="Copy Tester",
                                         home_timezone="Europe/Berlin")
    _temp_account(app, "copy-participant@test.example", role="participant", person_id=person)
    client = app.test_client()
    _login(client, "copy-participant@test.example", TEMP_PASSWORD)
    thief = _copy_of_cookie(app, client)
    token = form_token(text_of(client.get("/schedule")))
    assert client.post("/logout", data={"csrf_token": token}).status_code == 302
    assert thief.get("/schedule").status_code == 302
    before = len(planner_app.history(person))
    reset = thief.post("/my/calendar/address", data={"csrf_token": token, "action": "create"})
    assert reset.status_code in (302, 400) and len(planner_app.history(person)) == before
    assert all(not isinstance(e, Person.FeedTokenReset) for e in planner_app.history(person))


def test_a_password_change_signs_every_session_out(app: Flask) -> None:
    from planner.passwords import hash_password

    _temp_account(app, "changer@test.example")
    client = app.test_client()
    _login(client, "changer@test.example", TEMP_PASSWORD)
    assert client.get("/").status_code == 200
    app.extensions["planner"].app.change_password(
        "changer@test.example", actor="test", password_hash=hash_password("a new long password"))
    assert client.get("/").status_code == 302


def test_the_form_token_is_new_after_signing_in_and_the_old_one_is_refused(app: Flask) -> None:
    client = app.test_client()
    before = form_token(text_of(client.get("/login")))
    _login(client, ORGANISER, PASSWORD)
    after = form_token(text_of(client.get("/trips/new")))
    assert after != before
    stale = client.post("/logout", data={"csrf_token": before})
    assert stale.status_code == 400 and "security token" in text_of(stale)
    assert client.get("/").status_code == 200, "a refused sign-out changes nothing"


def test_a_user_changes_their_password_and_every_other_session_ends(app: Flask) -> None:
    _temp_account(app, "own-change@test.example", role="auditor")
    here, elsewhere = app.test_client(), app.test_client()
    for client in (here, elsewhere):
        _login(client, "own-change@test.example", TEMP_PASSWORD)
    token = form_token(text_of(here.get("/me/password")))

    def change(**data: str):  # noqa: ANN202
        return here.post("/me/password", data={"csrf_token": token, **data})

    new = "a fresh passphrase for auditing"
    wrong = change(current_password="not it at all", new_password=new, repeat_password=new)
    assert wrong.status_code == 422 and "is not your current password" in text_of(wrong)
    mismatch = change(current_password=TEMP_PASSWORD, new_password=new, repeat_password="x")
    assert mismatch.status_code == 422 and "is not the same" in text_of(mismatch)
    weak = change(current_password=TEMP_PASSWORD, new_password="password1234",
                  repeat_password="password1234")
    assert weak.status_code == 422 and "too easy to guess" in text_of(weak)
    for page in (wrong, mismatch, weak):
        assert TEMP_PASSWORD not in text_of(page) and new not in text_of(page)
    done = change(current_password=TEMP_PASSWORD, new_password=new, repeat_password=new)
    assert done.status_code == 302
    assert here.get("/me").status_code == 200, "this session goes on"
    assert elsewhere.get("/me").status_code == 302, "the other one is signed out"
    assert _login(app.test_client(), "own-change@test.example", TEMP_PASSWORD
                  ).status_code == 401
    assert _login(app.test_client(), "own-change@test.example", new).status_code == 302
