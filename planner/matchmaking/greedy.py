"""A greedy schedule: each pair in turn (must-meets first, then by score) in the first slot
where both companies, their people, a table and (if needed) an interpreter are free.

It is the solver's starting hint and the fallback should the solver give no answer; the
benchmark also measures it as the baseline the solver must beat.
"""

from __future__ import annotations

from collections import defaultdict

from planner.matchmaking.floor import Floor


def greedy(floor: Floor) -> tuple[set[tuple[int, str]], set[tuple[int, str, str]]]:
    """(pair number, slot id) chosen, and (pair number, slot id, team id) for interpreters."""
    busy: dict[str, set[str]] = defaultdict(set)  # slot id -> companies and people
    tables = {s: list(ts) for s, ts in floor.free_tables.items()}
    team_load: dict[tuple[str, str], int] = defaultdict(int)
    meets: set[tuple[int, str]] = set()
    helps: set[tuple[int, str, str]] = set()
    for n, opt in enumerate(floor.options):
        pair = opt.pair
        who = {"company:" + pair.a, "company:" + pair.b} | floor.people(pair)
        for slot in opt.slots:
            if who & busy[slot.id]:
                continue
            table = next((t for t in tables[slot.id] if t.seats >= opt.seats), None)
            if table is None:
                continue
            team = ""
            if opt.needs_interpreter:
                team = next((t for t in opt.teams[slot.id] if team_load[slot.id, t] < len(
                    floor.teams[t].members) and not (set(floor.teams[t].members)
                                                     & busy[slot.id])), "")
                if not team:
                    continue
                team_load[slot.id, team] += 1
                helps.add((n, slot.id, team))
                if len(floor.teams[team].members) == 1:
                    busy[slot.id].add(floor.teams[team].members[0])
            tables[slot.id].remove(table)
            busy[slot.id] |= who
            meets.add((n, slot.id))
            break
    return meets, helps
