"""The trip list of one organisation among many: filtered in SQL, not after loading everything.

Two databases: in the first, one organisation (the measured one) owns N trips and nothing else
is there; the second holds the same N trips and 10,000 trips of twenty other organisations (a
fifth of them shared at view with another of those organisations, none with the measured one,
so both lists are the same rows). Its organiser's trip list (the first page, 25 rows, and its
count, as the trips page asks for them) is timed on both in alternation, call by call, so a
busy machine slows both alike. Target (issue 11): with the others at most 1.5x the time
without them. Every trip has a leg, as the list shows each trip's cities.

On PostgreSQL the tables are analysed (ANALYZE) after the load: autovacuum does so by itself
within a minute of such a load, and measuring while it may or may not have run gives either
plan at random. SQLite is measured as loaded: nothing in the planner runs ANALYZE there.

The list is `queries.trips(viewer=...)` once the web work gives it the viewer filter; until
then a query shaped exactly like `queries.trips` (same order, same count-and-page, same row
building) with `planner.organisations.scope.trips_clause` as its WHERE: the figure's note says
which ran.

How the 10,000 trips get in: as domain aggregates (Trip.create, add_leg, share) saved in
batches of 1,000 with the save listeners held back and run once at the end
(bench/workload.bulk, as the demo loader does). So the read-model rows are the ones the real
handlers write, by construction, and it takes seconds, not the minutes of one command per trip
through the web or CLI; writing rm_trips rows directly would be faster still but could drift
from what the handlers write. Usage: python bench/bench_org_scope.py [--own N] [--others N]
"""

from __future__ import annotations

import argparse
import inspect
import statistics
import time
from contextlib import AbstractContextManager, nullcontext
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from scratch import postgres_database
from sqlalchemy import select, text
from table import Figure, ratio_figure
from workload import ACTOR, BATCH, bulk, planner_on

from planner.bootstrap import Planner
from planner.domain.organisation import Organisation
from planner.domain.trip import Trip
from planner.organisations.access import Viewer
from planner.organisations.scope import trips_clause
from planner.readmodel import tables as t
from planner.readmodel.queries_base import NEWEST_TRIPS_FIRST

OTHER_ORGANISATIONS = 20
FIRST_DAY = date(2030, 1, 1)
PER_PAGE = 25


def organisation(planner: Planner, name: str) -> str:
    made = Organisation.register(actor=ACTOR, name=name, latin_name=name, kind="agency",
                                 country="DE", timezone="Europe/Berlin")
    planner.app.save(made)
    return str(made.id)


def trips(planner: Planner, count: int, owners: list[str], *, start: int = 0,
          share_every: int = 0) -> None:
    """`count` trips with one leg each, owned in turn by `owners`, their start days spread
    over four years (so the measured organisation's trips lie among the others' in the
    list's order); every `share_every`-th is shared at view with the next owner."""
    made: list[Trip] = []
    for n in range(start, start + count):
        first = FIRST_DAY + timedelta(days=(n * 7) % 1460)
        owner = owners[n % len(owners)]
        trip = Trip.create(actor=ACTOR, title=f"Delegation {n}", organiser=f"Agency {n % 97}",
                           direction="outbound", home_timezone="Europe/Berlin",
                           starts_on=first, ends_on=first + timedelta(days=4), owner_org_id=owner)
        trip.add_leg(actor=ACTOR, city="Nanjing", country="China", timezone="Asia/Shanghai",
                     arrives_on=first, departs_on=first + timedelta(days=4))
        if share_every and n % share_every == 0 and len(owners) > 1:
            trip.share(actor=ACTOR, organisation_id=owners[(n + 1) % len(owners)],
                       access="view", reason="bench partner")
        made.append(trip)
        if len(made) == BATCH:
            planner.app.save(*made)
            made = []
    if made:
        planner.app.save(*made)


def trip_list(planner: Planner, viewer: Viewer) -> tuple[Any, str]:
    """The first page of the viewer's trip list, and which query gave it."""
    queries = planner.queries
    assert queries is not None
    if "viewer" in inspect.signature(queries.trips).parameters:
        return queries.trips(viewer=viewer, per_page=PER_PAGE), "queries.trips(viewer=)"  # type: ignore[call-arg]
    query = select(t.trips).order_by(*NEWEST_TRIPS_FIRST)
    clause = trips_clause(viewer, t.trips.c.id)
    if clause is not None:
        query = query.where(clause)
    with queries._connect() as conn:  # noqa: SLF001 - the same read as queries.trips
        page = queries._page(conn, query, 1, PER_PAGE, queries._trip_rows)  # noqa: SLF001
    return page, "scope.trips_clause in a query shaped like queries.trips"


def analysed(planner: Planner) -> None:
    """Statistics as autovacuum would gather them (PostgreSQL only; see the docstring)."""
    assert planner.engine is not None
    if planner.engine.dialect.name == "postgresql":
        with planner.engine.begin() as conn:
            conn.execute(text("ANALYZE"))


def second_database(url: str, folder: Path) -> AbstractContextManager[str | None]:
    """Another empty database on the same store."""
    if url.startswith("sqlite"):
        return nullcontext(f"sqlite:///{folder / 'db' / 'among-others.sqlite3'}")
    return postgres_database()


def loaded(url: str, folder: Path, own: int, others: int) -> tuple[Planner, Viewer, float]:
    """A database with the measured organisation's trips and `others` of other
    organisations; the seconds the others took to load."""
    planner = planner_on(url, folder)
    ours = organisation(planner, "Invest Region Leipzig")
    with bulk(planner):
        trips(planner, own, [ours])
    owners = [organisation(planner, f"Partner organisation {n}")
              for n in range(OTHER_ORGANISATIONS if others else 0)]
    started = time.perf_counter()
    with bulk(planner):
        trips(planner, others, owners, start=own, share_every=5)
    took = time.perf_counter() - started
    analysed(planner)
    return planner, Viewer(role="organiser", organisation_id=ours), took


def shown(page: Any) -> tuple[int, list[str]]:
    """What the list shows: its count and the titles of its first page."""
    return page.total, [r.title for r in page.items]


def figures(url: str, store: str, folder: Path, own: int = 200, others: int = 10_000,
            repeat: int = 200) -> list[Figure]:
    with second_database(url, folder) as among_url:
        assert among_url is not None, "no second database on this store"
        alone, alone_viewer, _ = loaded(url, folder, own, 0)
        among, among_viewer, loaded_s = loaded(among_url, folder, own, others)
        try:
            (alone_page, how), (among_page, _) = (trip_list(alone, alone_viewer),
                                                  trip_list(among, among_viewer))
            took: dict[str, list[float]] = {"alone": [], "among": []}
            for _ in range(repeat):
                for name, planner, viewer in (("alone", alone, alone_viewer),
                                              ("among", among, among_viewer)):
                    started = time.perf_counter()
                    trip_list(planner, viewer)
                    took[name].append((time.perf_counter() - started) * 1000)
        finally:
            alone.close()
            among.close()
    assert shown(alone_page) == shown(among_page), \
        "the other organisations' trips changed the measured organisation's list"
    return [ratio_figure(
        f"trip list of an organisation with {own} trips among {others:,} of others, ms",
        store, statistics.median(took["among"]), "ms", "no other trips",
        statistics.median(took["alone"]), "<= 1.5x",
        note=f"{how}; median of {repeat}, alternating; {alone_page.total} rows, page of "
             f"{PER_PAGE}; the others' trips loaded in {loaded_s:.1f} s")]


def main() -> None:
    from run_all import standalone

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--own", type=int, default=200)
    parser.add_argument("--others", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=200)
    args = parser.parse_args()
    standalone(lambda url, store, folder: figures(url, store, folder, args.own, args.others,
                                                  args.repeat))


if __name__ == "__main__":
    main()
