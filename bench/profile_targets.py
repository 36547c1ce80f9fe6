"""Where the time of a missed target goes: pyinstrument over commands, a rebuild, a page.

Not a benchmark (nothing is compared): it profiles, on SQLite, the work behind each figure of
`make bench` that misses its target, and prints the heaviest frames with their share of the
whole, as bench/RESULTS.md quotes them.
Usage: python bench/profile_targets.py [commands|rebuild|pages|feed ...] [--size N] [--depth D]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

from pyinstrument import Profiler
from workload import ACTOR, big_trip, bulk, mixed_log, planner_on

from planner.bootstrap import Planner


def commands(planner: Planner, size: int) -> Callable[[], object]:
    app = planner.app
    trip = app.create_trip(actor=ACTOR, title="Profile", organiser="Bench GmbH",
                           direction="outbound", home_timezone="Europe/Berlin",
                           starts_on=date(2030, 1, 1), ends_on=date(2030, 12, 31))
    person = app.register_person(actor=ACTOR, name="Bench Person", home_timezone="Europe/Berlin")
    app.add_member(trip, actor=ACTOR, person_id=person, role="agency staff")

    def run() -> None:
        for n in range(size):
            start = datetime(2030, 1, 2, 9) + timedelta(days=n % 300, minutes=(n // 300) * 30)
            meeting = app.schedule_meeting(trip, actor=ACTOR, kind="official meeting",
                                           title=f"Meeting {n}", venue="Hall", city="Leipzig",
                                           timezone="Europe/Berlin", starts=start,
                                           ends=start + timedelta(minutes=25),
                                           attendees=[person])
            app.move_meeting(meeting, actor=ACTOR, starts=start + timedelta(minutes=1),
                             ends=start + timedelta(minutes=26), reason="bench")
    return run


def rebuild(planner: Planner, size: int) -> Callable[[], object]:
    with bulk(planner, read_models=False):
        mixed_log(planner, size * 10)
    projector = planner.projector
    assert projector is not None
    return projector.rebuild


def requests_of(page: str) -> Callable[[Planner, int], Callable[[], object]]:
    """`size` requests of one page of the 300-meeting trip ("trip" as its organiser, "feed"
    the participant's calendar feed), in the Flask test client."""

    def prepare(planner: Planner, size: int) -> Callable[[], object]:
        from bench_pages import ORGANISER, PASSWORD, csrf_of

        from planner.passwords import hash_password
        from web import create_app

        with bulk(planner):
            trip, person = big_trip(planner, 300, 60)
        planner.app.open_account(actor=ACTOR, email=ORGANISER, name="Organiser",
                                 role="organiser", password_hash=hash_password(PASSWORD))
        client = create_app(planner.settings, planner=planner).test_client()
        form = client.get("/login").get_data(as_text=True)
        client.post("/login", data={"email": ORGANISER, "password": PASSWORD, "next": "",
                                    **csrf_of(form)})
        path = f"/trips/{trip}" if page == "trip" else \
            f"/feeds/{planner.app.reset_feed_token(person, actor=ACTOR)}.ics"
        if client.get(path).status_code != 200:
            raise RuntimeError(f"{path} did not answer 200")

        def run() -> None:
            for _ in range(size):
                client.get(path)
        return run
    return prepare


WORK: dict[str, Callable[[Planner, int], Callable[[], object]]] = {
    "commands": commands, "rebuild": rebuild, "pages": requests_of("trip"),
    "feed": requests_of("feed")}


def profiled(name: str, size: int, folder: Path) -> Any:
    (folder / name).mkdir()
    planner = planner_on(f"sqlite:///{folder / name / 'profile.sqlite3'}", folder / name)
    run = WORK[name](planner, size)
    profiler = Profiler(interval=0.001)
    profiler.start()
    run()
    profiler.stop()
    planner.close()
    return profiler


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("work", nargs="*", default=list(WORK), choices=list(WORK))
    parser.add_argument("--size", type=int, default=20)
    parser.add_argument("--depth", type=int, default=0, help="0: pyinstrument's own cut")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        for name in args.work:
            profiler = profiled(name, args.size, Path(tmp))
            print(f"== {name} (size {args.size})")
            print(profiler.output_text(unicode=False, color=False, show_all=False,
                                       short_mode=False))
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    raise SystemExit(main())
