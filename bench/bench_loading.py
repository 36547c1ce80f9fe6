"""Loading cost against history length: records with 5 and with N (5,000) events.

For a trip and a meeting with a short and a long history, times what a meeting command loads
(the meeting, and the trip's window its rules check) and a whole command (a details change,
with its save, read models and audit chain in one transaction): each a figure in milliseconds
against the same step on the short records, target at most 2x (issue 10, item 4). The long
records get N events and then as many more as put them furthest from their last snapshot
(interval - 1 events after it, the worst case). Snapshots make the long history cheap;
`--no-snapshots` shows what a full replay costs, for comparison.
Runs on SQLite and, when reachable, PostgreSQL (alone, or in `make bench`).
Usage: python bench/bench_loading.py [--events N] [--repeat R] [--no-snapshots]
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any
from uuid import UUID

from table import Figure, ratio_figure

from planner.application import PlannerApplication
from planner.bootstrap import Planner, build
from planner.domain.meeting import Meeting
from planner.domain.trip import Trip
from planner.settings import load_settings

BATCH = 500
COMMAND = "command (details)"


def grow_trip(app: Any, trip_id: UUID, events: int) -> None:
    """Add events to a trip in a few large saves (snapshots are taken as in normal use)."""
    while (trip := app.repository.get(trip_id)).version < events:
        for n in range(min(BATCH, events - trip.version)):
            trip.set_objectives(actor="bench", objectives=[f"objective {trip.version} {n}"])
        app.save(trip)


def grow_meeting(app: Any, meeting_id: UUID, events: int) -> None:
    while (meeting := app.repository.get(meeting_id)).version < events:
        for n in range(min(BATCH, events - meeting.version)):
            meeting.change_details(actor="bench", kind="official meeting",
                                   title=f"Meeting {meeting.version} {n}", counterparts=[],
                                   agenda="")
        app.save(meeting)


def trip_with_meeting(app: Any, events: int) -> tuple[UUID, UUID]:
    trip = app.create_trip(actor="bench", title="Bench trip", organiser="Bench GmbH",
                           direction="outbound", home_timezone="Europe/Berlin",
                           starts_on=date(2030, 1, 1), ends_on=date(2030, 12, 31))
    meeting = app.schedule_meeting(trip, actor="bench", kind="official meeting", title="M",
                                   venue="Hall", city="Leipzig", timezone="Europe/Berlin",
                                   starts=datetime(2030, 3, 2, 9), ends=datetime(2030, 3, 2, 10))
    grow_trip(app, trip, events)
    grow_meeting(app, meeting, events)
    return trip, meeting


def best_of(steps: dict[str, Callable[[], object]], repeat: int) -> dict[str, float]:
    """The best of `repeat` runs of each step, in milliseconds. Runs are interleaved (one of
    each per round) so that load from other processes on the machine hits all steps alike."""
    times: dict[str, list[float]] = {name: [] for name in steps}
    for _ in range(repeat + 1):
        for name, step in steps.items():
            started = time.perf_counter()
            step()
            times[name].append((time.perf_counter() - started) * 1000)
    return {name: min(found[1:]) for name, found in times.items()}  # the first is a warm-up


def steps(planner: Planner, trip: UUID, meeting: UUID) -> dict[str, Callable[[], object]]:
    app = planner.app
    counter = iter(range(10**9))

    def command() -> None:
        app.change_meeting_details(meeting, actor="bench", kind="official meeting",
                                   title=f"Bench {next(counter)}", counterparts=[], agenda="")

    return {"load meeting": lambda: app._load(Meeting, meeting),
            "trip window": lambda: app._window(trip),
            "load trip": lambda: app._load(Trip, trip),
            COMMAND: command}


def figures(url: str, store: str, folder: Path, events: int = 5000, repeat: int = 30,
            snapshots: bool = True) -> list[Figure]:
    """Each step on the long records against the same step on the short ones (target <= 2x)."""
    settings = load_settings(environ={}, instance_path=str(folder / "instance"))
    planner = build(settings, database_url=url)
    if not snapshots:
        planner.app.repository.snapshot_store = None
    interval = PlannerApplication.snapshotting_intervals[Meeting]
    events += interval - 1 - events % interval
    short = trip_with_meeting(planner.app, 5)
    long = trip_with_meeting(planner.app, events)
    pairs = {**{f"short {k}": v for k, v in steps(planner, *short).items()},
             **{f"long {k}": v for k, v in steps(planner, *long).items()}}
    commands = [k for k in pairs if k.endswith(COMMAND)]  # last: they lengthen the histories
    best = best_of({k: v for k, v in pairs.items() if k not in commands}, repeat)
    best.update(best_of({k: pairs[k] for k in commands}, repeat))
    planner.close()
    names = [k.removeprefix("short ") for k in pairs if k.startswith("short ")]
    how = "" if snapshots else ", snapshots off"
    return [ratio_figure(f"loading, {what}: records of {events:,} events{how}", store,
                         best[f"long {what}"], "ms", "for 5 events", best[f"short {what}"],
                         "<= 2x") for what in names]


def main() -> None:
    from run_all import standalone

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--no-snapshots", action="store_true")
    args = parser.parse_args()
    standalone(lambda url, store, folder: figures(url, store, folder, args.events, args.repeat,
                                                  not args.no_snapshots))


if __name__ == "__main__":
    main()
