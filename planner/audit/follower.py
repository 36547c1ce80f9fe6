"""Keeps the chain and the log index current as events are written, exactly once.

Each batch is one transaction that first locks the follower's row (an UPDATE, which takes a
row lock on PostgreSQL and the write lock on SQLite), then reads the events after the last
chained position, appends their links and index rows, and moves the position. Two processes
catching up at once therefore queue on that row instead of chaining an event twice; a crash
rolls the whole batch back.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Table, and_, delete, func, insert, select, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError, OperationalError

from planner.audit.chain import FOLLOWER, GENESIS, StoredRow, next_link, stored_row
from planner.audit.tables import audit_chain, audit_follower, audit_log, create_tables

log = logging.getLogger(__name__)
BATCH = 500
INDEX = "index"
INDEX_VERSION = 2  # bump when what audit_log holds changes: start-up re-indexes the log
KINDS = {"Trip": "trip", "Meeting": "meeting", "CompanyProfile": "company profile",
         "Agreement": "agreement", "Person": "person", "Account": "account",
         "AuditTrail": "audit trail"}
_LABEL_FIELDS = ("name", "title", "owner", "email")  # a person has a name and a job title


def event_type(topic: str) -> str:
    """'planner.domain.meeting:Meeting.Moved' -> 'Meeting.Moved'."""
    return topic.rpartition(":")[2]


def kind_name(class_name: str) -> str:
    """'CompanyProfile' -> 'company profile': the kind of record an aggregate class holds."""
    return KINDS.get(class_name, class_name.lower())


def record_kind(topic: str) -> str:
    return kind_name(event_type(topic).partition(".")[0])


class AuditFollower:
    """Chains and indexes the stored events of one application's SQL database."""

    def __init__(self, engine: Engine, events: Table,
                 decode: Callable[[bytes], dict[str, Any]]) -> None:
        self.engine = engine
        self.events = events
        self.decode = decode

    def setup(self) -> None:
        """Create the tables and rows; re-index the log if the index rules changed."""
        create_tables(self.engine)
        try:
            with self.engine.begin() as conn:
                found = conn.execute(select(audit_follower.c.name)
                                     .where(audit_follower.c.name == FOLLOWER)).first()
                if found is None:
                    conn.execute(insert(audit_follower), [
                        {"name": FOLLOWER, "position": 0, "link": GENESIS},
                        {"name": INDEX, "position": INDEX_VERSION, "link": ""}])
        except IntegrityError:
            pass  # another process created the rows first
        with self.engine.connect() as conn:
            version = conn.execute(select(audit_follower.c.position)
                                   .where(audit_follower.c.name == INDEX)).scalar()
        if version != INDEX_VERSION:
            self.reindex()

    def reindex(self) -> None:
        """Rebuild the log index (never the chain) from the events already chained."""
        with self.engine.begin() as conn:
            conn.execute(update(audit_follower).where(audit_follower.c.name == FOLLOWER)
                         .values(position=audit_follower.c.position))
            end = conn.execute(select(audit_follower.c.position)
                               .where(audit_follower.c.name == FOLLOWER)).scalar_one()
            conn.execute(delete(audit_log))
            after = 0
            while rows := conn.execute(select(self.events).where(
                    self.events.c.id > after, self.events.c.id <= end)
                    .order_by(self.events.c.id).limit(BATCH)).all():
                conn.execute(insert(audit_log), self._index_rows(conn, rows))
                after = rows[-1].id
            conn.execute(delete(audit_follower).where(audit_follower.c.name == INDEX))
            conn.execute(insert(audit_follower).values(name=INDEX, position=INDEX_VERSION,
                                                       link=""))

    def catch_up(self, progress: Callable[[int], None] | None = None) -> int:
        """Chain and index every event not yet chained; returns how many were added."""
        total = 0
        while True:
            added = self._batch()
            total += added
            if progress and added:
                progress(total)
            if added < BATCH:
                return total

    def listener(self) -> None:
        """For `app.saved_listeners` and start-up: the save has committed, so a busy database
        only delays the chain, and damaged audit tables are for `planner log verify` to
        report, not a reason to refuse work."""
        try:
            self.catch_up()
        except OperationalError as error:  # e.g. a lock timeout: the next catch-up retries
            log.error("audit chain catch-up postponed: %s", error)
        except IntegrityError as error:  # links already there: the audit tables were altered
            log.error("audit chain catch-up failed (run 'planner log verify'): %s", error)

    def _batch(self) -> int:
        with self.engine.begin() as conn:
            conn.execute(update(audit_follower).where(audit_follower.c.name == FOLLOWER)
                         .values(position=audit_follower.c.position))
            position, link = conn.execute(
                select(audit_follower.c.position, audit_follower.c.link)
                .where(audit_follower.c.name == FOLLOWER)).one()
            rows = conn.execute(select(self.events).where(self.events.c.id > position)
                                .order_by(self.events.c.id).limit(BATCH)).all()
            if not rows:
                return 0
            links = []
            for record in rows:
                link = next_link(link, stored_row(record))
                links.append({"position": record.id, "link": link})
            conn.execute(insert(audit_chain), links)
            conn.execute(insert(audit_log), self._index_rows(conn, rows))
            conn.execute(update(audit_follower).where(audit_follower.c.name == FOLLOWER)
                         .values(position=rows[-1].id, link=link))
        return len(rows)

    def _index_rows(self, conn: Connection, records: list[Any]) -> list[dict[str, Any]]:
        """Index rows for a batch; each record's label and parent carry on from its last row."""
        ids = sorted({str(r.originator_id) for r in records})
        c = audit_log.c
        # Only each record's last row: a long-lived record (an auditor's trail grows with every
        # page viewed) would otherwise have its whole history read again on every save.
        last = (select(c.record_id, func.max(c.record_version).label("version"))
                .where(c.record_id.in_(ids)).group_by(c.record_id).subquery())
        known = {record_id: (label, parent) for record_id, label, parent in conn.execute(
            select(c.record_id, c.label, c.parent_id).join(
                last, and_(c.record_id == last.c.record_id, c.record_version == last.c.version)))}
        return [self._index_row(stored_row(r), known) for r in records]

    def _index_row(self, row: StoredRow, known: dict[str, tuple[str, str]]) -> dict[str, Any]:
        """Who did what to which record, when and why."""
        try:
            state = self.decode(row.state)
        except Exception:  # noqa: BLE001 - an undecodable payload is still chained and listed
            state = {}
        record_id = row.originator_id
        label, parent = known.get(record_id, ("", ""))
        if row.originator_version == 1 or event_type(row.topic).endswith(".DetailsChanged"):
            # Only the record's own fields name it: a PartyAdded or ContactAdded event has a
            # `name` too, but it is the party's or the contact's.
            label = next((str(state[f]) for f in _LABEL_FIELDS if state.get(f)), label)
        parent = str(state.get("trip_id") or "") or parent
        known[record_id] = (label, parent)
        stamp = state.get("timestamp")
        occurred = (stamp.astimezone(UTC).replace(tzinfo=None) if isinstance(stamp, datetime)
                    else datetime(1970, 1, 1))
        return {"position": row.position, "record_id": record_id,
                "record_kind": record_kind(row.topic), "record_version": row.originator_version,
                "event_type": event_type(row.topic), "actor": str(state.get("actor", "")),
                "occurred_at": occurred, "reason": str(state.get("reason", "")),
                "label": label[:500], "parent_id": parent}


def follower_for(planner: Any) -> AuditFollower | None:
    """The follower of a built Planner, or None on in-memory storage."""
    if planner.engine is None:
        return None
    app = planner.app
    return AuditFollower(planner.engine, app.recorder.events_record_cls.__table__,
                         app.mapper.transcoder.decode)


def attach(planner: Any) -> None:
    """Start-up: create the tables, catch up, and catch up again after every save."""
    follower = follower_for(planner)
    if follower is None:
        return
    follower.setup()
    follower.listener()
    planner.app.saved_listeners.append(follower.listener)
    planner.audit_follower = follower
