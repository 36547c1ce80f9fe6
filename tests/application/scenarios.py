"""Builders for the situations of the seeds, shared by the domain, application and
integration tests, and the helpers that check a refused command changed nothing."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any
from uuid import UUID

import pytest

from planner.application import PlannerApplication
from planner.domain.errors import DomainError

ORGANISER = "anna.berger@invest-region-leipzig.example"
COLLEAGUE = "jonas.wolf@invest-region-leipzig.example"
SHANGHAI = "Asia/Shanghai"
BERLIN = "Europe/Berlin"


class Clock:
    """A clock for `app.clock`: every reading is one second after the previous one, so
    events get distinct, known timestamps; `set` jumps to a given instant."""

    def __init__(self, start: datetime, step: timedelta = timedelta(seconds=1)) -> None:
        self.next = start
        self.step = step
        self.readings: list[datetime] = []

    def __call__(self) -> datetime:
        now = self.next
        self.next = now + self.step
        self.readings.append(now)
        return now

    def set(self, instant: datetime) -> None:
        self.next = instant


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)  # type: ignore[misc]


def event_count(app: PlannerApplication) -> int:
    """How many events the whole log holds."""
    return app.recorder.max_notification_id() or 0


def event_types(app: PlannerApplication, record_id: UUID) -> list[str]:
    return [type(e).__qualname__ for e in app.history(record_id)]


def refused(app: PlannerApplication, command: Callable[[], Any], field: str,
            *says: str, error: type[DomainError] = DomainError) -> DomainError:
    """Run a command that must be refused: the error names `field`, its message contains
    every text in `says`, and the log holds no new event."""
    before = event_count(app)
    with pytest.raises(error) as caught:
        command()
    message = str(caught.value)
    assert caught.value.field == field, message
    assert message.startswith(f"{field}: "), message
    for text in says:
        assert text in message, f"{text!r} not in {message!r}"
    assert event_count(app) == before, "a refused command wrote an event"
    return caught.value


@dataclass
class LeipzigTrip:
    """Invest Region Leipzig to Nanjing (25-27 June 2019) and Jining (28-30 June 2019)."""

    trip_id: UUID
    nanjing_leg: str
    jining_leg: str
    koerner: UUID
    schuelke: UUID
    outsider: UUID


def leipzig_trip(app: PlannerApplication, *, actor: str = ORGANISER) -> LeipzigTrip:
    trip_id = app.create_trip(
        actor=actor, title="Invest Region Leipzig in Nanjing and Jining",
        organiser="Invest Region Leipzig GmbH", direction="outbound", home_timezone=BERLIN,
        starts_on=date(2019, 6, 25), ends_on=date(2019, 6, 30),
        purpose="Promote Leipzig companies in East China; strengthen the twin-town ties.")
    nanjing = app.add_leg(trip_id, actor=actor, city="Nanjing", country="China",
                          timezone=SHANGHAI, arrives_on=date(2019, 6, 25),
                          departs_on=date(2019, 6, 27))
    jining = app.add_leg(trip_id, actor=actor, city="Jining", country="China",
                         timezone=SHANGHAI, arrives_on=date(2019, 6, 28),
                         departs_on=date(2019, 6, 30))
    koerner = app.register_person(actor=actor, name="Michael Körner", home_timezone=BERLIN,
                                  title="Managing Director",
                                  organisation="Invest Region Leipzig GmbH")
    schuelke = app.register_person(actor=actor, name="Clemens Schülke", home_timezone=BERLIN,
                                   title="Head of the Office for Economic Development",
                                   organisation="City of Leipzig")
    outsider = app.register_person(actor=actor, name="Shi Guangliang", home_timezone=SHANGHAI,
                                   title="Mayor of Jining")
    app.add_member(trip_id, actor=actor, person_id=koerner, role="head of delegation",
                   organisation="Invest Region Leipzig GmbH")
    app.add_member(trip_id, actor=actor, person_id=schuelke, role="official",
                   organisation="City of Leipzig")
    return LeipzigTrip(trip_id, nanjing, jining, koerner, schuelke, outsider)


def nanjing_meeting(app: PlannerApplication, trip: LeipzigTrip, *, actor: str = ORGANISER,
                    **overrides: Any) -> UUID:
    """The meeting with Nanjing's city leadership, 26 June 2019 10:00-11:30 local time."""
    fields: dict[str, Any] = dict(
        actor=actor, kind="official meeting", title="Meeting with the Nanjing city leadership",
        venue="Nanjing City Hall", city="Nanjing", timezone=SHANGHAI,
        starts=datetime(2019, 6, 26, 10, 0), ends=datetime(2019, 6, 26, 11, 30),
        leg_id=trip.nanjing_leg, counterparts=["Nanjing Municipal People's Government"],
        attendees=[trip.koerner])
    fields.update(overrides)
    return app.schedule_meeting(trip.trip_id, **fields)


def append_unchecked(app: PlannerApplication, record_id: UUID | str, event_class: type,
                     **fields: Any) -> None:
    """Store an event the way an older release could have: straight onto the record, without
    the checks a command makes (for tests of odd events already in a log)."""
    record = app.repository.get(UUID(str(record_id)))
    record.trigger_event(event_class, timestamp=app.now(), actor="old release", reason="",
                         **fields)
    app.save(record)
