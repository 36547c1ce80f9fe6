"""The floor under a command: how many SQL statements one schedule or move sends, and what a
transaction of that many single-row INSERTs costs against the one-INSERT baseline of
bench_commands (same driver, same run). Prints one line per store; not part of `make bench`.

Usage: python bench/floor_commands.py [--meetings N] [--no-postgres]
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from bench_commands import commands_per_second, raw_inserts
from sqlalchemy import (
    Column,
    Integer,
    LargeBinary,
    MetaData,
    Table,
    Text,
    create_engine,
    event,
    text,
)
from sqlalchemy.engine import Engine


def statements_per_command(url: str, folder: Path, meetings: int) -> tuple[float, float]:
    """Statements per command and commands per second: bench_commands' run, counted on every
    engine (its few set-up statements included, about 1 % of the count)."""
    seen = [0]

    def count(*_: object) -> None:
        seen[0] += 1

    event.listen(Engine, "before_cursor_execute", count)
    try:
        rate, _ = commands_per_second(url, meetings, folder)
    finally:
        event.remove(Engine, "before_cursor_execute", count)
    return seen[0] / (2 * meetings), rate


def inserts_in_one_transaction(url: str, transactions: int, per: int, size: int) -> float:
    """Transactions per second, each of `per` single-row INSERTs (the round trips a command
    cannot avoid, without its Python around them)."""
    engine = create_engine(url)
    raw = Table("bench_floor", MetaData(), Column("id", Integer, primary_key=True),
                Column("originator_id", Text), Column("originator_version", Integer),
                Column("topic", Text), Column("state", LargeBinary))
    raw.drop(engine, checkfirst=True)
    raw.create(engine)
    if engine.dialect.name == "sqlite":  # as bench_commands.raw_inserts and the planner
        with engine.connect() as conn:
            conn.execute(text("PRAGMA journal_mode=WAL"))
    started = time.perf_counter()
    for n in range(transactions):
        with engine.begin() as conn:
            for k in range(per):
                conn.execute(raw.insert().values(originator_id=f"{n:030d}{k:06d}",
                                                 originator_version=n, topic="t",
                                                 state=b"x" * size))
    elapsed = time.perf_counter() - started
    raw.drop(engine)
    engine.dispose()
    return transactions / elapsed


def main() -> None:
    from run_all import on_stores

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=100)
    parser.add_argument("--no-postgres", action="store_true")
    args = parser.parse_args()
    n = args.meetings

    def measure(url: str, store: str, folder: Path) -> list:
        per, rate = statements_per_command(url, folder, n)
        raw = raw_inserts(url, 2 * n, 500)
        floor = inserts_in_one_transaction(url, 2 * n, round(per), 500)
        print(f"{store}: {per:.1f} statements per command; commands {rate:,.0f}/s; "
              f"raw inserts {raw:,.0f}/s; transactions of {round(per)} INSERTs "
              f"{floor:,.0f}/s = {floor / raw:.2f}x raw; commands = {rate / raw:.2f}x raw, "
              f"{rate / floor:.2f}x the floor", flush=True)
        return []

    on_stores(measure, postgres=not args.no_postgres)


if __name__ == "__main__":
    main()
