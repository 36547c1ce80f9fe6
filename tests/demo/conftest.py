"""The demo loaded once per storage (memory, SQLite file, PostgreSQL) for a whole module.

Loading takes a few seconds on a real database, so the content tests share one load per
storage instead of loading again for every assertion.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from planner.bootstrap import MEMORY, Planner, build
from planner.demo import load_demo
from planner.demo.summary import created_ids
from planner.domain.trip import Trip
from planner.settings import load_settings


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


def _pg_database(server: str) -> tuple[str, str]:
    import psycopg

    name = f"planner_demo_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return name, f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"


@pytest.fixture(scope="module", params=[
    "memory", "sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def loaded(request: pytest.FixtureRequest,
           tmp_path_factory: pytest.TempPathFactory) -> Iterator[LoadedDemo]:
    folder: Path = tmp_path_factory.mktemp(f"demo-{request.param}")
    settings = load_settings(environ={}, instance_path=str(folder / "instance"))
    pg_name = ""
    if request.param == "memory":
        url = MEMORY
    elif request.param == "sqlite":
        url = f"sqlite:///{folder / 'planner.sqlite3'}"
    else:
        server = request.getfixturevalue("postgres_server")
        pg_name, url = _pg_database(server)
    planner = build(settings, database_url=url)
    progress: list[str] = []
    demo = LoadedDemo(planner, load_demo(planner, progress=progress.append), progress)
    yield demo
    planner.close()
    if pg_name:
        import psycopg

        with psycopg.connect(server, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{pg_name}" WITH (FORCE)')
