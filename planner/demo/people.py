"""The people who travel or attend in the demo trips.

Names from the press releases are used as written there. A few supporting people (interpreters,
a staff member) are invented so that delegations look complete; their titles say so.
"""

from __future__ import annotations

from dataclasses import dataclass

from planner.demo.clock import BERLIN, SHANGHAI, Demo
from planner.demo.organisations import LEIPZIG, DemoOrganisation, org_id


@dataclass(frozen=True)
class DemoPerson:
    key: str
    name: str
    title: str
    organisation: str
    home_timezone: str
    email: str = ""
    org: str = ""  # key of the demo organisation the person belongs to, if it is one


LEIPZIG_DELEGATION = (
    DemoPerson("koerner", "Michael Körner", "Managing Director", "Invest Region Leipzig GmbH",
               BERLIN, "koerner@demo.invest-leipzig.example", org="leipzig"),
    DemoPerson("schuelke", "Clemens Schülke",
               "Head of the Office for Economic Development of the Leipzig Region",
               "City of Leipzig, Office for Economic Development", BERLIN,
               "schuelke@demo.leipzig.example"),
    DemoPerson("interpreter_leipzig", "Wang Lin",
               "Interpreter, German–Chinese (fictitious demo person)", "Freelance", BERLIN),
)

CHANGSHA_DELEGATION = (
    DemoPerson("klose", "Martin Stefan Klose", "Chief Representative",
               "German Chamber of Commerce and Industry in Guangzhou", SHANGHAI),
    DemoPerson("michel", "Bernd Michel", "Founder and member of the board of directors",
               "FORCAM (Shanghai) Software Technology Co., Ltd.", SHANGHAI),
    DemoPerson("interpreter_changsha", "Chen Jing",
               "Interpreter, Chinese–German (fictitious demo person)",
               "Changsha Municipal Bureau of Commerce", SHANGHAI, org="changsha"),
)

NANJING_DELEGATION = (
    DemoPerson("chen", "Chen Zhichang", "Mayor of Nanjing",
               "Nanjing Municipal People's Government (南京市人民政府)", SHANGHAI,
               org="nanjing"),
    DemoPerson("liu", "Liu Wei", "Deputy Director (fictitious demo person)",
               "Nanjing Municipal Bureau of Commerce", SHANGHAI),
    DemoPerson("interpreter_nanjing", "Zhou Min",
               "Interpreter, Chinese–German (fictitious demo person)",
               "Nanjing Foreign Affairs Office", SHANGHAI, org="nanjing"),
)


def register_people(demo: Demo, people: tuple[DemoPerson, ...], actor: str,
                    owner: DemoOrganisation = LEIPZIG) -> None:
    """Register people at the clock's current moment (records of `owner`, the organisation
    that registers them); their ids go into `demo.people`."""
    for person in people:
        demo.people[person.key] = demo.app.register_person(
            owner_org_id=owner.id, organisation_id=org_id(person.org) if person.org else None,
            actor=actor, name=person.name, title=person.title,
            organisation=person.organisation, email=person.email,
            home_timezone=person.home_timezone)
