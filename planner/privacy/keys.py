"""The key table: one random AES-256 key per person (or account), outside the event log.

The table is not an event store table, is not chained, not exported and not rebuilt: deleting a
row's key is what erases the person's data (crypto-shredding). An erased subject keeps its row
with an empty key, so that no new key can be made for it by mistake and the erasure is known
even for data stored in plain text before sealing existed.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Protocol

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import Column, DateTime, LargeBinary, MetaData, String, Table, select, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from planner.domain.errors import InvariantError
from planner.i18n.words import N_

metadata = MetaData()

person_keys = Table(
    "person_keys", metadata,
    Column("subject_id", String(36), primary_key=True),
    Column("key", LargeBinary, nullable=True),  # NULL once erased
    Column("created_at", DateTime(timezone=False), nullable=False),
    Column("erased_at", DateTime(timezone=False), nullable=True),
)


def new_key() -> bytes:
    return AESGCM.generate_key(bit_length=256)


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class ErasedError(InvariantError):
    """Personal data was to be stored for a subject whose key was deleted."""

    def __init__(self, subject: str) -> None:
        super().__init__("person", N_("%(subject)s was erased; no personal data can be "
                                      "stored for them again"), subject=subject)


class KeyStore(Protocol):
    def key(self, subject: str) -> bytes | None:
        """The subject's key, or None when there is none (erased, or never sealed here)."""

    def key_for_sealing(self, subject: str) -> bytes:
        """The subject's key, made now if missing; ErasedError once erased. Idempotent."""

    def keys_for_sealing(self, subjects: Iterable[str]) -> None:
        """key_for_sealing for many subjects at once (a save of many people)."""

    def is_erased(self, subject: str) -> bool: ...

    def erase(self, subjects: list[str]) -> None:
        """Delete the keys (keeping a tombstone row for each). Idempotent."""

    def reading(self) -> contextlib.AbstractContextManager[None]:
        """Within this block each key is looked up once (one event's several fields)."""


class MemoryKeyStore:
    """For in-memory storage (tests, the domain suite): a dict; None marks an erased subject."""

    def __init__(self) -> None:
        self.keys: dict[str, bytes | None] = {}
        self._lock = threading.Lock()

    def key(self, subject: str) -> bytes | None:
        return self.keys.get(subject)

    def key_for_sealing(self, subject: str) -> bytes:
        with self._lock:
            if subject not in self.keys:
                self.keys[subject] = new_key()
            found = self.keys[subject]
        if found is None:
            raise ErasedError(subject)
        return found

    def keys_for_sealing(self, subjects: Iterable[str]) -> None:
        for subject in subjects:
            self.key_for_sealing(subject)

    def is_erased(self, subject: str) -> bool:
        return subject in self.keys and self.keys[subject] is None

    def erase(self, subjects: list[str]) -> None:
        with self._lock:
            for subject in subjects:
                self.keys[subject] = None

    @contextmanager
    def reading(self) -> Iterator[None]:
        yield


class SqlKeyStore:
    """The `person_keys` table in the planner's own database.

    Keys are read from the table every time (never cached): another process may have erased
    a person a moment ago. Only erasures are cached, since they are final.
    """

    def __init__(self, engine: Engine) -> None:
        """Creates the table at once: later, inside another connection's write transaction
        (a catch-up reading events), SQLite would wait for that transaction to end."""
        self.engine = engine
        self._erased: set[str] = set()
        self._local = threading.local()  # .memo: {subject: (exists, key)} inside reading()
        try:
            metadata.create_all(self.engine, checkfirst=True)
        except SQLAlchemyError:  # another process created it at the same moment
            metadata.create_all(self.engine, checkfirst=True)

    @contextmanager
    def reading(self) -> Iterator[None]:
        outer = getattr(self._local, "memo", None)
        if outer is None:
            self._local.memo = {}
        try:
            yield
        finally:
            if outer is None:
                self._local.memo = None

    def _row(self, subject: str) -> tuple[bool, bytes | None]:
        """(row exists, key)."""
        if subject in self._erased:
            return True, None
        memo = getattr(self._local, "memo", None)
        if memo is not None and subject in memo:
            return memo[subject]  # type: ignore[no-any-return]
        found = self._select(subject)
        if memo is not None:
            memo[subject] = found
        return found

    def _select(self, subject: str) -> tuple[bool, bytes | None]:
        with self.engine.connect() as conn:
            row = conn.execute(select(person_keys.c.key)
                               .where(person_keys.c.subject_id == subject)).first()
        if row is None:
            return False, None
        if row.key is None:
            self._erased.add(subject)
        return True, row.key

    def key(self, subject: str) -> bytes | None:
        return self._row(subject)[1]

    def is_erased(self, subject: str) -> bool:
        exists, found = self._row(subject)
        return exists and found is None

    def key_for_sealing(self, subject: str) -> bytes:
        exists, found = self._row(subject)
        if not exists:
            try:
                with self.engine.begin() as conn:
                    conn.execute(person_keys.insert().values(
                        subject_id=subject, key=new_key(), created_at=_now()))
            except IntegrityError:
                pass  # made at the same moment by another process: use that one
            exists, found = self._row(subject)
        if found is None:
            raise ErasedError(subject)
        return found

    def keys_for_sealing(self, subjects: Iterable[str]) -> None:
        """One look-up for all and one insert for the missing ones (not one commit each):
        a save of thousands of people (an import) makes their keys in a moment."""
        wanted = list(dict.fromkeys(subjects))
        found: dict[str, bytes | None] = {}
        with self.engine.connect() as conn:
            for start in range(0, len(wanted), 500):
                chunk = wanted[start:start + 500]
                found.update(conn.execute(select(person_keys.c.subject_id, person_keys.c.key)
                                          .where(person_keys.c.subject_id.in_(chunk))).all())
        for subject, key in found.items():
            if key is None:
                self._erased.add(subject)
                raise ErasedError(subject)
        made = {s: new_key() for s in wanted if s not in found}
        if made:
            try:
                with self.engine.begin() as conn:
                    conn.execute(person_keys.insert(), [
                        dict(subject_id=s, key=k, created_at=_now()) for s, k in made.items()])
            except IntegrityError:  # some made at the same moment by another process
                for subject in made:
                    self.key_for_sealing(subject)
                return
        memo = getattr(self._local, "memo", None)
        if memo is not None:  # inside reading(): the save reads these keys from here
            memo.update({s: (True, k) for s, k in (found | made).items()})

    def erase(self, subjects: list[str]) -> None:
        with self.engine.begin() as conn:
            for subject in subjects:
                conn.execute(update(person_keys).where(person_keys.c.subject_id == subject,
                                                       person_keys.c.key.is_not(None))
                             .values(key=None, erased_at=_now()))
                known = conn.execute(select(person_keys.c.subject_id)
                                     .where(person_keys.c.subject_id == subject)).first()
                if known is None:  # data from before sealing: record the erasure all the same
                    conn.execute(person_keys.insert().values(
                        subject_id=subject, key=None, created_at=_now(), erased_at=_now()))
        self._erased.update(subjects)
