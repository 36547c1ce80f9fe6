"""The one-to-one schedule: accepted pairs to slots, tables and interpreters with OR-Tools'
CP-SAT solver.

The model: one boolean per (pair, possible slot), at most one slot per pair; per slot, each
company and each person at most once, each interpreter team (planner.matchmaking.floor) at
most as often as it has members; per slot and seat count k, no more meetings needing k or
more seats than free tables with k or more seats (tables are nested by their seats, so that
is exactly when the tables can be handed out; they are, afterwards, smallest fitting table
first). Must-meets weigh more than all other pairs together, so the solver places as many of
them as any schedule can; then it maximises the placed pairs' scores. A greedy schedule in
the same order is given as a hint, so a good answer exists from the first moment.

Deterministic: one worker, a fixed seed, and a deterministic time budget (the wall-clock limit
is only a safety net for a much slower machine).
"""

from __future__ import annotations

from collections import defaultdict

from ortools import __version__ as ortools_version
from ortools.sat.python import cp_model

from planner.matchmaking.floor import Floor
from planner.matchmaking.greedy import greedy
from planner.matchmaking.parts import joined
from planner.matchmaking.problem import Pair, Placement, Problem, Result, Unplaced
from planner.matchmaking.reasons import Busy, unplaced_reason

SOLVER = f"OR-Tools CP-SAT {ortools_version}"
DEFAULT_TIME_LIMIT = 30.0
DETERMINISTIC_TIME = 1.0
"""The solver's own work units, about a second each on an idle machine. The search stops
after this much work whatever the clock says, so that the result depends only on the input;
on a machine eight times overloaded this is still within the 30 seconds of the wall-clock
limit (measured on the 60 x 100 benchmark at a load of 17 on 2 cores: 1 unit took 7-10 s,
2 units 20 s; the best schedule found after 0.5, 1, 2 and 4 units was the same).
If the wall-clock limit is reached first, the best schedule found so far is taken: still
valid, but then not necessarily the same on every run."""

Meets = dict[tuple[int, str], cp_model.IntVar]
Helps = dict[tuple[int, str, str], cp_model.IntVar]


def _weight(pair: Pair, must_weight: int) -> int:
    return (must_weight if pair.must else 0) + max(pair.score, 0) + 1


def solve(problem: Problem, *, time_limit: float = DEFAULT_TIME_LIMIT,
          deterministic_time: float = DETERMINISTIC_TIME) -> Result:
    """Place as many must-meets as possible, then maximise the placed pairs' scores."""
    floor = Floor(problem)
    model = cp_model.CpModel()
    meets: Meets = {}
    helps: Helps = {}
    for n, opt in enumerate(floor.options):
        for slot in opt.slots:
            x = meets[n, slot.id] = model.new_bool_var(f"m{n}_{slot.id}")
            if opt.needs_interpreter:
                zs = [helps.setdefault((n, slot.id, team), model.new_bool_var(
                    f"i{n}_{slot.id}_{team}")) for team in opt.teams[slot.id]]
                model.add(sum(zs) == x)
        model.add_at_most_one(meets[n, s.id] for s in opt.slots)
    _once_per_slot(model, floor, meets, helps)
    must_weight = 1 + sum(_weight(o.pair, 0) for o in floor.options)
    model.maximize(sum(_weight(floor.options[n].pair, must_weight) * x
                       for (n, _), x in meets.items()))
    hint_meets, hint_helps = greedy(floor)
    for key, x in meets.items():
        model.add_hint(x, key in hint_meets)
    for key, z in helps.items():
        model.add_hint(z, key in hint_helps)
    solver = cp_model.CpSolver()
    solver.parameters.num_workers = 1
    solver.parameters.random_seed = 0
    solver.parameters.max_time_in_seconds = time_limit
    solver.parameters.max_deterministic_time = deterministic_time
    # Measured on the 60 x 100 benchmark: symmetry detection and probing cost seconds and
    # found nothing the search did not; a long repair of the greedy hint cost most of the rest.
    solver.parameters.symmetry_level = 0
    solver.parameters.cp_model_probing_level = 0
    solver.parameters.hint_conflict_limit = 1
    solver.parameters.add_lp_constraints_lazily = False
    status = solver.solve(model)
    if status in (cp_model.OPTIMAL, cp_model.FEASIBLE):
        chosen = {key for key, x in meets.items() if solver.value(x)}
        teams = {(n, s): team for (n, s, team), z in helps.items() if solver.value(z)}
    else:  # no answer in time (not seen so far): the greedy schedule is a valid one
        chosen, teams = hint_meets, hint_helps_by_pair(hint_helps)
    placements = _hand_out(floor, chosen, teams)
    placed = {(p.a, p.b) for p in placements}
    busy = Busy(floor, placements)
    unplaced = []
    for o in floor.options:
        if (o.pair.a, o.pair.b) not in placed:
            parts = unplaced_reason(floor, o, busy)
            unplaced.append(Unplaced(o.pair.a, o.pair.b, joined(parts), parts))
    return Result(tuple(placements), tuple(unplaced), solver.status_name(status), SOLVER)


def hint_helps_by_pair(helps: set[tuple[int, str, str]]) -> dict[tuple[int, str], str]:
    return {(n, s): team for n, s, team in helps}


def _once_per_slot(model: cp_model.CpModel, floor: Floor, meets: Meets, helps: Helps) -> None:
    """No company, person, interpreter or table in two places at once."""
    by_slot: dict[str, list[int]] = defaultdict(list)
    for n, s in meets:
        by_slot[s].append(n)
    shared = {p for p in floor.representatives
              if sum(p in c.people for c in floor.problem.companies) > 1}
    alone = {team.members[0]: team.id for team in floor.teams.values()
             if team.members[0] in floor.representatives}
    for slot in floor.problem.slots:
        uses: dict[str, list[cp_model.IntVar]] = defaultdict(list)
        team_uses: dict[str, list[cp_model.IntVar]] = defaultdict(list)
        for n in by_slot[slot.id]:
            pair, x = floor.options[n].pair, meets[n, slot.id]
            uses["company:" + pair.a].append(x)
            uses["company:" + pair.b].append(x)
            for person in sorted(floor.people(pair) & (shared | set(alone))):
                uses[person].append(x)
        for (_n, s, team), z in helps.items():
            if s == slot.id:
                team_uses[team].append(z)
        for person, team in alone.items():
            uses[person].extend(team_uses.get(team, []))
        for vs in uses.values():
            if len(vs) > 1:
                model.add_at_most_one(vs)
        for team, zs in team_uses.items():
            if len(zs) > len(floor.teams[team].members):
                model.add(sum(zs) <= len(floor.teams[team].members))
        for k in sorted({floor.options[n].seats for n in by_slot[slot.id]}):
            tables = sum(1 for t in floor.free_tables[slot.id] if t.seats >= k)
            needing = [meets[n, slot.id] for n in by_slot[slot.id]
                       if floor.options[n].seats >= k]
            if len(needing) > tables:
                model.add(sum(needing) <= tables)


def _hand_out(floor: Floor, chosen: set[tuple[int, str]],
              teams: dict[tuple[int, str], str]) -> list[Placement]:
    """Per slot, the meetings needing most seats first, each the smallest free table; each
    meeting needing an interpreter the first free member of its team."""
    placements = []
    for slot in floor.problem.slots:
        here = sorted((n for n, s in chosen if s == slot.id),
                      key=lambda n: (-floor.options[n].seats, n))
        free = list(floor.free_tables[slot.id])
        busy: set[str] = set()
        for n in here:
            table = next(t for t in free if t.seats >= floor.options[n].seats)
            free.remove(table)
            interpreter = ""
            if (n, slot.id) in teams:
                members = floor.teams[teams[n, slot.id]].members
                interpreter = next(m for m in members if m not in busy)
                busy.add(interpreter)
            pair = floor.options[n].pair
            placements.append(Placement(pair.a, pair.b, slot.id, table.id, interpreter))
    return placements
