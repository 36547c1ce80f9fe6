"""Fixtures for the audit tests: the Jining scenario on memory, SQLite or PostgreSQL."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from planner.bootstrap import MEMORY, Planner
from tests.audit.scenario import Clock, Jining, build_jining, utc


@pytest.fixture
def clock() -> Clock:
    return Clock(utc(2019, 5, 6, 8, 0))


@pytest.fixture
def jining_memory(make_planner: Callable[..., Planner], clock: Clock) -> tuple[Planner, Jining]:
    planner = make_planner(MEMORY, clock=clock)
    return planner, build_jining(planner.app, clock)


@pytest.fixture
def jining_sql(make_planner: Callable[..., Planner], clock: Clock,
               sql_database_url: str) -> tuple[Planner, Jining]:
    planner = make_planner(sql_database_url, clock=clock)
    return planner, build_jining(planner.app, clock)
