"""The calendar-mail choices as pages read them: a participant's (planner.itip.recipients
wants_calendar_mails) and a trip owner's (addresses_shared). A query object, so the web layer
is never handed the engine."""

from __future__ import annotations

from uuid import UUID

from sqlalchemy.engine import Engine

from planner.itip.recipients import addresses_shared, wants_calendar_mails


class CalendarMailChoices:
    """On in-memory storage (no engine) nobody gets calendar mails and no trip shares
    addresses: there is no outbox to send them."""

    def __init__(self, engine: Engine | None) -> None:
        self._engine = engine

    def wanted(self, person_id: UUID | str) -> bool:
        if self._engine is None:
            return False
        with self._engine.connect() as conn:
            return wants_calendar_mails(conn, person_id)

    def addresses_shared(self, trip_id: UUID | str) -> bool:
        if self._engine is None:
            return False
        with self._engine.connect() as conn:
            return addresses_shared(conn, trip_id)
