"""Nanjing → Munich study visit, 19–22 November 2023, led by Mayor Chen Zhichang.

Direction: the planner is used by the organiser, and here the organiser is the Nanjing
Municipal People's Government planning its own delegation's journey, so the trip is
*outbound* with home zone Asia/Shanghai (the Changsha conference shows the *inbound* case).
Munich is the one leg (19–21 November); the visits to the Bosch, BASF and Merck headquarters
on 22 November lie outside it, in their own cities. Venues and the projects signed on the spot
(the release does not name them) are illustrative and marked so.
"""

from __future__ import annotations

from datetime import date

from planner.demo import organisations as orgs
from planner.demo.accounts import (
    ADMINISTRATOR,
    CHANGSHA_ORGANISER,
    IMPORT,
    NANJING_ORGANISER,
)
from planner.demo.clock import BERLIN, SHANGHAI, Demo, local
from planner.demo.partners import MUNICH, profile_name
from planner.demo.people import NANJING_DELEGATION, register_people
from planner.demo.profiles import register_profiles
from planner.demo.steps import Slot, record_outcomes, schedule, sign_up

NJ = NANJING_ORGANISER
ALL = ("chen", "liu", "interpreter_nanjing")
HOTEL = "Hotel Bayerischer Hof, Munich"


def _programme(demo: Demo) -> dict[str, Slot]:
    def name(key: str) -> str:
        return profile_name(demo, key)

    return {
        "mu_arrival": Slot("travel", "Arrival at Munich Airport", "Munich Airport", "Munich",
                           "munich", "2023-11-19 15:00", "2023-11-19 16:00", (), "", ALL),
        "mu_bmw": Slot("official meeting", "Meeting with BMW Group", HOTEL, "Munich", "munich",
                       "2023-11-20 09:00", "2023-11-20 09:45", (name("bmw"),),
                       "Chen Zhichang meets Bo Yishan, Global Senior Vice President and CIO, "
                       "and Fu Yao, Global Senior Vice President.", ALL),
        "mu_siemens": Slot("official meeting", "Meeting with Siemens AG", HOTEL, "Munich",
                           "munich", "2023-11-20 10:00", "2023-11-20 10:45", (name("siemens"),),
                           "With Achim Peltz, CEO Motion Control, Digital Industries.", ALL),
        "mu_exchange": Slot(
            "conference session", "China–Nanjing–Germany–Munich industrial cooperation and "
            "exchange", HOTEL, "Munich", "munich", "2023-11-20 14:00", "2023-11-20 17:30",
            (name("bmw"), name("siemens"), name("tianjia")),
            "More than 200 guests: multinationals, Fortune 500 firms, hidden champions, "
            "financial institutions, R&D institutions. Speeches by BMW Group, Siemens AG and "
            "Nanjing Tianjia Environmental Technology; projects signed on the spot.", ALL),
        "mu_symposium": Slot(
            "conference session", "Symposium for innovative enterprises in Germany", HOTEL,
            "Munich", "munich", "2023-11-21 09:00", "2023-11-21 11:00",
            (name("bvmw"), name("cgstic")),
            "Collaborative innovation among SMEs, sustainable development, exhibitions and "
            "conferences.", ALL),
        "mu_allianz": Slot("company visit", "Visit to Allianz Group", "Allianz SE, Munich",
                           "Munich", "munich", "2023-11-21 11:45", "2023-11-21 12:45",
                           (name("allianz"),), "Exchange with Vice President Mae Yan Kai.", ALL),
        "mu_consul": Slot("official meeting", "Visit to the Chinese Consul General in Munich",
                          "Consulate General of the People's Republic of China, Munich",
                          "Munich", "munich", "2023-11-21 16:00", "2023-11-21 17:00",
                          (name("consulate"),), "Courtesy visit to Consul General Tong Defa.",
                          ALL),
        "mu_to_bosch": Slot("travel", "Travel Munich → Gerlingen", "ICE to Stuttgart, then by "
                            "car", "Gerlingen", None, "2023-11-22 07:30", "2023-11-22 10:00",
                            (), "", ALL),
        "mu_bosch": Slot("company visit", "Visit to Bosch headquarters", "Robert Bosch GmbH, "
                         "Gerlingen-Schillerhöhe", "Gerlingen", None, "2023-11-22 10:30",
                         "2023-11-22 11:30", (name("bosch"),),
                         "With Christian Fischer, Vice Chairman of the Board of Management.",
                         ALL),
        "mu_basf": Slot("company visit", "Visit to BASF Group", "BASF SE, Ludwigshafen",
                        "Ludwigshafen am Rhein", None, "2023-11-22 14:00", "2023-11-22 15:00",
                        (name("basf"),), "Discussion with members of the executive board.",
                        ALL),
        "mu_merck": Slot("company visit", "Visit to Merck Group", "Merck KGaA, Darmstadt",
                         "Darmstadt", None, "2023-11-22 16:30", "2023-11-22 17:30",
                         (name("merck"),), "With Robert Nas, Benedict Ernst and Sebastian "
                         "Cannon Messier.", ALL),
        "mu_departure": Slot("travel", "Departure from Frankfurt Airport", "Frankfurt Airport",
                             "Frankfurt am Main", None, "2023-11-22 20:00", "2023-11-22 21:00",
                             (), "", ALL),
    }


OUTCOMES = {
    "mu_bmw": ("Talks on BMW's long-standing presence in Nanjing and digitalisation.", []),
    "mu_siemens": ("Talks on digital industries and motion control.", []),
    "mu_exchange": ("Full house with more than 200 guests; a number of industrial development "
                    "and open cooperation projects signed on the spot.",
                    ["Collaborative innovation, industrial cooperation, digital economy and "
                     "green development"]),
    "mu_symposium": ("Guests shared views on SME innovation and exhibition cooperation.",
                     ["Cooperation in exhibitions and conferences"]),
    "mu_allianz": ("Nanjing is building an important financial centre; Allianz was invited to "
                   "expand there.", ["Financial insurance and asset management in Nanjing"]),
    "mu_consul": ("Courtesy visit; briefing on Chinese enterprises in Bavaria.", []),
    "mu_bosch": ("Bosch has cooperated with Nanjing for nearly 30 years and is optimistic "
                 "about its development.", ["Expand the areas of cooperation with Bosch"]),
    "mu_basf": ("Both sides will accelerate the promotion of projects.", []),
    "mu_merck": ("Deepen communication and identify cooperation points.",
                 ["Life sciences, pharmaceuticals and healthcare, electronics"]),
}
ILLUSTRATIVE = ("Illustrative: the press release reports projects signed on the spot but does "
                "not name them. ")


def plan(demo: Demo) -> None:
    app, ids = demo.app, demo.ids
    demo.at("2023-09-01 09:00", SHANGHAI)
    orgs.register(demo, ADMINISTRATOR, orgs.MUNICH_CONSULATE)
    demo.at("2023-09-18 10:00", SHANGHAI)
    trip = ids["munich_trip"] = app.create_trip(
        actor=NJ, title="Nanjing delegation study visit to Germany (Munich)",
        organiser="Nanjing Municipal People's Government (南京市人民政府)", direction="outbound",
        home_timezone=SHANGHAI, starts_on=date(2023, 11, 19), ends_on=date(2023, 11, 22),
        owner_org_id=orgs.NANJING.id,
        purpose="Promote Nanjing's development environment, visit key enterprises and "
                "organisations, deepen industrial innovation cooperation.")
    app.set_objectives(trip, actor=NJ, objectives=[
        "Hold the China–Nanjing–Germany–Munich industrial cooperation exchange",
        "Visit the headquarters of German enterprises invested in Nanjing"])
    legs = {"munich": app.add_leg(trip, actor=NJ, city="Munich", country="Germany",
                                  timezone=BERLIN, arrives_on=date(2023, 11, 19),
                                  departs_on=date(2023, 11, 21))}
    demo.at("2023-09-25 15:00", SHANGHAI)
    register_profiles(demo, MUNICH, IMPORT, orgs.NANJING)
    # Bosch's profile is the Changsha Bureau's (its German guests of February): its organiser
    # adds the board member the Nanjing delegation is to meet, as Nanjing asked.
    app.add_contact(demo.profiles["bosch"], actor=CHANGSHA_ORGANISER, name="Christian Fischer",
                    title="Vice Chairman of the Board of Management")
    nanjing = demo.profiles["nanjing_gov"]
    han = next(c for c in app.get_profile(nanjing)["contacts"] if c["name"] == "HAN Liming")
    app.remove_contact(nanjing, han["contact_id"], actor=NJ,
                       reason="Ms HAN Liming is no longer mayor of Nanjing.")
    app.add_contact(nanjing, actor=NJ, name="Chen Zhichang", title="Mayor of Nanjing")
    demo.at("2023-10-09 10:30", SHANGHAI)
    register_people(demo, NANJING_DELEGATION, NJ, orgs.NANJING)
    for key, role in (("chen", "head of delegation"), ("liu", "official"),
                      ("interpreter_nanjing", "interpreter")):
        person = next(p for p in NANJING_DELEGATION if p.key == key)
        app.add_member(trip, actor=NJ, person_id=demo.people[key], role=role,
                       organisation=person.organisation)
    app.change_trip_status(trip, actor=NJ, status="planned")
    demo.at("2023-10-16 14:00", SHANGHAI)
    programme = _programme(demo)
    schedule(demo, trip, programme, actor=NJ, zone=BERLIN, legs=legs)
    demo.at("2023-10-17 09:30", SHANGHAI)
    app.share_trip(trip, actor=NJ, organisation_id=orgs.MUNICH_CONSULATE.id, access="view",
                   reason="The Consulate General receives the delegation in Munich and "
                          "follows its programme; the Nanjing government plans it.")
    demo.at("2023-10-30 11:25", SHANGHAI)
    app.move_meeting(ids["mu_siemens"], actor=NJ, starts=local("2023-11-20 10:15"),
                     ends=local("2023-11-20 11:00"),
                     reason="Siemens asked to start a quarter of an hour later.")
    demo.at("2023-11-10 16:40", SHANGHAI)
    for key in programme:
        app.confirm_meeting(ids[key], actor=NJ)
    app.change_trip_status(trip, actor=NJ, status="confirmed")
    demo.at("2023-11-15 10:00", SHANGHAI)
    projects = {
        "coop_tianjia": ("Cooperation agreement on energy-efficient building technology",
                         ("tianjia", "Representative of Nanjing Tianjia Environmental "
                          "Technology", "(not named in the press release)"),
                         ("isar", "Managing Director of Isar Gebäudetechnik", "(fictitious)")),
        "coop_wuermtal": ("Investment cooperation: automation plant in Nanjing",
                          ("nanjing_gov", "Chen Zhichang", "Mayor of Nanjing"),
                          ("wuermtal", "Managing Director of Würmtal Automation",
                           "(fictitious)")),
    }
    for key, (title, *sides) in projects.items():
        ids[key] = app.draft_agreement(actor=NJ, title=title, kind="cooperation agreement",
                                       owner_org_id=orgs.NANJING.id,
                                       subject=ILLUSTRATIVE + title + ".",
                                       meeting_id=ids["mu_exchange"])
        sign_up(demo, ids[key], actor=NJ, sides=sides)


def visit(demo: Demo) -> None:
    """The organiser travels along and records outcomes in Munich time."""
    app, ids = demo.app, demo.ids
    demo.at("2023-11-20 12:30", BERLIN)
    record_outcomes(demo, OUTCOMES, actor=NJ, keys=("mu_bmw", "mu_siemens"))
    demo.at("2023-11-20 18:15", BERLIN)
    record_outcomes(demo, OUTCOMES, actor=NJ, keys=("mu_exchange",))
    for key in ("coop_tianjia", "coop_wuermtal"):  # signed at the exchange, now held
        app.sign_agreement(ids[key], actor=NJ, signed_on=date(2023, 11, 20), place="Munich")
    demo.at("2023-11-21 19:00", BERLIN)
    record_outcomes(demo, OUTCOMES, actor=NJ, keys=("mu_symposium", "mu_allianz", "mu_consul"))
    demo.at("2023-11-22 19:10", BERLIN)
    record_outcomes(demo, OUTCOMES, actor=NJ, keys=("mu_bosch", "mu_basf", "mu_merck"))


def debrief(demo: Demo) -> None:
    app, ids = demo.app, demo.ids
    demo.at("2023-11-27 09:00", SHANGHAI)
    app.change_trip_status(ids["munich_trip"], actor=NJ, status="completed")
    ids["fu_allianz"] = app.add_followup(
        ids["mu_allianz"], actor=NJ, action="Send Allianz the plans for Nanjing's financial "
        "centre", owner="Nanjing Municipal Bureau of Commerce", due_on=date(2023, 12, 31))
    app.add_followup(ids["mu_merck"], actor=NJ, action="Identify cooperation points with Merck "
                     "in life sciences and electronics", owner="Liu Wei",
                     due_on=date(2024, 2, 29))
    app.add_milestone(ids["coop_wuermtal"], actor=NJ, title="Site selection in Nanjing",
                      due_on=date(2024, 3, 31))
    demo.at("2023-12-15 14:20", SHANGHAI)
    app.complete_followup(ids["mu_allianz"], ids["fu_allianz"], actor=NJ,
                          done_on=date(2023, 12, 15))


def load(demo: Demo) -> None:
    plan(demo)
    visit(demo)
    debrief(demo)
    demo.progress(f"  Nanjing → Munich study visit: trip {demo.ids['munich_trip']}")
