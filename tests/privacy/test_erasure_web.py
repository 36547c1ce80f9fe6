"""Erasure from the browser: an organiser erases a person with a reason and a confirmation;
afterwards no page, calendar, history or export shows their name or e-mail."""

from __future__ import annotations

from flask import url_for
from flask.testing import FlaskClient
from sqlalchemy import func, select

from planner.audit.exchange import export_log
from planner.audit.verify import verify_database
from planner.readmodel.verify import verify
from tests.privacy.conftest import EMAIL, NAME, TITLE, Erasable
from tests.web.conftest import signed_in


def _url(erasable: Erasable, endpoint: str, **args: object) -> str:
    with erasable.app.test_request_context():
        return url_for(endpoint, **args)


def _erase(client: FlaskClient, erasable: Erasable, **form: str) -> object:
    return client.post(_url(erasable, "erasure.erase", person_id=erasable.person),
                       data={"csrf_token": client.csrf, **form})  # type: ignore[attr-defined]


def _event_count(erasable: Erasable) -> int:
    events = erasable.planner.events_table
    with erasable.planner.engine.connect() as conn:  # type: ignore[union-attr]
        return int(conn.execute(select(func.count()).select_from(events)).scalar_one())


def _pages(erasable: Erasable, client: FlaskClient) -> dict[str, str]:
    w, person = erasable.world, erasable.person
    addresses = {
        "person": _url(erasable, "people.show", person_id=person),
        "people": _url(erasable, "people.index"),
        "accounts": _url(erasable, "people.accounts"),
        "trip": _url(erasable, "trips.show", trip_id=w.trip_id),
        "members": _url(erasable, "delegation.members", trip_id=w.trip_id),
        "meeting": _url(erasable, "meetings.show", meeting_id=w.meeting_id),
        "trip calendar": _url(erasable, "feeds.trip_calendar", trip_id=w.trip_id),
        "meeting calendar": _url(erasable, "feeds.meeting_calendar", meeting_id=w.meeting_id),
        "history": _url(erasable, "audit.record_history", record_id=str(person)),
        "account history": _url(erasable, "audit.record_history",
                                record_id=str(erasable.account)),
        "meeting history": _url(erasable, "audit.record_history", record_id=str(w.meeting_id)),
        "person as of": _url(erasable, "audit.record_as_of", record_id=str(person)),
        "person calendar as of": _url(erasable, "audit.calendar", person_id=str(person)),
    }
    pages = {}
    auditor = signed_in(erasable.app, "auditor")
    for what, address in addresses.items():
        response = client.get(address)
        if response.status_code == 403:  # auditors only (an account's history)
            response = auditor.get(address)
        assert response.status_code == 200, (what, response.status_code)
        pages[what] = response.get_data(as_text=True)
    pages["log"] = auditor.get(_url(erasable, "audit.log")).get_data(as_text=True)
    pages["log csv"] = auditor.get(_url(erasable, "audit.log_csv")).get_data(as_text=True)
    return pages


def test_an_organiser_erases_a_person_and_no_page_calendar_or_export_shows_them(
        erasable: Erasable, tmp_path) -> None:
    organiser = signed_in(erasable.app, "organiser")
    before = _pages(erasable, organiser)
    assert NAME in before["person"] and EMAIL in before["trip calendar"]
    assert "Erase personal data" in before["person"]

    form = organiser.get(_url(erasable, "erasure.confirm", person_id=erasable.person))
    assert form.status_code == 200 and "cannot be undone" in form.get_data(as_text=True)
    response = _erase(organiser, erasable, reason="Request by e-mail, ref. DSR-2026-17",
                      confirm="yes")
    assert response.status_code == 302

    after = _pages(erasable, organiser)
    for what, page in after.items():
        assert NAME not in page and EMAIL not in page and TITLE not in page, what
    for what in ("person", "people", "members", "meeting", "trip calendar", "history", "log"):
        assert "erased person" in after[what], what
    assert "DSR-2026-17" in after["history"]  # the erasure and its reason are in the record
    assert "Erase personal data" not in after["person"]

    exported = tmp_path / "log.jsonl"
    export_log(erasable.planner, exported)
    data = exported.read_bytes()
    for secret in (NAME, EMAIL, TITLE):
        assert secret.encode("utf-8") not in data
    assert verify_database(erasable.planner).ok
    assert verify(erasable.planner.projector) == []


def test_the_erased_participant_can_no_longer_sign_in_and_their_feed_stops(
        erasable: Erasable) -> None:
    token = erasable.planner.app.reset_feed_token(erasable.person, actor="test")
    feed = _url(erasable, "feeds.feed", token=token)
    assert erasable.app.test_client().get(feed).status_code == 200
    organiser = signed_in(erasable.app, "organiser")
    assert _erase(organiser, erasable, reason="asked", confirm="yes").status_code == 302
    assert erasable.app.test_client().get(feed).status_code == 404
    assert erasable.planner.app.find_account(EMAIL)["active"] is False
    client = erasable.app.test_client()
    with client.session_transaction() as session:
        session["email"] = EMAIL
    assert client.get(_url(erasable, "schedule.mine")).status_code == 302  # to the login


def test_a_refused_erasure_names_the_field_and_writes_nothing(erasable: Erasable) -> None:
    organiser = signed_in(erasable.app, "organiser")
    count = _event_count(erasable)
    no_reason = _erase(organiser, erasable, reason="", confirm="yes")
    assert no_reason.status_code == 422
    assert "reason" in no_reason.get_data(as_text=True)
    unconfirmed = _erase(organiser, erasable, reason="asked")
    assert unconfirmed.status_code == 422
    assert "tick the box" in unconfirmed.get_data(as_text=True)
    assert _event_count(erasable) == count
    assert NAME in organiser.get(_url(erasable, "people.show",
                                      person_id=erasable.person)).get_data(as_text=True)


def test_participants_and_auditors_cannot_erase(erasable: Erasable) -> None:
    for role in ("member", "auditor"):
        client = signed_in(erasable.app, role)
        assert _erase(client, erasable, reason="x", confirm="yes").status_code == 403
    assert erasable.planner.queries.person(erasable.person).name == NAME


def test_an_erased_person_takes_no_further_changes(erasable: Erasable) -> None:
    organiser = signed_in(erasable.app, "organiser")
    _erase(organiser, erasable, reason="asked", confirm="yes")
    again = _erase(organiser, erasable, reason="again", confirm="yes")
    assert again.status_code == 422 and "was erased" in again.get_data(as_text=True)
    edit = organiser.post(_url(erasable, "people.update", person_id=erasable.person), data={
        "csrf_token": organiser.csrf, "name": NAME, "home_timezone": "Europe/Berlin",
        "expected_version": "3"})
    assert edit.status_code == 422
    assert erasable.planner.queries.person(erasable.person).name == "erased person"


def test_the_participant_s_own_changes_no_longer_name_them_as_actor(erasable: Erasable,
                                                                     tmp_path) -> None:
    """A participant changes their own home zone; after the erasure the history, the log
    browser and an export show "erased person" as the actor, never their e-mail."""
    erasable.planner.app.change_person(erasable.person, actor=EMAIL, name=NAME, title=TITLE,
                                       email=EMAIL, organisation="Vogelsang Logistik GmbH",
                                       home_timezone="Asia/Shanghai", reason="own preference")
    organiser = signed_in(erasable.app, "organiser")
    before = _pages(erasable, organiser)
    assert EMAIL in before["log"]
    assert _erase(organiser, erasable, reason="asked", confirm="yes").status_code == 302
    after = _pages(erasable, organiser)
    for what in ("history", "log", "log csv"):
        assert EMAIL not in after[what], what
    assert "own preference" in after["history"]
    exported = tmp_path / "log.jsonl"
    export_log(erasable.planner, exported)
    assert EMAIL.encode() not in exported.read_bytes()
    assert verify_database(erasable.planner).ok
