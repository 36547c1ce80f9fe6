"""One row of the benchmark table, and the table itself (plain text and Markdown).

Every figure is measured with its baseline in the same run, on the same machine and store, so
the ratio means something even on a busy machine where the absolute numbers do not. Targets
are shown, never asserted: timing belongs in benchmarks, not in tests.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Figure:
    """One measurement. `ratio` is oriented as its target says: `higher` figures (throughput)
    are measured / baseline, `lower` ones (times, memory) too; `met` compares it to the target."""

    name: str  # what was measured, e.g. "commands/s (schedule + move)"
    store: str  # "SQLite" or "PostgreSQL"
    value: float
    unit: str
    baseline_name: str = ""
    baseline: float | None = None
    target: str = ""  # e.g. ">= 0.5x", "< 50 ms", "<= 2x"
    met: bool | None = None
    note: str = ""

    @property
    def ratio(self) -> float | None:
        if self.baseline in (None, 0):
            return None
        return self.value / self.baseline


def ratio_figure(name: str, store: str, value: float, unit: str, baseline_name: str,
                 baseline: float, target: str, note: str = "") -> Figure:
    """A figure whose target is a bound on value / baseline (">= 0.5x", "<= 2x")."""
    figure = Figure(name, store, value, unit, baseline_name, baseline, target, None, note)
    return _judged(figure, figure.ratio)


def bound_figure(name: str, store: str, value: float, unit: str, target: str,
                 note: str = "") -> Figure:
    """A figure whose target is a bound on the value itself ("< 50 ms", "< 300 MB")."""
    return _judged(Figure(name, store, value, unit, target=target, note=note), value)


def not_measured(name: str, store: str, unit: str, why: str) -> Figure:
    """A row that says why a figure was left out of this run (NaN, shown as "not measured")."""
    return Figure(name, store, math.nan, unit, note=f"not measured: {why}")


def _judged(figure: Figure, measured: float | None) -> Figure:
    if measured is None or not figure.target:
        return figure
    operator, number = figure.target.split()[:2]
    bound = float(number.rstrip("xmsMB"))
    met = {">=": measured >= bound, ">": measured > bound, "<=": measured <= bound,
           "<": measured < bound}[operator]
    return Figure(**{**figure.__dict__, "met": met})


def _number(value: float | None) -> str:
    if value is None:
        return ""
    if math.isnan(value):
        return "-"
    if abs(value) >= 100:
        return f"{value:,.0f}"
    if abs(value) >= 10:
        return f"{value:.1f}"
    return f"{value:.2f}"


HEADER = ("figure", "store", "measured", "baseline (same run)", "ratio", "target", "met")


def rows(figures: Iterable[Figure]) -> list[tuple[str, ...]]:
    found = []
    for f in figures:
        baseline = f"{_number(f.baseline)} {f.unit} {f.baseline_name}".strip() \
            if f.baseline is not None else ""
        ratio = f"{f.ratio:.2f}x" if f.ratio is not None else ""
        met = "" if f.met is None else ("yes" if f.met else "NO")
        name = f"{f.name} ({f.note})" if f.note else f.name
        value = f"{f.value:.0f}" if not f.unit and math.isfinite(f.value) else \
            f"{_number(f.value)} {f.unit}"
        found.append((name, f.store, value, baseline, ratio, f.target, met))
    return found


def markdown(figures: Iterable[Figure]) -> str:
    lines = ["| " + " | ".join(HEADER) + " |", "|" + "---|" * len(HEADER)]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |"
              for row in rows(figures)]
    return "\n".join(lines)


def text(figures: Iterable[Figure]) -> str:
    table = [HEADER, *rows(figures)]
    widths = [max(len(row[i]) for row in table) for i in range(len(HEADER))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True))
                     .rstrip() for row in table)
