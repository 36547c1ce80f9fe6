"""From a matchmaking record to the pure planner.matchmaking values: the scheduling problem
(whose fingerprint the proposal and the publication compare), a company's match profile, and
a series of slots."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from planner.domain import values as v
from planner.domain.errors import ValidationError
from planner.domain.matchmaking import Matchmaking
from planner.domain.matchmaking_values import pair_key
from planner.matchmaking.problem import Block, Company, Interpreter, Pair, Problem, Slot, Table
from planner.matchmaking.suggest import MatchProfile

MAX_SERIES = 100


def profile_of(mm: Matchmaking, profile_id: str) -> MatchProfile:
    company, profile = mm.companies[profile_id], mm.profiles.get(profile_id, {})
    return MatchProfile(
        id=profile_id, side=company["side"], name=company["name"],
        sectors=tuple(profile.get("sectors", ())), offers=tuple(profile.get("offers", ())),
        requests=tuple(profile.get("requests", ())),
        languages=tuple(profile.get("languages", ())),
        interests=tuple(profile.get("interests", ())))


def problem_of(mm: Matchmaking) -> Problem:
    """The accepted pairs and the floor as the solver sees them."""
    musts = {key for key, levels in mm.preferences.items() if "must meet" in levels.values()}
    companies = tuple(Company(c["profile_id"], c["side"], c["name"], tuple(c["people"]),
                              tuple(mm.profiles.get(c["profile_id"], {}).get("languages", ())))
                      for c in mm.companies.values())
    pairs = tuple(Pair(p["a_id"], p["b_id"], p["score"], pair_key(p["a_id"], p["b_id"]) in musts)
                  for p in mm.accepted())
    return Problem(
        companies=companies, pairs=pairs,
        slots=tuple(Slot(s["slot_id"], s["starts_at"], s["ends_at"]) for s in mm.slots),
        tables=tuple(Table(t["table_id"], t["seats"], t["name"]) for t in mm.tables),
        blocks=tuple(Block(b["starts_at"], b["ends_at"], b["profile_id"], b["table_id"],
                           b["label"]) for b in mm.blocks),
        interpreters=tuple(Interpreter(i["person_id"], tuple(i["language_pairs"]),
                                       tuple((w["starts_at"], w["ends_at"])
                                             for w in i["available"]))
                           for i in mm.interpreters.values()))


def slot_series(day: date, first: time, last: time, minutes: int,
                breaks: list[tuple[time, time]]) -> list[tuple[datetime, datetime]]:
    """Naive local (start, end) of each slot of `minutes` from `first` that ends by `last`,
    skipping any slot that overlaps a break."""
    v.calendar_date("day", day)
    for field, value in (("first", first), ("last", last)):
        if not isinstance(value, time):
            raise ValidationError(field, "must be a time of day (HH:MM)")
    length = timedelta(minutes=v.whole_number("minutes", minutes, low=5, high=240))
    start, end = datetime.combine(day, first), datetime.combine(day, last)
    if end <= start:
        raise ValidationError("last", "must be after first")
    pauses = [(datetime.combine(day, s), datetime.combine(day, e)) for s, e in breaks]
    slots = []
    while start + length <= end:
        stop = start + length
        pause = next((p for p in pauses if start < p[1] and p[0] < stop), None)
        if pause is not None:
            start = pause[1]
            continue
        slots.append((start, stop))
        start = stop
        if len(slots) > MAX_SERIES:
            raise ValidationError("minutes", "would make more than %(max_slots)s slots",
                                  max_slots=MAX_SERIES)
    if not slots:
        raise ValidationError("minutes", "no slot fits between first and last")
    return slots
