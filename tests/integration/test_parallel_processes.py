"""Several OS processes edit one trip at the same time, on a SQLite file and on PostgreSQL:
every accepted command is in the log exactly once, and the rebuilt records show them all."""

from __future__ import annotations

import multiprocessing
import queue
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

from planner.audit.verify import verify_database
from planner.bootstrap import Planner
from tests.application.scenarios import leipzig_trip, nanjing_meeting
from tests.integration.workers import COMMANDS_PER_WORKER, edit_one_trip

WORKERS = 3
TIME_LIMIT = 20  # seconds for the workers; they normally finish in a few


def _run_workers(url: str, instance: str, trip_id: str, meeting_id: str,
                 leg_id: str) -> list[Any]:
    context = multiprocessing.get_context("spawn")
    barrier = context.Barrier(WORKERS)
    results = context.Queue()
    processes = [context.Process(target=edit_one_trip, daemon=True,
                                 args=(url, instance, trip_id, meeting_id, leg_id, n, barrier,
                                       results))
                 for n in range(WORKERS)]
    for process in processes:
        process.start()
    deadline = time.monotonic() + TIME_LIMIT
    collected = []
    try:
        for _ in processes:
            collected.append(results.get(timeout=max(1.0, deadline - time.monotonic())))
    except queue.Empty:
        raise AssertionError(f"only {len(collected)} of {WORKERS} workers finished within "
                             f"{TIME_LIMIT} s") from None
    finally:
        for process in processes:
            process.join(timeout=5)
            if process.is_alive():
                process.kill()
    return collected


def test_processes_adding_attendees_and_meetings_to_one_trip_lose_and_repeat_nothing(
        sql_database_url: str, make_planner: Callable[..., Planner]) -> None:
    planner = make_planner(sql_database_url)  # creates the schema before the workers start
    app = planner.app
    trip = leipzig_trip(app)
    shared = nanjing_meeting(app, trip)

    results = _run_workers(sql_database_url, str(planner.settings.instance_path),
                           str(trip.trip_id), str(shared), trip.nanjing_leg)

    accepted: dict[str, list[str]] = {}
    for worker, done, refused in sorted(results):
        assert refused == [], f"worker {worker} had commands refused: {refused}"
        assert len(done) == COMMANDS_PER_WORKER
        for command, result in done:
            accepted.setdefault(command, []).append(result)

    # Each command applied its rows and its chain link in its own transaction: with no
    # catch-up anywhere since the workers started, the read models and the chain are complete.
    assert planner.queries is not None
    assert planner.queries.position() == planner.app.recorder.max_notification_id()
    verdict = verify_database(planner)
    assert verdict.ok, verdict.problem

    fresh = make_planner(sql_database_url).app
    trip_events = Counter(type(e).__qualname__ for e in fresh.history(trip.trip_id))
    assert trip_events["Trip.MemberAdded"] == 2 + len(accepted["add member"])
    added_members = [e.person_id for e in fresh.history(trip.trip_id)
                     if type(e).__qualname__ == "Trip.MemberAdded"]
    assert len(added_members) == len(set(added_members)), "a member was added twice"

    shared_events = [e for e in fresh.history(shared)
                     if type(e).__qualname__ == "Meeting.AttendeeAdded"]
    assert sorted(e.person_id for e in shared_events) == sorted(accepted["add attendee"])

    stored = fresh.get_trip(trip.trip_id)
    assert {m["person_id"] for m in stored["members"]} >= set(accepted["add member"])
    assert len(stored["members"]) == 2 + WORKERS * 2
    attendees = fresh.get_meeting(shared)["attendees"]
    assert sorted(attendees) == sorted([str(trip.koerner)] + accepted["add attendee"])

    scheduled = accepted["schedule meeting"]
    assert len(set(scheduled)) == len(scheduled) == WORKERS * 4
    for meeting_id in scheduled:
        meeting = fresh.get_meeting(meeting_id)
        assert (meeting["trip_id"], meeting["version"]) == (trip.trip_id, 1)
    log = Counter(n.topic.rpartition(":")[2]
                  for n in fresh.recorder.select_notifications(start=1, limit=100_000))
    assert log["Meeting.Scheduled"] == 1 + len(scheduled)
    assert log["Meeting.AttendeeAdded"] == len(accepted["add attendee"])
    assert log["Trip.MemberAdded"] == 2 + len(accepted["add member"])
    assert log["Person.Registered"] == 3 + len(accepted["register person"])
    people = accepted["register person"]
    assert len(set(people)) == len(people) == WORKERS * 2
