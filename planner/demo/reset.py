"""Empty the configured database so `planner demo --reset` starts from nothing."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import create_engine, inspect, text

from planner.settings import Settings


def reset_database(settings: Settings) -> list[str]:
    """Delete the SQLite file (with its -wal/-shm/-journal) or drop every table of the schema.

    Returns what was removed, for the caller to report. In-memory storage needs nothing.
    """
    url = settings.database_url
    if url.startswith("sqlite:///"):
        path = url.removeprefix("sqlite:///")
        if path == ":memory:":
            return []
        main = Path(path)
        files = [main, *(main.with_name(main.name + s) for s in ("-wal", "-shm", "-journal"))]
        removed = [str(f) for f in files if f.exists()]
        for file in files:
            file.unlink(missing_ok=True)
        return removed
    if not url.startswith("postgresql"):
        return []
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            names = inspect(connection).get_table_names()
            for name in names:
                quoted = name.replace('"', '""')
                connection.execute(text(f'DROP TABLE IF EXISTS "{quoted}" CASCADE'))
        return names
    finally:
        engine.dispose()
