"""Snapshots are a shortcut, never the truth: an edited snapshot row changes nothing a
command sees, is dropped with a warning, and `planner log verify` names it."""

from __future__ import annotations

import logging
from datetime import date, datetime
from typing import Any
from uuid import UUID

import pytest
from click.testing import CliRunner
from sqlalchemy import text

from planner.bootstrap import Planner
from planner.cli import main
from planner.domain.errors import InvariantError
from planner.domain.meeting import Meeting

SNAPSHOTS = "planner_snapshots"


def trip_and_meeting(planner: Planner, meeting_events: int) -> tuple[UUID, UUID]:
    app = planner.app
    trip = app.create_trip(actor="organiser@example.org", title="Jining", organiser="LEIPZIG",
                           direction="outbound", home_timezone="Europe/Berlin",
                           starts_on=date(2030, 6, 25), ends_on=date(2030, 6, 30))
    meeting = app.schedule_meeting(trip, actor="organiser@example.org", kind="official meeting",
                                   title="Mayor", venue="City hall", city="Jining",
                                   timezone="Asia/Shanghai", starts=datetime(2030, 6, 28, 9),
                                   ends=datetime(2030, 6, 28, 10))
    for n in range(meeting_events - 1):
        app.change_meeting_details(meeting, actor="organiser@example.org",
                                   kind="official meeting", title=f"Mayor ({n})",
                                   counterparts=["Jining city"], agenda="")
    return trip, meeting


def snapshot_rows(planner: Planner) -> list[Any]:
    assert planner.engine is not None
    with planner.engine.connect() as conn:
        return conn.execute(text(f"SELECT * FROM {SNAPSHOTS} ORDER BY originator_version")).all()


def edit_snapshot(planner: Planner, version: int, old: bytes, new: bytes) -> None:
    row = next(r for r in snapshot_rows(planner) if r.originator_version == version)
    state = bytes(row.state)
    assert old in state
    assert planner.engine is not None
    with planner.engine.begin() as conn:
        conn.execute(text(f"UPDATE {SNAPSHOTS} SET state = :s WHERE originator_version = :v "
                          "AND originator_id = :o"),
                     {"s": state.replace(old, new), "v": version, "o": row.originator_id})


def test_long_records_are_snapshotted_and_sealed(make_planner, sql_database_url):
    planner = make_planner(sql_database_url)
    _, meeting = trip_and_meeting(planner, 45)
    versions = [r.originator_version for r in snapshot_rows(planner)]
    interval = planner.app.snapshotting_intervals[Meeting]
    assert versions == list(range(interval, 45, interval))
    assert planner.app.get_meeting(meeting)["title"] == "Mayor (43)"
    from planner.snapshots.verify import verify_snapshots
    report = verify_snapshots(planner)
    assert report.ok and report.checked == len(versions) and report.unsealed == 0


def test_an_edited_snapshot_is_named_by_verify_dropped_on_load_and_changes_nothing(
        make_planner, sqlite_url, settings, monkeypatch, caplog):
    planner = make_planner(sqlite_url)
    _, meeting = trip_and_meeting(planner, 20)
    edit_snapshot(planner, 20, b'"status":"proposed"', b'"status":"cancelled"')

    monkeypatch.setenv("PLANNER_DATABASE_URL", sqlite_url)
    monkeypatch.setenv("PLANNER_INSTANCE_PATH", str(settings.instance_path))
    runner = CliRunner()
    verified = runner.invoke(main, ["log", "verify", "--as", "auditor@example.org"])
    assert verified.exit_code == 1, verified.output
    assert (f"TAMPERED: the database: snapshot of meeting {meeting} at version 20: its state "
            "differs from the events") in verified.output

    with caplog.at_level(logging.WARNING):
        planner.app.confirm_meeting(meeting, actor="organiser@example.org")  # not "cancelled"
    assert planner.app.get_meeting(meeting)["status"] == "confirmed"
    assert any(str(meeting) in r.getMessage() and "does not match its seal" in r.getMessage()
               for r in caplog.records if r.levelno == logging.WARNING)
    assert runner.invoke(main, ["log", "verify"]).exit_code == 0  # replaced by a true one


def test_a_sealed_snapshot_copied_to_another_version_is_not_trusted(make_planner, sqlite_url,
                                                                      caplog):
    planner = make_planner(sqlite_url)
    _, meeting = trip_and_meeting(planner, 20)
    planner.app.cancel_meeting(meeting, actor="organiser@example.org", reason="rain")
    # the forger passes off the sealed snapshot of version 20 (proposed) as version 21
    row = snapshot_rows(planner)[0]
    assert planner.engine is not None
    with planner.engine.begin() as conn:
        conn.execute(text(f"INSERT INTO {SNAPSHOTS} VALUES (:o, 21, :t, :s)"),
                     {"o": row.originator_id, "t": row.topic, "s": row.state})
        conn.execute(text("INSERT INTO snapshot_seals SELECT originator_id, 21, digest "
                          "FROM snapshot_seals WHERE originator_version = 20"))
    with caplog.at_level(logging.WARNING), pytest.raises(InvariantError, match="cancelled"):
        planner.app.confirm_meeting(meeting, actor="organiser@example.org")
    assert planner.app.get_meeting(meeting)["status"] == "cancelled"
    assert "does not match its seal" in caplog.text


def test_a_snapshot_without_a_seal_is_replaced_by_a_sealed_one_on_its_next_load(
        make_planner, sqlite_url, caplog):
    """Snapshots taken before sealing existed (or whose seal was deleted) are not trusted."""
    from planner.snapshots.verify import verify_snapshots

    planner = make_planner(sqlite_url)
    _, meeting = trip_and_meeting(planner, 20)
    assert planner.engine is not None
    with planner.engine.begin() as conn:
        conn.execute(text("DELETE FROM snapshot_seals"))
    assert verify_snapshots(planner).unsealed == 2  # true, so not tampered: a note
    with caplog.at_level(logging.WARNING):
        assert planner.app.get_meeting(meeting)["title"] == "Mayor (18)"
    assert "has no seal" in caplog.text
    report = verify_snapshots(planner)
    assert report.ok and report.unsealed == 0
    assert [r.originator_version for r in snapshot_rows(planner)] == [20]  # sealed anew


def test_a_command_on_a_long_record_reads_its_last_snapshot_and_the_few_events_after_it(
        make_planner, sql_database_url, monkeypatch):
    """What a meeting command decodes does not grow with the meeting's or the trip's history."""
    planner = make_planner(sql_database_url)
    app = planner.app
    trip, meeting = trip_and_meeting(planner, 59)
    for n in range(58):
        app.set_objectives(trip, actor="organiser@example.org", objectives=[f"Goal {n}"])
    decoded: list[Any] = []
    decode = app.mapper.to_domain_event
    monkeypatch.setattr(app.mapper, "to_domain_event",
                        lambda stored: decoded.append(stored) or decode(stored))
    app.move_meeting(meeting, actor="organiser@example.org", starts=datetime(2030, 6, 28, 10),
                     ends=datetime(2030, 6, 28, 11), reason="the mayor is late")
    interval = app.snapshotting_intervals[Meeting]
    for record, version in ((meeting, 59), (trip, 59)):
        read = [s.originator_version for s in decoded
                if s.originator_id == record and s.originator_version <= version]  # not the new
        assert read == list(range(version - version % interval, version + 1)), read
