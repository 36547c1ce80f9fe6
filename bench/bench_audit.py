"""Audit throughput: chaining, verifying, exporting, checking a file and importing the log.

Writes N events (people registered; each command links and indexes its own events), then
measures, in events per second: re-linking and re-indexing the whole log (what an import or
`planner log rekey` does), `verify` of the database (chain and index), export to JSON Lines,
the offline check of that file, and its import into an empty database (with the read-model
rebuild). Runs on SQLite and, when reachable, PostgreSQL.
Usage: python bench/bench_audit.py [--events N]
"""

from __future__ import annotations

import argparse
import tempfile
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from scratch import postgres_database

from planner.audit.exchange import export_log, verify_file
from planner.audit.importer import import_log
from planner.audit.verify import verify_database
from planner.bootstrap import build
from planner.settings import load_settings


def timed(what: str, events: int, step: Callable[[], object]) -> None:
    started = time.perf_counter()
    step()
    seconds = time.perf_counter() - started
    print(f"  {what:<28} {seconds:7.2f} s  {events / seconds:9.0f} events/s")


def run(source_url: str, target_url: str, events: int, folder: Path) -> None:
    settings = load_settings(environ={}, instance_path=str(folder / "instance"))
    planner = build(settings, database_url=source_url)
    for n in range(events):
        planner.app.register_person(actor="bench", name=f"Bench Person {n} 测试",
                                    home_timezone="Asia/Shanghai")
    path = folder / f"log-{uuid.uuid4().hex[:8]}.jsonl"
    timed("re-link and re-index", events, planner.audit_follower.rechain)
    timed("verify the database", events, lambda: verify_database(planner))
    timed("export to JSON Lines", events, lambda: export_log(planner, path))
    timed("verify the file offline", events, lambda: verify_file(path))
    target = build(load_settings(environ={}, instance_path=str(folder / "target")),
                   database_url=target_url)
    timed("import (with read models)", events, lambda: import_log(target, path))
    target.close()
    planner.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=2000)
    events = parser.parse_args().events
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        print(f"SQLite, {events} events")
        run(f"sqlite:///{folder / 'source.sqlite3'}", f"sqlite:///{folder / 'target.sqlite3'}",
            events, folder)
        with postgres_database() as source, postgres_database() as target:
            if source and target:
                print(f"PostgreSQL, {events} events")
                run(source, target, events, folder)
            else:
                print("PostgreSQL is not reachable at 127.0.0.1:5432; skipped")


if __name__ == "__main__":
    main()
