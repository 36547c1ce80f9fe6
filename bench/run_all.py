"""`make bench`: every benchmark on SQLite and PostgreSQL, one table, bench/RESULTS.md.

Each benchmark is a module here with `figures(url, store, folder, <size>=...) -> [Figure]`
(bench/table.py); its defaults are the full size, and tests/test_bench_smoke.py runs each at a
tiny size inside `make test`, so none can rot. A module that has no `figures` function is run
as a script and its output is kept under the table as printed.

Usage: python bench/run_all.py [--only NAME ...] [--no-postgres] [--note TEXT]
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from scratch import postgres_database  # noqa: E402
from table import Figure, markdown, text  # noqa: E402

#: In table order; "a|b" means a if bench/a.py exists, else b.
BENCHMARKS = ("bench_commands", "bench_projector", "bench_pages", "bench_loading", "bench_asof",
              "bench_memory", "bench_audit", "bench_org_scope", "bench_matchmaking")
Measure = Callable[[str, str, Path], list[Figure]]


def chosen(names: tuple[str, ...] = BENCHMARKS) -> list[str]:
    return [next((n for n in name.split("|") if (HERE / f"{n}.py").exists()), name)
            for name in names]


def standalone(measure: Measure) -> None:
    """For `python bench/bench_x.py`: one benchmark on both stores, printed as a table."""
    print(text(on_stores(measure, postgres=True)))


def on_stores(measure: Measure, *, postgres: bool) -> list[Figure]:
    """`measure` on a new SQLite file and, when reachable, a new PostgreSQL database."""
    figures: list[Figure] = []
    for store in ("SQLite", "PostgreSQL") if postgres else ("SQLite",):
        started = time.monotonic()
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            if store == "SQLite":
                (folder / "db").mkdir()
                found = measure(f"sqlite:///{folder / 'db' / 'bench.sqlite3'}", store, folder)
            else:
                with postgres_database() as url:
                    if url is None:
                        print("   PostgreSQL is not reachable at 127.0.0.1:5432; skipped")
                        continue
                    found = measure(url, store, folder)
        print(text(found), flush=True)
        print(f"   ({store}: {time.monotonic() - started:.0f} s)", flush=True)
        figures += found
    return figures


def run(names: list[str], postgres: bool) -> tuple[list[Figure], list[str]]:
    figures: list[Figure] = []
    printed: list[str] = []
    for name in names:
        module = importlib.import_module(name)
        measure = getattr(module, "figures", None)
        print(f"== {name}", flush=True)
        if measure is None:  # a script of its own: keep what it prints
            result = subprocess.run([sys.executable, str(HERE / f"{name}.py")], text=True,
                                    capture_output=True, timeout=600)
            printed.append(f"### {name}\n\n```\n{result.stdout}{result.stderr}```")
            continue
        figures += on_stores(measure, postgres=postgres)
    return figures, printed


def commit() -> str:
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=HERE, capture_output=True,
                              text=True).stdout.strip()

    head = git("rev-parse", "--short", "HEAD") or "unknown"
    return head + (" (with uncommitted changes)" if git("status", "--porcelain") else "")


def results_md(figures: list[Figure], printed: list[str], seconds: float, note: str,
               measured: str = "") -> str:
    """`measured`: the commit when the run started (the code measured), if known."""
    load = os.getloadavg()
    lines = [
        "# Benchmark results",
        "",
        f"- date: {dt.datetime.now(dt.UTC):%Y-%m-%d %H:%M} UTC",
        f"- commit: {measured or commit()}",
        f"- cores: {os.cpu_count()}; load average at the end: "
        f"{load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f} (1 / 5 / 15 min)",
        f"- Python {platform.python_version()} on {platform.system()} {platform.machine()}",
        f"- whole run: {seconds / 60:.1f} min",
    ]
    if note:
        lines.append(f"- note: {note}")
    lines += ["", "Each figure's baseline is measured in the same run, on the same machine and "
              "store; compare ratios across machines, not absolute numbers. `make bench` "
              "writes this file.", "", markdown(figures), ""]
    lines += printed
    return "\n".join(lines) + "\n"


#: Everything from this line on in bench/RESULTS.md is written by hand (earlier runs, profiles,
#: what was fixed) and kept as it is when `make bench` writes the file again.
KEPT = "<!-- kept by make bench: written by hand below -->"


def with_kept(generated: str, previous: str) -> str:
    """The new results, followed by the hand-written part of the previous file (if any)."""
    at = previous.find(KEPT)
    return generated if at < 0 else generated + "\n" + previous[at:]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", nargs="*", default=None, help="benchmark module names")
    parser.add_argument("--no-postgres", action="store_true")
    parser.add_argument("--note", default="", help="a line for RESULTS.md (e.g. a busy machine)")
    parser.add_argument("--output", default=str(HERE / "RESULTS.md"))
    args = parser.parse_args()
    names = chosen() if not args.only else args.only
    started, measured = time.monotonic(), commit()  # the code measured, not the code at the end
    figures, printed = run(names, postgres=not args.no_postgres)
    seconds = time.monotonic() - started
    print()
    print(text(figures))
    output = Path(args.output)
    previous = output.read_text(encoding="utf-8") if output.exists() else ""
    written = results_md(figures, printed, seconds, args.note, measured)
    output.write_text(with_kept(written, previous), encoding="utf-8")
    print(f"\nwritten to {args.output} ({seconds / 60:.1f} min)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
