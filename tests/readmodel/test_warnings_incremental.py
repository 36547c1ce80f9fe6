"""Warnings kept command by command equal the warnings found again for every whole trip.

A command that changes a few meetings refreshes only the warnings near them
(planner.readmodel.handlers.warnings_meetings); this drives seeded random sequences of
commands (meetings scheduled, moved a little or days away, relocated, renamed, cancelled and
reinstated, attendees added and removed; trip dates, legs, titles and cancellation; people
renamed, some to the same name in another case) on three overlapping trips, and after each
command compares the kept rows with a whole recompute, then the warnings shown with a rebuild.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from planner.domain.errors import DomainError
from planner.readmodel import tables as t
from planner.readmodel.handlers.warnings import recompute_trips
from planner.readmodel.verify import verify
from tests.readmodel.plan import ACTOR, Plan

CITIES = [("Leipzig", "Europe/Berlin"), ("Munich", "Europe/Berlin"),
          ("Nanjing", "Asia/Shanghai"), ("Jining", "Asia/Shanghai"), ("nanjing ", "Asia/Shanghai")]
NAMES = ["Anna Bauer", "anna bauer", "Bert Li", "Chen Wei", "Dora Eck"]
FIRST_DAY = date(2019, 6, 24)


def kept(plan: Plan) -> dict[str, set[tuple[Any, ...]]]:
    with plan.planner.engine.connect() as conn:
        return {table.name: {tuple(r) for r in conn.execute(select(table))}
                for table in (t.warnings, t.plan_spans)}


def recomputed(plan: Plan) -> dict[str, set[tuple[Any, ...]]]:
    """The rows a whole recompute of every trip stores (rolled back afterwards)."""
    with plan.planner.engine.connect() as conn, conn.begin() as transaction:
        recompute_trips(conn)
        rows = {table.name: {tuple(r) for r in conn.execute(select(table))}
                for table in (t.warnings, t.plan_spans)}
        transaction.rollback()
    return rows


class Commands:
    """Random commands on a small world: five people, three trips of all five."""

    def __init__(self, plan: Plan, rng: random.Random) -> None:
        self.plan, self.app, self.rng = plan, plan.app, rng
        self.people = [plan.person(name) for name in NAMES]
        self.trips = [plan.trip(title=f"Trip {n}", members=self.people) for n in range(3)]
        self.legs: dict[UUID, list[str]] = {trip: [plan.leg(
            trip, "Nanjing", "Asia/Shanghai", FIRST_DAY + timedelta(days=1),
            FIRST_DAY + timedelta(days=3))] for trip in self.trips}
        self.meetings: list[UUID] = []

    def when(self) -> tuple[datetime, datetime]:
        start = datetime.combine(FIRST_DAY, datetime.min.time()) + timedelta(
            days=self.rng.randrange(-1, 9), minutes=30 * self.rng.randrange(48))
        length = self.rng.choice([30, 60, 60, 90, 120, 240, 60 * 26])
        return start, start + timedelta(minutes=length)

    def some_people(self) -> list[UUID]:
        return self.rng.sample(self.people, self.rng.choice([1, 1, 2, 2, 3, 5]))

    def schedule(self) -> None:
        trip = self.rng.choice(self.trips)
        city, zone = self.rng.choice([*CITIES, CITIES[2], CITIES[2]])  # most in one city
        starts, ends = self.when()
        leg = self.rng.choice([None, *self.legs[trip]]) if self.legs[trip] else None
        self.meetings.append(self.plan.meeting(
            trip, self.rng.choice(["Visit", "Talks", "Dinner"]), city, zone, starts, ends,
            self.some_people(), kind=self.rng.choice(["official meeting", "dinner"]), leg=leg))

    def move(self, meeting: UUID) -> None:
        if self.rng.random() < 0.5:
            starts, ends = self.when()
        else:  # a little, so the clash changes partner or kind
            info = self.app.get_meeting(meeting)
            shift = timedelta(minutes=30 * self.rng.randrange(-6, 7))
            zone = info["timezone"]
            starts = _local(info["starts_at"], zone) + shift
            ends = _local(info["ends_at"], zone) + shift
        self.app.move_meeting(meeting, actor=ACTOR, starts=starts, ends=ends, reason="Moved")

    def relocate(self, meeting: UUID) -> None:
        city, zone = self.rng.choice(CITIES)
        self.app.relocate_meeting(meeting, actor=ACTOR, venue="Hall", city=city, timezone=zone,
                                  reason="Elsewhere")

    def attendees(self, meeting: UUID) -> None:
        person = self.rng.choice(self.people)
        if person in {UUID(str(p)) for p in self.app.get_meeting(meeting)["attendees"]}:
            self.app.remove_attendee(meeting, actor=ACTOR, person_id=person)
        else:
            self.app.add_attendee(meeting, actor=ACTOR, person_id=person)

    def status(self, meeting: UUID) -> None:
        choice = self.rng.choice(["cancel", "reinstate", "confirm"])
        if choice == "cancel":
            self.app.cancel_meeting(meeting, actor=ACTOR, reason="Off")
        elif choice == "reinstate":
            self.app.reinstate_meeting(meeting, actor=ACTOR, reason="On again")
        else:
            self.app.confirm_meeting(meeting, actor=ACTOR)

    def details(self, meeting: UUID) -> None:
        self.app.change_meeting_details(meeting, actor=ACTOR, kind="official meeting",
                                        title=self.rng.choice(["Visit", "Talks", "Lunch"]),
                                        counterparts=[], agenda="")

    def trip_change(self) -> None:
        trip = self.rng.choice(self.trips)
        choice = self.rng.choice(["dates", "dates", "leg", "title", "cancel", "reinstate",
                                  "reinstate", "rename"])
        if choice == "dates":
            first = FIRST_DAY + timedelta(days=self.rng.randrange(-1, 3))
            self.app.change_trip_dates(trip, actor=ACTOR, starts_on=first,
                                       ends_on=first + timedelta(days=self.rng.randrange(2, 8)),
                                       reason="Shifted")
        elif choice == "leg":
            city, zone = self.rng.choice(CITIES[:4])
            day = FIRST_DAY + timedelta(days=self.rng.randrange(0, 6))
            self.legs[trip].append(self.plan.leg(trip, city, zone, day, day + timedelta(days=1)))
        elif choice == "title":
            self.app.change_trip_details(trip, actor=ACTOR, title=f"Trip {self.rng.random():.3}",
                                         organiser="Invest Region Leipzig", direction="outbound",
                                         home_timezone="Europe/Berlin")
        elif choice == "cancel":
            self.app.cancel_trip(trip, actor=ACTOR, reason="Off")
        elif choice == "reinstate":
            self.app.reinstate_trip(trip, actor=ACTOR, reason="On again")
        else:
            person = self.rng.choice(self.people)
            self.app.change_person(person, actor=ACTOR, name=self.rng.choice(NAMES),
                                   home_timezone="Europe/Berlin")

    def step(self) -> None:
        if len(self.meetings) < 4 or self.rng.random() < 0.2:
            return self.schedule()
        if self.rng.random() < 0.2:
            return self.trip_change()
        meeting = self.rng.choice(self.meetings)
        action: Callable[[UUID], None] = self.rng.choice(
            [self.move, self.move, self.move, self.relocate, self.attendees, self.attendees,
             self.status, self.details])
        return action(meeting)


def _local(instant: Any, zone: str) -> datetime:
    """A stored instant as wall-clock time at the venue (how commands take times)."""
    when = instant if isinstance(instant, datetime) else datetime.fromisoformat(str(instant))
    return when.astimezone(ZoneInfo(zone)).replace(tzinfo=None)


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_warnings_kept_command_by_command_equal_a_whole_recompute(plan: Plan, seed: int) -> None:
    commands = Commands(plan, random.Random(seed))
    refused, kinds = 0, set()
    for _ in range(120):
        try:
            commands.step()
        except DomainError:
            refused += 1  # an invalid random command writes nothing; the next one goes on
        rows = kept(plan)
        assert rows == recomputed(plan)
        kinds.update(row[1] for row in rows["rm_warnings"])
    assert refused < 60
    assert kinds >= {"double-booked", "overlap", "travel-time"} and len(kinds) >= 4
    shown = {trip: plan.q.warnings(trip) for trip in commands.trips}
    assert verify(plan.planner.projector) == []
    plan.planner.projector.rebuild()
    assert {trip: plan.q.warnings(trip) for trip in commands.trips} == shown
