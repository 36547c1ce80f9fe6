"""The scheduling problem with its lookups: which slots, tables and interpreters each accepted
pair may use, before any solving.

Interpreters with the same language pairs and availability form a *team*: the solver only
needs to know how many of a team are busy in a slot, not who (who is handed out afterwards).
This keeps the model small when the pool has several interchangeable interpreters. An
interpreter who also represents a company is a team of one, so that they are never in their
own company's meeting and in another at the same time.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from planner.matchmaking.problem import (
    Company,
    Interpreter,
    Pair,
    Problem,
    Slot,
    Table,
    blocked,
    covers,
    interpretable,
)


@dataclass
class Options:
    pair: Pair
    seats: int
    needs_interpreter: bool
    slots: list[Slot] = field(default_factory=list)  # slots free for both and some table
    teams: dict[str, list[str]] = field(default_factory=dict)  # slot id -> usable team ids


@dataclass(frozen=True)
class Team:
    id: str
    members: tuple[str, ...]  # interpreter (person) ids, sorted
    template: Interpreter


def in_order(pairs: tuple[Pair, ...]) -> list[Pair]:
    """Must-meets first, then by score; ties by ids, so the model is built the same way."""
    return sorted(pairs, key=lambda p: (not p.must, -p.score, p.a, p.b))


class Floor:
    def __init__(self, problem: Problem) -> None:
        self.problem = problem
        self.companies: dict[str, Company] = {c.id: c for c in problem.companies}
        self.representatives = {p for c in problem.companies for p in c.people}
        self.free_tables: dict[str, list[Table]] = {
            s.id: sorted((t for t in problem.tables if not blocked(problem, s, table=t.id)),
                         key=lambda t: (t.seats, t.id)) for s in problem.slots}
        self.teams = _teams(problem.interpreters, self.representatives)
        self.options = [self._options(p) for p in in_order(problem.pairs)]

    def people(self, pair: Pair) -> set[str]:
        return set(self.companies[pair.a].people) | set(self.companies[pair.b].people)

    def shared_language(self, pair: Pair) -> bool:
        a, b = self.companies[pair.a], self.companies[pair.b]
        return bool(set(a.languages) & set(b.languages))

    def seats(self, pair: Pair) -> int:
        a, b = self.companies[pair.a], self.companies[pair.b]
        return a.seats + b.seats + (0 if self.shared_language(pair) else 1)

    def bridging(self, pair: Pair) -> list[Team]:
        """The teams whose language pairs bridge the two companies' languages."""
        a, b = self.companies[pair.a], self.companies[pair.b]
        people = self.people(pair)
        return [team for team in self.teams.values()
                if not set(team.members) & people
                and any(interpretable(lp, a.languages, b.languages)
                        for lp in team.template.language_pairs)]

    def _options(self, pair: Pair) -> Options:
        need = self.seats(pair)
        found = Options(pair, need, not self.shared_language(pair))
        bridging = self.bridging(pair) if found.needs_interpreter else []
        for slot in self.problem.slots:
            if (blocked(self.problem, slot, company=pair.a)
                    or blocked(self.problem, slot, company=pair.b)
                    or not any(t.seats >= need for t in self.free_tables[slot.id])):
                continue
            if found.needs_interpreter:
                ids = [team.id for team in bridging if covers(team.template.available, slot)]
                if not ids:
                    continue
                found.teams[slot.id] = ids
            found.slots.append(slot)
        return found


def _teams(interpreters: tuple[Interpreter, ...], representatives: set[str]) -> dict[str, Team]:
    groups: dict[tuple[object, ...], list[Interpreter]] = {}
    for interpreter in sorted(interpreters, key=lambda i: i.id):
        key: tuple[object, ...] = (tuple(sorted(interpreter.language_pairs)),
                                   tuple(sorted(interpreter.available)))
        if interpreter.id in representatives:
            key = ("alone", interpreter.id)
        groups.setdefault(key, []).append(interpreter)
    teams = {}
    for n, members in enumerate(groups.values()):
        team_id = f"team{n}"
        teams[team_id] = Team(team_id, tuple(m.id for m in members), members[0])
    return teams
