"""The same conference gives the same schedule in another process (where Python's string
hashing, and so set and dict order of strings, differs)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PROGRAM = """
import random
from datetime import UTC, datetime, timedelta
from planner.matchmaking.problem import Company, Interpreter, Pair, Problem, Slot, Table
from planner.matchmaking.schedule import solve

rng = random.Random(3)
companies = [Company(f"a{n}", "a", f"A{n}", (f"pa{n}",), ("de", "en") if n % 2 else ("de",))
             for n in range(8)]
companies += [Company(f"b{n}", "b", f"B{n}", (f"pb{n}",), ("zh",) if n % 3 else ("zh", "en"))
              for n in range(12)]
pairs = sorted({(f"a{rng.randrange(8)}", f"b{rng.randrange(12)}") for _ in range(40)})
start = datetime(2030, 2, 14, 6, tzinfo=UTC)
problem = Problem(
    tuple(companies), tuple(Pair(a, b, rng.randrange(100), rng.random() < 0.1) for a, b in pairs),
    tuple(Slot(f"s{n}", start + timedelta(minutes=20 * n), start + timedelta(minutes=20 * n + 20))
          for n in range(5)),
    tuple(Table(f"t{n}", 2 + n % 3) for n in range(4)), (),
    (Interpreter("i1", ("de-zh",)), Interpreter("i2", ("de-zh",))))
result = solve(problem)
print(result.status, result.placements, result.unplaced)
"""


def _run(seed: str) -> str:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    done = subprocess.run([sys.executable, "-c", PROGRAM], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_two_processes_give_the_same_schedule() -> None:
    first, second = _run("1"), _run("2")
    assert first.startswith("OPTIMAL") and "Placement(" in first
    assert first == second
