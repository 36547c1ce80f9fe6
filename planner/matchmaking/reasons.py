"""Why a pair was not placed: a few parts a person can check against the schedule.

Each part is an English template with named parameters (planner.matchmaking.parts), so the
interface can translate the templates and fill in the names; `parts.joined` gives the English
line stored with the proposal, for example "must meet; every possible slot is taken; FORCAM
is in another meeting in 3; no interpreter free in 9".
"""

from __future__ import annotations

from typing import Any

from planner.i18n.words import N_
from planner.matchmaking.parts import Part, part
from planner.matchmaking.problem import Placement, blocked

TEMPLATES = {
    "no_table": N_("no table has the %(seats)d seats the meeting needs"),
    "blocked_all": N_("every slot is blocked for everyone"),
    "blocked": N_("every slot is blocked for %(name)s"),
    "blocked_both": N_("every slot is blocked for %(a)s and %(b)s"),
    "blocked_either": N_("no slot is free for both: %(a)s or %(b)s is blocked in each"),
    "no_interpreter": N_("no shared language (%(a)s: %(a_languages)s; %(b)s: %(b_languages)s) "
                         "and no interpreter in the pool for these languages"),
    "interpreter_busy": N_("no shared language, and no interpreter for these languages is "
                           "available when both are free"),
    "taken": N_("every possible slot is taken"),
    "must": N_("must meet"),
    "time": N_("not placed within the solver's time budget"),
}
CAUSES = {
    "a": N_("%(a)s is in another meeting in %(count)d"),
    "b": N_("%(b)s is in another meeting in %(count)d"),
    "person": N_("a representative is in another meeting in %(count)d"),
    "table": N_("no table free in %(count)d"),
    "interpreter": N_("no interpreter free in %(count)d"),
}


def render(key: str, **params: Any) -> Part:
    return part(TEMPLATES[key], **params)


def unplaced_reason(floor: Any, options: Any, busy: Busy) -> tuple[Part, ...]:
    prefix = (render("must"),) if options.pair.must else ()
    return prefix + _reason(floor, options, busy)


def _reason(floor: Any, options: Any, busy: Busy) -> tuple[Part, ...]:
    """The reason for one pair (`options`: its planner.matchmaking.floor.Options) not being
    in the schedule whose `Busy` is given."""
    pair, problem = options.pair, floor.problem
    a, b = floor.companies[pair.a], floor.companies[pair.b]
    names = dict(a=a.name or a.id, b=b.name or b.id)
    if options.slots:
        return _taken(floor, options, busy, names)
    if not any(t.seats >= options.seats for t in problem.tables):
        return (render("no_table", seats=options.seats),)
    if options.needs_interpreter:
        if not floor.bridging(pair):
            return (render("no_interpreter", a_languages=", ".join(a.languages) or "-",
                                   b_languages=", ".join(b.languages) or "-", **names),)
        if _any_free_slot(floor, options):
            return (render("interpreter_busy"),)
    if all(blocked(problem, s) for s in problem.slots):
        return (render("blocked_all"),)
    whom = [n for n, cid in ((names["a"], a.id), (names["b"], b.id))
            if all(_company_blocked(floor, s, cid) for s in problem.slots)]
    if not whom:
        return (render("blocked_either", **names),)
    if len(whom) == 2:
        return (render("blocked_both", **names),)
    return (render("blocked", name=whom[0]),)


def _company_blocked(floor: Any, slot: Any, company: str) -> bool:
    return blocked(floor.problem, slot, company=company)


def _any_free_slot(floor: Any, options: Any) -> bool:
    return any(not _company_blocked(floor, s, options.pair.a)
               and not _company_blocked(floor, s, options.pair.b)
               for s in floor.problem.slots)


class Busy:
    """Per slot of a schedule: the companies, the people and the tables in a meeting."""

    def __init__(self, floor: Any, placements: list[Placement]) -> None:
        self.companies: dict[str, set[str]] = {s.id: set() for s in floor.problem.slots}
        self.people: dict[str, set[str]] = {s.id: set() for s in floor.problem.slots}
        self.tables: dict[str, set[str]] = {s.id: set() for s in floor.problem.slots}
        for p in placements:
            self.companies[p.slot] |= {p.a, p.b}
            self.people[p.slot] |= {*floor.companies[p.a].people, *floor.companies[p.b].people,
                                    p.interpreter} - {""}
            self.tables[p.slot].add(p.table)


def _taken(floor: Any, options: Any, busy: Busy, names: dict[str, str]) -> tuple[Part, ...]:
    """Count, over the pair's possible slots, what stood in the way in the final schedule."""
    pair = options.pair
    people = floor.people(pair)
    counts = dict.fromkeys(CAUSES, 0)
    for slot in options.slots:
        if pair.a in busy.companies[slot.id]:
            counts["a"] += 1
        elif pair.b in busy.companies[slot.id]:
            counts["b"] += 1
        elif people & busy.people[slot.id]:
            counts["person"] += 1
        elif not any(t.seats >= options.seats and t.id not in busy.tables[slot.id]
                     for t in floor.free_tables[slot.id]):
            counts["table"] += 1
        elif options.needs_interpreter and all(
                set(floor.teams[team].members) <= busy.people[slot.id]
                for team in options.teams[slot.id]):
            counts["interpreter"] += 1
    causes = tuple(part(CAUSES[k], count=n, **{x: names[x] for x in ("a", "b")
                                               if "%(" + x + ")s" in CAUSES[k]})
                   for k, n in counts.items() if n)
    if not causes:
        return (render("time"),)
    return (render("taken"), *causes)
