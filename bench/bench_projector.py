"""Read models: rebuild throughput and query latency on generated trips.

Generates a log of about N events (trips with legs, delegations and meetings with attendees,
profiles with contacts), then prints:
- rebuild throughput (events/s), against a baseline measured in the same run: reading and
  decoding the same events without projecting them (the ratio is the cost of the SQL writes);
- median latency of each query, against a baseline measured in the same run: building the
  same trip's itinerary by replaying its aggregates from the log (what the read models save).
Runs on SQLite and, when reachable, PostgreSQL. Figures only; nothing is asserted.
`--pages` instead measures the trip page (a trip of 300 meetings and 60 members), a
participant's schedule and feed through the Flask app: median time and SQL statements each.
`big_trip` and `page_figures` are there for other benchmarks (the gunicorn ones) to reuse.
Usage: python bench/bench_projector.py [--events N] [--repeat R] [--pages]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from eventsourcing.persistence import StoredEvent
from scratch import postgres_database
from sqlalchemy import select

from planner.bootstrap import Planner, build
from planner.domain.company import CompanyProfile
from planner.domain.meeting import Meeting
from planner.domain.person import Person
from planner.domain.trip import Trip
from planner.settings import load_settings

ACTOR = "bench"
CITIES = [("Nanjing", "China", "Asia/Shanghai"), ("Jining", "China", "Asia/Shanghai"),
          ("München", "Germany", "Europe/Berlin"), ("Leipzig", "Germany", "Europe/Berlin")]


def generate(planner: Planner, events: int) -> tuple[Any, Any]:
    """About `events` events in few transactions; returns a trip id and a person id."""
    app = planner.app
    listeners, app.saved_listeners = app.saved_listeners, []
    people = [Person.register(actor=ACTOR, name=f"Delegate {n} Körner",
                              home_timezone="Europe/Berlin")
              for n in range(40)]
    app.save(*people)
    profiles = []
    for n in range(max(events // 40, 1)):
        profile = CompanyProfile.register(actor=ACTOR, name=f"Firma {n} Straße GmbH",
                                          kind="company", country="Germany",
                                          sectors=["Logistics", "Energy"][: 1 + n % 2],
                                          interests=["expand into China"])
        for c in range(3):
            profile.add_contact(actor=ACTOR, name=f"Contact {c}")
        profiles.append(profile)
    app.save(*profiles)
    first_trip = None
    start = date(2019, 1, 7)
    while (app.recorder.max_notification_id() or 0) < events:
        trip = Trip.create(actor=ACTOR, title=f"Delegation {start}", organiser="Invest Region",
                           direction="outbound", home_timezone="Europe/Berlin",
                           starts_on=start, ends_on=start + timedelta(days=5))
        members = people[start.toordinal() % 30:][:8]
        for person in members:
            trip.add_member(actor=ACTOR, person_id=person.id, role="agency staff")
        meetings = []
        for leg_no in range(2):
            city, country, zone = CITIES[(start.toordinal() + leg_no) % len(CITIES)]
            first, last = start + timedelta(days=3 * leg_no), start + timedelta(days=3 * leg_no + 2)
            leg = trip.add_leg(actor=ACTOR, city=city, country=country, timezone=zone,
                               arrives_on=first, departs_on=last)
            for day in range(3):
                for hour in (9, 11, 14, 16):
                    local = datetime.combine(first + timedelta(days=day), datetime.min.time())
                    begins = local.replace(hour=hour, tzinfo=ZoneInfo(zone))
                    meetings.append(Meeting.schedule(
                        actor=ACTOR, window=trip.window(), kind="official meeting",
                        title=f"Meeting {hour}h", venue="Town hall", city=city, timezone=zone,
                        starts_at=begins, ends_at=begins + timedelta(hours=1, minutes=30),
                        leg_id=leg, attendees=[str(p.id) for p in members[hour % 3:][:4]]))
        app.save(trip, *meetings)
        first_trip = first_trip or trip.id
        start += timedelta(days=7)
    app.saved_listeners = listeners
    return first_trip, people[0].id


def per_second(count: int, seconds: float) -> str:
    return f"{seconds:7.2f} s  {count / seconds:8.0f} events/s"


def decode_only(planner: Planner) -> int:
    """The baseline: read and decode every event in batches, as the projector does."""
    events, mapper, done, position = planner.projector.events, planner.app.mapper, 0, 0
    with planner.engine.connect() as conn:
        while True:
            rows = conn.execute(select(events).where(events.c.id > position)
                                .order_by(events.c.id).limit(500)).all()
            if not rows:
                return done
            for r in rows:
                mapper.to_domain_event(StoredEvent(r.originator_id, r.originator_version,
                                                   r.topic, bytes(r.state)))
            done, position = done + len(rows), rows[-1].id


def median_ms(step: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        step()
        times.append(time.perf_counter() - started)
    return statistics.median(times) * 1000


def replayed_itinerary(planner: Planner, trip_id: Any) -> list[dict[str, Any]]:
    """The baseline for queries: the trip's meetings rebuilt from their events."""
    app = planner.app
    ids = [n.originator_id for n in app.recorder.select_notifications(
        1, 10_000_000, topics=[f"{Meeting.__module__}:Meeting.Scheduled"])]
    found = [app.get_meeting(i) for i in ids]
    return sorted((m for m in found if m["trip_id"] == trip_id), key=lambda m: m["starts_at"])


def run(url: str, events: int, repeat: int, folder: Path) -> None:
    settings = load_settings(environ={}, instance_path=str(folder / "instance"))
    planner = build(settings, database_url=url)
    trip, person = generate(planner, events)
    total = planner.app.recorder.max_notification_id()
    started = time.perf_counter()
    decode_only(planner)
    baseline = time.perf_counter() - started
    started = time.perf_counter()
    planner.projector.rebuild()
    rebuild = time.perf_counter() - started
    print(f"  read and decode (baseline)  {per_second(total, baseline)}")
    print(f"  rebuild, batches of 500     {per_second(total, rebuild)}   "
          f"{baseline / rebuild:.2f}x the baseline's throughput")
    q, today = planner.queries, date(2019, 3, 1)
    replay = median_ms(lambda: replayed_itinerary(planner, trip), max(repeat // 10, 3))
    print(f"  itinerary by replay (baseline) {replay:9.2f} ms")
    for name, step in [
        ("trips, first page", lambda: q.trips()),
        ("trips in one city and year", lambda: q.trips(city="Nanjing", year=2019)),
        ("trip detail", lambda: q.trip(trip)),
        ("itinerary", lambda: q.itinerary(trip)),
        ("warnings", lambda: q.warnings(trip, settings)),
        ("person's schedule", lambda: q.person_schedule(person)),
        ("profiles by name", lambda: q.profiles(name="strasse 1")),
        ("agreements register", lambda: q.agreements()),
        ("open follow-ups", lambda: q.followups(today=today)),
        ("dashboard", lambda: q.dashboard(today)),
    ]:
        ms = median_ms(step, repeat)
        print(f"  {name:<30} {ms:9.2f} ms   {replay / ms:7.1f}x faster than the replay")
    planner.close()


def big_trip(planner: Planner, meetings: int = 300, members: int = 60,
             password_hash: str = "x") -> dict[str, Any]:
    """A trip of `meetings` meetings (5 attendees each, some clashing) and `members` members,
    an organiser and a participant account (with this password hash; "x" lets nobody sign in
    with a password, only through the session), and the participant's feed token. Returns the
    trip id, the two e-mails and the token."""
    app = planner.app
    listeners, app.saved_listeners = app.saved_listeners, []
    people = [Person.register(actor=ACTOR, name=f"Delegate {n} Körner",
                              home_timezone="Europe/Berlin") for n in range(members)]
    start = date(2024, 6, 3)
    trip = Trip.create(actor=ACTOR, title="Big delegation", organiser="Invest Region",
                       direction="outbound", home_timezone="Europe/Berlin", starts_on=start,
                       ends_on=start + timedelta(days=9))
    for person in people:
        trip.add_member(actor=ACTOR, person_id=person.id, role="company representative")
    legs = [trip.add_leg(actor=ACTOR, city=city, country="China", timezone="Asia/Shanghai",
                         arrives_on=start + timedelta(days=5 * k),
                         departs_on=start + timedelta(days=5 * k + 4))
            for k, city in enumerate(["Nanjing", "Jining"])]
    items = []
    for n in range(meetings):
        day, leg = n // 30, min(n // 150, 1)
        begins = datetime.combine(start + timedelta(days=day % 10), datetime.min.time()).replace(
            hour=7 + (n % 30) // 2, minute=30 * (n % 2), tzinfo=ZoneInfo("Asia/Shanghai"))
        items.append(Meeting.schedule(
            actor=ACTOR, window=trip.window(), kind="company visit", title=f"Visit {n}",
            venue="Hall", city=["Nanjing", "Jining"][leg], timezone="Asia/Shanghai",
            starts_at=begins, ends_at=begins + timedelta(minutes=45), leg_id=legs[leg],
            attendees=[str(people[(n * 7 + j) % members].id) for j in range(5)]))
    app.save(*people)
    app.save(trip, *items)
    app.saved_listeners = listeners
    assert planner.projector is not None
    planner.projector.catch_up()
    app.open_account(actor=ACTOR, email="organiser@bench.invalid", name="Organiser",
                     role="organiser", password_hash=password_hash)
    app.open_account(actor=ACTOR, email="participant@bench.invalid", name="Participant",
                     role="participant", password_hash=password_hash, person_id=people[0].id)
    return {"trip": trip.id, "organiser": "organiser@bench.invalid",
            "participant": "participant@bench.invalid",
            "token": app.reset_feed_token(people[0].id, actor=ACTOR)}


def page_figures(planner: Planner, world: dict[str, Any], repeat: int) -> None:
    """Median time and SQL statements of the trip page, schedule and feed (Flask test client,
    one process: the gunicorn figures are bench_pages' job)."""
    from sqlalchemy import event

    from web import create_app

    flask_app = create_app(planner.settings, planner=planner)
    statements = [0]

    def count(*_: Any) -> None:
        statements[0] += 1

    assert planner.engine is not None
    event.listen(planner.engine, "before_cursor_execute", count)
    for name, who, path in [("trip page", world["organiser"], f"/trips/{world['trip']}"),
                            ("schedule", world["participant"], "/schedule"),
                            ("feed", None, f"/feeds/{world['token']}.ics")]:
        client = flask_app.test_client()
        if who:
            with client.session_transaction() as session:
                session["email"] = who
        assert client.get(path).status_code == 200, path
        statements[0] = 0
        ms = median_ms(lambda: client.get(path), 1)  # noqa: B023 - called at once
        counted = statements[0]
        ms = median_ms(lambda: client.get(path), repeat)  # noqa: B023
        print(f"  {name:<12} {ms:8.1f} ms   {counted} SQL statements")
    event.remove(planner.engine, "before_cursor_execute", count)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=5000)
    parser.add_argument("--repeat", type=int, default=30)
    parser.add_argument("--pages", action="store_true")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        if args.pages:
            with postgres_database() as url:
                if url is None:
                    print("PostgreSQL is not reachable at 127.0.0.1:5432; skipped")
                    return
                settings = load_settings(environ={}, instance_path=str(Path(tmp) / "i"))
                planner = build(settings, database_url=url)
                print("PostgreSQL, a trip of 300 meetings and 60 members")
                page_figures(planner, big_trip(planner), args.repeat)
                planner.close()
            return
        print(f"SQLite, about {args.events} events")
        run(f"sqlite:///{Path(tmp) / 'bench.sqlite3'}", args.events, args.repeat, Path(tmp))
        with postgres_database() as url:
            if url is None:
                print("PostgreSQL is not reachable at 127.0.0.1:5432; skipped")
                return
            print(f"PostgreSQL, about {args.events} events")
            run(url, args.events, args.repeat, Path(tmp))


if __name__ == "__main__":
    main()
