"""Keeps the chain and the log index current: in each command's own transaction.

`chain_in_transaction` is a step of planner.storage's recorder: after a save's events are
flushed, and before the commit, it links the events (keyed, see planner.audit.chain) to the
last link and writes their index rows. The events table is locked until the commit (that lock
is what orders the chain; `rechain` and `reindex` take it too), so commands of several
processes chain in log order, and a crash rolls the events, links and index rows back
together: nothing is chained twice or left out.

Events found between the last indexed position and the command's own were stored outside the
planner (a raw INSERT; the planner's own events always come with their link): they are indexed,
so the log browser shows them, but never linked, so `planner log verify` reports them as
forged. Nothing chains events after the fact any more, except two explicit steps that vouch
for a log that was checked first: `rechain` after an import (the file was verified) and after
`planner log rekey` (the earlier, unkeyed chain was verified).

There is no catch-up loop here, so the library's projection runner has nothing to replace:
the links must be written by the transaction that stores the events, not after it.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
from typing import Any

from sqlalchemy import Table, bindparam, delete, func, insert, select, text, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError

from planner.audit.chain import GENESIS, StoredRow, keyed_link, stored_row
from planner.audit.index import (
    KINDS,
    Decode,
    earlier_records,
    event_type,
    index_rows,
    kind_name,
    record_kind,
)
from planner.audit.tables import audit_chain, audit_follower, audit_log, create_tables
from planner.settings import SettingsError
from planner.storage.recorder import Stored

log = logging.getLogger(__name__)
BATCH = 500
INDEX = "index"
INDEX_VERSION = 2  # bump when what audit_log holds changes: start-up re-indexes the log
CHAIN_KEY_FILE = "chain_key"
KEY = "key"

# Built once: reusing a statement spares SQLAlchemy its cache key on every command.
# The last link and the last index row before a save's first event (rows someone put at later
# positions do not make the planner skip its own events: the insert then fails instead).
_LAST_LINK_AND_INDEXED = select(
    select(audit_chain.c.link).where(audit_chain.c.position < bindparam("first"))
    .order_by(audit_chain.c.position.desc()).limit(1).scalar_subquery(),
    select(func.max(audit_log.c.position)).where(audit_log.c.position < bindparam("first"))
    .scalar_subquery())
_LAST_LINK_INDEXED_AND_RECORD = select(
    *_LAST_LINK_AND_INDEXED.selected_columns,
    *(select(column).where(audit_log.c.record_id == bindparam("record_id"))
      .order_by(audit_log.c.record_version.desc()).limit(1).scalar_subquery()
      for column in (audit_log.c.label, audit_log.c.parent_id)))
_INSERT_LINKS = insert(audit_chain)
_FINGERPRINT = select(audit_follower.c.link).where(audit_follower.c.name == KEY)
_INSERT_INDEX = insert(audit_log)

KEY_MISMATCH = (f"[instance] path: the audit chain key there ({CHAIN_KEY_FILE}) is not the key "
                "this database's chain is made with; every process using this database must "
                "use the same instance folder (or a copy of its chain_key file)")


class ChainKeyError(SettingsError):
    """This process's chain key is not the one the database's chain is made with."""


def key_fingerprint(key: bytes) -> str:
    return hmac.new(key, b"planner audit chain key", hashlib.sha256).hexdigest()


def stored_fingerprint(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return conn.execute(_FINGERPRINT).scalar()


__all__ = ["KINDS", "AuditFollower", "attach", "event_type", "follower_for", "kind_name",
           "record_kind"]


class AuditFollower:
    """Chains and indexes the stored events of one application's SQL database."""

    def __init__(self, engine: Engine, events: Table, decode: Decode, key: bytes) -> None:
        self.engine = engine
        self.events = events
        self.decode = decode
        self.key = key
        self._key_checked = False

    def setup(self) -> None:
        """Create the tables and rows; re-index the log if the index rules changed."""
        create_tables(self.engine)
        try:
            with self.engine.begin() as conn:
                found = conn.execute(select(audit_follower.c.name)
                                     .where(audit_follower.c.name == INDEX)).first()
                if found is None:  # a new database, or the row was lost: index from scratch
                    conn.execute(insert(audit_follower).values(name=INDEX, position=0, link=""))
        except IntegrityError:
            pass  # another process created the rows first
        with self.engine.connect() as conn:
            version = conn.execute(select(audit_follower.c.position)
                                   .where(audit_follower.c.name == INDEX)).scalar()
        if version != INDEX_VERSION:
            self.reindex()

    def _check_key(self, conn: Connection) -> None:
        """Every process writing to one database must link with the same key. The database
        keeps the key's fingerprint (an HMAC of a fixed text: it does not reveal the key),
        stored by the first write; a process with another key (another instance folder) is
        refused before it writes a link no other process could check. Reading needs no key:
        a command that only reads works with any instance folder."""
        stored = conn.execute(_FINGERPRINT).scalar()
        if stored is None:
            conn.execute(insert(audit_follower).values(name=KEY, position=0,
                                                       link=key_fingerprint(self.key)))
        elif stored != key_fingerprint(self.key):
            raise ChainKeyError(KEY_MISMATCH)
        else:
            self._key_checked = True  # once per process: the stored fingerprint never changes

    # -- the command's step ---------------------------------------------------------------
    def chain_in_transaction(self, conn: Connection, stored: Stored) -> None:
        """Link and index a save's events inside its transaction (see the module docstring).

        The previous link and the last indexed position are read from the tables themselves,
        so audit tables someone altered are reported by verify, not a reason to refuse work.
        """
        if not self._key_checked:
            self._check_key(conn)
        own = [StoredRow(at, str(e.originator_id), e.originator_version, e.topic, e.state)
               for at, e in stored]
        first = own[0].position
        earlier, known = earlier_records(own), None
        if len(earlier) == 1:  # the usual edit: the record's label and parent come along
            previous, indexed, label, parent = conn.execute(
                _LAST_LINK_INDEXED_AND_RECORD, {"first": first, "record_id": earlier[0]}).one()
            known = {earlier[0]: (label, parent)} if label is not None else {}
        else:
            previous, indexed = conn.execute(_LAST_LINK_AND_INDEXED, {"first": first}).one()
        link, indexed = previous or GENESIS, indexed or 0
        unvouched = [stored_row(r) for r in conn.execute(
            select(self.events).where(self.events.c.id > indexed, self.events.c.id < first)
            .order_by(self.events.c.id))] if first - 1 > indexed else []
        for row in unvouched:
            log.error("audit chain: event %d was stored outside the planner; it is not linked "
                      "('planner log verify' reports it as forged)", row.position)
        if unvouched:
            known = None
        links = []
        for row in own:
            link = keyed_link(self.key, link, row)
            links.append({"position": row.position, "link": link})
        conn.execute(_INSERT_LINKS, links)
        conn.execute(_INSERT_INDEX, index_rows(conn, unvouched + own, self.decode, known))

    # -- explicit, after checking ---------------------------------------------------------
    def rechain(self) -> int:
        """Link and index every stored event afresh with this instance's key, in one
        transaction that keeps writers out. Only for a log that was verified just before
        (an import, a rekey): this vouches for every event in it. Returns the events."""
        with self.engine.begin() as conn:
            self._lock_events(conn)
            conn.execute(delete(audit_chain))
            conn.execute(delete(audit_log))
            conn.execute(delete(audit_follower).where(audit_follower.c.name == KEY))
            conn.execute(insert(audit_follower).values(name=KEY, position=0,
                                                       link=key_fingerprint(self.key)))
            after, link = 0, GENESIS
            while rows := [stored_row(r) for r in conn.execute(
                    select(self.events).where(self.events.c.id > after)
                    .order_by(self.events.c.id).limit(BATCH))]:
                links = []
                for row in rows:
                    link = keyed_link(self.key, link, row)
                    links.append({"position": row.position, "link": link})
                conn.execute(insert(audit_chain), links)
                conn.execute(insert(audit_log), index_rows(conn, rows, self.decode))
                after = rows[-1].position
        return after

    def reindex(self) -> None:
        """Rebuild the log index (never the chain) from the stored events."""
        with self.engine.begin() as conn:
            self._lock_events(conn)
            conn.execute(delete(audit_log))
            after = 0
            while rows := [stored_row(r) for r in conn.execute(
                    select(self.events).where(self.events.c.id > after)
                    .order_by(self.events.c.id).limit(BATCH))]:
                conn.execute(insert(audit_log), index_rows(conn, rows, self.decode))
                after = rows[-1].position
            conn.execute(delete(audit_follower).where(audit_follower.c.name == INDEX))
            conn.execute(insert(audit_follower).values(name=INDEX, position=INDEX_VERSION,
                                                       link=""))

    def _lock_events(self, conn: Connection) -> None:
        """Keep commands out until this transaction commits (as the library's own lock)."""
        if conn.dialect.name == "postgresql":
            name = self.events.name if self.events.schema is None else \
                f"{self.events.schema}.{self.events.name}"
            conn.execute(text(f"LOCK TABLE {name} IN EXCLUSIVE MODE"))
        else:
            conn.execute(update(audit_follower).where(audit_follower.c.name == INDEX)
                         .values(position=audit_follower.c.position))  # the write lock


def follower_for(planner: Any) -> AuditFollower | None:
    """The follower of a built Planner, or None on in-memory storage."""
    if planner.engine is None:
        return None
    return AuditFollower(planner.engine, planner.events_table,
                         planner.app.mapper.transcoder.decode, planner.chain_key)


def attach(planner: Any) -> None:
    """Start-up: create the tables and chain every later save in its own transaction."""
    follower = follower_for(planner)
    if follower is None:
        return
    follower.setup()
    planner.app.recorder.in_transaction.append(follower.chain_in_transaction)
    planner.audit_follower = follower
