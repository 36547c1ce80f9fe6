"""A sender killed between the server's acceptance and the marking: after a restart nobody
gets a message twice and no message is lost."""

from __future__ import annotations

import signal
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

from planner.mail import tables as mt
from planner.mail.outbox import now
from planner.mail.sender import LEASE, UNCONFIRMED, Sender
from planner.mail.transport import SmtpTransport
from tests.mail.conftest import SmtpServer
from tests.mail.test_outbox import register, rows
from tests.mail.test_sender import attempts

SCRIPT = Path(__file__).with_name("crashing_sender.py")
ROOT = Path(__file__).resolve().parents[2]


def kill_after_first_acceptance(planner: Any, database_url: str, smtp_url: str) -> None:
    done = subprocess.run([sys.executable, str(SCRIPT), database_url,
                           str(planner.settings.instance_path), smtp_url],
                          cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert done.returncode == -signal.SIGKILL, done.stderr


def after_the_lease() -> Any:
    """The restarted sender's clock: the dead sender's claim has run out."""
    later = now() + LEASE + timedelta(seconds=1)
    return lambda: later


def test_smtp_killed_after_acceptance_sends_nothing_twice(
        sql_database_url: str, make_planner: Any, greeting_rule: None,
        smtp_server: SmtpServer) -> None:
    planner = make_planner(sql_database_url)
    register(planner, "Anna Weiß", "anna@example.org")
    register(planner, "Bo Chen", "bo@example.org")
    kill_after_first_acceptance(planner, sql_database_url, smtp_server.url)
    assert len(smtp_server.inbox.received) == 1
    first, second = rows(planner)
    assert first.status == mt.PENDING and first.claim  # accepted, never marked

    restarted = Sender(planner.engine, planner.settings, outbox=planner.outbox,
                       transport=SmtpTransport(smtp_server.url), clock=after_the_lease())
    done = restarted.run_once()
    assert (done.sent, done.unconfirmed) == (1, 1)
    assert restarted.run_once().sent == 0
    ids = smtp_server.inbox.message_ids()
    assert sorted(ids) == sorted([first.message_id, second.message_id])  # each exactly once
    first, second = rows(planner)
    assert (first.status, first.last_error, second.status) == (
        mt.UNCONFIRMED, UNCONFIRMED, mt.SENT)
    assert [a.outcome for a in attempts(planner)] == ["unconfirmed", "accepted"]


def test_folder_killed_after_writing_finds_the_file_after_a_restart(
        sql_database_url: str, make_planner: Any, greeting_rule: None) -> None:
    planner = make_planner(sql_database_url)
    register(planner, "Anna Weiß", "anna@example.org")
    register(planner, "Bo Chen", "bo@example.org")
    kill_after_first_acceptance(planner, sql_database_url, "")
    folder = planner.settings.mail_folder_path
    assert len(list(folder.glob("*.eml"))) == 1
    restarted = Sender(planner.engine, planner.settings, outbox=planner.outbox,
                       clock=after_the_lease())
    assert restarted.run_once().sent == 1  # the second; the first was found written
    assert [r.status for r in rows(planner)] == [mt.SENT, mt.SENT]
    assert len(list(folder.glob("*.eml"))) == 2


def test_a_sender_gone_before_the_transfer_loses_nothing(
        sql_database_url: str, make_planner: Any, greeting_rule: None,
        smtp_server: SmtpServer) -> None:
    planner = make_planner(sql_database_url)
    register(planner, "Anna Weiß", "anna@example.org")
    [mail] = rows(planner)
    gone = Sender(planner.engine, planner.settings, transport=SmtpTransport(smtp_server.url))
    assert gone._claim(mail.id) is not None  # claimed, then the process vanished
    soon = Sender(planner.engine, planner.settings, transport=SmtpTransport(smtp_server.url))
    assert soon.run_once().sent == 0  # the claim still holds
    restarted = Sender(planner.engine, planner.settings,
                       transport=SmtpTransport(smtp_server.url), clock=after_the_lease())
    assert restarted.run_once().sent == 1
    assert smtp_server.inbox.message_ids() == [mail.message_id]
