"""Domain tests run the application's commands on in-memory storage with a known clock."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from planner.application import PlannerApplication
from planner.bootstrap import MEMORY, build
from planner.settings import Settings
from tests.application.scenarios import Clock, LeipzigTrip, leipzig_trip, utc


@pytest.fixture
def clock() -> Clock:
    """Planning happens in May 2019, weeks before the trip."""
    return Clock(utc(2019, 5, 2, 8, 0))


@pytest.fixture
def app(settings: Settings, clock: Clock) -> Iterator[PlannerApplication]:
    planner = build(settings, database_url=MEMORY, clock=clock)
    yield planner.app
    planner.close()


@pytest.fixture
def trip(app: PlannerApplication) -> LeipzigTrip:
    return leipzig_trip(app)
