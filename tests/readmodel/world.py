"""A hand-built data set with the edge cases the queries must get right.

Three trips (one crossing New Year, one inbound to Munich), profiles named in several scripts
and with wildcard characters, agreements in every state, outcomes, ideas and follow-ups.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from tests.readmodel.plan import ACTOR, Plan, leipzig_trip


def build_world(plan: Plan) -> dict[str, Any]:
    app = plan.app
    ids: dict[str, Any] = leipzig_trip(plan)
    trip = ids["trip"]
    ids["munich_trip"] = munich = plan.trip(
        title="Nanjing delegation study visit to Munich", starts=date(2023, 11, 19),
        ends=date(2023, 11, 22), home="Asia/Shanghai",
        organiser="Nanjing Municipal People's Government", direction="inbound")
    plan.leg(munich, "München", "Europe/Berlin", date(2023, 11, 19), date(2023, 11, 22),
             country="Deutschland")
    app.change_trip_status(munich, actor=ACTOR, status="planned")
    ids["new_year_trip"] = plan.trip(title="New Year fair in Jining", starts=date(2019, 12, 30),
                                     ends=date(2020, 1, 3))
    ids["anna"] = plan.person("Anna Bauer", email="anna@invest-leipzig.example")
    app.open_account(actor=ACTOR, email="organiser@invest-leipzig.example", name="Organiser",
                     role="organiser", password_hash="scrypt$organiser")
    app.open_account(actor=ACTOR, email="koerner@invest-leipzig.example", name="Michael Körner",
                     role="participant", password_hash="scrypt$koerner",
                     person_id=ids["koerner"])

    # -- profiles -------------------------------------------------------------------------
    def profile(name: str, kind: str, country: str, sectors: list[str],
                interests: list[str]) -> Any:
        return app.register_profile(actor=ACTOR, name=name, kind=kind, country=country,
                                    sectors=sectors, interests=interests)

    ids["koerner_logistik"] = profile("Körner Logistik GmbH", "company", "Germany",
                                      ["Logistics"], ["expand into China"])
    ids["tica"] = profile("南京天加环境科技有限公司", "company", "China", ["HVAC", "Energy"],
                          ["cooperate with German firms", "find sales partners"])
    ids["strasse"] = profile("Straße & Söhne KG", "company", "Germany", ["Mechanical engineering"],
                             ["cooperate with Chinese firms"])
    ids["solar"] = profile("100%_Solar Leipzig", "company", "Germany", ["Energy"],
                           ["find investors"])
    ids["irl"] = profile("Invest Region Leipzig GmbH", "government body", "Germany",
                         ["Economic development"], [])
    app.add_contact(ids["koerner_logistik"], actor=ACTOR, name="Petra Körner", title="CEO",
                    email="petra@koerner-logistik.example")
    app.attach_profile(trip, ids["koerner_logistik"], actor=ACTOR)
    app.attach_profile(trip, ids["strasse"], actor=ACTOR)
    app.change_profile(ids["koerner_logistik"], actor=ACTOR, name="Körner Logistics GmbH",
                       kind="company", country="Germany", sectors=["Logistics"],
                       interests=["expand into China"], reason="English name")
    app.set_objectives(trip, actor=ACTOR, objectives=["Promote Leipzig companies in China",
                                                      "Strengthen the twin-town partnership"])

    # -- outcomes and follow-ups ------------------------------------------------------------
    mayor = ids["mayor"]
    app.record_outcome(mayor, actor=ACTOR, summary="Both cities will deepen cooperation.",
                       ideas=["Joint logistics hub", "Student exchange"])
    ids["overdue"] = app.add_followup(mayor, actor=ACTOR, action="Send the company profiles",
                                      owner="Michael Körner", due_on=date(2019, 7, 15))
    ids["open"] = app.add_followup(mayor, actor=ACTOR, action="Plan the larger delegation",
                                   owner="Clemens Schülke", due_on=date(2019, 9, 30))
    ids["done"] = app.add_followup(mayor, actor=ACTOR, action="Thank-you letter",
                                   owner="Michael Korner", due_on=date(2019, 7, 1))
    app.complete_followup(mayor, ids["done"], actor=ACTOR, done_on=date(2019, 6, 30))
    app.cancel_meeting(ids["visit"], actor=ACTOR, reason="The zone was closed")

    # -- agreements -----------------------------------------------------------------------
    def signed(title: str, kind: str, parties: list[str], on: date, place: str,
               **where: Any) -> Any:
        agreement = app.draft_agreement(actor=ACTOR, title=title, kind=kind, **where)
        for name in parties:
            party = app.add_party(agreement, actor=ACTOR, name=name)
            app.add_signatory(agreement, actor=ACTOR, name=f"Mayor of {name}", party_id=party,
                              title="Mayor")
        app.sign_agreement(agreement, actor=ACTOR, signed_on=on, place=place)
        return agreement

    ids["mou"] = signed("Memorandum of Understanding Leipzig–Nanjing",
                        "memorandum of understanding", ["City of Leipzig", "City of Nanjing"],
                        date(2019, 6, 26), "Nanjing", meeting_id=mayor)
    app.add_milestone(ids["mou"], actor=ACTOR, title="Joint working group meets",
                      due_on=date(2019, 12, 1))
    ids["donation"] = signed("Donation of 10,000 face masks", "donation",
                             ["CICCPS", "City of Leipzig"], date(2020, 4, 2), "Leipzig",
                             trip_id=trip)
    app.change_agreement_status(ids["donation"], actor=ACTOR, status="in force")
    ids["loi"] = app.draft_agreement(actor=ACTOR, title="Letter of intent on logistics",
                                     kind="letter of intent", trip_id=trip)
    app.add_party(ids["loi"], actor=ACTOR, name="Körner Logistics GmbH",
                  profile_id=ids["koerner_logistik"])
    ids["old"] = app.draft_agreement(actor=ACTOR, title="Old cooperation agreement",
                                     kind="cooperation agreement")
    app.change_agreement_status(ids["old"], actor=ACTOR, status="terminated",
                                reason="Superseded")
    ids["munich_dinner"] = plan.meeting(
        munich, "Dinner with the Consul General", "München", "Europe/Berlin",
        datetime(2023, 11, 20, 19), datetime(2023, 11, 20, 22), kind="dinner")
    return ids
