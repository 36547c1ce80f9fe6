"""A scratch PostgreSQL database for one benchmark run, dropped afterwards.

The benchmarks run on SQLite always and on PostgreSQL when the server at 127.0.0.1:5432 is
reachable (trust authentication, user postgres, as on the development and CI machines).
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager

PG_ADMIN = "postgresql://postgres@127.0.0.1:5432/test"


@contextmanager
def postgres_database() -> Iterator[str | None]:
    """The SQLAlchemy URL of a new, empty database, or None when PostgreSQL is unreachable."""
    try:
        import psycopg

        name = f"planner_bench_{uuid.uuid4().hex[:12]}"
        with psycopg.connect(PG_ADMIN, autocommit=True, connect_timeout=3) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
    except Exception:  # noqa: BLE001 - no PostgreSQL here: the caller skips it
        yield None
        return
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:5432/{name}"
    finally:
        with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
