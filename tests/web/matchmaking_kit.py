"""A small B2B conference for the matchmaking tests: a one-leg trip to Changsha, two German and
two Changsha firms, their representatives (Körner of the test world among them) and an
interpreter, built through the ordinary commands. The matchmaking itself is left to the test."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

from tests.web.world import SETUP, World

SH = "Asia/Shanghai"
FIRMS = {  # key: (name, country, side, offers, requests, sectors, languages)
    "ammersee": ("Ammersee Werkzeugmaschinen GmbH", "Germany", "a",
                 "CNC machining centres", "a service partner for machine tools", "28",
                 "de en"),
    "baar": ("Baar Batteriesysteme GmbH", "Germany", "a", "battery-pack assembly lines",
             "a battery-cell supplier", "27 29", "de"),
    "lugu": ("Hunan Lugu Power Battery Co., Ltd.", "China", "b", "battery cells",
             "cell-production equipment", "27", "zh"),
    "tianxin": ("Changsha Tianxin CNC Machining Co., Ltd.", "China", "b",
                "CNC machining of housings", "a machine-tool supplier", "25 28",
                "zh en"),
}


@dataclass
class Conference:
    trip_id: UUID
    leg_id: str
    profiles: dict[str, UUID]
    people: dict[str, UUID]  # firm key (its representative) or "interpreter"


def small_conference(cmd: Any, world: World, title: str) -> Conference:
    """`cmd`: the PlannerApplication."""
    trip_id = cmd.create_trip(actor=SETUP, title=title, organiser="Invest Region Leipzig",
                              direction="outbound", home_timezone="Europe/Berlin",
                              starts_on=date(2027, 5, 10), ends_on=date(2027, 5, 12))
    leg = cmd.add_leg(trip_id, actor=SETUP, city="Changsha", country="China", timezone=SH,
                      arrives_on=date(2027, 5, 10), departs_on=date(2027, 5, 12))
    profiles = {key: cmd.register_profile(actor=SETUP, name=name, kind="company",
                                          country=country, city="")
                for key, (name, country, *_rest) in FIRMS.items()}
    cmd.add_member(trip_id, actor=SETUP, person_id=world.koerner,
                   role="company representative", organisation=FIRMS["baar"][0])
    people = {"baar": world.koerner}
    ids = cmd.register_members(trip_id, actor=SETUP, members=[
        dict(name="Jonas Becker", home_timezone="Europe/Berlin", role="company representative",
             organisation=FIRMS["ammersee"][0]),
        dict(name="刘伟", home_timezone=SH, role="company representative",
             organisation=FIRMS["lugu"][0]),
        dict(name="Chen Jing", home_timezone=SH, role="company representative",
             organisation=FIRMS["tianxin"][0]),
        dict(name="Li Na", home_timezone=SH, role="interpreter", organisation="Freelance")])
    people.update(zip(("ammersee", "lugu", "tianxin", "interpreter"), ids, strict=True))
    for tie in ("plan", "view"):
        cmd.share_trip(trip_id, actor=SETUP, organisation_id=world.organisations[tie],
                       access=tie, reason="partners of the conference")
    return Conference(trip_id, leg, profiles, people)
