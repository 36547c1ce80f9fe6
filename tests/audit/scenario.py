"""A small, fully known history for the audit tests: the Jining MoU signing and its moves.

Every event's time is set by a clock the test controls, so moments before, at and between
events are exact.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import UUID

ORGANISER = "anna.berger@invest-region-leipzig.example"
COLLEAGUE = "jonas.wolf@invest-region-leipzig.example"
SHANGHAI = "Asia/Shanghai"


class Clock:
    """Returns the instant last set; each reading ticks one second so events stay ordered."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        value = self.now
        self.now += timedelta(seconds=1)
        return value

    def set(self, instant: datetime) -> None:
        self.now = instant


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)  # type: ignore[misc]


@dataclass
class Jining:
    """Ids and the moments at which each step happened (UTC)."""

    trip: UUID
    meeting: UUID
    dinner: UUID
    koerner: UUID
    schuelke: UUID
    moments: dict[str, datetime] = field(default_factory=dict)


def build_jining(app: Any, clock: Clock) -> Jining:
    """Plan the Jining leg, schedule the MoU signing, then move, cancel and reinstate it."""
    moments: dict[str, datetime] = {}

    def at(name: str, instant: datetime) -> None:
        clock.set(instant)
        moments[name] = instant

    at("planned", utc(2019, 5, 6, 8, 0))
    trip = app.create_trip(actor=ORGANISER, title="Leipzig delegation to Nanjing and Jining",
                           organiser="Invest Region Leipzig GmbH", direction="outbound",
                           home_timezone="Europe/Berlin", starts_on=date(2019, 6, 25),
                           ends_on=date(2019, 6, 30), purpose="Twin-town visit; MoUs")
    app.add_leg(trip, actor=ORGANISER, city="Nanjing", country="China", timezone=SHANGHAI,
                arrives_on=date(2019, 6, 25), departs_on=date(2019, 6, 27))
    jining_leg = app.add_leg(trip, actor=ORGANISER, city="Jining", country="China",
                             timezone=SHANGHAI, arrives_on=date(2019, 6, 28),
                             departs_on=date(2019, 6, 30))
    koerner = app.register_person(actor=ORGANISER, name="Michael Körner",
                                  title="Managing Director",
                                  organisation="Invest Region Leipzig GmbH",
                                  email="michael.koerner@invest-region-leipzig.example",
                                  home_timezone="Europe/Berlin")
    schuelke = app.register_person(actor=ORGANISER, name="Clemens Schülke",
                                   title="Deputy Mayor for Economic Affairs",
                                   organisation="City of Leipzig", email="",
                                   home_timezone="Europe/Berlin")
    app.add_member(trip, actor=ORGANISER, person_id=koerner, role="head of delegation",
                   organisation="Invest Region Leipzig GmbH")
    app.add_member(trip, actor=ORGANISER, person_id=schuelke, role="official",
                   organisation="City of Leipzig")
    at("scheduled", utc(2019, 6, 3, 9, 0))
    meeting = app.schedule_meeting(
        trip, actor=ORGANISER, kind="signing ceremony",
        title="Signing of the MoU Leipzig–Jining 济宁", venue="Jining City Hall", city="Jining",
        timezone=SHANGHAI, starts=datetime(2019, 6, 29, 10, 0),
        ends=datetime(2019, 6, 29, 11, 0), leg_id=jining_leg,
        counterparts=["Jining Municipal People's Government"], attendees=[koerner])
    dinner = app.schedule_meeting(
        trip, actor=ORGANISER, kind="dinner", title="Dinner with the Mayor of Jining",
        venue="Jining Hotel", city="Jining", timezone=SHANGHAI,
        starts=datetime(2019, 6, 28, 19, 0), ends=datetime(2019, 6, 28, 21, 0),
        leg_id=jining_leg, attendees=[koerner, schuelke])
    at("schuelke added", utc(2019, 6, 10, 7, 30))
    app.add_attendee(meeting, actor=COLLEAGUE, person_id=schuelke)
    at("moved", utc(2019, 6, 20, 14, 0))
    app.move_meeting(meeting, actor=COLLEAGUE, starts=datetime(2019, 6, 28, 15, 0),
                     ends=datetime(2019, 6, 28, 16, 0),
                     reason="Mayor of Jining travels to Beijing on 29 June")
    at("cancelled", utc(2019, 6, 22, 9, 0))
    app.cancel_meeting(meeting, actor=ORGANISER, reason="Counterpart asked to postpone")
    at("reinstated", utc(2019, 6, 23, 10, 0))
    app.reinstate_meeting(meeting, actor=ORGANISER, reason="Counterpart confirmed 28 June")
    return Jining(trip, meeting, dinner, koerner, schuelke, moments)
