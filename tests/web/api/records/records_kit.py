"""Records for the API tests of profiles, agreements, warnings, history and the feed
(issue 12, api-records): built on the session's test world (tests/web/world.py) through the
real commands, owned by the world's own organisation (Leipzig) and reachable by its partners
the way the web tests' records are: a trip shared at plan and at view, with a delegation
member of its own (not one of the world's accounts, whose trip lists other tests count), a
meeting, a profile handed over on it and an agreement made on it with two parties, each with
a signatory. Each call builds a new set, so a test may change its records freely.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any
from uuid import UUID

from flask import Flask

from tests.web.world import World

SETUP = "test:setup"
ROLES = ("organiser:own", "organiser:plan", "organiser:view", "organiser:other",
         "administrator:own", "administrator:other", "auditor:own", "auditor:view",
         "auditor:other", "auditor:global", "member", "outsider")
"""Every kind of account the API tests ask as (tests.web.world.EMAILS keys): organisers of
the owner, of partners at plan and view, of an unrelated organisation; administrators;
auditors incl. the global one; a participant on the world's trip (not on records_kit's) and
one on no trip."""


@dataclass(frozen=True)
class Records:
    trip_id: UUID
    meeting_id: UUID
    profile_id: UUID
    agreement_id: UUID
    person_id: UUID
    leg_id: str
    contact_id: str
    party_id: str
    signatory_id: str
    milestone_id: str

    def ids(self) -> dict[str, Any]:
        return {k: str(v) for k, v in vars(self).items()}


def build_records(app: Flask, world: World, title: str = "API records trip") -> Records:
    planner = app.extensions["planner"].app
    trip = planner.create_trip(actor=SETUP, title=title, organiser="Invest Region Leipzig",
                               direction="outbound", home_timezone="Europe/Berlin",
                               starts_on=date(2027, 5, 3), ends_on=date(2027, 5, 7))
    for tie in ("plan", "view"):
        planner.share_trip(trip, actor=SETUP, organisation_id=world.organisations[tie],
                           access=tie, reason="partner")
    person = planner.register_person(actor=SETUP, name="Lina Berger",
                                     organisation="Invest Region Leipzig",
                                     home_timezone="Europe/Berlin")
    planner.add_member(trip, actor=SETUP, person_id=person, role="head of delegation")
    leg = planner.add_leg(trip, actor=SETUP, city="Nanjing", country="China",
                          timezone="Asia/Shanghai", arrives_on=date(2027, 5, 3),
                          departs_on=date(2027, 5, 7))
    meeting = planner.schedule_meeting(
        trip, actor=SETUP, kind="company visit", title="Visit to the Hi-Tech Zone",
        venue="Zone office", city="Nanjing", timezone="Asia/Shanghai",
        starts=datetime(2027, 5, 4, 10, 0), ends=datetime(2027, 5, 4, 11, 0),
        attendees=[person])
    profile = planner.register_profile(actor=SETUP, name="Körner Automation GmbH",
                                       kind="company", country="Germany", city="Leipzig")
    contact = planner.add_contact(profile, actor=SETUP, name="Petra Lang", title="CEO",
                                  email="lang@example.de")
    planner.attach_profile(trip, profile, actor=SETUP)
    agreement = planner.draft_agreement(actor=SETUP, title="Letter of intent on automation",
                                        kind="letter of intent", trip_id=trip)
    party = planner.add_party(agreement, actor=SETUP, name="Körner Automation GmbH",
                              profile_id=profile)
    other = planner.add_party(agreement, actor=SETUP, name="Nanjing Hi-Tech Zone")
    signatory = planner.add_signatory(agreement, actor=SETUP, name="Petra Lang", title="CEO",
                                      party_id=party)
    planner.add_signatory(agreement, actor=SETUP, name="Wang Lei", title="Director",
                          party_id=other)
    milestone = planner.add_milestone(agreement, actor=SETUP, title="Joint feasibility study",
                                      due_on=date(2027, 9, 30))
    return Records(trip_id=trip, meeting_id=meeting, profile_id=profile,
                   agreement_id=agreement, person_id=person, leg_id=leg, contact_id=contact,
                   party_id=party, signatory_id=signatory,
                   milestone_id=milestone)
