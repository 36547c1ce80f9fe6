"""The sender against a real SMTP server (aiosmtpd) and the demo's folder: every mail is
delivered once, failures wait longer each time, a refusal is final."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta
from email import message_from_bytes
from email.policy import default
from typing import Any

from sqlalchemy import select

from planner.mail import tables as mt
from planner.mail.outbox import now
from planner.mail.sender import Sender, send_again
from planner.mail.transport import FolderTransport, SmtpTransport
from tests.mail.conftest import SmtpServer, free_port
from tests.mail.test_outbox import register, rows


def smtp_sender(planner: Any, url: str, **kwargs: Any) -> Sender:
    settings = replace(planner.settings, mail_smtp_url=url,
                       mail_reply_to="Trip Office <office@example.org>")
    return Sender(planner.engine, settings, outbox=planner.outbox,
                  transport=SmtpTransport(url), **kwargs)


def attempts(planner: Any) -> list[Any]:
    with planner.engine.connect() as conn:
        return list(conn.execute(select(mt.attempts).order_by(mt.attempts.c.id)))


def test_a_mail_arrives_once_as_valid_mime(sql_database_url: str, make_planner: Any,
                                           greeting_rule: None,
                                           smtp_server: SmtpServer) -> None:
    planner = make_planner(sql_database_url)
    register(planner, "Anna Weiß", "anna@example.org")
    sender = smtp_sender(planner, smtp_server.url)
    assert sender.run_once().sent == 1
    assert sender.run_once().sent == 0
    [(mail_from, to, _raw)] = smtp_server.inbox.received
    assert (mail_from, to) == ("planner@localhost", ["anna@example.org"])
    [message] = smtp_server.inbox.messages()
    assert message["Subject"] == "Welcome, Anna Weiß"
    assert message["To"].addresses[0].display_name == "Anna Weiß"
    assert message["Reply-To"] == "Trip Office <office@example.org>"
    assert message.get_content_type() == "multipart/alternative"
    assert message.get_body(("plain",)).get_content().strip() == "You are registered."
    assert "Anna Weiß" in message.get_body(("html",)).get_content()
    [mail] = rows(planner)
    assert (mail.status, mail.attempts, str(message["Message-ID"])) == (
        mt.SENT, 1, mail.message_id)
    assert [a.outcome for a in attempts(planner)] == ["accepted"]


def test_a_busy_server_is_tried_again_later_and_later(sql_database_url: str,
                                                      make_planner: Any, greeting_rule: None,
                                                      smtp_server: SmtpServer) -> None:
    planner = make_planner(sql_database_url)
    register(planner, "Anna Weiß", "anna@example.org")
    start = now()
    clock = [start]
    sender = smtp_sender(planner, smtp_server.url, clock=lambda: clock[0])
    smtp_server.inbox.answer = "451 4.3.0 Try again later"
    assert sender.run_once().deferred == 1
    [mail] = rows(planner)
    assert (mail.status, mail.attempts) == (mt.PENDING, 1)
    assert "451" in mail.last_error and mail.next_try_at == start + timedelta(minutes=1)
    assert sender.run_once().deferred == 0  # not due yet: no new attempt
    clock[0] = start + timedelta(minutes=1)
    assert sender.run_once().deferred == 1
    [mail] = rows(planner)
    assert mail.attempts == 2 and mail.next_try_at == clock[0] + timedelta(minutes=2)
    smtp_server.inbox.answer = ""
    clock[0] += timedelta(minutes=2)
    assert sender.run_once().sent == 1
    assert len(smtp_server.inbox.received) == 1
    assert [a.outcome for a in attempts(planner)] == ["deferred", "deferred", "accepted"]


def test_no_server_listening_is_a_failure_to_retry(sql_database_url: str, make_planner: Any,
                                                   greeting_rule: None) -> None:
    planner = make_planner(sql_database_url)
    register(planner, "Anna Weiß", "anna@example.org")
    done = smtp_sender(planner, f"smtp://127.0.0.1:{free_port()}").run_once()
    assert done.deferred == 1 and "cannot reach 127.0.0.1" in done.errors[0]
    [mail] = rows(planner)
    assert mail.status == mt.PENDING and mail.next_try_at is not None


def test_a_refused_recipient_fails_for_good_and_can_be_sent_again(
        sql_database_url: str, make_planner: Any, greeting_rule: None,
        smtp_server: SmtpServer) -> None:
    planner = make_planner(sql_database_url)
    register(planner, "Anna Weiß", "anna@example.org")
    smtp_server.inbox.refuse_rcpt = "550 5.1.1 No such user"
    sender = smtp_sender(planner, smtp_server.url)
    assert sender.run_once().failed == 1
    [mail] = rows(planner)
    assert mail.status == mt.FAILED and "550" in mail.last_error
    assert sender.run_once().failed == 0
    smtp_server.inbox.refuse_rcpt = ""
    assert send_again(planner.engine, mail.id)
    assert sender.run_once().sent == 1
    assert not send_again(planner.engine, mail.id)  # sent: nothing to send again


def test_without_smtp_each_mail_is_one_eml_file(sql_database_url: str, make_planner: Any,
                                               greeting_rule: None) -> None:
    planner = make_planner(sql_database_url)
    register(planner, "Anna Weiß", "anna@example.org")
    register(planner, "Bo Chen", "bo@example.org")
    sender = Sender(planner.engine, planner.settings, outbox=planner.outbox)
    assert isinstance(sender.transport, FolderTransport)
    assert sender.run_once().sent == 2
    folder = planner.settings.mail_folder_path
    files = sorted(folder.glob("*.eml"))
    parsed = [message_from_bytes(f.read_bytes(), policy=default) for f in files]
    assert sorted(str(m["To"]) for m in parsed) == ["Anna Weiß <anna@example.org>",
                                                    "Bo Chen <bo@example.org>"]
    assert {str(m["Message-ID"]) for m in parsed} == {r.message_id for r in rows(planner)}
    assert sender.run_once().sent == 0 and len(list(folder.glob("*.eml"))) == 2
