"""A person's calendar as of a moment, on a small log and on a large one.

The same participant (one trip, 30 meetings they attend), then about 1,000 and later 100,000
unrelated events in the log (other trips, their meetings and delegations, profiles): the
median time of the participant's calendar as of now (after the unrelated events), rebuilt from
the log. Target: the large log takes at most twice as long. (Stands in
until the `loading` work's bench/bench_asof.py exists; run_all.py then uses that one.)
Usage: python bench/house_asof.py [--unrelated N]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from house_loading import median_ms
from table import Figure, not_measured, ratio_figure
from workload import big_trip, bulk, log_size, planner_on, replicated_log

from planner.calendar.files import Calendars


def figures(url: str, store: str, folder: Path, small: int = 1000, large: int = 100_000,
            meetings: int = 90, repeat: int = 5, budget_s: float = 20) -> list[Figure]:
    """The large log is left out, saying why, when one call on the small log shows that, were
    its time to grow with the log, one call on the large log would take over `budget_s`."""
    planner = planner_on(url, folder)
    with bulk(planner):
        _, person = big_trip(planner, meetings, 10)  # they attend a third: 30 meetings
    own = log_size(planner)
    calendars = Calendars(planner)
    name = f"as-of person calendar, log of {large:,} unrelated events"
    timings, bodies = [], set()
    for unrelated in (small, large):
        if timings and timings[0] / 1000 * large / small > budget_s:
            planner.close()
            return [not_measured(name, store, "ms", (
                f"with {small:,} one call took {timings[0]:.0f} ms; growing with the log it "
                f"would take about {timings[0] * large / small / 1000:.0f} s"))]
        with bulk(planner, read_models=False):  # as-of reads the log and the audit index
            replicated_log(planner, own + unrelated)
        at = planner.app.now()
        bodies.add(calendars.person(person, as_of=at).body)
        timings.append(median_ms(lambda at=at: calendars.person(person, as_of=at), repeat))
    if len(bodies) != 1:
        raise RuntimeError("unrelated events changed the participant's calendar")
    planner.close()
    baseline, value = timings
    return [ratio_figure(name, store, value, "ms", f"with {small:,}", baseline, "<= 2x")]


def main() -> None:
    from run_all import standalone

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--unrelated", type=int, default=100_000)
    large = parser.parse_args().unrelated
    standalone(lambda url, store, folder: figures(url, store, folder, large=large))


if __name__ == "__main__":
    main()
