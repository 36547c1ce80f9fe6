"""A real SMTP server (aiosmtpd on 127.0.0.1) and a mail rule for the outbox tests."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from dataclasses import dataclass, field
from email import message_from_bytes
from email.message import Message
from email.policy import default
from typing import Any

import pytest
from aiosmtpd.controller import Controller

from planner.domain.person import Person
from planner.mail.rules import MailContext, OutgoingMail, mail_rule, remove_rule


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Inbox:
    """What the server accepted; `answer` replaces its reply to DATA (e.g. "451 ...")."""

    received: list[tuple[str, list[str], bytes]] = field(default_factory=list)
    answer: str = ""
    refuse_rcpt: str = ""

    async def handle_RCPT(self, server: Any, session: Any, envelope: Any, address: str,
                          options: Any) -> str:
        if self.refuse_rcpt:
            return self.refuse_rcpt
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server: Any, session: Any, envelope: Any) -> str:
        if self.answer:
            return self.answer
        self.received.append((envelope.mail_from, list(envelope.rcpt_tos),
                               bytes(envelope.original_content or envelope.content)))
        return "250 Message accepted for delivery"

    def messages(self) -> list[Message]:
        return [message_from_bytes(raw, policy=default) for _f, _t, raw in self.received]

    def message_ids(self) -> list[str]:
        return [str(m["Message-ID"]) for m in self.messages()]


@dataclass
class SmtpServer:
    inbox: Inbox
    port: int

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"


@pytest.fixture
def smtp_server() -> Iterator[SmtpServer]:
    """aiosmtpd on 127.0.0.1 at a free port, stopped after the test."""
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield SmtpServer(inbox, port)
    finally:
        controller.stop()


def greet(event: Any, context: MailContext) -> list[OutgoingMail]:
    """The tests' rule: a registered person with an address is greeted."""
    if not event.email:
        return []
    if event.name == "Fails To Compose":
        raise RuntimeError("a broken rule")
    return [OutgoingMail(recipient=event.email, recipient_name=event.name,
                         subject=f"Welcome, {event.name}", text="You are registered.",
                         html=f"<p>You are registered, {event.name}.</p>",
                         person_id=str(event.originator_id))]


@pytest.fixture
def greeting_rule() -> Iterator[None]:
    mail_rule(Person.Registered)(greet)
    try:
        yield
    finally:
        remove_rule(greet)
