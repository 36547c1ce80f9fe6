"""Command throughput: scheduling and moving meetings, read models and audit chain current.

Baseline, in the same run with the same driver: raw inserts of rows as large as the stored
events, one transaction each (the floor a one-transaction write path is measured against).
Usage: python bench/bench_commands.py [--meetings N]
"""

from __future__ import annotations

import argparse
import time
from datetime import date, datetime, timedelta
from pathlib import Path

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
from table import Figure, ratio_figure
from workload import events_table, log_size, planner_on

from planner.audit.chain import chained_head

NAME = "commands/s (schedule + move), read models and audit chain current"


def commands_per_second(url: str, meetings: int, folder: Path) -> tuple[float, int]:
    """Commands per second, and the average size of a stored event (bytes)."""
    planner = planner_on(url, folder)
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
    written = log_size(planner)
    if planner.projector.position() != written or chained_head(planner.engine).position != \
            written:
        raise RuntimeError("the read models or the audit chain fell behind the commands")
    events = events_table(planner)
    with planner.engine.connect() as conn:
        size = int(conn.execute(select(func.avg(func.length(events.c.state)))).scalar() or 500)
    planner.close()
    return 2 * meetings / elapsed, size


def raw_inserts(url: str, rows: int, size: int) -> float:
    """Rows per second: one INSERT per transaction into a table shaped like the events table,
    each row `size` bytes, on a fresh engine of the same driver."""
    engine = create_engine(url)
    raw = Table("bench_raw", MetaData(), Column("id", Integer, primary_key=True),
                Column("originator_id", Text), Column("originator_version", Integer),
                Column("topic", Text), Column("state", LargeBinary))
    raw.drop(engine, checkfirst=True)
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


def figures(url: str, store: str, folder: Path, meetings: int = 200) -> list[Figure]:
    rate, size = commands_per_second(url, meetings, folder)
    baseline = raw_inserts(url, 2 * meetings, size)
    return [ratio_figure(NAME, store, rate, "/s", "raw inserts", baseline, ">= 0.5x",
                         note=f"{2 * meetings} commands")]


def main() -> None:
    from run_all import standalone

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=200)
    meetings = parser.parse_args().meetings
    standalone(lambda url, store, folder: figures(url, store, folder, meetings))


if __name__ == "__main__":
    main()
