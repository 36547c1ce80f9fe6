"""What the organiser's Mail page and the delegation page read of the outbox (and the one
thing they change: sending a failed or unconfirmed mail again)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from planner.mail import tables as mt
from planner.mail.message import build_message
from planner.mail.sender import send_again
from planner.mail.transport import eml_name
from planner.settings import Settings


@dataclass(frozen=True)
class MailRow:
    id: int
    message_id: str
    recipient: str
    recipient_name: str
    subject: str
    status: str
    attempts: int
    last_error: str
    next_try_at: datetime | None
    sent_at: datetime | None
    created_at: datetime
    person_id: str
    trip_id: str
    meeting_id: str
    calendar_method: str


@dataclass(frozen=True)
class AttemptRow:
    started_at: datetime
    finished_at: datetime | None
    outcome: str
    error: str
    transport: str


@dataclass(frozen=True)
class MailPage:
    items: list[MailRow]
    page: int
    per_page: int
    total: int

    @property
    def has_next(self) -> bool:
        return self.page * self.per_page < self.total


def _row(row: Any) -> MailRow:
    return MailRow(**{name: getattr(row, name) for name in MailRow.__dataclass_fields__})


class MailDesk:
    """Reads scoped to an organisation (None: every organisation's, for administrators)."""

    def __init__(self, engine: Engine, settings: Settings) -> None:
        self.engine = engine
        self.settings = settings

    def _scoped(self, query: Any, organisation_id: str | None) -> Any:
        if organisation_id is not None:
            query = query.where(mt.outbox.c.organisation_id == organisation_id)
        return query

    def mails(self, organisation_id: str | None, *, page: int = 1, per_page: int = 50,
              status: str | None = None, trip_id: str | None = None) -> MailPage:
        o = mt.outbox.c
        where = [o.recipient != ""] if status is None else [o.status == status]
        if trip_id:
            where.append(o.trip_id == trip_id)
        query = self._scoped(select(mt.outbox).where(*where), organisation_id)
        count = self._scoped(select(func.count()).select_from(mt.outbox).where(*where),
                             organisation_id)
        with self.engine.connect() as conn:
            total = int(conn.execute(count).scalar() or 0)
            rows = conn.execute(query.order_by(o.id.desc()).limit(per_page)
                                .offset((page - 1) * per_page))
            return MailPage([_row(r) for r in rows], page, per_page, total)

    def mail(self, mail_id: int, organisation_id: str | None) -> MailRow | None:
        with self.engine.connect() as conn:
            row = conn.execute(self._scoped(select(mt.outbox).where(mt.outbox.c.id == mail_id),
                                            organisation_id)).first()
        return _row(row) if row is not None else None

    def attempts(self, mail_id: int) -> list[AttemptRow]:
        a = mt.attempts.c
        with self.engine.connect() as conn:
            return [AttemptRow(r.started_at, r.finished_at, r.outcome, r.error, r.transport)
                    for r in conn.execute(select(mt.attempts).where(a.mail_id == mail_id)
                                          .order_by(a.id))]

    def message_text(self, mail_id: int) -> str:
        """The message as delivered: its .eml file when mails go to the folder, else the
        message as it is (or will be) sent."""
        with self.engine.connect() as conn:
            row = conn.execute(select(mt.outbox).where(mt.outbox.c.id == mail_id)).one()
        if not self.settings.mail_smtp_url:
            path = self.settings.mail_folder_path / eml_name(row.message_id)
            if path.exists():
                return path.read_bytes().decode("utf-8", "replace")
        return build_message(row, self.settings).as_string()

    def latest_by_person(self, person_ids: list[str],
                         organisation_id: str | None) -> dict[str, MailRow]:
        """Each person's newest mail (what the delegation page shows beside them)."""
        if not person_ids:
            return {}
        o = mt.outbox.c
        newest = self._scoped(select(func.max(o.id)).where(o.person_id.in_(person_ids),
                                                           o.recipient != "")
                              .group_by(o.person_id), organisation_id)
        with self.engine.connect() as conn:
            rows = conn.execute(select(mt.outbox).where(o.id.in_(newest)))
            return {r.person_id: _row(r) for r in rows}

    def send_again(self, mail_id: int, organisation_id: str | None) -> bool:
        if self.mail(mail_id, organisation_id) is None:
            return False
        return send_again(self.engine, mail_id)
