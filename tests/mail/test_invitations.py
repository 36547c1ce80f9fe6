"""Invitations and password resets: the mail arrives (real SMTP), its link works once, for its
person, until it expires; every refused link writes nothing."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from planner.domain.errors import InvariantError, ValidationError
from planner.domain.invitation import LinkRefused
from planner.invitations.expiry import expire_lapsed
from planner.invitations.links import BadLink
from planner.mail.sender import Sender
from planner.mail.transport import SmtpTransport
from planner.passwords import hash_password, verify_password
from tests.mail.conftest import SmtpServer
from tests.mail.invite_kit import PASSWORD, Clock, opened, token_in
from tests.mail.test_outbox import register

ACTOR = "organiser@example.org"


def deliver(planner: Any, server: SmtpServer) -> list[Any]:
    settings = replace(planner.settings, mail_smtp_url=server.url)
    Sender(planner.engine, settings, outbox=planner.outbox,
           transport=SmtpTransport(server.url)).run_once()
    return server.inbox.messages()


def events(planner: Any) -> int:
    return planner.app.recorder.max_notification_id() or 0


@pytest.fixture
def planner(sql_database_url: str, make_planner: Any) -> Any:
    return make_planner(sql_database_url)


def test_the_invitation_arrives_and_its_link_opens_a_participant_account(
        planner: Any, smtp_server: SmtpServer) -> None:
    person = register(planner, "Anna Weiß", "anna@example.org")
    planner.app.invite(person, actor=ACTOR, valid_days=7)
    [message] = deliver(planner, smtp_server)
    assert message["To"].addresses[0].addr_spec == "anna@example.org"
    assert message["Subject"] == "Your invitation to the Delegation Planner"
    assert "Hello Anna Weiß" in message.get_body(("plain",)).get_content()
    record, issue = opened(planner, token_in(message))
    shown = planner.app.invitation_for_link(record, issue)
    assert (shown["name"], shown["email"]) == ("Anna Weiß", "anna@example.org")

    email = planner.app.accept_invitation(record, issue, password_hash=hash_password(PASSWORD))
    account = planner.app.find_account(email)
    assert (account["role"], account["person_id"]) == ("participant", person)
    assert verify_password(PASSWORD, account["password_hash"])
    assert planner.queries.invitations_of([person])[person].status == "accepted"


def test_a_used_link_is_refused_and_writes_nothing(planner: Any,
                                                   smtp_server: SmtpServer) -> None:
    person = register(planner, "Anna Weiß", "anna@example.org")
    planner.app.invite(person, actor=ACTOR, valid_days=7)
    record, issue = opened(planner, token_in(deliver(planner, smtp_server)[0]))
    planner.app.accept_invitation(record, issue, password_hash=hash_password(PASSWORD))
    before = events(planner)
    with pytest.raises(LinkRefused) as refused:
        planner.app.accept_invitation(record, issue, password_hash=hash_password(PASSWORD))
    assert refused.value.why == "used" and events(planner) == before
    with pytest.raises(InvariantError, match="has an account already"):
        planner.app.invite(person, actor=ACTOR, valid_days=7)


def test_an_expired_link_is_refused_and_expiry_is_recorded(planner: Any,
                                                           smtp_server: SmtpServer) -> None:
    clock = Clock(planner.app)
    person = register(planner, "Anna Weiß", "anna@example.org")
    planner.app.invite(person, actor=ACTOR, valid_days=2)
    record, issue = opened(planner, token_in(deliver(planner, smtp_server)[0]))
    clock.days_later(2.01)
    before = events(planner)
    with pytest.raises(LinkRefused) as refused:
        planner.app.accept_invitation(record, issue, password_hash=hash_password(PASSWORD))
    assert refused.value.why == "expired" and events(planner) == before
    assert planner.app.find_account("anna@example.org") is None
    assert expire_lapsed(planner) == 1 and expire_lapsed(planner) == 0
    assert planner.queries.invitations_of([person])[person].status == "expired"
    assert [e.__class__.__name__ for e in planner.app.history(record)] == [
        "Issued", "Expired"]


def test_a_tampered_link_is_not_read(planner: Any, smtp_server: SmtpServer) -> None:
    person = register(planner, "Anna Weiß", "anna@example.org")
    planner.app.invite(person, actor=ACTOR, valid_days=7)
    token = token_in(deliver(planner, smtp_server)[0])
    payload, signature = token.split(".")
    for altered in (payload + "." + signature[:-2] + "xx", token[:-5], "WzEsMl0." + signature):
        with pytest.raises(BadLink):
            opened(planner, altered)


def test_re_sending_replaces_the_link_and_revoking_stops_it(
        planner: Any, smtp_server: SmtpServer) -> None:
    person = register(planner, "Anna Weiß", "anna@example.org")
    planner.app.invite(person, actor=ACTOR, valid_days=7)
    planner.app.invite(person, actor=ACTOR, valid_days=7)  # again: a new link
    first, second = deliver(planner, smtp_server)
    assert first["Message-ID"] != second["Message-ID"]
    old, new = opened(planner, token_in(first)), opened(planner, token_in(second))
    with pytest.raises(LinkRefused) as refused:
        planner.app.invitation_for_link(*old)
    assert refused.value.why == "superseded"
    planner.app.revoke_invitation(person, actor=ACTOR, reason="wrong address")
    with pytest.raises(LinkRefused) as refused:
        planner.app.invitation_for_link(*new)
    assert refused.value.why == "revoked"
    assert [e.__class__.__name__ for e in planner.app.history(new[0])] == [
        "Issued", "Resent", "Revoked"]


def test_who_cannot_be_invited_is_told_why(planner: Any) -> None:
    nobody = register(planner, "No Address", "")
    with pytest.raises(ValidationError, match="has no e-mail address"):
        planner.app.invite(nobody, actor=ACTOR, valid_days=7)
    with pytest.raises(ValidationError, match="valid_days"):
        planner.app.invite(register(planner, "Bo", "bo@example.org"), actor=ACTOR,
                           valid_days=0)


def test_forgot_password_sends_a_link_only_to_an_account(planner: Any,
                                                         smtp_server: SmtpServer) -> None:
    planner.app.open_account(actor=ACTOR, email="olga@example.org", name="Olga Organiser",
                             role="organiser", password_hash=hash_password(PASSWORD))
    before = events(planner)
    assert not planner.app.request_password_reset("nobody@example.org", valid_days=7)
    assert events(planner) == before
    assert planner.app.request_password_reset("Olga@Example.org", valid_days=7)
    asked = events(planner)
    planner.app.request_password_reset("olga@example.org", valid_days=7)
    assert events(planner) == asked  # a second request within minutes: no new link
    [message] = deliver(planner, smtp_server)
    assert message["Subject"] == "Set a new password for the Delegation Planner"
    record, issue = opened(planner, token_in(message))
    new_password = "another long phrase about lighthouses"
    planner.app.accept_invitation(record, issue, password_hash=hash_password(new_password))
    assert verify_password(new_password, planner.app.find_account("olga@example.org")[
        "password_hash"])


def test_erasing_a_person_erases_their_mails(planner: Any) -> None:
    from planner.privacy.erase import erase_person
    from tests.mail.test_outbox import rows

    anna = register(planner, "Anna Weiß", "anna@example.org")
    bo = register(planner, "Bo Chen", "bo@example.org")
    planner.app.invite(anna, actor=ACTOR, valid_days=7)
    planner.app.invite(bo, actor=ACTOR, valid_days=7)
    Sender(planner.engine, planner.settings, outbox=planner.outbox).run_once()
    planner.app.invite(anna, actor=ACTOR, valid_days=7)  # a second mail, still pending
    erase_person(planner, anna, actor=ACTOR, reason="asked to be forgotten")
    kept = {r.person_id: r for r in rows(planner) if r.person_id == bo}
    erased = [r for r in rows(planner) if r.person_id == anna]
    assert [(r.recipient, r.text_body, r.status) for r in erased] == [
        ("erased", "", "sent"), ("erased", "", "failed")]
    folder = planner.settings.mail_folder_path
    assert [p.read_bytes().count(b"bo@example.org") > 0 for p in folder.glob("*.eml")] == [True]
    assert kept[bo].recipient == "bo@example.org"
    assert Sender(planner.engine, planner.settings).run_once().sent == 0
