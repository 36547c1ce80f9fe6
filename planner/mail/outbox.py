"""The outbox: mails derived from events, written in the transaction that stores the events.

`Outbox.in_transaction` is a step of planner.storage's recorder, registered after the read
models' step (so rules read rows that already show the save). It moves the outbox's own
position (`mail_position`) from the save's first event - 1 to its last and writes the mails
the rules make, all before the commit: a crash rolls the events, the position and the mails
back together, and nothing is derived twice.

Events the outbox did not see in their own transaction (a raw insert, or a backlog longer
than `IN_TRANSACTION_BACKLOG`) are derived by `catch_up`, the same loop as the read models'
(planner.readmodel.projector): each batch is one transaction that first locks the position
row (PostgreSQL: SELECT ... FOR UPDATE; SQLite: BEGIN IMMEDIATE), so two processes never
derive an event twice. The sender runs it before each round.

History is never mailed: a new outbox starts at the log's current end, an imported log and
the demo's invented past are passed over (`skip_to_end`, `quiet`). A read-model rebuild does
not touch these tables at all.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

from eventsourcing.persistence import Mapper, StoredEvent
from sqlalchemy import Table, func, insert, select, text, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError

from planner.mail import tables as mt
from planner.mail.rules import (
    MailContext,
    OutgoingMail,
    Rule,
    event_id,
    has_rules,
    load_rules,
    message_id,
    rule_name,
    rules_for,
)
from planner.readmodel import tables as rm
from planner.settings import Settings
from planner.storage.recorder import Stored

log = logging.getLogger(__name__)
NAME = "outbox"
BATCH = 500
IN_TRANSACTION_BACKLOG = 200
COMPOSE_FAILED = "the mail could not be composed: "

_quiet: ContextVar[bool] = ContextVar("mail_quiet", default=False)
_MOVE_IF_AT = text("UPDATE mail_position SET position = :last "
                   "WHERE name = :name AND position = :at")
_POSITION = text("SELECT position FROM mail_position WHERE name = :name")
_LOCKED_POSITION = text("SELECT position FROM mail_position WHERE name = :name FOR UPDATE")


@contextmanager
def quiet() -> Iterator[None]:
    """Saves inside this block are passed over by the outbox (the demo's invented history)."""
    token = _quiet.set(True)
    try:
        yield
    finally:
        _quiet.reset(token)


def now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Outbox:
    """Derives the mails of one database's events (see the module docstring)."""

    def __init__(self, engine: Engine, mapper: Mapper[Any], events: Table,
                 settings: Settings) -> None:
        self.engine = engine
        self.mapper = mapper
        self.events = events
        self.settings = settings
        self._sqlite = engine.dialect.name == "sqlite"

    def setup(self) -> None:
        """Create the tables; a new outbox starts after the last stored event."""
        load_rules()
        mt.create_tables(self.engine)
        try:
            with self.engine.begin() as conn:
                if conn.execute(_POSITION, {"name": NAME}).first() is None:
                    last = conn.execute(select(func.max(self.events.c.id))).scalar() or 0
                    conn.execute(insert(mt.position).values(name=NAME, position=last))
        except IntegrityError:
            pass  # another process made the row first

    def position(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(_POSITION, {"name": NAME}).scalar_one())

    # -- the command's step ---------------------------------------------------------------
    def in_transaction(self, conn: Connection, stored: Stored) -> None:
        first, last = stored[0][0], stored[-1][0]
        if conn.execute(_MOVE_IF_AT, {"name": NAME, "at": first - 1, "last": last}).rowcount:
            if not _quiet.get():
                self._derive(conn, [(at, self.mapper.to_domain_event(e)) for at, e in stored
                                    if has_rules(e.topic)])
            return
        position = int(conn.execute(_POSITION if self._sqlite else _LOCKED_POSITION,
                                    {"name": NAME}).scalar_one())
        if first - 1 - position > IN_TRANSACTION_BACKLOG:
            return  # left to catch_up, which the sender runs before each round
        items = [(row.id, self._decode(row)) for row in self._rows(conn, position, first - 1)
                 if has_rules(row.topic)]
        items += [(at, self.mapper.to_domain_event(e)) for at, e in stored
                  if at > position and has_rules(e.topic)]
        if not _quiet.get():
            self._derive(conn, items)
        conn.execute(update(mt.position).where(mt.position.c.name == NAME)
                     .values(position=max(position, last)))

    # -- catching up ----------------------------------------------------------------------
    def catch_up(self) -> int:
        """Derive the mails of every event after the position; returns the events seen."""
        seen = 0
        with self.engine.connect() as conn:
            while True:
                with conn.begin():
                    if self._sqlite:
                        conn.exec_driver_sql("BEGIN IMMEDIATE")
                    position = int(conn.execute(
                        _POSITION if self._sqlite else _LOCKED_POSITION,
                        {"name": NAME}).scalar_one())
                    rows = self._rows(conn, position, None, limit=BATCH)
                    if not rows:
                        return seen
                    self._derive(conn, [(row.id, self._decode(row)) for row in rows
                                        if has_rules(row.topic)])
                    conn.execute(update(mt.position).where(mt.position.c.name == NAME)
                                 .values(position=rows[-1].id))
                seen += len(rows)

    def skip_to_end(self, conn: Connection | None = None) -> None:
        """Pass over every stored event (an import of a log: its past is not news), in the
        caller's transaction if given."""
        if conn is None:
            with self.engine.begin() as own:
                self.skip_to_end(own)
            return
        last = conn.execute(select(func.max(self.events.c.id))).scalar() or 0
        conn.execute(update(mt.position).where(mt.position.c.name == NAME)
                     .values(position=last))

    # -- deriving -------------------------------------------------------------------------
    def _derive(self, conn: Connection, items: list[tuple[int, Any]]) -> None:
        rows: dict[str, dict[str, Any]] = {}
        for at, event in items:
            rules = rules_for(event)
            if not rules:
                continue
            context = MailContext(conn=conn, settings=self.settings, position=at)
            for rule in rules:
                for row in self._apply(rule, event, context):
                    rows.setdefault(row["message_id"], row)
        if rows:
            conn.execute(insert(mt.outbox), list(rows.values()))

    def _apply(self, rule: Rule, event: Any, context: MailContext) -> list[dict[str, Any]]:
        """The rows of one rule's mails. A rule that fails does not fail the command (its
        change is valid; the mail is what went wrong): a failed row says so on the Mail
        page, and the error is logged."""
        try:
            mails = rule(event, context)
        except Exception as error:  # noqa: BLE001 - shown to the organiser, see above
            log.exception("mail rule %s failed on event %s", rule_name(rule), event_id(event))
            failed = OutgoingMail(recipient="", subject=f"({rule_name(rule)})", text="")
            row = self._row(rule, event, failed, context)
            row.update(status=mt.FAILED, last_error=f"{COMPOSE_FAILED}{error!r}"[:2000])
            return [row]
        return [self._row(rule, event, mail, context) for mail in mails]

    def _row(self, rule: Rule, event: Any, mail: OutgoingMail,
             context: MailContext) -> dict[str, Any]:
        return {
            "message_id": message_id(event, rule, mail, self.settings.calendar_domain),
            "position": context.position, "event_id": event_id(event),
            "rule": rule_name(rule)[:120], "recipient": mail.recipient.strip(),
            "recipient_name": mail.recipient_name, "subject": mail.subject,
            "text_body": mail.text, "html_body": mail.html, "calendar": mail.calendar,
            "calendar_method": mail.calendar_method.upper(), "person_id": mail.person_id,
            "meeting_id": mail.meeting_id, "trip_id": mail.trip_id,
            "organisation_id": mail.organisation_id or _owner(context.conn, mail),
            "created_at": now(), "status": mt.PENDING, "attempts": 0, "last_error": "",
            "next_try_at": None, "sent_at": None, "claim": "", "claimed_until": None,
        }

    def _rows(self, conn: Connection, after: int, upto: int | None, *,
              limit: int | None = None) -> list[Any]:
        ev = self.events.c
        query = (select(ev.id, ev.originator_id, ev.originator_version, ev.topic, ev.state)
                 .where(ev.id > after).order_by(ev.id))
        if upto is not None:
            query = query.where(ev.id <= upto)
        if limit is not None:
            query = query.limit(limit)
        return list(conn.execute(query))

    def _decode(self, row: Any) -> Any:
        state = row.state if isinstance(row.state, bytes) else bytes(row.state)
        return self.mapper.to_domain_event(StoredEvent(
            originator_id=row.originator_id, originator_version=row.originator_version,
            topic=row.topic, state=state))


def _owner(conn: Connection, mail: OutgoingMail) -> str:
    """The organisation whose organisers see a mail: the trip's, else the person's."""
    if mail.trip_id:
        found = conn.execute(select(rm.trips.c.owner_org_id)
                             .where(rm.trips.c.id == mail.trip_id)).scalar()
        if found:
            return str(found)
    if mail.person_id:
        found = conn.execute(select(rm.people.c.owner_org_id)
                             .where(rm.people.c.id == mail.person_id)).scalar()
        if found:
            return str(found)
    return ""


def outbox_for(planner: Any) -> Outbox | None:
    if planner.engine is None:
        return None
    return Outbox(planner.engine, planner.app.mapper, planner.events_table, planner.settings)


def attach(planner: Any) -> None:
    """Start-up (bootstrap): derive mails in every save's transaction, after the read
    models' step."""
    outbox = outbox_for(planner)
    if outbox is None:
        return
    outbox.setup()
    planner.app.recorder.in_transaction.append(outbox.in_transaction)
    planner.outbox = outbox
