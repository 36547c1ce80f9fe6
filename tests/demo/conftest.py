"""The demo loaded once per storage (memory, SQLite file, PostgreSQL) for a whole module.

Loading takes a few seconds on a real database, so the content tests share one load per
storage instead of loading again for every assertion.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack, closing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from planner.bootstrap import MEMORY, Planner, build
from planner.demo import load_demo
from planner.demo.summary import created_ids
from planner.domain.trip import Trip
from planner.settings import load_settings
from tests.conftest import fresh_postgres_database


@dataclass
class LoadedDemo:
    planner: Planner
    summary: list[str]
    progress: list[str] = field(default_factory=list)

    @property
    def app(self) -> Any:
        return self.planner.app

    def trip(self, title_part: str) -> dict[str, Any]:
        """The one trip whose title contains `title_part`."""
        found = [t for t in (self.app.get_trip(i) for i in created_ids(self.app, Trip.Created))
                 if title_part in t["title"]]
        assert len(found) == 1, f"expected one trip titled like {title_part!r}, got {found}"
        return found[0]

    def meetings(self, trip: dict[str, Any]) -> list[dict[str, Any]]:
        from planner.domain.meeting import Meeting

        every = (self.app.get_meeting(i) for i in created_ids(self.app, Meeting.Scheduled))
        return [m for m in every if m["trip_id"] == trip["id"]]

    def meeting(self, trip: dict[str, Any], title_part: str) -> dict[str, Any]:
        found = [m for m in self.meetings(trip) if title_part in m["title"]]
        assert len(found) == 1, f"expected one meeting titled like {title_part!r}, got {found}"
        return found[0]

    def agreements(self) -> list[dict[str, Any]]:
        from planner.domain.agreement import Agreement

        return [self.app.get_agreement(i) for i in created_ids(self.app, Agreement.Drafted)]

    def all_events(self) -> list[Any]:
        recorder, mapper = self.app.recorder, self.app.mapper
        return [mapper.to_domain_event(n) for n in recorder.select_notifications(1, 100_000)]


@pytest.fixture(scope="module", params=[
    "memory", "sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def loaded(request: pytest.FixtureRequest,
           tmp_path_factory: pytest.TempPathFactory) -> Iterator[LoadedDemo]:
    folder: Path = tmp_path_factory.mktemp(f"demo-{request.param}")
    settings = load_settings(environ={}, instance_path=str(folder / "instance"))
    with ExitStack() as stack:
        if request.param == "memory":
            url = MEMORY
        elif request.param == "sqlite":
            url = f"sqlite:///{folder / 'planner.sqlite3'}"
        else:
            url = stack.enter_context(fresh_postgres_database(
                request.getfixturevalue("postgres_server"), "planner_demo"))
        planner = stack.enter_context(closing(build(settings, database_url=url)))
        progress: list[str] = []
        yield LoadedDemo(planner, load_demo(planner, progress=progress.append), progress)
