"""The Changsha one-to-ones, from profiles to outcomes months later, through the matchmaking
commands an organiser uses in the browser.

In January the Bureau of Commerce opens the matchmaking for the conference afternoon of
14 February, enrols both delegations' firms with their profiles and preferences, sets up 20-
minute slots around a keynote, 20 tables and the interpreter pool, accepts each German firm's
best suggestions (and every must-meet), runs the scheduler and publishes. After the meetings
both sides rate them; in May and August the second stage is recorded, and one pair signs a
cooperation agreement.
"""

from __future__ import annotations

from datetime import date, datetime, time
from uuid import UUID

from planner.demo.accounts import CHANGSHA_ORGANISER
from planner.demo.changsha_firms import (
    BLOCKED,
    CHANGSHA,
    GERMAN,
    INTERPRETERS,
    MEETING_DAY,
    PREFERENCES,
    REAL_REPRESENTATIVES,
    REPRESENTATIVES,
    SESSIONS,
    SLOT_MINUTES,
    TABLES,
)
from planner.demo.clock import SHANGHAI, Demo
from planner.demo.steps import sign_up
from planner.matchmaking.suggest import MatchProfile, suggest

CS = CHANGSHA_ORGANISER
HALL = "Changsha International Conference Center"
BEST_PER_GERMAN_FIRM = 2
STAGES = (  # (German firm, Changsha firm, state) recorded in May
    ("baar", "lugu_ev", "negotiation started"),
    ("bosch", "sany", "talks continue"),
    ("neckar", "xiangjiang", "negotiation started"),
    ("uckermark", "yanghu_h2", "talks continue"),
    ("erzgebirge", "hexi_semi", "no further contact"),
)
NEXT_STEPS = ("second meeting", "exchange information", "site visit", "send an offer")


def _side(key: str) -> str:
    return "a" if key in {f.key for f in GERMAN} else "b"


def _people(demo: Demo, key: str) -> list[UUID]:
    keys = REAL_REPRESENTATIVES.get(key) or tuple(r.key for r in REPRESENTATIVES
                                                  if r.firm == key)
    return [demo.people[k] for k in keys]


def prepare(demo: Demo, trip: UUID, leg: str) -> UUID:
    """Open the matchmaking, enrol every firm with its profile, preferences, the floor."""
    app = demo.app
    mm = demo.ids["changsha_mm"] = app.open_matchmaking(
        trip, actor=CS, title="One-to-one meetings of the matchmaking conference",
        venue=HALL, city="Changsha", timezone=SHANGHAI, leg_id=leg,
        side_a="German enterprise delegation", side_b="Changsha enterprise delegation")
    app.enrol_companies(mm, actor=CS, companies=[dict(
        profile_id=demo.profiles[f.key], side=_side(f.key), people=_people(demo, f.key),
        offers=list(f.offers), requests=list(f.requests), sectors=list(f.sectors),
        languages=list(f.languages)) for f in GERMAN + CHANGSHA])
    for who, whom, level in PREFERENCES:
        app.set_pair_preference(mm, actor=CS, first=demo.profiles[who],
                                second=demo.profiles[whom], set_by=_side(who), level=level)
    day = date.fromisoformat(MEETING_DAY)
    app.define_slot_series(mm, actor=CS, day=day, first=time.fromisoformat(SESSIONS[0][0]),
                           last=time.fromisoformat(SESSIONS[-1][1]), minutes=SLOT_MINUTES,
                           breaks=[(time.fromisoformat(s), time.fromisoformat(e))
                                   for s, e, _ in BLOCKED])
    app.add_tables(mm, actor=CS, tables=list(TABLES))
    for i in INTERPRETERS:
        start, end = (datetime.fromisoformat(f"{MEETING_DAY} {t}") for t in i.available)
        app.add_interpreter(mm, actor=CS, person_id=demo.people[i.key],
                            language_pairs=[f"{a}-{b}" for a, b in i.pairs],
                            available=[(start, end)])
    return mm


def chosen_pairs(demo: Demo) -> list[tuple[UUID, UUID]]:
    """Every must-meet, and each German firm's best suggestions (computed from the same
    profiles the matchmaking holds, so the choice is the one the suggestions page shows)."""
    firms = GERMAN + CHANGSHA
    profiles = [MatchProfile(str(demo.profiles[f.key]), _side(f.key), f.name, f.sectors,
                             f.offers, f.requests, f.languages) for f in firms]
    preferences: dict[tuple[str, str], dict[str, str]] = {}
    for who, whom, level in PREFERENCES:
        a, b = (who, whom) if _side(who) == "a" else (whom, who)
        preferences.setdefault((str(demo.profiles[a]), str(demo.profiles[b])), {})[
            _side(who)] = level
    chosen: dict[str, list[tuple[str, str]]] = {}
    for s in suggest(profiles, preferences):
        mine = chosen.setdefault(s.a, [])
        if s.must or len(mine) < BEST_PER_GERMAN_FIRM:
            mine.append((s.a, s.b))
    return [(UUID(a), UUID(b)) for pairs in chosen.values() for a, b in pairs]


def schedule_and_publish(demo: Demo) -> list[UUID]:
    app, mm = demo.app, demo.ids["changsha_mm"]
    app.accept_pairs(mm, actor=CS, pairs=chosen_pairs(demo))
    app.propose_schedule(mm, actor=CS)
    meetings = app.publish_schedule(mm, actor=CS)
    demo.ids["one_to_ones"] = meetings
    return meetings


def rate(demo: Demo) -> None:
    """The evening of the conference: both sides rate the first twenty one-to-ones."""
    app, mm = demo.app, demo.ids["changsha_mm"]
    rows = app.get_matchmaking(mm)["published"]
    for n, key in enumerate(sorted(rows)[:20]):
        a_id, b_id = key.split("/")
        for side in ("a", "b"):
            app.rate_one_to_one(mm, actor=CS, first=a_id, second=b_id, side=side,
                                rating=5 - (n + (side == "b")) % 3,
                                next_step=NEXT_STEPS[(n + (side == "b")) % len(NEXT_STEPS)])


def second_stage(demo: Demo, when: str) -> None:
    """Months later: where the talks stand (recorded for the pairs that met)."""
    app, mm = demo.app, demo.ids["changsha_mm"]
    published = app.get_matchmaking(mm)["published"]
    for german, local_firm, state in STAGES:
        a_id, b_id = str(demo.profiles[german]), str(demo.profiles[local_firm])
        if f"{a_id}/{b_id}" in published:
            app.record_second_stage(mm, actor=CS, first=a_id, second=b_id, state=state,
                                    note=f"Recorded on {when}.")


def held(demo: Demo) -> None:
    """The evening of the conference: the one-to-ones followed up later get an outcome."""
    app, mm = demo.app, demo.ids["changsha_mm"]
    published = app.get_matchmaking(mm)["published"]
    for german, local_firm, _state in (*STAGES, ("baar", "lugu_ev", "")):
        meeting = published.get(f"{demo.profiles[german]}/{demo.profiles[local_firm]}")
        if meeting is not None and app.get_meeting(meeting)["status"] != "held":
            app.record_outcome(meeting, actor=CS, summary="Contacts exchanged; both sides "
                               "agreed on a follow-up call.", ideas=[])


def agreement(demo: Demo) -> None:
    """August: Baar Batteriesysteme and Hunan Lugu Power Battery sign a supply agreement."""
    app, mm = demo.app, demo.ids["changsha_mm"]
    a_id, b_id = str(demo.profiles["baar"]), str(demo.profiles["lugu_ev"])
    meeting = app.get_matchmaking(mm)["published"].get(f"{a_id}/{b_id}")
    if meeting is None:
        return
    deal = app.draft_agreement(actor=CS, title="Cooperation agreement on battery-cell supply "
                               "(fictitious)", kind="cooperation agreement",
                               trip_id=demo.ids["changsha_trip"], meeting_id=meeting,
                               owner_org_id=app.get_trip(demo.ids["changsha_trip"])[
                                   "owner_org_id"])
    sign_up(demo, deal, actor=CS, sides=(
        ("baar", "Katrin Hoffmann", "Managing Director (fictitious demo person)"),
        ("lugu_ev", "Wang Min", "General Manager (fictitious demo person)")))
    app.sign_agreement(deal, actor=CS, signed_on=date(2023, 8, 18), place="Changsha")
    app.record_second_stage(mm, actor=CS, first=a_id, second=b_id,
                            state="cooperation agreement reached", agreement_id=deal,
                            note="Supply agreement signed in Changsha.")
