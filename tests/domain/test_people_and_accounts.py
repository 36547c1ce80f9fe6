"""People (delegates, their calendar feed secret) and staff accounts (roles, access)."""

from __future__ import annotations

import hashlib

from planner.application import PlannerApplication
from planner.domain.account import account_id
from planner.domain.errors import ValidationError
from tests.application.scenarios import BERLIN, ORGANISER, LeipzigTrip, refused


def test_a_person_needs_a_name_a_valid_email_and_a_known_home_zone(
        app: PlannerApplication) -> None:
    refused(app, lambda: app.register_person(actor=ORGANISER, name=" ", home_timezone=BERLIN),
            "name", "must not be empty")
    refused(app, lambda: app.register_person(actor=ORGANISER, name="Jörg",
                                             home_timezone=BERLIN, email="joerg@"),
            "email", "must be an e-mail address")
    refused(app, lambda: app.register_person(actor=ORGANISER, name="Jörg",
                                             home_timezone="Europe/Leipzig"),
            "home_timezone", "'Europe/Leipzig' is unknown")


def test_person_details_can_be_changed(app: PlannerApplication, trip: LeipzigTrip) -> None:
    app.change_person(trip.schuelke, actor=ORGANISER, name="Clemens Schülke",
                      home_timezone="Asia/Shanghai", title="Bürgermeister",
                      reason="seconded to the Nanjing office")
    person = app.get_person(trip.schuelke)
    assert (person["title"], person["home_timezone"]) == ("Bürgermeister", "Asia/Shanghai")


def test_resetting_the_feed_token_revokes_the_old_one_and_keeps_only_a_hash_outside_the_log(
        app: PlannerApplication, trip: LeipzigTrip) -> None:
    first = app.reset_feed_token(trip.koerner, actor=ORGANISER)
    second = app.reset_feed_token(trip.koerner, actor=ORGANISER, reason="phone was lost")
    assert first != second and len(second) >= 32
    person = app.get_person(trip.koerner)
    assert person["feed_token_hash"] == "", "the hash is kept outside the log"
    assert app.credentials.get("feed", person["feed_token_ref"]) == hashlib.sha256(
        second.encode()).hexdigest()
    events = app.history(trip.koerner)[-2:]
    assert [type(e).__qualname__ for e in events] == ["Person.FeedTokenReset"] * 2
    assert events[-1].reason == "phone was lost"
    stored = b"".join(app.mapper.to_stored_event(e).state for e in app.history(trip.koerner))
    assert first.encode() not in stored and second.encode() not in stored
    assert hashlib.sha256(second.encode()).hexdigest().encode() not in stored


def test_a_participant_account_must_be_linked_to_a_person(app: PlannerApplication,
                                                          trip: LeipzigTrip) -> None:
    refused(app, lambda: app.open_account(actor=ORGANISER, email="koerner@example.org",
                                          name="Michael Körner", role="participant",
                                          password_hash="x"),
            "person_id", "a participant account must be linked to a person")
    app.open_account(actor=ORGANISER, email="Koerner@Example.org", name="Michael Körner",
                     role="participant", password_hash="x", person_id=trip.koerner)
    account = app.find_account("koerner@example.org")
    assert account is not None
    assert (account["role"], account["person_id"], account["active"]) == (
        "participant", str(trip.koerner), True)


def test_an_account_for_an_unknown_person_or_a_taken_email_is_refused(
        app: PlannerApplication, trip: LeipzigTrip) -> None:
    refused(app, lambda: app.open_account(actor=ORGANISER, email="x@example.org", name="X",
                                          role="participant", password_hash="x",
                                          person_id=account_id("nobody@example.org")),
            "person_id", "there is no person with id", error=ValidationError)
    app.open_account(actor=ORGANISER, email="auditor@example.org", name="Audit",
                     role="auditor", password_hash="x")
    refused(app, lambda: app.open_account(actor=ORGANISER, email="AUDITOR@example.org",
                                          name="Audit 2", role="auditor", password_hash="y"),
            "email", "an account for auditor@example.org already exists")
    refused(app, lambda: app.open_account(actor=ORGANISER, email="boss@example.org",
                                          name="Boss", role="admin", password_hash="y"),
            "role", "must be one of 'organiser', 'participant', 'auditor'")


def test_role_changes_and_access_changes_need_a_reason(app: PlannerApplication,
                                                       trip: LeipzigTrip) -> None:
    email = "jonas@example.org"
    app.open_account(actor=ORGANISER, email=email, name="Jonas", role="organiser",
                     password_hash="x")
    refused(app, lambda: app.change_role(email, actor=ORGANISER, role="auditor", reason=""),
            "reason", "changing a role must give a reason")
    refused(app, lambda: app.change_role(email, actor=ORGANISER, role="participant",
                                         reason="travels along"),
            "person_id", "a participant account must be linked to a person")
    app.change_role(email, actor=ORGANISER, role="participant", reason="travels along",
                    person_id=trip.schuelke)
    refused(app, lambda: app.disable_account(email, actor=ORGANISER, reason=""),
            "reason", "disabling an account must give a reason")
    app.disable_account(email, actor=ORGANISER, reason="left the agency")
    refused(app, lambda: app.disable_account(email, actor=ORGANISER, reason="again"),
            "active", "already disabled")
    app.enable_account(email, actor=ORGANISER, reason="came back")
    app.change_password(email, actor=email, password_hash="new-hash")
    account = app.find_account(email)
    assert account is not None
    assert (account["role"], account["active"], account["password_hash"]) == (
        "participant", True, "new-hash")
    assert app.find_account("nobody@example.org") is None


def test_an_account_is_found_by_its_address_however_the_accents_are_encoded(
        app: PlannerApplication) -> None:
    composed, decomposed = "j\u00f6rg@example.org", "jo\u0308rg@example.org"
    app.open_account(actor=ORGANISER, email=decomposed, name="Jörg", role="auditor",
                     password_hash="x")
    for address in (decomposed, composed, decomposed.upper()):
        account = app.find_account(address)
        assert account is not None and account["email"] == composed
