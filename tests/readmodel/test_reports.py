"""Follow-ups, the trip report and the dashboard."""

from __future__ import annotations

from datetime import date

import pytest

from planner.domain.errors import NotFoundError, ValidationError
from tests.readmodel.conftest import World


def test_open_followups_come_overdue_first_then_by_due_date(world: World) -> None:
    rows = world.q.followups(today=date(2019, 8, 1))
    assert [(f.action, f.overdue) for f in rows] == [
        ("Send the company profiles", True), ("Plan the larger delegation", False)]
    assert rows[0].meeting_title == "Meeting the Mayor of Nanjing"
    assert rows[0].trip_title == "Delegation trip to Nanjing and Jining"
    later = world.q.followups(today=date(2019, 10, 1))
    assert [f.overdue for f in later] == [True, True]
    assert [f.due_on for f in later] == [date(2019, 7, 15), date(2019, 9, 30)]


def test_followups_are_filtered_by_owner_and_can_include_done_ones(world: World) -> None:
    mine = world.q.followups(owner="michael korner", include_done=True, today=date(2019, 8, 1))
    assert [(f.action, f.done_on) for f in mine] == [
        ("Send the company profiles", None), ("Thank-you letter", date(2019, 6, 30))]
    assert world.q.followups(owner="Clemens Schülke", today=date(2019, 8, 1))[0].owner == \
        "Clemens Schülke"
    assert world.q.followups(owner="Nobody", today=date(2019, 8, 1)) == ()
    with pytest.raises(ValidationError, match="today"):
        world.q.followups(today="2019-08-01")  # type: ignore[arg-type]


def test_the_trip_report_lists_meetings_held_ideas_and_agreements_signed(world: World) -> None:
    report = world.q.trip_report(world["trip"])
    assert report.trip.title == "Delegation trip to Nanjing and Jining"
    assert (report.meetings_planned, report.meetings_cancelled) == (4, 1)
    (held,) = report.meetings_held
    assert held.title == "Meeting the Mayor of Nanjing" and held.city == "Nanjing"
    assert held.local_start.hour == 10 and held.summary.startswith("Both cities")
    assert [i.idea for i in report.ideas] == ["Joint logistics hub", "Student exchange"]
    assert [a.title for a in report.agreements_signed] == [
        "Memorandum of Understanding Leipzig–Nanjing", "Donation of 10,000 face masks"]
    assert len(report.followups) == 3
    assert world.q.trip_report(world["munich_trip"]).meetings_held == ()
    with pytest.raises(NotFoundError):
        world.q.trip_report("7f1d4c52-0000-4000-8000-000000000000")


def test_the_dashboard_shows_current_and_upcoming_trips_followups_and_warnings(
        world: World) -> None:
    board = world.q.dashboard(date(2019, 6, 26))
    assert [t.id for t in board.current] == [world["trip"]]
    assert [t.id for t in board.upcoming] == [world["new_year_trip"], world["munich_trip"]]
    assert [f.action for f in board.open_followups] == [
        "Send the company profiles", "Plan the larger delegation"]
    assert board.overdue_followups == ()
    assert board.warning_counts[world["trip"]] == len(world.q.warnings(world["trip"]))
    later = world.q.dashboard(date(2019, 7, 20))
    assert later.current == () and len(later.overdue_followups) == 1
