"""Verifying the log from the web: a job that runs in the background and reports progress.

The job's progress lives in a table (audit_verification), not in the memory of the process
that runs it, so with several web workers any of them can show it; the page polls with a
plain refresh. The outcome is also recorded in the log itself (AuditTrail.Verified), which
stays the one answer to "when was the log last verified, and by whom".

A job whose process died (a worker restarted) stops reporting; after STALLED without news it
is shown as interrupted and a new one may be started.
"""

from __future__ import annotations

import logging
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    MetaData,
    String,
    Table,
    Text,
    insert,
    select,
    update,
)
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from planner.audit.chain import Verdict

log = logging.getLogger(__name__)
STALLED = timedelta(minutes=2)
RUNNING, DONE, FAILED = "running", "done", "failed"

metadata = MetaData()
audit_verification = Table(
    "audit_verification", metadata,
    Column("id", String(32), primary_key=True),
    Column("actor", String(320), nullable=False),
    Column("started_at", DateTime(timezone=False), nullable=False),
    Column("updated_at", DateTime(timezone=False), nullable=False),
    Column("finished_at", DateTime(timezone=False), nullable=True),
    Column("total", BigInteger, nullable=False),
    Column("checked", BigInteger, nullable=False),
    Column("state", String(16), nullable=False),
    Column("ok", Boolean, nullable=True),
    Column("head", String(100), nullable=False),
    Column("problem", Text, nullable=False),
)


@dataclass(frozen=True)
class Job:
    """One verification as the page shows it. Times are UTC."""

    id: str
    actor: str
    started_at: datetime
    updated_at: datetime
    finished_at: datetime | None
    total: int
    checked: int
    state: str  # running, done, failed; `interrupted` is a running job without news
    ok: bool | None
    head: str
    problem: str
    interrupted: bool

    @property
    def running(self) -> bool:
        return self.state == RUNNING and not self.interrupted

    @property
    def percent(self) -> int:
        return min(100, self.checked * 100 // self.total) if self.total else 100


Verify = Callable[[Callable[[int], None]], Verdict]
"""Runs the verification, calling back with the number of events checked so far."""


class VerificationJobs:
    """Starts, runs and reports verification jobs on one database."""

    def __init__(self, engine: Engine, now: Callable[[], datetime]) -> None:
        self.engine = engine
        self.now = now
        self._ready = False

    def _table(self) -> Table:
        if not self._ready:
            try:
                metadata.create_all(self.engine, checkfirst=True)
            except SQLAlchemyError:  # another worker created it at the same moment
                metadata.create_all(self.engine, checkfirst=True)
            self._ready = True
        return audit_verification

    def _stamp(self) -> datetime:
        return self.now().astimezone(UTC).replace(tzinfo=None)

    def start(self, actor: str, total: int) -> tuple[Job, bool]:
        """A new job (True), or the one already running (False): one check at a time."""
        current = self.latest()
        if current is not None and current.running:
            return current, False
        table, stamp = self._table(), self._stamp()
        job_id = uuid.uuid4().hex
        with self.engine.begin() as conn:
            conn.execute(insert(table).values(
                id=job_id, actor=actor, started_at=stamp, updated_at=stamp, finished_at=None,
                total=total, checked=0, state=RUNNING, ok=None, head="", problem=""))
        job = self.get(job_id)
        assert job is not None
        return job, True

    def run(self, job_id: str, verify: Verify,
            record: Callable[[Verdict], None]) -> None:
        """Run the job to its end here (a thread, or the caller): progress goes to the table,
        the verdict to the table and, through `record`, to the log."""
        try:
            verdict = verify(lambda checked: self._update(job_id, checked=checked))
            record(verdict)
        except Exception as error:  # noqa: BLE001 - whatever happens, the page must say so
            log.exception("verification %s failed", job_id)
            self._update(job_id, state=FAILED, ok=False, finished_at=self._stamp(),
                         problem=f"the check could not finish ({type(error).__name__}: {error})")
            return
        self._update(job_id, state=DONE, ok=verdict.ok, checked=verdict.checked,
                     finished_at=self._stamp(), head=str(verdict.head) if verdict.ok else "",
                     problem=verdict.problem)

    def run_in_background(self, job_id: str, verify: Verify,
                          record: Callable[[Verdict], None]) -> threading.Thread:
        thread = threading.Thread(target=self.run, args=(job_id, verify, record),
                                  name=f"verify-{job_id[:8]}", daemon=True)
        thread.start()
        return thread

    def _update(self, job_id: str, **values: Any) -> None:
        with self.engine.begin() as conn:
            conn.execute(update(self._table()).where(audit_verification.c.id == job_id)
                         .values(updated_at=self._stamp(), **values))

    def get(self, job_id: str) -> Job | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(self._table())
                               .where(audit_verification.c.id == str(job_id))).first()
        return self._job(row) if row is not None else None

    def latest(self) -> Job | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(self._table())
                               .order_by(audit_verification.c.started_at.desc()).limit(1)).first()
        return self._job(row) if row is not None else None

    def _job(self, row: Any) -> Job:
        def utc(value: datetime | None) -> datetime | None:
            return value.replace(tzinfo=UTC) if value is not None else None

        updated = utc(row.updated_at)
        assert updated is not None
        quiet = self.now().astimezone(UTC) - updated > STALLED
        return Job(row.id, row.actor, utc(row.started_at) or updated, updated,
                   utc(row.finished_at), int(row.total), int(row.checked), row.state, row.ok,
                   row.head, row.problem, row.state == RUNNING and quiet)
