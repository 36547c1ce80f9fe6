"""Fixtures for the read-model tests, on a SQLite file and on PostgreSQL.

PostgreSQL tests share one database per session and get a fresh schema each (through the
connection's search_path): the same server and code paths, without paying for a CREATE
DATABASE per test. Read-only tests share one hand-built `world` per storage (they must not
change it); tests that write build their own small plan.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from planner.bootstrap import Planner, build
from planner.settings import load_settings
from tests.conftest import fresh_postgres_database
from tests.readmodel.plan import Plan
from tests.readmodel.world import build_world

PG = "postgresql://postgres@127.0.0.1:5432"
STORAGES = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


@pytest.fixture(scope="session")
def rm_pg_database(postgres_server: str) -> Iterator[str]:
    with fresh_postgres_database(postgres_server, "planner_rm") as url:
        yield url.rsplit("/", 1)[1]


def pg_schema_url(database: str) -> str:
    """A URL whose connections work in a new, empty schema of the shared test database."""
    import psycopg

    schema = f"t_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(f"{PG}/{database}", autocommit=True) as conn:
        conn.execute(f'CREATE SCHEMA "{schema}"')
    return (f"postgresql+psycopg://postgres@127.0.0.1:5432/{database}"
            f"?options=-csearch_path%3D{schema}")


def storage_url(request: pytest.FixtureRequest, folder: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{folder / 'planner.sqlite3'}"
    return pg_schema_url(request.getfixturevalue("rm_pg_database"))


@pytest.fixture(params=STORAGES)
def rm_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """An empty SQL database: a SQLite file, then a fresh PostgreSQL schema."""
    return storage_url(request, tmp_path)


@pytest.fixture
def sql_planner(rm_url: str, make_planner: Callable[..., Planner]) -> Planner:
    """A planner with read models, on a SQLite file and then on PostgreSQL."""
    return make_planner(rm_url)


@pytest.fixture
def plan(sql_planner: Planner) -> Plan:
    return Plan(sql_planner)


@dataclass
class World:
    """The hand-built data set of `world.py`, loaded once per storage. Read only."""

    plan: Plan
    ids: dict[str, Any]

    def __getitem__(self, name: str) -> Any:
        return self.ids[name]

    @property
    def q(self) -> Any:
        return self.plan.q


@pytest.fixture(scope="session", params=STORAGES)
def world(request: pytest.FixtureRequest,
          tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    folder = tmp_path_factory.mktemp("world")
    settings = load_settings(environ={}, instance_path=str(folder / "instance"))
    planner = build(settings, database_url=storage_url(request, folder))
    plan = Plan(planner)
    yield World(plan, build_world(plan))
    planner.close()
