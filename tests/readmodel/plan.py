"""A small builder for hand-made trips: people, legs and meetings in a line each."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime
from typing import Any
from uuid import UUID

from planner.bootstrap import Planner
from planner.readmodel import Queries

ACTOR = "organiser@invest-leipzig.example"


class Plan:
    def __init__(self, planner: Planner) -> None:
        self.planner = planner
        self.app = planner.app
        assert planner.queries is not None
        self.q: Queries = planner.queries

    def person(self, name: str, zone: str = "Europe/Berlin", email: str = "",
               organisation: str = "") -> UUID:
        return self.app.register_person(actor=ACTOR, name=name, home_timezone=zone, email=email,
                                        organisation=organisation)

    def trip(self, title: str = "Delegation trip to Nanjing and Jining",
             starts: date = date(2019, 6, 24), ends: date = date(2019, 6, 30),
             home: str = "Europe/Berlin", organiser: str = "Invest Region Leipzig",
             direction: str = "outbound", members: Iterable[UUID] = ()) -> UUID:
        trip = self.app.create_trip(actor=ACTOR, title=title, organiser=organiser,
                                    direction=direction, home_timezone=home, starts_on=starts,
                                    ends_on=ends)
        for person in members:
            self.app.add_member(trip, actor=ACTOR, person_id=person, role="agency staff")
        return trip

    def leg(self, trip: UUID, city: str, zone: str, arrives: date, departs: date,
            country: str = "China") -> str:
        return self.app.add_leg(trip, actor=ACTOR, city=city, country=country, timezone=zone,
                                arrives_on=arrives, departs_on=departs)

    def meeting(self, trip: UUID, title: str, city: str, zone: str, starts: datetime,
                ends: datetime, attendees: Iterable[UUID] = (), kind: str = "official meeting",
                leg: str | None = None, venue: str = "", counterparts: list[str] | None = None,
                ) -> UUID:
        """Naive starts/ends are wall-clock time at the venue."""
        return self.app.schedule_meeting(
            trip, actor=ACTOR, kind=kind, title=title, venue=venue or f"{city} venue", city=city,
            timezone=zone, starts=starts, ends=ends, leg_id=leg, attendees=list(attendees),
            counterparts=counterparts)


def leipzig_trip(plan: Plan) -> dict[str, object]:
    """Leipzig -> Nanjing -> Jining, 24-30 June 2019, with three people and five meetings."""
    koerner = plan.person("Michael Körner", email="koerner@invest-leipzig.example")
    schuelke = plan.person("Clemens Schülke", email="schuelke@leipzig.example")
    li = plan.person("Li Wei", zone="Asia/Shanghai")
    trip = plan.trip(members=[koerner, schuelke, li])
    leipzig = plan.leg(trip, "Leipzig", "Europe/Berlin", date(2019, 6, 24), date(2019, 6, 25),
                       country="Germany")
    nanjing = plan.leg(trip, "Nanjing", "Asia/Shanghai", date(2019, 6, 25), date(2019, 6, 27))
    jining = plan.leg(trip, "Jining", "Asia/Shanghai", date(2019, 6, 28), date(2019, 6, 30))
    briefing = plan.meeting(trip, "Briefing at the agency", "Leipzig", "Europe/Berlin",
                            datetime(2019, 6, 24, 9), datetime(2019, 6, 24, 10),
                            [koerner, schuelke], leg=leipzig)
    # 07:00 in Nanjing on 25 June is still 24 June in UTC and 01:00 at home in Leipzig.
    arrival = plan.meeting(trip, "Arrival and transfer to the hotel", "Nanjing",
                           "Asia/Shanghai", datetime(2019, 6, 25, 7), datetime(2019, 6, 25, 8),
                           [koerner, li], kind="travel", leg=nanjing)
    mayor = plan.meeting(trip, "Meeting the Mayor of Nanjing", "Nanjing", "Asia/Shanghai",
                         datetime(2019, 6, 26, 10), datetime(2019, 6, 26, 11, 30),
                         [koerner, schuelke, li], leg=nanjing,
                         counterparts=["Nanjing Municipal People's Government"])
    signing = plan.meeting(trip, "Signing of the MoU", "Jining", "Asia/Shanghai",
                           datetime(2019, 6, 29, 15), datetime(2019, 6, 29, 16),
                           [koerner, schuelke], kind="signing ceremony", leg=jining)
    visit = plan.meeting(trip, "Visit to Jining High-Tech Zone", "Jining", "Asia/Shanghai",
                         datetime(2019, 6, 28, 9), datetime(2019, 6, 28, 12), [schuelke],
                         kind="site visit", leg=jining)
    return dict(trip=trip, koerner=koerner, schuelke=schuelke, li=li, leipzig=leipzig,
                nanjing=nanjing, jining=jining, briefing=briefing, arrival=arrival,
                mayor=mayor, signing=signing, visit=visit)


def clashing_trips(plan: Plan) -> dict[str, Any]:
    """Anna on two trips, First and Second, in Nanjing and in Munich at once."""
    anna = plan.person("Anna Bauer")
    first = plan.trip(title="First", members=[anna])
    second = plan.trip(title="Second", members=[anna])
    one = plan.meeting(first, "A", "Nanjing", "Asia/Shanghai", datetime(2019, 6, 26, 9),
                       datetime(2019, 6, 26, 11), [anna])
    two = plan.meeting(second, "B", "Munich", "Europe/Berlin", datetime(2019, 6, 26, 4),
                       datetime(2019, 6, 26, 6), [anna])  # 10:00-12:00 in Nanjing
    return dict(anna=anna, first=first, second=second, one=one, two=two)
