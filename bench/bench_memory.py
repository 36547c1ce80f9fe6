"""Peak resident memory of a read-model rebuild, at two log sizes.

A log of every kind of event, 50,000 and then 200,000 events long; each time a fresh process
wires the planner, then rebuilds every read model from the log while its peak resident set is
measured (Linux: VmHWM, reset after start-up). Targets: under 300 MB at both sizes, and flat:
the larger log needs at most 1.25 times the memory of the smaller one.
Usage: python bench/bench_memory.py [--small N] [--large N]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

from table import Figure, bound_figure, ratio_figure
from workload import log_size, mixed_log, planner_on

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


def rebuild_peak_mb(url: str, folder: Path) -> tuple[float, int]:
    result = subprocess.run([sys.executable, "-c", _CHILD, url, str(folder / "instance")],
                            capture_output=True, text=True, check=True, timeout=1800)
    found = json.loads(result.stdout.strip().splitlines()[-1])
    return found["peak_kb"] / 1024, found["events"]


def figures(url: str, store: str, folder: Path, small: int = 50_000,
            large: int = 200_000) -> list[Figure]:
    planner = planner_on(url, folder)
    planner.app.saved_listeners = []  # the child rebuilds; nothing to keep current here
    measured = []
    for size in (small, large):
        mixed_log(planner, size)
        measured.append((rebuild_peak_mb(url, folder), log_size(planner)))
    planner.close()
    (small_mb, _), (large_mb, _) = measured[0][0], measured[1][0]
    return [
        bound_figure(f"peak memory of a rebuild, {measured[0][1]:,} events", store, small_mb,
                     "MB", "< 300 MB"),
        bound_figure(f"peak memory of a rebuild, {measured[1][1]:,} events", store, large_mb,
                     "MB", "< 300 MB"),
        ratio_figure(f"peak memory of a rebuild, {measured[1][1]:,} events (flat?)", store,
                     large_mb, "MB", f"at {measured[0][1]:,}", small_mb, "<= 1.25x"),
    ]


def main() -> None:
    from run_all import standalone

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=50_000)
    parser.add_argument("--large", type=int, default=200_000)
    args = parser.parse_args()
    standalone(lambda url, store, folder: figures(url, store, folder, args.small, args.large))


if __name__ == "__main__":
    main()
