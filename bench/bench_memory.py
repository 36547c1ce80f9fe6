"""Peak resident memory of a read-model rebuild, at two log sizes.

A log of trips, legs, delegations, meetings and profiles, 50,000 and then 200,000 events long;
each time a fresh process wires the planner (its audit chain catches up), then rebuilds every
read model from the log while its peak resident set is measured (Linux: VmHWM, reset after
start-up, so the figure is the rebuild's own). Targets: under 300 MB at both sizes, and flat:
the larger log needs at most 1.25 times the memory of the smaller one.
Usage: python bench/bench_memory.py [--small N] [--large N]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

from table import Figure, bound_figure, not_measured, ratio_figure
from workload import log_size, planner_on, replicated_log

_CHILD = r"""
import json, sys
from pathlib import Path
from planner.bootstrap import build
from planner.settings import load_settings

def peak_kb():
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])

url, instance = sys.argv[1], sys.argv[2]
planner = build(load_settings(environ={}, instance_path=instance), database_url=url,
                catch_up=False)
try:
    Path("/proc/self/clear_refs").write_text("5")  # reset the peak: measure the rebuild only
    reset = True
except OSError:
    reset = False
before = peak_kb()
events = planner.projector.rebuild()
print(json.dumps({"events": events, "before_kb": before, "peak_kb": peak_kb(), "reset": reset}))
"""


def rebuild_peak_mb(url: str, folder: Path) -> float:
    result = subprocess.run([sys.executable, "-c", _CHILD, url, str(folder / "instance")],
                            capture_output=True, text=True, check=True, timeout=1800)
    return json.loads(result.stdout.strip().splitlines()[-1])["peak_kb"] / 1024


def _too_slow(expected_s: float, budget_s: float) -> str:
    return (f"would take about {expected_s / 60:.1f} min at this rebuild speed; the budget is "
            f"{budget_s / 60:.1f} min")


def figures(url: str, store: str, folder: Path, small: int = 50_000, large: int = 200_000,
            budget_s: float = 180) -> list[Figure]:
    """The larger size is left out, saying why, when the smaller one's rebuild shows that it
    would take longer than `budget_s` seconds (make bench must stay bounded in time)."""
    planner = planner_on(url, folder)
    planner.app.saved_listeners = []  # the child rebuilds; nothing to keep current here
    replicated_log(planner, min(2000, small))
    started = time.monotonic()
    planner.projector.rebuild()  # a probe of this machine's and store's rebuild speed
    expected_s = (time.monotonic() - started) * small / log_size(planner)
    if expected_s > budget_s:
        planner.close()
        return [not_measured(f"peak memory of a rebuild, {size:,} events", store, "MB",
                             _too_slow(expected_s, budget_s)) for size in (small, large)]
    replicated_log(planner, small)
    started = time.monotonic()
    small_mb, small_n = rebuild_peak_mb(url, folder), log_size(planner)
    expected_s = (time.monotonic() - started) * large / small
    found = [bound_figure(f"peak memory of a rebuild, {small_n:,} events", store, small_mb,
                          "MB", "< 300 MB")]
    if expected_s > budget_s:
        found.append(not_measured(f"peak memory of a rebuild, {large:,} events", store, "MB",
                                  _too_slow(expected_s, budget_s)))
    else:
        replicated_log(planner, large)
        large_mb, large_n = rebuild_peak_mb(url, folder), log_size(planner)
        found += [bound_figure(f"peak memory of a rebuild, {large_n:,} events", store,
                               large_mb, "MB", "< 300 MB"),
                  ratio_figure(f"peak memory of a rebuild, {large_n:,} events (flat?)", store,
                               large_mb, "MB", f"at {small_n:,}", small_mb, "<= 1.25x")]
    planner.close()
    return found


def main() -> None:
    from run_all import standalone

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=50_000)
    parser.add_argument("--large", type=int, default=200_000)
    args = parser.parse_args()
    standalone(lambda url, store, folder: figures(url, store, folder, args.small, args.large))


if __name__ == "__main__":
    main()
