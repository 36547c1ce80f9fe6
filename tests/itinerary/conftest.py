"""A participant with a past, a current and a coming trip, on a SQLite file, with a clock the
tests move: "now" is Sunday 25 October 2026, 09:00 UTC, the day Berlin leaves summer time."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from uuid import UUID

import pytest

from planner.bootstrap import Planner, build
from planner.settings import load_settings

NOW = datetime(2026, 10, 25, 9, 0, tzinfo=UTC)
SETUP = "setup@itinerary.test"


@dataclass
class Clock:
    now: datetime = NOW

    def __call__(self) -> datetime:
        return self.now


@dataclass
class Trips:
    planner: Planner
    clock: Clock
    koerner: UUID
    han: UUID
    past: UUID
    current: UUID
    coming: UUID
    yesterday: UUID
    today: UUID
    tomorrow: UUID


def _meeting(app, trip, title, day, hour, *, who, city="Munich", zone="Europe/Berlin",
             venue="Munich City Hall", counterparts=()):  # noqa: ANN001, ANN202
    return app.schedule_meeting(trip, actor=SETUP, kind="official meeting", title=title,
                                venue=venue, city=city, timezone=zone,
                                starts=datetime(day.year, day.month, day.day, hour),
                                ends=datetime(day.year, day.month, day.day, hour + 1),
                                attendees=who, counterparts=list(counterparts))


def build_trips(planner: Planner, clock: Clock) -> Trips:
    app = planner.app
    koerner = app.register_person(actor=SETUP, name="Michael Körner", email="koerner@it.test",
                                  organisation="Invest Region Leipzig",
                                  home_timezone="Europe/Berlin")
    han = app.register_person(actor=SETUP, name="韩立明", email="han@it.test",
                              organisation="南京市投资促进委员会", home_timezone="Asia/Shanghai")
    profile = app.register_profile(actor=SETUP, name="Stadtwerke München", kind="company",
                                   country="Germany", city="Munich")
    app.add_contact(profile, actor=SETUP, name="Eva Huber", title="Head of Protocol",
                    email="huber@swm.test", phone="+49 89 1234")

    def trip(title: str, starts: date, ends: date, city: str, zone: str) -> UUID:
        trip_id = app.create_trip(actor=SETUP, title=title, organiser="Invest Region Leipzig",
                                  direction="inbound", home_timezone="Europe/Berlin",
                                  starts_on=starts, ends_on=ends, purpose="Study visit")
        app.add_leg(trip_id, actor=SETUP, city=city, country="Germany" if zone.startswith(
            "Europe") else "China", timezone=zone, arrives_on=starts, departs_on=ends)
        app.add_member(trip_id, actor=SETUP, person_id=koerner, role="agency staff",
                       organisation="Invest Region Leipzig")
        app.add_member(trip_id, actor=SETUP, person_id=han, role="head of delegation",
                       organisation="南京市投资促进委员会")
        return trip_id

    past = trip("Nanjing 2019", date(2019, 6, 25), date(2019, 6, 27), "Nanjing", "Asia/Shanghai")
    _meeting(app, past, "Vice mayor 2019", date(2019, 6, 25), 10, who=[koerner, han],
             city="Nanjing", zone="Asia/Shanghai", venue="Nanjing City Hall")
    current = trip("南京市长访问慕尼黑", date(2026, 10, 24), date(2026, 10, 27), "Munich",
                   "Europe/Berlin")
    yesterday = _meeting(app, current, "Welcome at City Hall", date(2026, 10, 24), 10,
                         who=[koerner, han], counterparts=["Stadtwerke München"])
    today = _meeting(app, current, "Visit to Stadtwerke München", date(2026, 10, 25), 14,
                     who=[koerner, han], venue="SWM Zentrale, Emmy-Noether-Straße 2",
                     counterparts=["Stadtwerke München"])
    tomorrow = _meeting(app, current, "Chamber of commerce", date(2026, 10, 26), 10,
                        who=[koerner, han], venue="IHK München, Max-Joseph-Straße 2")
    coming = trip("Leipzig → Chengdu, May 2027", date(2027, 5, 10), date(2027, 5, 17),
                  "Chengdu", "Asia/Shanghai")
    _meeting(app, coming, "Chengdu high-tech zone", date(2027, 5, 11), 9, who=[koerner],
             city="Chengdu", zone="Asia/Shanghai", venue="Tianfu Software Park")
    return Trips(planner=planner, clock=clock, koerner=koerner, han=han, past=past,
                 current=current, coming=coming, yesterday=yesterday, today=today,
                 tomorrow=tomorrow)


@pytest.fixture
def trips(tmp_path: Path) -> Iterator[Trips]:
    clock = Clock()
    settings = load_settings(environ={}, instance_path=str(tmp_path / "instance"))
    planner = build(settings, database_url=f"sqlite:///{tmp_path / 'planner.sqlite3'}",
                    clock=clock)
    yield build_trips(planner, clock)
    planner.close()
