"""Every benchmark of `make bench` runs, at a tiny size, inside `make test`, so none can rot.

Nothing here is timed or compared with a target: timing belongs in the benchmarks. What is
checked is what a reader of bench/RESULTS.md relies on: each benchmark gives its figures, each
figure with a baseline has its ratio, and the table and the results file are written.
"""

from __future__ import annotations

import importlib
import math
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

BENCH = Path(__file__).resolve().parents[1] / "bench"
sys.path.insert(0, str(BENCH))

import run_all  # noqa: E402
from table import Figure, markdown, text  # noqa: E402

#: The tiny size of each benchmark (keyword arguments of its `figures`).
TINY: dict[str, dict[str, Any]] = {
    "bench_commands": {"meetings": 3},
    "bench_projector": {"events": 120},
    "bench_pages": {"meetings": 12, "members": 6, "requests": 12, "seconds": 10,
                    "clients": 2},
    "bench_loading": {"events": 60, "repeat": 1},
    "bench_asof": {"small": 150, "events": 300, "repeat": 1},
    "bench_memory": {"small": 300, "large": 600},
    "bench_audit": {"events": 30},
    "bench_org_scope": {"own": 4, "others": 40, "repeat": 2},
    "bench_matchmaking": {"german": 4, "local": 6, "slots": 3, "tables": 3, "pairs_each": 2},
}


#: Benchmarks written as scripts without `figures` (run_all keeps their printed output under
#: the table): their command-line arguments for a tiny size.
TINY_SCRIPTS: dict[str, list[str]] = {}


def _check(figures: list[Figure]) -> None:
    assert figures
    for figure in figures:
        assert math.isfinite(figure.value) or figure.note.startswith("not measured"), figure
        if figure.baseline is not None:
            assert figure.ratio is not None and math.isfinite(figure.ratio), figure
    assert len(markdown(figures).splitlines()) == len(figures) + 2
    assert text(figures)


@pytest.mark.parametrize("name", run_all.chosen())
def test_each_benchmark_gives_its_figures_at_a_tiny_size(name: str, tmp_path: Path) -> None:
    module = importlib.import_module(name)
    if not hasattr(module, "figures"):
        assert name in TINY_SCRIPTS, f"give {name} a tiny size in TINY_SCRIPTS"
        done = subprocess.run([sys.executable, str(BENCH / f"{name}.py"), *TINY_SCRIPTS[name]],
                              capture_output=True, text=True, timeout=600)
        assert done.returncode == 0 and done.stdout.strip(), done.stdout + done.stderr
        return
    assert name in TINY, f"give {name} a tiny size in TINY so that it runs in make test"
    (tmp_path / "db").mkdir()
    _check(module.figures(f"sqlite:///{tmp_path / 'db' / 'bench.sqlite3'}", "SQLite", tmp_path,
                          **TINY[name]))


@pytest.mark.postgres
def test_the_benchmarks_run_on_postgresql_too(postgres_url: str, tmp_path: Path) -> None:
    module = importlib.import_module("bench_commands")
    _check(module.figures(postgres_url, "PostgreSQL", tmp_path, **TINY["bench_commands"]))


def test_the_results_file_names_the_date_the_cores_and_the_commit() -> None:
    figure = Figure("commands/s", "SQLite", 120.0, "/s", "raw inserts", 400.0, ">= 0.5x")
    written = run_all.results_md([figure], [], 61.0, "taken on a busy machine")
    assert "- date: " in written and "- cores: " in written and "- commit: " in written
    assert "taken on a busy machine" in written
    assert "| commands/s | SQLite | 120 /s | 400 /s raw inserts | 0.30x | >= 0.5x |" in written


def test_a_new_run_keeps_the_hand_written_part_of_the_results_file() -> None:
    previous = f"# Benchmark results\n\nold table\n\n{run_all.KEPT}\n\n## Before\n\nprofiles\n"
    written = run_all.with_kept("# Benchmark results\n\nnew table\n", previous)
    assert "new table" in written and "old table" not in written
    assert written.endswith(f"{run_all.KEPT}\n\n## Before\n\nprofiles\n")
    assert run_all.with_kept("new\n", "no marker here") == "new\n"


def test_a_size_that_would_overrun_the_time_budget_is_left_out_saying_why(tmp_path: Path):
    module = importlib.import_module("bench_memory")
    (tmp_path / "db").mkdir()
    found = module.figures(f"sqlite:///{tmp_path / 'db' / 'bench.sqlite3'}", "SQLite",
                           tmp_path, small=200, large=400, budget_s=0)
    assert [f.note.split(":")[0] for f in found] == ["not measured", "not measured"]
    assert "the budget is 0.0 min" in text(found)


def test_an_as_of_that_would_overrun_its_budget_is_left_out_saying_why(tmp_path: Path) -> None:
    module = importlib.import_module("bench_asof")
    (tmp_path / "db").mkdir()
    found = module.figures(f"sqlite:///{tmp_path / 'db' / 'bench.sqlite3'}", "SQLite",
                           tmp_path, small=150, events=300, repeat=1, budget_s=0)
    assert [f.note.split(":")[0] for f in found] == ["not measured"]
    assert "over the budget of 0 s" in text(found)


def test_the_profiler_of_missed_targets_runs(tmp_path: Path) -> None:
    module = importlib.import_module("profile_targets")
    found = module.profiled("commands", 1, tmp_path).output_text(unicode=False, color=False)
    assert "schedule_meeting" in found
