"""The one-to-one schedule of a 60 x 100 matchmaking conference: 12 slots, 40 tables.

A generated conference: 60 German and 100 Changsha firms with one or two representatives each
(German firms speak German, most also English; Changsha firms Chinese, some English), about
ten accepted pairs per German firm (5% of them must-meets), a keynote blocking one slot for
everyone, tables of 2 to 6 seats, and eight interpreters (German-Chinese; two of them only in
the first half). Figures, each against a baseline measured in the same run:

- the CP-SAT solve (planner.matchmaking.schedule) against the greedy schedule it starts from
  (planner.matchmaking.greedy): the issue's target is 30 s at most; the ratio says what the
  solver costs over the greedy rule;
- meetings placed by CP-SAT against the greedy schedule (it must place at least as many);
- the `propose_schedule` command on the store (load, solve, save, project) against the solve
  alone: what the planner adds around the solver;
- `publish_schedule` (one save creating every meeting) against creating the same number of
  meetings one `schedule_meeting` command each.

Usage: python bench/bench_matchmaking.py [--german N] [--local N]
"""

from __future__ import annotations

import argparse
import random
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from table import Figure, bound_figure, ratio_figure
from workload import ACTOR, planner_on

from planner.bootstrap import Planner
from planner.commands.matchmaking_input import problem_of
from planner.domain.matchmaking import Matchmaking
from planner.domain.trip import Trip
from planner.matchmaking.floor import Floor
from planner.matchmaking.greedy import greedy
from planner.matchmaking.problem import Problem
from planner.matchmaking.schedule import solve

ZONE = "Asia/Shanghai"
DAY = date(2030, 2, 14)
FIRST_SLOT = datetime(2030, 2, 14, 6, 0, tzinfo=UTC)  # 14:00 in Changsha


def conference(planner: Planner, *, german: int, local: int, slots: int, tables: int,
               pairs_each: int, seed: int = 7) -> Matchmaking:
    """A trip and its matchmaking as described in the module docstring, saved in one go."""
    rng = random.Random(seed)
    trip = Trip.create(actor=ACTOR, title="Bench matchmaking", organiser="Bench",
                       direction="inbound", home_timezone=ZONE, starts_on=DAY,
                       ends_on=DAY + timedelta(days=1))
    mm = Matchmaking.open(actor=ACTOR, trip_id=trip.id, title="Afternoon", venue="Hall",
                          city="Changsha", timezone=ZONE, side_a="German", side_b="Changsha")
    firms: dict[str, list[str]] = {"a": [], "b": []}
    for side, count in (("a", german), ("b", local)):
        for n in range(count):
            firm = _uuid(rng)
            people = []
            for _ in range(1 + (rng.random() < 0.3)):
                pid = _uuid(rng)
                trip.add_member(actor=ACTOR, person_id=pid, role="company representative")
                people.append(pid)
            mm.enrol(actor=ACTOR, profile_id=firm, side=side, name=f"{side.upper()}{n}",
                     people=people)
            speaks = ["de"] if side == "a" else ["zh"]
            if rng.random() < (0.7 if side == "a" else 0.35):
                speaks.append("en")
            mm.set_profile(actor=ACTOR, profile_id=firm, offers=[], requests=[],
                           sectors=["28"], languages=speaks, interests=[])
            firms[side].append(firm)
    chosen: set[tuple[str, str]] = set()
    for a in firms["a"]:
        for b in rng.sample(firms["b"], min(pairs_each, len(firms["b"]))):
            chosen.add((a, b))
    for a, b in sorted(chosen):
        mm.accept_pair(actor=ACTOR, first=a, second=b, score=rng.randrange(0, 150))
        if rng.random() < 0.05:
            mm.set_preference(actor=ACTOR, first=a, second=b, set_by="organiser",
                              level="must meet")
    mm.define_slots(actor=ACTOR, slots=[(FIRST_SLOT + timedelta(minutes=20 * i),
                                         FIRST_SLOT + timedelta(minutes=20 * i + 20))
                                        for i in range(slots)])
    for n in range(tables):
        mm.add_table(actor=ACTOR, name=f"Table {n + 1}", seats=2 + n % 5)
    mm.block_time(actor=ACTOR, starts_at=FIRST_SLOT + timedelta(minutes=60),
                  ends_at=FIRST_SLOT + timedelta(minutes=80), label="Keynote")
    half = FIRST_SLOT + timedelta(minutes=10 * slots)
    for n in range(8):
        pid = _uuid(rng)
        trip.add_member(actor=ACTOR, person_id=pid, role="interpreter")
        mm.add_interpreter(actor=ACTOR, person_id=pid, language_pairs=["de-zh"],
                           available=[(FIRST_SLOT, half)] if n < 2 else None)
    trip.add_leg(actor=ACTOR, city="Changsha", country="China", timezone=ZONE,
                 arrives_on=DAY, departs_on=DAY + timedelta(days=1))
    planner.app.save(trip, mm)
    return mm


def _uuid(rng: random.Random) -> str:
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _trip_like(planner: Planner, trip_id: object) -> object:
    """Another trip with the same dates, leg and members (for the one-by-one baseline)."""
    trip = planner.app.get_trip(trip_id)
    copy = Trip.create(actor=ACTOR, title="Copy", organiser="Bench", direction="inbound",
                       home_timezone=ZONE, starts_on=DAY, ends_on=DAY + timedelta(days=1))
    copy.add_leg(actor=ACTOR, city="Changsha", country="China", timezone=ZONE,
                 arrives_on=DAY, departs_on=DAY + timedelta(days=1))
    for member in trip["members"]:
        copy.add_member(actor=ACTOR, person_id=member["person_id"], role=member["role"])
    planner.app.save(copy)
    return copy.id


def _timed(action: object) -> tuple[float, object]:
    started = time.perf_counter()
    result = action()  # type: ignore[operator]
    return time.perf_counter() - started, result


def figures(url: str, store: str, folder: Path, *, german: int = 60, local: int = 100,
            slots: int = 12, tables: int = 40, pairs_each: int = 10) -> list[Figure]:
    planner = planner_on(url, folder)
    try:
        mm = conference(planner, german=german, local=local, slots=slots, tables=tables,
                        pairs_each=pairs_each)
        problem: Problem = problem_of(mm)
        floor = Floor(problem)
        greedy_seconds, (meets, _helps) = _timed(lambda: greedy(floor))
        solve_seconds, result = _timed(lambda: solve(problem))
        scores = {(p.a, p.b): p.score for p in problem.pairs}
        size = f"{german} x {local} firms, {len(problem.pairs)} pairs"
        found = [
            ratio_figure(f"schedule {size} (CP-SAT)", store, solve_seconds, "s",
                         "greedy schedule", greedy_seconds, "",
                         note=f"solver status {result.status}"),  # type: ignore[union-attr]
            bound_figure("schedule time, CP-SAT", store, solve_seconds, "s", "<= 30 s"),
            ratio_figure("meetings placed (CP-SAT)", store,
                         float(len(result.placements)), "",  # type: ignore[union-attr]
                         "greedy", float(len(meets)), ">= 1x"),
            ratio_figure("score of the placed pairs (CP-SAT)", store, float(sum(
                scores[p.a, p.b] for p in result.placements)), "",  # type: ignore[union-attr]
                "greedy", float(sum(floor.options[n].pair.score for n, _ in meets)), ">= 1x"),
        ]
        propose_seconds, _ = _timed(lambda: planner.app.propose_schedule(mm.id, actor=ACTOR))
        found.append(ratio_figure("propose_schedule command", store, propose_seconds, "s",
                                  "solve alone", solve_seconds, ""))
        publish_seconds, created = _timed(lambda: planner.app.publish_schedule(mm.id,
                                                                               actor=ACTOR))
        meetings = [planner.app.get_meeting(m) for m in created]  # type: ignore[union-attr]
        copy = _trip_like(planner, mm.trip_id)
        one_by_one, _ = _timed(lambda: [planner.app.schedule_meeting(
            copy, actor=ACTOR, kind="matchmaking", title=m["title"], venue=m["venue"],
            city=m["city"], timezone=m["timezone"], starts=m["starts_at"], ends=m["ends_at"],
            attendees=m["attendees"]) for m in meetings])
        found.append(ratio_figure(f"publish {len(meetings)} meetings (one save)", store,
                                  publish_seconds, "s", "one command each", one_by_one,
                                  "<= 1x"))
        return found
    finally:
        planner.close()


def main() -> None:
    import run_all

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--german", type=int, default=60)
    parser.add_argument("--local", type=int, default=100)
    args = parser.parse_args()
    run_all.standalone(lambda url, store, folder: figures(url, store, folder,
                                                          german=args.german, local=args.local))


if __name__ == "__main__":
    main()
