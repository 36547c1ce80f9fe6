"""Property-based tests of the scheduler on generated conferences (Hypothesis): no company,
person, table or interpreter in two places at once, seats kept, blocked times kept,
interpreters where there is no shared language, must-meets placed whenever some schedule can
place them, and every unplaced pair with a reason."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta
from itertools import product

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from planner.matchmaking.problem import (
    Block,
    Company,
    Interpreter,
    Pair,
    Problem,
    Result,
    Slot,
    Table,
    blocked,
    covers,
    interpretable,
)
from planner.matchmaking.schedule import solve

START = datetime(2030, 2, 14, 6, tzinfo=UTC)
LANGUAGES = st.sampled_from([("de",), ("zh",), ("en",), ("de", "en"), ("zh", "en")])


@st.composite
def conferences(draw: st.DrawFn) -> Problem:
    pool = [f"p{n}" for n in range(draw(st.integers(2, 8)))]
    companies = []
    for side, count in (("a", draw(st.integers(1, 4))), ("b", draw(st.integers(1, 4)))):
        for n in range(count):
            people = tuple(sorted(set(draw(st.lists(st.sampled_from(pool), max_size=2)))))
            companies.append(Company(f"{side}{n}", side, f"{side.upper()}{n}", people,
                                     draw(LANGUAGES)))
    cross = [(a.id, b.id) for a in companies if a.side == "a"
             for b in companies if b.side == "b"]
    chosen = draw(st.lists(st.sampled_from(cross), min_size=1, unique=True))
    pairs = tuple(Pair(a, b, draw(st.integers(-20, 150)), draw(st.booleans()))
                  for a, b in chosen)
    slots = tuple(Slot(f"s{n}", START + timedelta(minutes=20 * n),
                       START + timedelta(minutes=20 * n + 20))
                  for n in range(draw(st.integers(1, 4))))
    tables = tuple(Table(f"t{n}", draw(st.integers(2, 5)))
                   for n in range(draw(st.integers(1, 3))))
    blocks = []
    for _ in range(draw(st.integers(0, 2))):
        slot = draw(st.sampled_from(slots))
        whom = draw(st.sampled_from(["all", "company", "table"]))
        blocks.append(Block(slot.starts_at, slot.ends_at,
                            draw(st.sampled_from(companies)).id if whom == "company" else "",
                            draw(st.sampled_from(tables)).id if whom == "table" else ""))
    interpreters = []
    for n in range(draw(st.integers(0, 2))):
        who = draw(st.sampled_from([f"i{n}", *pool]))  # sometimes also a representative
        if who in {i.id for i in interpreters}:
            continue
        windows = () if draw(st.booleans()) else ((slots[0].starts_at, slots[0].ends_at),)
        interpreters.append(Interpreter(who, tuple(draw(st.lists(
            st.sampled_from(["de-zh", "en-zh", "de-en"]), min_size=1, unique=True))), windows))
    return Problem(tuple(companies), pairs, slots, tables, tuple(blocks), tuple(interpreters))


def check_valid(problem: Problem, result: Result) -> None:
    """The rules every schedule must keep, checked independently of the solver."""
    companies = {c.id: c for c in problem.companies}
    slots = {s.id: s for s in problem.slots}
    tables = {t.id: t for t in problem.tables}
    used: Counter[tuple[str, str]] = Counter()
    for p in result.placements:
        a, b, slot, table = companies[p.a], companies[p.b], slots[p.slot], tables[p.table]
        shared = set(a.languages) & set(b.languages)
        for who in {"company:" + p.a, "company:" + p.b, "table:" + p.table, *a.people,
                    *b.people, *([p.interpreter] if p.interpreter else [])}:
            used[who, p.slot] += 1
        assert table.seats >= a.seats + b.seats + (1 if p.interpreter else 0)
        assert not blocked(problem, slot, company=p.a) and not blocked(problem, slot,
                                                                      company=p.b)
        assert not blocked(problem, slot, table=p.table)
        if shared:
            assert not p.interpreter
        else:
            interpreter = next(i for i in problem.interpreters if i.id == p.interpreter)
            assert any(interpretable(lp, a.languages, b.languages)
                       for lp in interpreter.language_pairs)
            assert covers(interpreter.available, slot)
            assert interpreter.id not in a.people + b.people
    assert max(used.values(), default=0) <= 1, used.most_common(3)
    placed = Counter((p.a, p.b) for p in result.placements)
    unplaced = {(u.a, u.b) for u in result.unplaced}
    assert all(n == 1 for n in placed.values())
    assert set(placed) | unplaced == {(p.a, p.b) for p in problem.pairs}
    assert not set(placed) & unplaced
    assert all(u.reason.strip() and u.parts for u in result.unplaced)


def most_musts_placeable(problem: Problem) -> int:
    """By brute force: the most must-meets any valid schedule places (the oracle)."""
    companies = {c.id: c for c in problem.companies}
    musts = [p for p in problem.pairs if p.must]

    def options(pair: Pair) -> list[tuple[str, str, str]]:
        a, b = companies[pair.a], companies[pair.b]
        need_help = not set(a.languages) & set(b.languages)
        seats = a.seats + b.seats + need_help
        helpers = [i for i in problem.interpreters if i.id not in a.people + b.people and any(
            interpretable(lp, a.languages, b.languages) for lp in i.language_pairs)]
        found = []
        for slot, table in product(problem.slots, problem.tables):
            if (blocked(problem, slot, company=pair.a) or blocked(problem, slot, company=pair.b)
                    or blocked(problem, slot, table=table.id) or table.seats < seats):
                continue
            if not need_help:
                found.append((slot.id, table.id, ""))
            found += [(slot.id, table.id, i.id) for i in helpers if covers(i.available, slot)]
        return found

    choices = [options(p) for p in musts]
    best = 0

    def search(n: int, taken: set[tuple[str, str]], placed: int) -> None:
        nonlocal best
        best = max(best, placed)
        if n == len(musts) or placed + len(musts) - n <= best:
            return
        pair = musts[n]
        who = {"company:" + pair.a, "company:" + pair.b, *companies[pair.a].people,
               *companies[pair.b].people}
        for slot, table, helper in choices[n]:
            keys = {(w, slot) for w in who | {"table:" + table} | ({helper} - {""})}
            if not keys & taken:
                search(n + 1, taken | keys, placed + 1)
        search(n + 1, taken, placed)

    search(0, set(), 0)
    return best


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(conferences())
def test_every_schedule_keeps_the_rules_and_places_the_most_must_meets(problem: Problem) -> None:
    result = solve(problem, time_limit=20)
    assert result.status == "OPTIMAL"
    check_valid(problem, result)
    placed_musts = sum(1 for p in result.placements
                       if next(q for q in problem.pairs if (q.a, q.b) == (p.a, p.b)).must)
    assert placed_musts == most_musts_placeable(problem)


@settings(max_examples=20, deadline=None)
@given(conferences())
def test_the_same_input_gives_the_same_schedule(problem: Problem) -> None:
    assert solve(problem) == solve(problem)
