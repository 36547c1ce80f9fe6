"""Changsha matchmaking conference, 13–16 February 2023 (press release of 20 February 2023).

Seen from the host: the Changsha Municipal People's Government plans an *inbound* trip for the
German enterprise delegation (delegation members are the German guests) and matches German
firms with Changsha firms along the industrial, supply, talent and financial chains. The exact
dates are not published; 13–16 February is a plausible choice. Venues are illustrative.
"""

from __future__ import annotations

from datetime import date

from planner.demo import changsha_one_to_ones as one_to_ones
from planner.demo import organisations as orgs
from planner.demo.accounts import (
    ADMINISTRATOR,
    CHANGSHA_ORGANISER,
    CHANGSHA_STAFF,
    IMPORT,
    open_accounts,
)
from planner.demo.changsha_matchmaking import add_delegates, register_firms
from planner.demo.clock import SHANGHAI, Demo
from planner.demo.partners import CHANGSHA_GERMAN, CHANGSHA_LOCAL, profile_name
from planner.demo.people import CHANGSHA_DELEGATION, register_people
from planner.demo.profiles import register_profiles
from planner.demo.steps import Slot, record_outcomes, schedule

CS = CHANGSHA_ORGANISER
HALL = "Changsha International Conference Center"
GUESTS = ("klose", "michel")
PROGRAMME = {
    "cs_arrival": Slot("travel", "Arrival of the German enterprise delegation",
                       "Changsha Huanghua International Airport", "Changsha", "changsha",
                       "2023-02-13 14:00", "2023-02-13 15:00", (), "", GUESTS),
    "cs_dinner": Slot("dinner", "Welcome dinner", HALL, "Changsha", "changsha",
                      "2023-02-13 18:30", "2023-02-13 20:30", (), "", GUESTS),
    "cs_opening": Slot(
        "conference session", "First Changsha Targeted Industry and Economic Matchmaking "
        "Conference: opening and speeches", HALL, "Changsha", "changsha", "2023-02-14 09:00",
        "2023-02-14 11:30", (),
        "Over 200 Chinese and German political and business representatives; speeches by "
        "Chinese and German enterprises, among them Bernd Michel (FORCAM) and Martin Stefan "
        "Klose (German Chamber of Commerce in Guangzhou).", GUESTS),
    "cs_sany_visit": Slot(
        "site visit", "Visit to the Sany innovation centre", "Sany Industrial Park, Changsha "
        "Economic and Technological Development Zone", "Changsha", "changsha",
        "2023-02-15 09:30", "2023-02-15 11:30", (), "", GUESTS),
    "cs_bosch_visit": Slot(
        "site visit", "Visit to the Bosch innovation centre in Changsha", "Bosch, Changsha",
        "Changsha", "changsha", "2023-02-15 14:00", "2023-02-15 16:00", (), "", GUESTS),
    "cs_departure": Slot("travel", "Departure of the German enterprise delegation",
                         "Changsha Huanghua International Airport", "Changsha", "changsha",
                         "2023-02-16 10:00", "2023-02-16 11:00", (), "", GUESTS),
}

OUTCOMES = {
    "cs_opening": ("Representatives of both sides spoke in turn and expressed their "
                   "expectations for more cooperation and investment.",
                   ["Build an exchange platform between Changsha and German enterprises",
                    "Import of high-quality equipment and key components via China-Europe "
                    "freight trains"]),
    "cs_sany_visit": ("Guests were impressed by the innovation centre.", []),
    "cs_bosch_visit": ("Guests toured the innovation centre.", []),
}


def plan(demo: Demo) -> None:
    app, ids = demo.app, demo.ids
    demo.at("2022-12-01 09:00", SHANGHAI)
    orgs.register(demo, ADMINISTRATOR, orgs.CHANGSHA)
    open_accounts(demo, CHANGSHA_STAFF)
    demo.at("2022-12-05 10:00", SHANGHAI)
    trip = ids["changsha_trip"] = app.create_trip(
        actor=CS, title="First Changsha Targeted Industry and Economic Matchmaking Conference",
        organiser="Changsha Municipal People's Government (长沙市人民政府)", direction="inbound",
        home_timezone=SHANGHAI, starts_on=date(2023, 2, 13), ends_on=date(2023, 2, 16),
        owner_org_id=orgs.CHANGSHA.id,
        purpose="Deepen foreign enterprises' understanding of Changsha and Central China and "
                "promote cooperation with advanced manufacturing at the core.")
    app.set_objectives(trip, actor=CS, objectives=[
        "Match the German enterprise delegation with a high-matching Changsha delegation",
        "Promote economic and trade exchanges and scientific cooperation"])
    legs = {"changsha": app.add_leg(trip, actor=CS, city="Changsha", country="China",
                                    timezone=SHANGHAI, arrives_on=date(2023, 2, 13),
                                    departs_on=date(2023, 2, 16))}
    demo.at("2022-12-12 14:30", SHANGHAI)
    register_profiles(demo, CHANGSHA_GERMAN + CHANGSHA_LOCAL, IMPORT, orgs.CHANGSHA)
    register_firms(demo)
    demo.at("2023-01-09 10:20", SHANGHAI)
    register_people(demo, CHANGSHA_DELEGATION[:2], CS, orgs.CHANGSHA)
    app.add_member(trip, actor=CS, person_id=demo.people["klose"], role="head of delegation",
                   organisation="German Chamber of Commerce and Industry in Guangzhou")
    app.add_member(trip, actor=CS, person_id=demo.people["michel"],
                   role="company representative",
                   organisation="FORCAM (Shanghai) Software Technology Co., Ltd.")
    app.change_trip_status(trip, actor=CS, status="planned")
    demo.at("2023-01-16 09:40", SHANGHAI)
    schedule(demo, trip, PROGRAMME, actor=CS, zone=SHANGHAI, legs=legs)
    demo.at("2023-02-01 15:10", SHANGHAI)
    register_people(demo, CHANGSHA_DELEGATION[2:], CS, orgs.CHANGSHA)
    app.add_member(trip, actor=CS, person_id=demo.people["interpreter_changsha"],
                   role="interpreter", organisation="Changsha Municipal Bureau of Commerce")
    add_delegates(demo, trip)
    demo.at("2023-02-02 09:30", SHANGHAI)
    one_to_ones.prepare(demo, trip, legs["changsha"])
    for key in ("cs_opening", "cs_sany_visit", "cs_bosch_visit"):
        app.add_attendee(ids[key], actor=CS, person_id=demo.people["interpreter_changsha"])
    demo.at("2023-02-03 11:00", SHANGHAI)
    sany = app.get_meeting(ids["cs_sany_visit"])
    app.change_meeting_details(
        ids["cs_sany_visit"], actor=CS, kind=sany["kind"],
        title="Visit to the Sany innovation centre and production lines",
        counterparts=[profile_name(demo, "sany")], agenda=sany["agenda"],
        reason="Correction: Sany added a tour of its production lines; counterpart was "
               "missing.")
    demo.at("2023-02-06 11:00", SHANGHAI)
    one_to_ones.schedule_and_publish(demo)
    demo.at("2023-02-08 16:00", SHANGHAI)
    for key in PROGRAMME:
        app.confirm_meeting(ids[key], actor=CS)
    app.change_trip_status(trip, actor=CS, status="confirmed")


def conference(demo: Demo) -> None:
    app, ids = demo.app, demo.ids
    demo.at("2023-02-14 18:00", SHANGHAI)
    record_outcomes(demo, OUTCOMES, actor=CS, keys=("cs_opening",))
    one_to_ones.rate(demo)
    one_to_ones.held(demo)
    demo.at("2023-02-15 17:30", SHANGHAI)
    record_outcomes(demo, OUTCOMES, actor=CS, keys=("cs_sany_visit", "cs_bosch_visit"))
    demo.at("2023-02-17 09:30", SHANGHAI)
    app.change_trip_status(ids["changsha_trip"], actor=CS, status="completed")
    ids["fu_pairs"] = app.add_followup(
        ids["cs_opening"], actor=CS, action="Send the list of matched pairs and their contacts "
        "to every participant", owner="Changsha Municipal Bureau of Commerce",
        due_on=date(2023, 2, 28))
    demo.at("2023-02-24 10:05", SHANGHAI)
    app.complete_followup(ids["cs_opening"], ids["fu_pairs"], actor=CS,
                          done_on=date(2023, 2, 24))
    demo.at("2023-05-15 10:00", SHANGHAI)
    one_to_ones.second_stage(demo, "15 May 2023")
    demo.at("2023-08-18 15:00", SHANGHAI)
    one_to_ones.agreement(demo)


def load(demo: Demo) -> None:
    plan(demo)
    conference(demo)
    demo.progress(f"  Changsha matchmaking conference: trip {demo.ids['changsha_trip']}")
