"""Leipzig → Nanjing (25–27 June 2019) and Jining (28–30 June 2019): planning and the trip.

Told as it could have happened at Invest Region Leipzig: the trip is drafted in April, Jining's
invitation extends it, ECMDC arranges the meetings in May and June, the profiles are handed
over, the Jining signing is moved once, a site visit falls through, and outcomes are recorded
from Leipzig while the delegation reports back (Shanghai is six hours ahead in summer).
"""

from __future__ import annotations

from datetime import date
from uuid import UUID

from planner.demo.accounts import (
    IMPORT,
    LEIPZIG_ASSISTANT,
    LEIPZIG_ORGANISER,
    NANJING_ORGANISER,
    NANJING_STAFF,
    PARTICIPANTS,
    open_accounts,
)
from planner.demo.clock import SHANGHAI, Demo, local
from planner.demo.leipzig_itinerary import BOTH, ECMDC, JINING_MEETINGS, NANJING_MEETINGS, OUTCOMES
from planner.demo.organisations import JINING, NANJING
from planner.demo.people import LEIPZIG_DELEGATION, register_people
from planner.demo.profiles import LEIPZIG_BODIES, LEIPZIG_COMPANIES, register_profiles
from planner.demo.steps import Slot, record_outcomes, schedule, sign_up

ORG, ASST = LEIPZIG_ORGANISER, LEIPZIG_ASSISTANT


def plan(demo: Demo) -> None:
    """April to June 2019 in Leipzig: from a draft to a confirmed itinerary."""
    app, ids = demo.app, demo.ids
    demo.at("2019-04-02 08:30")
    register_profiles(demo, LEIPZIG_BODIES, IMPORT)
    demo.at("2019-04-08 09:10")
    trip = app.create_trip(
        actor=ORG, title="Delegation trip to Nanjing and Jining",
        organiser="Invest Region Leipzig GmbH", direction="outbound",
        home_timezone="Europe/Berlin", starts_on=date(2019, 6, 25), ends_on=date(2019, 6, 29),
        purpose="Promote Leipzig companies in China and strengthen the partnerships and "
                "economic relations with the twin town Nanjing and with Jining. Meetings "
                "arranged with the support of the EU-China Municipal Development Commission "
                "(ECMDC).")
    ids["leipzig_trip"] = trip
    app.set_objectives(trip, actor=ORG, objectives=[
        "Promote Leipzig companies in China",
        "Strengthen the twin-town partnership with Nanjing",
        "Establish business contacts in Jining"])
    register_people(demo, LEIPZIG_DELEGATION[:2], ORG)
    open_accounts(demo, PARTICIPANTS)
    app.add_member(trip, actor=ORG, person_id=demo.people["koerner"], role="head of delegation",
                   organisation="Invest Region Leipzig GmbH")
    app.add_member(trip, actor=ORG, person_id=demo.people["schuelke"], role="official",
                   organisation="City of Leipzig, Office for Economic Development")
    demo.at("2019-04-15 14:20")
    legs = {"nanjing": app.add_leg(trip, actor=ORG, city="Nanjing", country="China",
                                   timezone=SHANGHAI, arrives_on=date(2019, 6, 25),
                                   departs_on=date(2019, 6, 27))}
    demo.at("2019-04-15 14:40")
    app.share_trip(trip, actor=ORG, organisation_id=NANJING.id, access="plan",
                   reason="Nanjing's municipal government sets the programme of the Nanjing "
                          "leg with ECMDC and prepares the Memorandum of Understanding.")
    open_accounts(demo, NANJING_STAFF)  # Nanjing's organiser plans the Nanjing leg from here
    demo.at("2019-04-24 11:05")
    app.change_trip_dates(trip, actor=ASST, starts_on=date(2019, 6, 25),
                          ends_on=date(2019, 6, 30),
                          reason="Jining invited the delegation for a return visit (Mayor Shi "
                                 "Guangliang visited Leipzig last year): extended to 30 June.")
    legs["jining"] = app.add_leg(trip, actor=ASST, city="Jining", country="China",
                                 timezone=SHANGHAI, arrives_on=date(2019, 6, 28),
                                 departs_on=date(2019, 6, 30))
    demo.at("2019-04-24 11:30")
    app.share_trip(trip, actor=ASST, organisation_id=JINING.id, access="plan",
                   reason="Jining invited the delegation: its municipal government sets the "
                          "programme of the Jining leg and prepares the signing.")
    demo.at("2019-05-02 10:00")
    app.change_trip_status(trip, actor=ORG, status="planned")
    demo.at("2019-05-06 08:30")
    register_profiles(demo, LEIPZIG_COMPANIES, IMPORT)
    demo.at("2019-05-14 15:00")
    pleisse = next(p for p in LEIPZIG_COMPANIES if p.key == "pleisse")
    app.change_profile(
        demo.profiles["pleisse"], actor=ASST, name=pleisse.name, kind=pleisse.kind,
        country=pleisse.country, city=pleisse.city,
        sectors=[*pleisse.sectors, "electromobility"], size=pleisse.size,
        description=pleisse.description, interests=list(pleisse.interests),
        reason="The company asked us to add its e-mobility parts line before the profile is "
               "handed over in Nanjing.")
    demo.at("2019-05-20 10:30")
    _schedule(demo, trip, legs, NANJING_MEETINGS, NANJING_ORGANISER)
    demo.at("2019-05-27 11:15")
    _schedule(demo, trip, legs, JINING_MEETINGS, ASST)
    demo.at("2019-06-04 09:20")
    register_people(demo, LEIPZIG_DELEGATION[2:], ASST)
    app.add_member(trip, actor=ASST, person_id=demo.people["interpreter_leipzig"],
                   role="interpreter", organisation="Freelance")
    for key in ("presentation", "nanjing_gov", "nanjing_signing", "travel", "jining_gov",
                "jining_signing", "jining_companies", "return"):
        app.add_attendee(ids[key], actor=ASST, person_id=demo.people["interpreter_leipzig"])
    demo.at("2019-06-12 09:00")
    for company in LEIPZIG_COMPANIES:
        app.attach_profile(trip, demo.profiles[company.key], actor=ASST)
    demo.at("2019-06-13 16:45")
    app.move_meeting(ids["jining_signing"], actor=ORG, starts=local("2019-06-29 10:00"),
                     ends=local("2019-06-29 11:00"),
                     reason="The Jining side asked to hold the signing on the morning of "
                            "29 June so that the mayor's office can attend.")
    demo.at("2019-06-17 10:00")
    for key in (*NANJING_MEETINGS, *JINING_MEETINGS):
        app.confirm_meeting(ids[key], actor=ORG)
    app.change_trip_status(trip, actor=ORG, status="confirmed")
    demo.at("2019-06-19 14:30")
    _draft_mous(demo)


def _schedule(demo: Demo, trip: UUID, legs: dict[str, str], meetings: dict[str, tuple],
              actor: str) -> None:
    slots = {key: Slot(kind, title, venue, leg.capitalize(), leg, *rest)
             for key, (kind, title, venue, leg, *rest) in meetings.items()}
    schedule(demo, trip, slots, actor=actor, zone=SHANGHAI, legs=legs)


def _draft_mous(demo: Demo) -> None:
    app, ids = demo.app, demo.ids
    not_named = "(not named in the press release)"
    mous = {
        "mou_nanjing": ("Memorandum of Understanding Leipzig–Nanjing", "nanjing_signing",
                        "Further strengthen economic cooperation between the twin towns; make "
                        "opportunities for Chinese companies to locate and invest in Leipzig "
                        "more widely known; new partnerships, e.g. for the sale of Leipzig "
                        "products on the Chinese market.",
                        ("city_leipzig", "Clemens Schülke", "Head of the Office for Economic "
                         "Development"),
                        ("nanjing_gov", "Representative of the Nanjing municipal government",
                         not_named)),
        "mou_jining": ("Memorandum of Understanding Leipzig–Jining", "jining_signing",
                       "Reaffirm the intentions for economic cooperation between the Leipzig "
                       "region and Jining.",
                       ("irl", "Michael Körner", "Managing Director, Invest Region Leipzig"),
                       ("jining_gov", "Representative of the Jining region", not_named)),
    }
    for key, (title, meeting, subject, *sides) in mous.items():
        ids[key] = app.draft_agreement(actor=ASST, title=title,
                                       kind="memorandum of understanding", subject=subject,
                                       meeting_id=ids[meeting])
        sign_up(demo, ids[key], actor=ASST, sides=sides)


def travel(demo: Demo) -> None:
    """25–30 June 2019: the delegation reports, staff in Leipzig record it as it happens."""
    app, ids = demo.app, demo.ids
    demo.at("2019-06-25 15:10")
    _outcomes(demo, "presentation")
    demo.at("2019-06-26 07:40")
    _outcomes(demo, "nanjing_gov", "nanjing_signing")
    app.sign_agreement(ids["mou_nanjing"], actor=ASST, signed_on=date(2019, 6, 26),
                       place="Nanjing")
    demo.at("2019-06-26 17:05")
    app.cancel_meeting(ids["site_visit"], actor=ORG,
                       reason="The Jiangbei New Area administration had to postpone the tour; "
                              "the afternoon is used for talks with ECMDC instead.")
    ids["ecmdc_talks"] = app.schedule_meeting(
        ids["leipzig_trip"], actor=ORG, kind="official meeting",
        title="Talks with ECMDC on the follow-up and the company delegation",
        venue="Jinling Hotel, Nanjing", city="Nanjing", timezone=SHANGHAI,
        starts=local("2019-06-27 14:30"), ends=local("2019-06-27 16:00"),
        counterparts=[ECMDC], leg_id=app.get_meeting(ids["site_visit"])["leg_id"],
        attendees=[demo.people[a] for a in BOTH])
    app.confirm_meeting(ids["ecmdc_talks"], actor=ORG)
    demo.at("2019-06-27 09:15")
    _outcomes(demo, "nanjing_dinner")
    demo.at("2019-06-27 11:30")
    _outcomes(demo, "nanjing_companies")
    app.record_outcome(ids["ecmdc_talks"], actor=ASST,
                       summary="ECMDC will help prepare the larger company delegation and keep "
                               "the contacts in Nanjing and Jining warm.",
                       ideas=["A larger delegation trip with the Leipzig companies"])
    demo.at("2019-06-28 15:00")
    _outcomes(demo, "jining_gov", "jining_dinner")
    demo.at("2019-06-29 08:10")
    _outcomes(demo, "jining_signing")
    app.sign_agreement(ids["mou_jining"], actor=ASST, signed_on=date(2019, 6, 29),
                       place="Jining")
    demo.at("2019-06-29 11:00")
    _outcomes(demo, "jining_companies")


def _outcomes(demo: Demo, *keys: str) -> None:
    record_outcomes(demo, OUTCOMES, actor=ASST, keys=keys)


def debrief(demo: Demo) -> None:
    """July to September 2019: trip completed, follow-ups assigned and partly done."""
    app, ids = demo.app, demo.ids
    demo.at("2019-07-01 10:00")
    app.change_trip_status(ids["leipzig_trip"], actor=ORG, status="completed")
    demo.at("2019-07-03 11:30")
    summary, ideas = OUTCOMES["nanjing_gov"]
    app.record_outcome(ids["nanjing_gov"], actor=ORG, summary=summary,
                       ideas=[*ideas, "Cooperation between the Leipzig and Nanjing trade fairs"],
                       reason="Added the trade-fair idea after the debriefing with Michael "
                              "Körner.")
    followups = {
        "fu_delegation": ("nanjing_gov", "Prepare the larger delegation trip of Leipzig "
                          "companies to Nanjing and Jining", "Michael Körner", date(2019, 10, 31)),
        "fu_brochure": ("presentation", "Send the Chinese-language location brochure to the "
                        "Nanjing companies that attended", "Clemens Schülke", date(2019, 7, 31)),
        "fu_policy": ("nanjing_signing", "Develop a 'Preferential Policy' describing the "
                      "location conditions and offers of the Leipzig region for Chinese "
                      "investors", "Invest Region Leipzig GmbH", date(2019, 12, 31)),
        "fu_matching": ("jining_gov", "Match the eleven Leipzig company profiles with Jining "
                        "firms proposed by the city", "Michael Körner", date(2019, 9, 30)),
    }
    for key, (meeting, action, owner, due) in followups.items():
        ids[key] = app.add_followup(ids[meeting], actor=ASST, action=action, owner=owner,
                                    due_on=due)
    demo.at("2019-07-25 16:20")
    app.complete_followup(ids["presentation"], ids["fu_brochure"], actor=ASST,
                          done_on=date(2019, 7, 25))
    demo.at("2019-09-20 13:40")
    app.complete_followup(ids["jining_gov"], ids["fu_matching"], actor=ORG,
                          done_on=date(2019, 9, 20))


def load(demo: Demo) -> None:
    plan(demo)
    travel(demo)
    debrief(demo)
    demo.progress(f"  Leipzig → Nanjing and Jining: trip {demo.ids['leipzig_trip']}")

