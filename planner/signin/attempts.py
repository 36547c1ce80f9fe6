"""Sign-in attempts of existing accounts, kept in the database beside the log (not in it).

Why a table and not events: a refused request writes no event, and failed sign-ins are
refusals; they are also not facts about a record but about traffic. Keeping them in the
database (not in one worker's memory) lets every web worker see the same count, so several
gunicorn workers throttle an account together. Only attempts on accounts that exist are
recorded: a guess at an unknown address stores nothing (the per-address limit of the web
layer bounds those), so nobody can fill the table with arbitrary strings.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlalchemy import (
    Boolean,
    Column,
    DateTime,
    Index,
    Integer,
    MetaData,
    Table,
    Text,
    delete,
    func,
    insert,
    select,
)
from sqlalchemy.engine import Engine

MAX_FAILURES = 5
"""Failed attempts in a row (within `WINDOW`) after which an account refuses every attempt."""
WINDOW = timedelta(minutes=15)
KEPT = timedelta(days=400)
"""Attempts older than this are deleted (a year of sign-ins for the auditors, and a bound)."""

metadata = MetaData()
attempts = Table(
    "signin_attempts", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime, nullable=False),
    Column("email", Text, nullable=False),
    Column("address", Text, nullable=False),
    Column("succeeded", Boolean, nullable=False),
    Index("signin_attempts_email_at", "email", "at"),
    Index("signin_attempts_at", "at"),
)


@dataclass(frozen=True)
class Attempt:
    at: datetime
    email: str
    address: str
    succeeded: bool


def _naive(instant: datetime) -> datetime:
    return instant.astimezone(UTC).replace(tzinfo=None) if instant.tzinfo else instant


class SignInLog:
    """Records attempts and answers "may this account try again now?"."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        metadata.create_all(engine, checkfirst=True)

    def record(self, email: str, address: str, *, succeeded: bool, at: datetime) -> None:
        with self.engine.begin() as conn:
            conn.execute(insert(attempts).values(at=_naive(at), email=email,
                                                 address=address[:64], succeeded=succeeded))
            conn.execute(delete(attempts).where(attempts.c.at < _naive(at - KEPT)))

    def locked_until(self, email: str, now: datetime) -> datetime | None:
        """When the account takes attempts again, or None when it takes them now: after
        `MAX_FAILURES` failures since its last success, `WINDOW` after the last of them."""
        since = _naive(now - WINDOW)
        with self.engine.connect() as conn:
            last_success = conn.execute(
                select(func.max(attempts.c.at)).where(attempts.c.email == email,
                                                      attempts.c.succeeded)).scalar()
            start = max(since, last_success) if last_success else since
            failures = conn.execute(
                select(func.count(), func.max(attempts.c.at)).where(
                    attempts.c.email == email, ~attempts.c.succeeded,
                    attempts.c.at > start)).one()
        if failures[0] < MAX_FAILURES:
            return None
        until = failures[1] + WINDOW
        return until.replace(tzinfo=UTC) if until > _naive(now) else None

    def recent(self, *, limit: int = 100, offset: int = 0,
               emails: Collection[str] | None = None) -> tuple[Attempt, ...]:
        """The latest attempts first, for the sign-ins page; `emails` limits them to those
        accounts (an organisation's), None to none."""
        query = (select(attempts).order_by(attempts.c.at.desc(), attempts.c.id.desc())
                 .limit(limit).offset(offset))
        if emails is not None:
            query = query.where(attempts.c.email.in_(sorted(set(emails))))
        with self.engine.connect() as conn:
            return tuple(Attempt(at=r.at.replace(tzinfo=UTC), email=r.email,
                                 address=r.address, succeeded=r.succeeded)
                         for r in conn.execute(query))
