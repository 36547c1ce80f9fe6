"""Fixtures for the audit tests: the Jining scenario on memory, SQLite or PostgreSQL.

`pristine_jining` builds the scenario once per test run and database and puts every table the
tampering tests touch back as it was after each test, so each test starts from an intact log
without paying for a new database (PostgreSQL databases take seconds to create and fill).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import ExitStack
from pathlib import Path

import pytest
from flask import Flask
from sqlalchemy import MetaData, Table, delete, insert, select

from planner.audit.tables import audit_chain, audit_follower, audit_log
from planner.bootstrap import MEMORY, Planner, build
from planner.settings import load_settings
from tests.audit.scenario import COLLEAGUE, Clock, Jining, build_jining, utc
from tests.conftest import fresh_postgres_database
from tests.web.conftest import make_app, signed_in

AUDITOR = "auditor@test.example"
ORGANISER = "organiser@test.example"
MEMBER = "koerner@test.example"


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


@pytest.fixture(scope="session", params=["sqlite", "postgres"])
def shared_jining(request: pytest.FixtureRequest,
                  tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Planner, Jining]]:
    folder = tmp_path_factory.mktemp("audit")
    with ExitStack() as stack:
        if request.param == "sqlite":
            url = f"sqlite:///{folder / 'planner.sqlite3'}"
        else:
            url = stack.enter_context(fresh_postgres_database(
                request.getfixturevalue("postgres_server")))
        yield from _jining(url, folder)


def _jining(url: str, folder: Path) -> Iterator[tuple[Planner, Jining]]:
    clock = Clock(utc(2019, 5, 6, 8, 0))
    settings = load_settings(environ={}, instance_path=str(Path(folder) / "instance"))
    planner = build(settings, database_url=url, clock=clock)
    try:
        yield planner, build_jining(planner.app, clock)
    finally:
        planner.close()


# snapshots, their seals and the people index, which move on with the events like read models
DERIVED = ("planner_snapshots", "snapshot_seals", "audit_person_links", "audit_person_index")


@pytest.fixture
def pristine_jining(shared_jining: tuple[Planner, Jining]) -> Iterator[tuple[Planner, Jining]]:
    """The shared scenario; whatever a test does to the events, the chain and the read
    models (a CLI command records its viewing: the projector moves on) is undone."""
    planner, scenario = shared_jining
    assert planner.engine is not None
    reflected = MetaData()
    reflected.reflect(planner.engine)
    tables: list[Table] = [planner.events_table, audit_chain,
                           audit_log, audit_follower,
                           *(t for t in reflected.sorted_tables if t.name.startswith("rm_")),
                           *(t for t in reflected.sorted_tables if t.name in DERIVED)]
    with planner.engine.connect() as conn:
        saved = {t.name: [dict(r._mapping) for r in conn.execute(select(t))] for t in tables}
    yield planner, scenario
    with planner.engine.begin() as conn:
        for table in tables:
            conn.execute(delete(table))
            if saved[table.name]:
                conn.execute(insert(table), saved[table.name])


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Flask, Jining]]:
    app, planner = make_app(Path(tmp_path_factory.mktemp("audit-web")))
    clock = Clock(utc(2019, 5, 6, 8, 0))
    planner.app.clock = clock
    scenario = build_jining(planner.app, clock)
    for email, role, person in ((AUDITOR, "auditor", None), (ORGANISER, "organiser", None),
                                (MEMBER, "participant", scenario.koerner)):
        planner.app.open_account(actor="test:setup", email=email, name=email.split("@")[0],
                                 role=role, password_hash="not-a-real-hash",
                                 person_id=person)
    planner.app.open_account(actor="test:setup", email=COLLEAGUE, name="Jonas Wolf",
                             role="organiser", password_hash="not-a-real-hash")
    planner.app.clock = None
    yield app, scenario
    planner.close()


@pytest.fixture
def auditor(site):
    return signed_in(site[0], "auditor")


@pytest.fixture
def organiser(site):
    return signed_in(site[0], "organiser")


@pytest.fixture
def member(site):
    return signed_in(site[0], "member")
