"""Read models: rebuilding them from a log of every kind of event.

Baseline, in the same run: reading the same stored events and decoding their JSON into domain
events, batch by batch as the projector reads them, without writing anything. The ratio is
what the SQL writes of the read models cost.
Usage: python bench/bench_projector.py [--events N]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from eventsourcing.persistence import StoredEvent
from sqlalchemy import select
from table import Figure, ratio_figure
from workload import bulk, log_size, mixed_log, planner_on

from planner.bootstrap import Planner
from planner.readmodel.projector import BATCH_SIZE


def decode_only(planner: Planner) -> int:
    """Read and decode every event in batches as large as the projector's; returns how
    many."""
    app = planner.app
    events = planner.events_table
    done, position = 0, 0
    with planner.engine.connect() as conn:
        while True:
            rows = conn.execute(select(events).where(events.c.id > position)
                                .order_by(events.c.id).limit(BATCH_SIZE)).all()
            if not rows:
                return done
            for r in rows:
                app.mapper.to_domain_event(StoredEvent(r.originator_id, r.originator_version,
                                                       r.topic, bytes(r.state)))
            done, position = done + len(rows), rows[-1].id


def figures(url: str, store: str, folder: Path, events: int = 2000) -> list[Figure]:
    planner = planner_on(url, folder)
    with bulk(planner):
        mixed_log(planner, events)
    total = log_size(planner)
    started = time.perf_counter()
    decode_only(planner)
    baseline = total / (time.perf_counter() - started)
    started = time.perf_counter()
    planner.projector.rebuild()
    rate = total / (time.perf_counter() - started)
    planner.close()
    return [ratio_figure("rebuild of the read models, events/s", store, rate, "/s",
                         "read + decode", baseline, ">= 0.25x", note=f"{total} events")]


def main() -> None:
    from run_all import standalone

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=2000)
    events = parser.parse_args().events
    standalone(lambda url, store, folder: figures(url, store, folder, events))


if __name__ == "__main__":
    main()
