"""A small planning world for the calendar tests, built through the application's commands.

The clock is the test's: every command is stamped one minute after the previous one, so the
same commands give the same log (and, with `deterministic_ids`, the same ids) every time.
Two trips: Leipzig to Nanjing and Jining (Shanghai time), and a Nanjing visit to Berlin whose
Berlin meeting falls on the morning of the last Sunday of October 2019, when clocks go back.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import UUID

from planner.bootstrap import Planner

SETUP = "test:calendar"
ORGANISER = "organiser@calendar.test"
AUDITOR = "auditor@calendar.test"
ACCOUNTS = (  # e-mail, name, role, person
    ("koerner@calendar.test", "Michael Körner", "participant", "koerner"),
    ("schuelke@calendar.test", "Clemens Schülke", "participant", "schuelke"),
    ("han@calendar.test", "韩立明", "participant", "han"),
    (ORGANISER, "Olga Organiser", "organiser", ""),
    (AUDITOR, "Anna Auditor", "auditor", ""),
)


class StepClock:
    """A clock that moves one minute each time it is read (each command reads it once)."""

    def __init__(self, start: datetime = datetime(2019, 5, 2, 8, 0, tzinfo=UTC)) -> None:
        self.now = start

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now

    def jump(self, to: datetime) -> None:
        self.now = to


@dataclass
class World:
    planner: Planner
    clock: StepClock
    leipzig: UUID  # trip: Nanjing 25-27 June 2019, Jining 28-30 June 2019
    berlin_visit: UUID  # trip: Shanghai 22-24 Oct 2019, Berlin 25-29 Oct 2019
    koerner: UUID
    schuelke: UUID
    han: UUID
    vice_mayor: UUID  # Nanjing, 25 June 10:00-11:30: Körner and Han
    signing: UUID  # Nanjing, 26 June 14:00-15:00: Körner and Schülke
    jining_visit: UUID  # Jining, 28 June 15:00-16:00: Schülke only
    berlin_sunday: UUID  # Berlin, Sunday 27 Oct 2019 09:00-10:30 (CET): Han only
    shanghai_briefing: UUID  # Shanghai, 23 Oct 2019 09:00-10:00: Han and Körner

    @property
    def app(self) -> Any:
        return self.planner.app


def build_world(planner: Planner, clock: StepClock) -> World:
    app = planner.app
    koerner = app.register_person(actor=SETUP, name="Michael Körner", title="Managing Director",
                                  organisation="Invest Region Leipzig GmbH",
                                  email="koerner@calendar.test", home_timezone="Europe/Berlin")
    schuelke = app.register_person(actor=SETUP, name="Clemens Schülke",
                                   email="schuelke@calendar.test", home_timezone="Europe/Berlin")
    han = app.register_person(actor=SETUP, name="韩立明", organisation="南京市投资促进委员会",
                              home_timezone="Asia/Shanghai")
    leipzig = app.create_trip(actor=SETUP, title="Leipzig delegation to Nanjing and Jining",
                              organiser="Invest Region Leipzig GmbH", direction="outbound",
                              home_timezone="Europe/Berlin", starts_on=date(2019, 6, 25),
                              ends_on=date(2019, 6, 30))
    nanjing = app.add_leg(leipzig, actor=SETUP, city="Nanjing", country="China",
                          timezone="Asia/Shanghai", arrives_on=date(2019, 6, 25),
                          departs_on=date(2019, 6, 27))
    jining = app.add_leg(leipzig, actor=SETUP, city="Jining", country="China",
                         timezone="Asia/Shanghai", arrives_on=date(2019, 6, 28),
                         departs_on=date(2019, 6, 30))
    for person, role in ((koerner, "head of delegation"), (schuelke, "company representative"),
                         (han, "interpreter")):
        app.add_member(leipzig, actor=SETUP, person_id=person, role=role)
    vice_mayor = app.schedule_meeting(
        leipzig, actor=SETUP, kind="official meeting", title="Meeting with the vice mayor",
        venue="Nanjing City Hall", city="Nanjing", timezone="Asia/Shanghai",
        starts=datetime(2019, 6, 25, 10, 0), ends=datetime(2019, 6, 25, 11, 30), leg_id=nanjing,
        counterparts=["Nanjing Municipal People's Government (南京市人民政府)"],
        agenda="Welcome; cooperation, investment\nQuestions", attendees=[koerner, han])
    signing = app.schedule_meeting(
        leipzig, actor=SETUP, kind="signing ceremony", title="Signing of the MoU",
        venue="Jinling Hotel", city="Nanjing", timezone="Asia/Shanghai",
        starts=datetime(2019, 6, 26, 14, 0), ends=datetime(2019, 6, 26, 15, 0), leg_id=nanjing,
        attendees=[koerner, schuelke])
    jining_visit = app.schedule_meeting(
        leipzig, actor=SETUP, kind="company visit", title="Visit to Shandong Ruyi",
        venue="Ruyi Science Park", city="Jining", timezone="Asia/Shanghai",
        starts=datetime(2019, 6, 28, 15, 0), ends=datetime(2019, 6, 28, 16, 0), leg_id=jining,
        attendees=[schuelke])
    berlin_visit = app.create_trip(actor=SETUP, title="Nanjing study visit to Berlin",
                                   organiser="Nanjing Foreign Affairs Office",
                                   direction="inbound", home_timezone="Asia/Shanghai",
                                   starts_on=date(2019, 10, 22), ends_on=date(2019, 10, 29))
    shanghai = app.add_leg(berlin_visit, actor=SETUP, city="Shanghai", country="China",
                           timezone="Asia/Shanghai", arrives_on=date(2019, 10, 22),
                           departs_on=date(2019, 10, 24))
    berlin = app.add_leg(berlin_visit, actor=SETUP, city="Berlin", country="Germany",
                         timezone="Europe/Berlin", arrives_on=date(2019, 10, 25),
                         departs_on=date(2019, 10, 29))
    for person in (han, koerner):
        app.add_member(berlin_visit, actor=SETUP, person_id=person, role="official")
    shanghai_briefing = app.schedule_meeting(
        berlin_visit, actor=SETUP, kind="official meeting", title="Briefing before departure",
        venue="Shanghai office", city="Shanghai", timezone="Asia/Shanghai",
        starts=datetime(2019, 10, 23, 9, 0), ends=datetime(2019, 10, 23, 10, 0),
        leg_id=shanghai, attendees=[han, koerner])
    berlin_sunday = app.schedule_meeting(
        berlin_visit, actor=SETUP, kind="site visit", title="Sunday walk through Mitte",
        venue="Brandenburger Tor", city="Berlin", timezone="Europe/Berlin",
        starts=datetime(2019, 10, 27, 9, 0), ends=datetime(2019, 10, 27, 10, 30),
        leg_id=berlin, attendees=[han])
    for email, name, role, person in ACCOUNTS:
        app.open_account(actor=SETUP, email=email, name=name, role=role,
                         password_hash="unused: the tests sign in through the session",
                         person_id={"koerner": koerner, "schuelke": schuelke, "han": han,
                                    "": None}[person])
    return World(planner, clock, leipzig, berlin_visit, koerner, schuelke, han, vice_mayor,
                 signing, jining_visit, berlin_sunday, shanghai_briefing)
