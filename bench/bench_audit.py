"""Audit throughput: chaining, verifying, exporting, checking a file and importing the log.

Writes N events (people registered) with the audit follower switched off, then measures, in
events per second: the follower chaining and indexing them, `verify` of the database, export
to JSON Lines, the offline check of that file, and its import into an empty database (with
the read-model rebuild). Baseline, in the same run: reading and decoding the same events.
No targets: these are figures to watch. Usage: python bench/bench_audit.py [--events N]
"""

from __future__ import annotations

import argparse
import time
import uuid
from collections.abc import Callable
from contextlib import nullcontext
from pathlib import Path

from bench_projector import decode_only
from scratch import postgres_database
from table import Figure, ratio_figure
from workload import bulk, events_table, log_size, people, planner_on

from planner.audit.chain import verify_database
from planner.audit.exchange import export_log, verify_file
from planner.audit.importer import import_log


def timed(step: Callable[[], object]) -> float:
    started = time.perf_counter()
    step()
    return time.perf_counter() - started


def figures(url: str, store: str, folder: Path, events: int = 2000) -> list[Figure]:
    planner = planner_on(url, folder)
    follower = planner.audit_follower
    if follower.listener in planner.app.saved_listeners:  # link them below, timed
        planner.app.saved_listeners.remove(follower.listener)
    with bulk(planner):
        people(planner, events, "Bench Person 测试")
    path = folder / f"log-{uuid.uuid4().hex[:8]}.jsonl"
    total = log_size(planner)
    baseline = total / timed(lambda: decode_only(planner))
    # Where each command links its own events (one transaction per command), time re-linking
    # the whole log instead, as an import or a rekey does.
    link = getattr(follower, "rechain", follower.catch_up)
    steps = [("chain and index", link),
             ("verify the database", lambda: verify_database(planner.engine,
                                                             events_table(planner))),
             ("export to JSON Lines", lambda: export_log(planner, path)),
             ("verify the file offline", lambda: verify_file(path))]
    rates = [(what, total / timed(step)) for what, step in steps]
    target_url = f"sqlite:///{folder / 'import.sqlite3'}" if store == "SQLite" else None
    with postgres_database() if target_url is None else nullcontext(target_url) as target:
        if target:
            into = planner_on(target, folder)
            rates.append(("import (with read models)", total / timed(
                lambda: import_log(into, path))))
            into.close()
    planner.close()
    return [ratio_figure(f"audit: {what}, events/s", store, rate, "/s", "read + decode",
                         baseline, "", note=f"{total} events") for what, rate in rates]


def main() -> None:
    from run_all import standalone

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=2000)
    events = parser.parse_args().events
    standalone(lambda url, store, folder: figures(url, store, folder, events))


if __name__ == "__main__":
    main()
