"""The test world with a plan that gives every kind of warning, for the pages that show them.

On the world's trip (25 to 30 June 2019; Nanjing 25-27, Jining 28-30), Michael Körner and a
second member, Lena Vogt:
- overlap: Körner's lunch in Nanjing starts before his meeting with the vice mayor ends;
- double-booked: Körner's call in Jining on 25 June is during the vice-mayor meeting in Nanjing
  (and outside the leg: that day the delegation is in Nanjing);
- travel-time: Körner and Vogt have 30 minutes from a Nanjing breakfast to a Jining visit on
  26 June (the visit is also outside the legs: that day the delegation is in Nanjing);
- outside-trip and outside-leg: a banquet on 30 June, after the Jining leg and the trip
  were shortened to end on 29 June; outside-working-hours: a reception from 20:30.
Another trip, from Berlin, has Vogt in Jining during the lunch (a clash on the trip ‘…’).
"""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from planner.bootstrap import Planner
from tests.web.world import SETUP, World

OTHER_TRIP = "Berlin partners in Jining"


def add_warnings(planner: Planner, world: World) -> dict[str, UUID]:
    """Meetings that give each kind of warning on the world's trip; their ids by name."""
    app, trip = planner.app, world.trip_id
    vogt = app.register_person(actor=SETUP, name="Lena Vogt", organisation="Sachsen Invest",
                               home_timezone="Europe/Berlin")
    app.add_member(trip, actor=SETUP, person_id=vogt, role="official",
                   organisation="Sachsen Invest")
    both, koerner = [world.koerner, vogt], [world.koerner]

    def meeting(title: str, city: str, start: datetime, end: datetime, attendees: list[UUID],
                leg: str = "", kind: str = "official meeting", trip_id: UUID = trip) -> UUID:
        return app.schedule_meeting(
            trip_id, actor=SETUP, kind=kind, title=title, venue=f"{city} venue", city=city,
            timezone="Asia/Shanghai", starts=start, ends=end, leg_id=leg, attendees=attendees)

    found = {
        "lunch": meeting("Qinhuai lunch talk", "Nanjing", datetime(2019, 6, 25, 11, 0),
                         datetime(2019, 6, 25, 12, 30), both, world.nanjing_leg),
        "call": meeting("Jining harbour call", "Jining", datetime(2019, 6, 25, 10, 30),
                        datetime(2019, 6, 25, 10, 45), koerner),
        "breakfast": meeting("Xuanwu breakfast talk", "Nanjing", datetime(2019, 6, 26, 8, 30),
                             datetime(2019, 6, 26, 9, 30), both, world.nanjing_leg),
        "visit": meeting("Jining port tour", "Jining", datetime(2019, 6, 26, 10, 0),
                         datetime(2019, 6, 26, 11, 0), both),
        "reception": meeting("Xuanwu evening reception", "Nanjing",
                             datetime(2019, 6, 27, 20, 30), datetime(2019, 6, 27, 22, 0),
                             koerner, world.nanjing_leg),
        "banquet": meeting("Jining farewell banquet", "Jining", datetime(2019, 6, 30, 19, 0),
                           datetime(2019, 6, 30, 21, 0), koerner, world.jining_leg, "dinner"),
    }
    app.change_leg(trip, world.jining_leg, actor=SETUP, city="Jining", country="China",
                   timezone="Asia/Shanghai", arrives_on=date(2019, 6, 28),
                   departs_on=date(2019, 6, 29))
    app.change_trip_dates(trip, actor=SETUP, starts_on=date(2019, 6, 25),
                          ends_on=date(2019, 6, 29), reason="Flights home a day earlier")
    other = app.create_trip(actor=SETUP, title=OTHER_TRIP, organiser="Berlin Partner",
                            direction="outbound", home_timezone="Europe/Berlin",
                            starts_on=date(2019, 6, 24), ends_on=date(2019, 6, 26))
    app.add_member(other, actor=SETUP, person_id=vogt, role="official")
    found["other"] = meeting("Weishan lake visit", "Jining", datetime(2019, 6, 25, 12, 0),
                             datetime(2019, 6, 25, 13, 0), [vogt], trip_id=other)
    return found
