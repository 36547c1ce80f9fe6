"""Shared fixtures, cheapest first: settings, in-memory planner, SQLite file, PostgreSQL."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from planner.bootstrap import MEMORY, Planner, build
from planner.settings import Settings, load_settings

PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/test"


def _require(flag: str) -> bool:
    return os.environ.get(flag, "").strip() not in ("", "0", "false", "no")


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Settings from the repository's config.toml, with the instance folder in tmp_path."""
    return load_settings(environ={}, instance_path=str(tmp_path / "instance"))


@pytest.fixture
def memory_planner(settings: Settings) -> Iterator[Planner]:
    planner = build(settings, database_url=MEMORY)
    yield planner
    planner.close()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'planner.sqlite3'}"


def _pg_available() -> str | None:
    try:
        import psycopg

        with psycopg.connect(PG_ADMIN, connect_timeout=3):
            return None
    except Exception as error:  # noqa: BLE001 - any failure means "not reachable"
        reason = f"{error.__class__.__name__}: {error}"
        return f"PostgreSQL is not reachable at 127.0.0.1:5432 ({reason})"


@pytest.fixture(scope="session")
def postgres_server() -> str:
    """The admin URL of the local PostgreSQL; skips (or fails under CI) when unreachable."""
    problem = _pg_available()
    if problem:
        if _require("PLANNER_REQUIRE_POSTGRES"):
            pytest.fail(f"PLANNER_REQUIRE_POSTGRES=1 but {problem}")
        pytest.skip(problem)
    return PG_ADMIN


@contextmanager
def fresh_postgres_database(server: str, prefix: str = "planner_test") -> Iterator[str]:
    """Create an empty PostgreSQL database, yield its SQLAlchemy URL, drop it afterwards."""
    import psycopg

    name = f"{prefix}_{uuid.uuid4().hex[:16]}"
    with psycopg.connect(server, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    finally:
        with psycopg.connect(server, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def postgres_url(postgres_server: str) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test, dropped afterwards."""
    with fresh_postgres_database(postgres_server) as url:
        yield url


@pytest.fixture(params=["memory", "sqlite", "postgres"])
def any_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """The same scenario on in-memory storage, a SQLite file and PostgreSQL."""
    if request.param == "memory":
        return MEMORY
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'planner.sqlite3'}"
    return request.getfixturevalue("postgres_url")


@pytest.fixture(params=["sqlite", "postgres"])
def sql_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A SQL database: a SQLite file, then PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'planner.sqlite3'}"
    return request.getfixturevalue("postgres_url")


@pytest.fixture
def make_planner(settings: Settings) -> Iterator[Callable[..., Planner]]:
    """Build planners on given URLs; all are closed after the test."""
    opened: list[Planner] = []

    def make(database_url: str, **kwargs: object) -> Planner:
        planner = build(settings, database_url=database_url, **kwargs)  # type: ignore[arg-type]
        opened.append(planner)
        return planner

    yield make
    for planner in opened:
        planner.close()
