"""Records with long histories are snapshotted, and read back the same at any version."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any
from uuid import UUID

from sqlalchemy import text

from planner.application import PlannerApplication
from planner.bootstrap import MEMORY, Planner
from planner.commands.base import plain
from planner.domain.trip import Trip
from tests.application.scenarios import ORGANISER, leipzig_trip, nanjing_meeting, utc

ROUNDS = 26  # two events per round: past several snapshot intervals
INTERVAL = PlannerApplication.snapshotting_intervals[Trip]


def _replayed(app: PlannerApplication, record_id: UUID, version: int | None = None) -> Any:
    """The record rebuilt from its events alone, ignoring snapshots."""
    aggregate = None
    for event in app.events.get(record_id, lte=version):
        aggregate = event.mutate(aggregate)
    assert aggregate is not None
    return plain(aggregate)


def test_a_long_history_reads_back_the_same_at_the_latest_and_an_early_version(
        any_database_url: str, make_planner: Callable[..., Planner]) -> None:
    planner = make_planner(any_database_url)
    app = planner.app
    trip = leipzig_trip(app)
    meeting_id = nanjing_meeting(app, trip)
    for n in range(ROUNDS):
        app.set_objectives(trip.trip_id, actor=ORGANISER, objectives=[f"Objective {n}"])
        app.change_member(trip.trip_id, trip.schuelke, actor=ORGANISER,
                          role="official" if n % 2 else "adviser", organisation=f"Office {n}")
        app.add_attendee(meeting_id, actor=ORGANISER, person_id=trip.schuelke)
        app.remove_attendee(meeting_id, actor=ORGANISER, person_id=trip.schuelke)

    reader = make_planner(any_database_url).app if any_database_url != MEMORY else app
    for record_id, latest in ((trip.trip_id, 5 + 2 * ROUNDS), (meeting_id, 1 + 2 * ROUNDS)):
        assert reader.snapshots is not None
        snapshots = list(reader.snapshots.get(record_id))
        assert [s.originator_version for s in snapshots] == list(
            range(INTERVAL, latest + 1, INTERVAL))
        assert reader.repository.get(record_id).version == latest
        now = reader.get_trip(record_id) if record_id == trip.trip_id else \
            reader.get_meeting(record_id)
        assert now == _replayed(reader, record_id)
        assert now["version"] == latest

    current = reader.get_trip(trip.trip_id)
    assert current["objectives"] == [f"Objective {ROUNDS - 1}"]
    assert current["legs"][1]["arrives_on"] == date(2019, 6, 28)
    assert reader.get_meeting(meeting_id)["starts_at"] == utc(2019, 6, 26, 2)
    early = reader.get_trip(trip.trip_id, version=7)
    assert early == _replayed(reader, trip.trip_id, 7)
    assert early["objectives"] == ["Objective 0"]
    assert reader.get_meeting(meeting_id, version=2)["attendees"] == [
        str(trip.koerner), str(trip.schuelke)]

    if planner.engine is not None:
        with planner.engine.connect() as conn:
            count = conn.execute(text("SELECT count(*) FROM planner_snapshots")).scalar()
        assert count == (5 + 2 * ROUNDS) // INTERVAL + (1 + 2 * ROUNDS) // INTERVAL


def test_an_auditors_trail_is_snapshotted_so_recording_a_viewing_stays_cheap(
        make_planner: Callable[..., Planner]) -> None:
    """Every audit screen an auditor opens adds to their trail, which is loaded to record it."""
    from planner.audit.trail import record_viewed
    from planner.domain.audit_trail import audit_trail_id

    app = make_planner(MEMORY).app
    for n in range(INTERVAL + 1):
        record_viewed(app, ORGANISER, f"history of record {n}")
    trail_id = audit_trail_id(ORGANISER)
    assert app.snapshots is not None
    assert [s.originator_version for s in app.snapshots.get(trail_id)] == [INTERVAL]
    assert app.repository.get(trail_id).viewings == INTERVAL + 1
