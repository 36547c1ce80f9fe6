"""Loading one aggregate whose log is long, against one whose log is short.

A meeting with 5,000 events and a meeting with 5, in the same database: the best time of
several (taken in turn) to load each as a command loads it (the application's repository,
snapshots included). Target: the long one takes at most twice as long. (Stands in until the
`loading` work's bench/bench_loading.py exists; run_all.py then uses that one.)
Usage: python bench/house_loading.py [--events N]
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any
from uuid import UUID

from table import Figure, ratio_figure
from workload import ACTOR, bulk, planner_on

from planner.domain.meeting import Meeting
from planner.domain.trip import Trip


def meeting_with(app: Any, trip: Trip, events: int) -> UUID:
    """A meeting with `events` events: scheduled, then its details changed again and again."""
    begins = datetime(2030, 6, 2, 9, tzinfo=UTC)
    meeting = Meeting.schedule(actor=ACTOR, window=trip.window(), kind="official meeting",
                               title="Long history", venue="Hall", city="Leipzig",
                               timezone="Europe/Berlin", starts_at=begins,
                               ends_at=begins + timedelta(hours=1))
    for n in range(events - 1):
        meeting.change_details(actor=ACTOR, kind="official meeting", title="Long history",
                               counterparts=[f"Partner {n % 2}"], agenda=f"Agenda {n}")
    app.save(meeting)
    return meeting.id


def median_ms(step: Any, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        step()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def best_ms(steps: list[Any], repeat: int) -> list[float]:
    """The best of `repeat` runs of each step in milliseconds, the steps taken in turn each
    round, so that load from other processes on the machine hits them alike."""
    best = [float("inf")] * len(steps)
    for _ in range(repeat):
        for n, step in enumerate(steps):
            started = time.perf_counter()
            step()
            best[n] = min(best[n], (time.perf_counter() - started) * 1000)
    return best


def figures(url: str, store: str, folder: Path, events: int = 5000, short: int = 5,
            repeat: int = 30) -> list[Figure]:
    planner = planner_on(url, folder)
    app = planner.app
    with bulk(planner):
        trip = Trip.create(actor=ACTOR, title="Loading", organiser="Bench",
                           direction="outbound", home_timezone="Europe/Berlin",
                           starts_on=date(2030, 6, 1), ends_on=date(2030, 6, 30))
        app.save(trip)
        long_one, short_one = meeting_with(app, trip, events), meeting_with(app, trip, short)
    get = app.repository.get
    baseline, value = best_ms([lambda: get(short_one), lambda: get(long_one)], repeat)
    planner.close()
    return [ratio_figure(f"loading an aggregate of {events} events", store, value, "ms",
                         f"for {short} events", baseline, "<= 2x")]


def main() -> None:
    from run_all import standalone

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=5000)
    events = parser.parse_args().events
    standalone(lambda url, store, folder: figures(url, store, folder, events))


if __name__ == "__main__":
    main()
