"""When a person's itinerary of a trip was last printed, so the next print can list what
changed since (a table beside the log, like sign-in attempts: printing changes no record, so
it is not an event; losing the table only loses the "changes since" page of the next print)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import Column, DateTime, MetaData, Table, Text, delete, insert, select
from sqlalchemy.engine import Engine

metadata = MetaData()
prints = Table(
    "itinerary_prints", metadata,
    Column("person_id", Text, primary_key=True),
    Column("trip_id", Text, primary_key=True),
    Column("printed_at", DateTime, nullable=False),
)


class PrintLog:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        metadata.create_all(engine, checkfirst=True)

    def last(self, person_id: object, trip_id: object) -> datetime | None:
        with self.engine.connect() as conn:
            at = conn.execute(select(prints.c.printed_at).where(
                prints.c.person_id == str(person_id), prints.c.trip_id == str(trip_id))).scalar()
        return at.replace(tzinfo=UTC) if at else None

    def record(self, person_id: object, trip_id: object, at: datetime) -> None:
        key = {"person_id": str(person_id), "trip_id": str(trip_id)}
        with self.engine.begin() as conn:
            conn.execute(delete(prints).where(prints.c.person_id == key["person_id"],
                                              prints.c.trip_id == key["trip_id"]))
            conn.execute(insert(prints).values(**key, printed_at=at.astimezone(UTC)
                                               .replace(tzinfo=None)))
