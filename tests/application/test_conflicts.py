"""Two people editing the same record at once never silently overwrite each other.

The races are made deterministic through `app.clock`: a command reads the clock after it has
loaded the record and before it saves, so a clock that runs another editor's command at that
moment puts that save exactly between the first command's read and its write.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any
from uuid import UUID

import pytest

from planner.application import PlannerApplication
from planner.bootstrap import MEMORY, Planner
from planner.domain.errors import ConflictError
from tests.application.scenarios import (
    COLLEAGUE,
    ORGANISER,
    Clock,
    LeipzigTrip,
    event_count,
    event_types,
    leipzig_trip,
    nanjing_meeting,
    utc,
)


class Interrupting(Clock):
    """A clock that, the first time it is read after `interrupt_with`, lets another editor
    act first."""

    def __init__(self, start: datetime) -> None:
        super().__init__(start)
        self.interruption: Callable[[], Any] | None = None

    def interrupt_with(self, command: Callable[[], Any]) -> None:
        self.interruption = command

    def __call__(self) -> datetime:
        interruption, self.interruption = self.interruption, None
        if interruption is not None:
            interruption()
        return super().__call__()


def _meeting(app: PlannerApplication) -> tuple[LeipzigTrip, UUID]:
    trip = leipzig_trip(app)
    return trip, nanjing_meeting(app, trip)


def _move(app: PlannerApplication, meeting_id: UUID, hour: int, **kwargs: Any) -> int:
    return app.move_meeting(meeting_id, actor=ORGANISER, starts=datetime(2019, 6, 26, hour),
                            ends=datetime(2019, 6, 26, hour + 1), reason="the mayor is late",
                            **kwargs)


def _rename(app: PlannerApplication, meeting_id: UUID, **kwargs: Any) -> int:
    return app.change_meeting_details(meeting_id, actor=COLLEAGUE, kind="dinner",
                                      title="Dinner with the mayor", counterparts=[],
                                      agenda="", **kwargs)


def test_two_editors_of_one_meeting_the_second_gets_a_conflict_and_nothing_is_stored(
        any_database_url: str, make_planner: Callable[..., Planner]) -> None:
    app = make_planner(any_database_url).app
    _trip, meeting_id = _meeting(app)
    seen_by_anna = app.get_meeting(meeting_id)["version"]
    seen_by_jonas = app.get_meeting(meeting_id)["version"]
    assert seen_by_anna == seen_by_jonas == 1

    assert _move(app, meeting_id, 14, expected_version=seen_by_anna) == 2
    before = event_count(app)
    with pytest.raises(ConflictError) as caught:
        _rename(app, meeting_id, expected_version=seen_by_jonas)
    assert str(caught.value) == (
        f"meeting: meeting {meeting_id} has changed since you loaded it "
        "(you saw version 1, it is now at version 2)")
    assert event_count(app) == before
    assert event_types(app, meeting_id) == ["Meeting.Scheduled", "Meeting.Moved"]
    assert app.get_meeting(meeting_id)["title"] == "Meeting with the Nanjing city leadership"


def test_two_editors_saving_at_the_same_moment_one_gets_the_conflict(
        sql_database_url: str, make_planner: Callable[..., Planner]) -> None:
    """Both pass the version check; the database refuses the second save."""
    clock = Interrupting(utc(2019, 5, 6, 8))
    app = make_planner(sql_database_url, clock=clock).app
    _trip, meeting_id = _meeting(app)
    clock.interrupt_with(lambda: _rename(app, meeting_id, expected_version=1))
    before = event_count(app)
    with pytest.raises(ConflictError) as caught:
        _move(app, meeting_id, 14, expected_version=1)
    assert str(caught.value) == (
        f"meeting: meeting {meeting_id} has changed since you loaded it "
        "(you saw version 1, it is now at version 2)")
    assert event_count(app) == before + 1
    assert event_types(app, meeting_id) == ["Meeting.Scheduled", "Meeting.DetailsChanged"]
    assert app.get_meeting(meeting_id)["starts_at"] == utc(2019, 6, 26, 2)


def test_two_application_instances_racing_without_a_version_get_a_conflict(
        sql_database_url: str, make_planner: Callable[..., Planner]) -> None:
    """Two web workers on one database: nobody said which version they saw, yet the second
    save is refused instead of silently applying a change made on stale state."""
    clock = Interrupting(utc(2019, 5, 6, 8))
    first = make_planner(sql_database_url, clock=clock).app
    second = make_planner(sql_database_url).app
    _trip, meeting_id = _meeting(first)
    clock.interrupt_with(lambda: _rename(second, meeting_id))
    with pytest.raises(ConflictError) as caught:
        _move(first, meeting_id, 14)
    assert str(caught.value) == (f"meeting: meeting {meeting_id} was changed by someone else "
                                 "at the same time")
    for app in (first, second):
        assert event_types(app, meeting_id) == ["Meeting.Scheduled", "Meeting.DetailsChanged"]
        assert app.get_meeting(meeting_id)["starts_at"] == utc(2019, 6, 26, 2)


def test_adding_attendees_at_the_same_time_both_succeed_once_each(
        any_database_url: str, make_planner: Callable[..., Planner]) -> None:
    """Adding an attendee commutes with other changes, so the command retries by itself."""
    clock = Interrupting(utc(2019, 5, 6, 8))
    app = make_planner(any_database_url, clock=clock).app
    trip, meeting_id = _meeting(app)
    interpreter = app.register_person(actor=ORGANISER, name="Li Wei",
                                      home_timezone="Asia/Shanghai")
    app.add_member(trip.trip_id, actor=ORGANISER, person_id=interpreter, role="interpreter")
    clock.interrupt_with(lambda: app.add_attendee(meeting_id, actor=COLLEAGUE,
                                                  person_id=interpreter))
    assert app.add_attendee(meeting_id, actor=ORGANISER, person_id=trip.schuelke) is True
    assert app.get_meeting(meeting_id)["attendees"] == [
        str(trip.koerner), str(interpreter), str(trip.schuelke)]
    assert event_types(app, meeting_id) == [
        "Meeting.Scheduled", "Meeting.AttendeeAdded", "Meeting.AttendeeAdded"]


def test_drafting_an_agreement_while_the_meeting_changes_links_it_once(
        make_planner: Callable[..., Planner]) -> None:
    clock = Interrupting(utc(2019, 5, 6, 8))
    app = make_planner(MEMORY, clock=clock).app
    _trip, meeting_id = _meeting(app)
    clock.interrupt_with(lambda: _rename(app, meeting_id))
    mou = app.draft_agreement(actor=ORGANISER, title="MoU Leipzig-Nanjing",
                              kind="memorandum of understanding", meeting_id=meeting_id)
    meeting = app.get_meeting(meeting_id)
    assert (meeting["title"], meeting["agreement_ids"]) == ("Dinner with the mayor", [str(mou)])
    assert app.get_agreement(mou)["meeting_id"] == str(meeting_id)
