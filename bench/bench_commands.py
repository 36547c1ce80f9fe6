"""Command throughput: scheduling and moving meetings on memory, SQLite and PostgreSQL.

Prints commands per second for each store (each command leaves the read models and the audit
chain current), the ratio against in-memory storage measured in the same run, and the ratio
against raw inserts: rows of the stored events' average size, one transaction each, with the
same driver (the floor a one-transaction write path is measured against).
Usage: python bench/bench_commands.py [--meetings N]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from scratch import postgres_database
from sqlalchemy import (
    Column,
    Integer,
    LargeBinary,
    MetaData,
    Table,
    Text,
    create_engine,
    func,
    select,
    text,
)

from planner.bootstrap import MEMORY, build
from planner.settings import load_settings


def run(url: str, meetings: int, settings) -> float:  # noqa: ANN001
    planner = build(settings, database_url=url)
    app = planner.app
    trip = app.create_trip(actor="bench", title="Bench trip", organiser="Bench GmbH",
                           direction="outbound", home_timezone="Europe/Berlin",
                           starts_on=date(2030, 1, 1), ends_on=date(2030, 12, 31))
    person = app.register_person(actor="bench", name="Bench Person",
                                 home_timezone="Europe/Berlin")
    app.add_member(trip, actor="bench", person_id=person, role="agency staff")
    started = time.perf_counter()
    for n in range(meetings):
        start = datetime(2030, 1, 2, 9) + timedelta(days=n % 300, minutes=(n // 300) * 30)
        meeting = app.schedule_meeting(trip, actor="bench", kind="official meeting",
                                       title=f"Meeting {n}", venue="Hall", city="Leipzig",
                                       timezone="Europe/Berlin", starts=start,
                                       ends=start + timedelta(minutes=25), attendees=[person])
        app.move_meeting(meeting, actor="bench", starts=start + timedelta(minutes=1),
                         ends=start + timedelta(minutes=26), reason="bench")
    elapsed = time.perf_counter() - started
    planner.close()
    return 2 * meetings / elapsed


def raw_inserts(url: str, rows: int) -> float:
    """Rows per second: one INSERT per transaction into a table shaped like the events table,
    each row as large as the average stored event."""
    engine = create_engine(url)
    events = Table("planner_events", MetaData(), autoload_with=engine)
    with engine.connect() as conn:
        size = int(conn.execute(select(func.avg(func.length(events.c.state)))).scalar() or 500)
    raw = Table("bench_raw", MetaData(), Column("id", Integer, primary_key=True),
                Column("originator_id", Text), Column("originator_version", Integer),
                Column("topic", Text), Column("state", LargeBinary))
    raw.create(engine)
    if engine.dialect.name == "sqlite":
        with engine.connect() as conn:
            conn.execute(text("PRAGMA journal_mode=WAL"))
    started = time.perf_counter()
    for n in range(rows):
        with engine.begin() as conn:
            conn.execute(raw.insert().values(originator_id=f"{n:036d}", originator_version=n,
                                             topic="planner.domain.meeting:Meeting.Moved",
                                             state=b"x" * size))
    elapsed = time.perf_counter() - started
    raw.drop(engine)
    engine.dispose()
    return rows / elapsed


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--meetings", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(environ={}, instance_path=tmp)
        results = {"memory": run(MEMORY, args.meetings, settings)}
        raw: dict[str, float] = {}
        sqlite = f"sqlite:///{Path(tmp) / 'bench.sqlite3'}"
        results["sqlite"] = run(sqlite, args.meetings, settings)
        raw["sqlite"] = raw_inserts(sqlite, 2 * args.meetings)
        with postgres_database() as url:
            if url is None:
                print("PostgreSQL is not reachable at 127.0.0.1:5432; skipped")
            else:
                results["postgres"] = run(url, args.meetings, settings)
                raw["postgres"] = raw_inserts(url, 2 * args.meetings)
    baseline = results["memory"]
    print(f"{'store':<10}{'commands/s':>12}{'vs memory':>12}{'raw rows/s':>12}{'vs raw':>9}")
    for store, rate in results.items():
        rows = f"{raw[store]:>12.1f}{rate / raw[store]:>9.2f}" if store in raw else ""
        print(f"{store:<10}{rate:>12.1f}{rate / baseline:>12.2f}{rows}")


if __name__ == "__main__":
    main()
