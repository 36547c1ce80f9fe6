"""Which trips and meetings ever named a person: the index behind a person's as-of calendar.

A person's calendar as of a moment needs the trips they were a member of and the meetings they
attended then. Every such record named them in an event at or before that moment (a member
added, a meeting scheduled with them, an attendee added), so this index keeps one row per such
event and the as-of view replays just those records, however long the rest of the log is.

It is derived from the events like any read model: each save indexes its own events in its
transaction, and it catches up at start-up and before
every query (events another process wrote), under a lock on its position row so that two
processes never index an event twice. If the event log was replaced (its last position is
behind the index's), it is rebuilt from the start.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any, NamedTuple
from uuid import UUID

from sqlalchemy import (
    BigInteger,
    Column,
    DateTime,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    delete,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError

from planner.domain.meeting import Meeting
from planner.domain.trip import Trip

PAGE = 2000  # events read at once while catching up
metadata = MetaData()
_ID = BigInteger().with_variant(Integer(), "sqlite")
NAME = "people"

audit_person_links = Table(
    "audit_person_links", metadata,
    Column("position", _ID, primary_key=True, autoincrement=False),
    Column("person_id", String(36), primary_key=True),
    Column("record_id", String(36), nullable=False),
    Column("record_kind", String(20), nullable=False),
    Column("occurred_at", DateTime(timezone=False), nullable=False),
    Index("audit_person_links_person", "person_id", "occurred_at"),
)

audit_person_index = Table(
    "audit_person_index", metadata,
    Column("name", String(32), primary_key=True),
    Column("position", _ID, nullable=False),
)


def _topic(cls: type) -> str:
    return f"{cls.__module__}:{cls.__qualname__}"


# topic -> (the kind of record, the person ids an event of that topic names)
LINKS: dict[str, tuple[str, Callable[[dict[str, Any]], Iterable[str]]]] = {
    _topic(Trip.MemberAdded): ("trip", lambda s: [s.get("person_id", "")]),
    _topic(Trip.MemberChanged): ("trip", lambda s: [s.get("person_id", "")]),
    _topic(Meeting.Scheduled): ("meeting", lambda s: s.get("attendees") or []),
    _topic(Meeting.AttendeeAdded): ("meeting", lambda s: [s.get("person_id", "")]),
}


class PeopleIndex:
    """Keeps `audit_person_links` current for one application's SQL database."""

    def __init__(self, engine: Engine, events: Table,
                 decode: Callable[[bytes], dict[str, Any]]) -> None:
        self.engine = engine
        self.events = events
        self.decode = decode
        metadata.create_all(engine, checkfirst=True)
        try:
            with engine.begin() as conn:
                if conn.execute(select(audit_person_index.c.position)
                                .where(audit_person_index.c.name == NAME)).first() is None:
                    conn.execute(insert(audit_person_index).values(name=NAME, position=0))
        except IntegrityError:
            pass  # another process created the row first

    def catch_up(self) -> None:
        """Index every event written since the last catch-up, in one transaction."""
        c = audit_person_index.c
        with self.engine.connect() as conn:  # a read first: most calls find nothing new
            done = conn.execute(select(c.position).where(c.name == NAME)).scalar()
            if done == (conn.execute(select(func.max(self.events.c.id))).scalar() or 0):
                return
        with self.engine.begin() as conn:
            self.catch_up_on(conn)

    def apply_in_transaction(self, conn: Connection, stored: Any) -> None:
        """A step for a command's own transaction (planner.storage's `in_transaction` hooks):
        the save's events, flushed in `conn`, are indexed before it commits. Usually nothing
        is pending before them, so the position moves on in one statement and the events are
        taken as they were stored, not read back; otherwise the index catches up."""
        first, last = stored[0][0], stored[-1][0]
        c = audit_person_index.c
        moved = conn.execute(update(audit_person_index)
                             .where(c.name == NAME, c.position == first - 1)
                             .values(position=last)).rowcount
        if moved != 1:
            self.catch_up_on(conn)
            return
        self._insert(conn, [_Stored(at, e.originator_id, e.topic, e.state)
                            for at, e in stored if e.topic in LINKS])

    def catch_up_on(self, conn: Connection) -> None:
        """Index, in the caller's transaction, every event after the index's position."""
        c = audit_person_index.c
        conn.execute(update(audit_person_index).where(c.name == NAME)
                     .values(position=c.position))  # the lock: catch-ups queue here
        done = conn.execute(select(c.position).where(c.name == NAME)).scalar_one()
        end = conn.execute(select(func.max(self.events.c.id))).scalar() or 0
        if end < done:  # the log was replaced: index it again from the start
            conn.execute(delete(audit_person_links))
            done = 0
        if end == done:
            return
        # In pages: a first start on a long log written before the index existed would
        # otherwise hold the whole backlog in memory at once.
        after = done
        while rows := conn.execute(select(self.events.c.id, self.events.c.originator_id,
                                          self.events.c.topic, self.events.c.state)
                                   .where(self.events.c.id > after, self.events.c.id <= end,
                                          self.events.c.topic.in_(list(LINKS)))
                                   .order_by(self.events.c.id).limit(PAGE)).all():
            self._insert(conn, rows)
            after = rows[-1].id
        conn.execute(update(audit_person_index).where(c.name == NAME).values(position=end))

    def _insert(self, conn: Connection, rows: Iterable[Any]) -> None:
        links = []
        for row in rows:
            kind, named = LINKS[row.topic]
            try:
                state = self.decode(row.state)
            except Exception:  # noqa: BLE001 - an undecodable event names nobody we can find
                continue
            stamp = state.get("timestamp")
            occurred = (stamp.astimezone(UTC).replace(tzinfo=None)
                        if isinstance(stamp, datetime) else datetime(1970, 1, 1))
            # An id that is not a UUID (an older release stored it unchecked) names nobody.
            for person_id in dict.fromkeys(str(p) for p in named(state) if _is_uuid(p)):
                links.append({"position": row.id, "person_id": person_id,
                              "record_id": str(row.originator_id), "record_kind": kind,
                              "occurred_at": occurred})
        if links:
            conn.execute(insert(audit_person_links), links)

    def records_naming(self, person_id: str, before: datetime) -> dict[str, list[str]]:
        """Ids of the trips and meetings that named the person at or before a moment (UTC),
        by kind, in the order they first did."""
        self.catch_up()
        link = audit_person_links.c
        query = (select(link.record_kind, link.record_id, func.min(link.position).label("first"))
                 .where(link.person_id == person_id,
                        link.occurred_at <= before.astimezone(UTC).replace(tzinfo=None))
                 .group_by(link.record_kind, link.record_id).order_by("first"))
        found: dict[str, list[str]] = {"trip": [], "meeting": []}
        with self.engine.connect() as conn:
            for kind, record_id, _first in conn.execute(query):
                found[kind].append(record_id)
        return found


class _Stored(NamedTuple):
    """A just-stored event, shaped like a row of the events table as _insert reads it."""

    id: int
    originator_id: Any
    topic: str
    state: bytes


def people_index_for(planner: Any) -> PeopleIndex | None:
    """The index of a built Planner (created on first use), or None on in-memory storage."""
    if planner.engine is None:
        return None
    found = getattr(planner, "_people_index", None)
    if found is None:
        found = PeopleIndex(planner.engine, planner.events_table,
                            planner.app.mapper.transcoder.decode)
        planner._people_index = found
    return found


def attach(planner: Any) -> None:
    """Start-up (bootstrap): catch up now, then index every save in its own transaction."""
    index = people_index_for(planner)
    if index is not None:
        index.catch_up()
        planner.app.recorder.in_transaction.append(index.apply_in_transaction)


def _is_uuid(value: object) -> bool:
    try:
        UUID(str(value))
    except ValueError:
        return False
    return bool(value)
