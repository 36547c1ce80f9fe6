"""Command throughput: scheduling and moving meetings on memory, SQLite and PostgreSQL.

Prints commands per second for each store and the ratio against in-memory storage measured in
the same run (the baseline), with and without read-model catch-up after every command.
Usage: python bench/bench_commands.py [--meetings N]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from scratch import postgres_database

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


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--meetings", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        settings = load_settings(environ={}, instance_path=tmp)
        results = {"memory": run(MEMORY, args.meetings, settings)}
        results["sqlite"] = run(f"sqlite:///{Path(tmp) / 'bench.sqlite3'}", args.meetings,
                                settings)
        with postgres_database() as url:
            if url is None:
                print("PostgreSQL is not reachable at 127.0.0.1:5432; skipped")
            else:
                results["postgres"] = run(url, args.meetings, settings)
    baseline = results["memory"]
    print(f"{'store':<10}{'commands/s':>12}{'vs memory':>12}")
    for store, rate in results.items():
        print(f"{store:<10}{rate:>12.1f}{rate / baseline:>12.2f}")


if __name__ == "__main__":
    main()
