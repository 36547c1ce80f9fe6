"""What one OS process does in the parallel-editing test (importable by 'spawn' children)."""

from __future__ import annotations

import traceback
from datetime import datetime, timedelta
from typing import Any

COMMANDS_PER_WORKER = 10


def edit_one_trip(url: str, instance: str, trip_id: str, meeting_id: str, leg_id: str,
                  worker: int, barrier: Any, results: Any) -> None:
    """Register two people, add them to the delegation and to the shared meeting, and
    schedule four meetings of one's own, all at the same time as the other workers.

    Puts (worker, accepted, refused) on `results`: accepted is a list of (command, id).
    """
    accepted: list[tuple[str, str]] = []
    refused: list[tuple[str, str]] = []
    try:
        from planner.bootstrap import build
        from planner.domain.errors import DomainError
        from planner.settings import load_settings

        # Every process of one database shares its instance folder (the audit chain's key).
        planner = build(load_settings(environ={}, instance_path=instance), database_url=url)
        app = planner.app
        actor = f"worker-{worker}@example.org"
        barrier.wait(timeout=15)

        def attempt(command: str, run: Any) -> Any:
            try:
                result = run()
            except DomainError as error:
                refused.append((command, f"{type(error).__name__}: {error}"))
                return None
            accepted.append((command, str(result)))
            return result

        people = [attempt("register person", lambda n=n: app.register_person(
            actor=actor, name=f"Delegate {worker}.{n}", home_timezone="Europe/Berlin"))
            for n in range(2)]
        for person in people:
            attempt("add member", lambda p=person: app.add_member(
                trip_id, actor=actor, person_id=p, role="company representative") and p)
        for person in people:
            attempt("add attendee", lambda p=person: app.add_attendee(
                meeting_id, actor=actor, person_id=p) and p)
        for n in range(4):
            starts = datetime(2019, 6, 25, 8) + timedelta(hours=worker * 4 + n)
            attempt("schedule meeting", lambda s=starts, n=n: app.schedule_meeting(
                trip_id, actor=actor, kind="company visit", title=f"Visit {worker}.{n}",
                venue="", city="Nanjing", timezone="Asia/Shanghai", starts=s,
                ends=s + timedelta(minutes=45), leg_id=leg_id))
        planner.close()
    except BaseException:  # noqa: BLE001 - report everything to the parent
        refused.append(("crash", traceback.format_exc()))
    results.put((worker, accepted, refused))
