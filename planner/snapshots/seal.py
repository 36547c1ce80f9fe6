"""The seal of each stored snapshot: an HMAC of its row, under a key kept outside the database.

Whoever can edit the snapshot table can edit this one too, but cannot compute a matching
digest without the key, so an edited, moved or copied snapshot row is recognised on load.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from eventsourcing.persistence import StoredEvent
from sqlalchemy import (
    BigInteger,
    Column,
    Integer,
    MetaData,
    String,
    Table,
    and_,
    delete,
    insert,
    select,
)
from sqlalchemy.engine import Engine

KEY_FILE = "chain_key"  # the audit chain's key file; the seals use a key derived from it
PURPOSE = b"planner snapshot seal v1"
metadata = MetaData()
_ID = BigInteger().with_variant(Integer(), "sqlite")



def seal_table(id_type: Any) -> Table:
    """The seal table; its ids have the snapshot table's id type, so the two join directly."""
    if (found := metadata.tables.get("snapshot_seals")) is not None:
        return found
    return Table("snapshot_seals", metadata,
                 Column("originator_id", id_type, primary_key=True),
                 Column("originator_version", _ID, primary_key=True, autoincrement=False),
                 Column("digest", String(64), nullable=False))


@dataclass(frozen=True)
class SealedRow:
    """A stored snapshot and the digest recorded for it ("" when it has none)."""

    stored: StoredEvent
    digest: str


class SnapshotSeal:
    """Writes, reads and checks sealed snapshots in the application's snapshot table."""

    def __init__(self, key: bytes, engine: Engine, recorder: Any) -> None:
        self.key = hmac.new(key, PURPOSE, hashlib.sha256).digest()
        self.engine = engine
        self.recorder = recorder  # the library's snapshot recorder (its table and sessions)
        self.table: Table = recorder.events_record_cls.__table__
        self.seals = seal_table(self.table.c.originator_id.type)
        metadata.create_all(engine, checkfirst=True)

    def digest(self, stored: StoredEvent) -> str:
        """HMAC-SHA256 over the record id, version, topic and stored state (length-prefixed)."""
        mac = hmac.new(self.key, digestmod=hashlib.sha256)
        for part in (str(stored.originator_id).encode(), str(stored.originator_version).encode(),
                     stored.topic.encode(), bytes(stored.state)):
            mac.update(len(part).to_bytes(8, "big"))
            mac.update(part)
        return mac.hexdigest()

    def is_intact(self, row: SealedRow) -> bool:
        return bool(row.digest) and hmac.compare_digest(row.digest, self.digest(row.stored))

    def put(self, stored: StoredEvent) -> None:
        """Store a snapshot and its seal in one transaction."""
        with self.recorder.transaction(commit=True) as session:
            self.recorder._insert_stored_events(session, [stored])
            session.execute(insert(self.seals).values(
                originator_id=stored.originator_id,
                originator_version=stored.originator_version, digest=self.digest(stored)))

    def latest(self, record_id: UUID, lte: int | None = None) -> SealedRow | None:
        """The record's last snapshot (at or before version `lte`), with its seal: one query."""
        rows = self._select(self.table.c.originator_id == record_id, lte=lte, limit=1)
        return rows[0] if rows else None

    def every(self) -> list[SealedRow]:
        """Every stored snapshot with its seal (for verification)."""
        return self._select(None)

    def drop(self, stored: StoredEvent) -> None:
        """Delete a snapshot and its seal: snapshots are a cache of the events, never the truth."""
        t = self.table
        with self.recorder.transaction(commit=True) as session:
            session.execute(delete(t).where(t.c.originator_id == stored.originator_id,
                                            t.c.originator_version == stored.originator_version))
            session.execute(delete(self.seals).where(
                self.seals.c.originator_id == stored.originator_id,
                self.seals.c.originator_version == stored.originator_version))

    def _select(self, where: Any, *, lte: int | None = None,
                limit: int | None = None) -> list[SealedRow]:
        t, s = self.table, self.seals
        joined = t.outerjoin(s, and_(s.c.originator_id == t.c.originator_id,
                                     s.c.originator_version == t.c.originator_version))
        query = select(t.c.originator_id, t.c.originator_version, t.c.topic, t.c.state,
                       s.c.digest).select_from(joined)
        if where is not None:
            query = query.where(where)
        if lte is not None:
            query = query.where(t.c.originator_version <= lte)
        query = query.order_by(t.c.originator_id, t.c.originator_version.desc())
        if limit is not None:
            query = query.limit(limit)
        with self.recorder.transaction(commit=False) as session:
            rows = session.execute(query).all()
        return [SealedRow(StoredEvent(originator_id=r.originator_id,
                                      originator_version=r.originator_version, topic=r.topic,
                                      state=bytes(r.state)), r.digest or "") for r in rows]

