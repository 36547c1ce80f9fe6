"""The sender: takes due mails from the outbox, sends each once, marks it, retries failures.

Each mail goes through these steps, each one committed before the next:
1. claim: the row gets this round's token and a lease (`claimed_until`); two senders (the
   web server's thread and `planner mail send`, or several workers) never take one mail.
2. prepare: connect, STARTTLS, log in, MAIL FROM, RCPT TO. Nothing is delivered yet, so a
   failure here is simply retried later.
3. the attempt is recorded as `transferring`, then DATA is sent.
4. the server's answer is recorded: accepted -> the mail is `sent`; 4xx or a broken
   connection -> `pending` again with back-off; 5xx -> `failed`.

A crash between 3 and 4 leaves an attempt whose outcome is unknown: the server may have
accepted the message. Once the claim's lease has run out (the sender is gone), `recover`
asks the transport: the folder knows whether the .eml file is there (sent, or sent again
safely); an SMTP server cannot be asked, so the mail becomes `unconfirmed` and is NOT sent
again automatically: nobody gets a message twice. The organiser's Mail page shows it and can
send it again (with the same Message-ID, which clients use to recognise a duplicate). The
window is the DATA transfer alone: a crash before step 3 loses nothing, the mail is retried.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, insert, or_, select, update
from sqlalchemy.engine import Connection, Engine

from planner.mail import tables as mt
from planner.mail.message import build_message, envelope_sender
from planner.mail.outbox import Outbox, now
from planner.mail.transport import (
    Deferred,
    FolderTransport,
    Refused,
    SmtpTransport,
    Transport,
)
from planner.settings import Settings

log = logging.getLogger(__name__)
LEASE = timedelta(minutes=5)
FIRST_RETRY = timedelta(minutes=1)
LAST_RETRY = timedelta(hours=6)
MAX_ATTEMPTS = 12
"""Failed attempts after which a mail is given up (about two days of back-off)."""
ROUND = 100


def back_off(attempts: int) -> timedelta:
    """Wait before the next try after `attempts` failed ones: 1, 2, 4 ... minutes, at most
    six hours."""
    return min(FIRST_RETRY * 2 ** max(attempts - 1, 0), LAST_RETRY)


def transport_for(settings: Settings) -> Transport:
    if settings.mail_smtp_url:
        return SmtpTransport(settings.mail_smtp_url)
    return FolderTransport(settings.mail_folder_path)


@dataclass
class Round:
    """What one round did."""

    sent: int = 0
    deferred: int = 0
    failed: int = 0
    unconfirmed: int = 0
    errors: list[str] = field(default_factory=list)


class Sender:
    def __init__(self, engine: Engine, settings: Settings, *, outbox: Outbox | None = None,
                 transport: Transport | None = None,
                 clock: Callable[[], datetime] | None = None,
                 lease: timedelta = LEASE) -> None:
        self.engine = engine
        self.settings = settings
        self.outbox = outbox
        self.transport = transport or transport_for(settings)
        self.clock = clock or now
        self.lease = lease
        self.after_accepted: Callable[[Any], None] | None = None
        """Tests only: called between the server's acceptance and the marking."""

    # -- a round --------------------------------------------------------------------------
    def run_once(self, limit: int = ROUND) -> Round:
        """Derive what is new, settle interrupted attempts, then send what is due."""
        if self.outbox is not None:
            self.outbox.catch_up()
        done = Round()
        self.recover(done)
        try:
            for mail_id in self._due(limit):
                row = self._claim(mail_id)
                if row is not None:
                    self._send(row, done)
        finally:
            self.transport.close()
        return done

    def _due(self, limit: int) -> list[int]:
        o = mt.outbox.c
        moment = self.clock()
        with self.engine.connect() as conn:
            return list(conn.execute(
                select(o.id).where(o.status == mt.PENDING,
                                   or_(o.next_try_at.is_(None), o.next_try_at <= moment),
                                   or_(o.claimed_until.is_(None), o.claimed_until < moment))
                .order_by(o.id).limit(limit)).scalars())

    def _claim(self, mail_id: int) -> Any:
        o = mt.outbox.c
        token, moment = uuid.uuid4().hex, self.clock()
        with self.engine.begin() as conn:
            claimed = conn.execute(
                update(mt.outbox).where(o.id == mail_id, o.status == mt.PENDING,
                                        or_(o.claimed_until.is_(None),
                                            o.claimed_until < moment))
                .values(claim=token, claimed_until=moment + self.lease)).rowcount
            if not claimed:
                return None  # another sender took it
            return conn.execute(select(mt.outbox).where(o.id == mail_id)).one()

    def _send(self, row: Any, done: Round) -> None:
        attempt = None
        try:
            message = build_message(row, self.settings)
            self.transport.prepare(envelope_sender(self.settings), row.recipient)
            attempt = self._attempt(row.id)
            self.transport.transfer(message)
        except Deferred as error:
            self._failed(row, attempt, str(error), permanent=False, done=done)
            return
        except (Refused, ValueError) as error:  # ValueError: a header the library refuses
            self._failed(row, attempt, str(error), permanent=True, done=done)
            return
        if self.after_accepted is not None:
            self.after_accepted(row)
        with self.engine.begin() as conn:
            self._finish(conn, attempt, "accepted")
            self._mark(conn, row, status=mt.SENT, sent_at=self.clock(),
                       attempts=row.attempts + 1, last_error="", next_try_at=None)
        done.sent += 1

    def _attempt(self, mail_id: int) -> int:
        with self.engine.begin() as conn:
            return int(conn.execute(insert(mt.attempts).values(
                mail_id=mail_id, transport=self.transport.name, started_at=self.clock(),
                outcome="transferring", error="")).inserted_primary_key[0])

    def _failed(self, row: Any, attempt: int | None, error: str, *, permanent: bool,
                done: Round) -> None:
        tries = row.attempts + 1
        give_up = permanent or tries >= MAX_ATTEMPTS
        with self.engine.begin() as conn:
            if attempt is None:
                attempt = int(conn.execute(insert(mt.attempts).values(
                    mail_id=row.id, transport=self.transport.name, started_at=self.clock(),
                    outcome="transferring", error="")).inserted_primary_key[0])
            self._finish(conn, attempt, "refused" if permanent else "deferred", error)
            self._mark(conn, row, status=mt.FAILED if give_up else mt.PENDING,
                       attempts=tries, last_error=error[:2000],
                       next_try_at=None if give_up else self.clock() + back_off(tries))
        log.warning("mail %s to %s: %s", row.message_id, row.recipient, error)
        done.errors.append(f"{row.recipient}: {error}")
        if give_up:
            done.failed += 1
        else:
            done.deferred += 1

    def _finish(self, conn: Connection, attempt: int | None, outcome: str,
                error: str = "") -> None:
        if attempt is not None:
            conn.execute(update(mt.attempts).where(mt.attempts.c.id == attempt)
                         .values(outcome=outcome, finished_at=self.clock(), error=error[:2000]))

    @staticmethod
    def _mark(conn: Connection, row: Any, **values: Any) -> None:
        conn.execute(update(mt.outbox).where(mt.outbox.c.id == row.id,
                                             mt.outbox.c.claim == row.claim)
                     .values(claim="", claimed_until=None, **values))

    # -- after a crash --------------------------------------------------------------------
    def recover(self, done: Round | None = None) -> int:
        """Settle the attempts a vanished sender left open (see the module docstring)."""
        o, a = mt.outbox.c, mt.attempts.c
        moment, settled = self.clock(), 0
        with self.engine.connect() as conn:
            open_attempts = list(conn.execute(
                select(a.id.label("attempt"), mt.outbox)
                .join(mt.outbox, o.id == a.mail_id)
                .where(a.outcome == "transferring", o.status == mt.PENDING,
                       and_(o.claimed_until.is_not(None), o.claimed_until < moment))))
        for row in open_attempts:
            found = self.transport.delivered(row.message_id)
            with self.engine.begin() as conn:
                if found:
                    self._finish(conn, row.attempt, "accepted", "found delivered after a "
                                                               "restart")
                    self._mark(conn, row, status=mt.SENT, sent_at=moment,
                               attempts=row.attempts + 1)
                elif found is None:
                    self._finish(conn, row.attempt, "unconfirmed", UNCONFIRMED)
                    self._mark(conn, row, status=mt.UNCONFIRMED, attempts=row.attempts + 1,
                               last_error=UNCONFIRMED)
                    if done is not None:
                        done.unconfirmed += 1
                else:
                    self._finish(conn, row.attempt, "deferred", "interrupted before delivery")
                    self._mark(conn, row, attempts=row.attempts + 1,
                               last_error="interrupted before delivery", next_try_at=None)
            settled += 1
        return settled


UNCONFIRMED = ("the sender stopped while the server was taking this mail; it may have "
               "arrived, so it is not sent again unless you ask")


def send_again(engine: Engine, mail_id: int) -> bool:
    """An organiser's choice: a failed or unconfirmed mail goes out again (same
    Message-ID). True when the mail was in one of those states."""
    o = mt.outbox.c
    with engine.begin() as conn:
        return bool(conn.execute(
            update(mt.outbox).where(o.id == mail_id, o.status.in_([mt.FAILED,
                                                                 mt.UNCONFIRMED]))
            .values(status=mt.PENDING, next_try_at=None, claim="", claimed_until=None))
            .rowcount)
