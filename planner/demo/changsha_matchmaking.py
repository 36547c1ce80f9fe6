"""The Changsha conference's matchmaking at full scale, told through ordinary commands.

The data is `changsha_firms.py`'s; this module registers the firms' company profiles (those
`partners.py` has not), their representatives and the interpreters, and puts them on the
conference trip as delegation members, so that the one-to-one meetings can have them as
attendees and each of them sees their own meetings in their schedule and feed.
"""

from __future__ import annotations

from uuid import UUID

from planner.demo import organisations as orgs
from planner.demo.accounts import CHANGSHA_ORGANISER, IMPORT
from planner.demo.changsha_firms import (
    CHANGSHA,
    FICTITIOUS_PERSON,
    GERMAN,
    INTERPRETERS,
    REPRESENTATIVES,
)
from planner.demo.clock import SHANGHAI, Demo
from planner.demo.firm_rows import Firm
from planner.demo.partners import MADE_UP
from planner.demo.profiles import DemoProfile, register_profiles

CS = CHANGSHA_ORGANISER


def _profile(firm: Firm, country: str) -> DemoProfile:
    about = f"Offers {'; '.join(firm.offers)}. Seeks {'; '.join(firm.requests)}."
    return DemoProfile(firm.key, firm.name, firm.kind, country, firm.city, (), "medium",
                       (MADE_UP if firm.fictitious else "") + about, (),
                       fictitious=firm.fictitious)


def register_firms(demo: Demo) -> None:
    """The company profiles of the firms that `partners.py` did not register."""
    new = tuple(_profile(f, "Germany") for f in GERMAN if not f.in_partners)
    new += tuple(_profile(f, "China") for f in CHANGSHA if not f.in_partners)
    register_profiles(demo, new, IMPORT, orgs.CHANGSHA)


def add_delegates(demo: Demo, trip: UUID) -> None:
    """Representatives of every firm and the interpreters join the conference trip (one
    save: the delegation list as the organiser imports it)."""
    names = {f.key: f.name for f in GERMAN + CHANGSHA}
    people = [(r.key, dict(name=r.name, title=r.title, organisation=names[r.firm],
                           home_timezone=r.home_timezone, role="company representative"))
              for r in REPRESENTATIVES]
    people += [(i.key, dict(name=i.name, title="Interpreter, " + "; ".join(
        f"{a}–{b}" for a, b in i.pairs) + FICTITIOUS_PERSON, organisation="Freelance",
        home_timezone=SHANGHAI, role="interpreter"))
        for i in INTERPRETERS if i.key not in demo.people]
    ids = demo.app.register_members(trip, actor=CS, members=[m for _, m in people],
                                    owner_org_id=orgs.CHANGSHA.id)
    demo.people.update(zip((key for key, _ in people), ids, strict=True))
