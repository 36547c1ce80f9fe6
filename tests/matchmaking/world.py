"""A small matchmaking conference for the tests: a trip to Changsha with three German and
three Changsha firms, one representative each, and one interpreter."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from uuid import UUID

from planner.application import PlannerApplication

ACTOR = "organiser@example.org"
ZONE = "Asia/Shanghai"
DAY = date(2023, 2, 14)

GERMAN = {
    "forcam": ("FORCAM GmbH", ["29", "62"], ["manufacturing execution software"],
               ["machine-tool supplier"], ["de", "en"]),
    "neckar": ("Neckar Antriebstechnik", ["28"], ["CNC machining", "gear drives"],
               ["distribution partner"], ["de"]),
    "elbtal": ("Elbtal Solar", ["27"], ["solar inverters"], ["investors"], ["de", "en"]),
}
CHANGSHA = {
    "sany": ("Sany Heavy Industry", ["28", "29"], ["construction machinery"],
             ["industrial software", "machine tools"], ["zh", "en"]),
    "fund": ("Xiangjiang Fund", ["64"], ["venture capital for investors"], ["solar"],
             ["zh"]),
    "parts": ("Changsha Auto Parts", ["29"], ["brake systems"], ["gear drives"], ["zh"]),
}


@dataclass
class World:
    app: PlannerApplication
    trip: UUID
    mm: UUID
    firms: dict[str, UUID] = field(default_factory=dict)
    people: dict[str, UUID] = field(default_factory=dict)


def build(app: PlannerApplication) -> World:
    trip = app.create_trip(actor=ACTOR, title="Changsha matchmaking", organiser="Changsha",
                           direction="inbound", home_timezone=ZONE, starts_on=date(2023, 2, 13),
                           ends_on=date(2023, 2, 16))
    app.add_leg(trip, actor=ACTOR, city="Changsha", country="China", timezone=ZONE,
                arrives_on=date(2023, 2, 13), departs_on=date(2023, 2, 16))
    mm = app.open_matchmaking(trip, actor=ACTOR, title="Matchmaking afternoon",
                              venue="Conference Center", city="Changsha", timezone=ZONE,
                              side_a="German delegation", side_b="Changsha delegation")
    world = World(app, trip, mm)
    for side, firms in (("a", GERMAN), ("b", CHANGSHA)):
        for key, (name, sectors, offers, requests, languages) in firms.items():
            firm = world.firms[key] = app.register_profile(
                actor=ACTOR, name=name, kind="company",
                country="Germany" if side == "a" else "China",
                interests=["find investors"] if key == "elbtal" else [])
            person = world.people[key] = app.register_person(
                actor=ACTOR, name=f"Rep of {name}", home_timezone=ZONE)
            app.add_member(trip, actor=ACTOR, person_id=person, role="company representative")
            app.enrol_company(mm, actor=ACTOR, profile_id=firm, side=side, people=[person])
            app.set_matchmaking_profile(mm, actor=ACTOR, profile_id=firm, offers=offers,
                                        requests=requests, sectors=sectors,
                                        languages=languages)
    interpreter = world.people["interpreter"] = app.register_person(
        actor=ACTOR, name="Li Interpreter", home_timezone=ZONE)
    app.add_member(trip, actor=ACTOR, person_id=interpreter, role="interpreter")
    app.add_interpreter(mm, actor=ACTOR, person_id=interpreter, language_pairs=["de-zh"])
    app.define_slot_series(mm, actor=ACTOR, day=DAY, first=time(14), last=time(15),
                           minutes=20)
    app.add_table(mm, actor=ACTOR, name="Table 1", seats=4)
    app.add_table(mm, actor=ACTOR, name="Table 2", seats=4)
    return world


def local(text: str) -> datetime:
    return datetime.fromisoformat(text)
