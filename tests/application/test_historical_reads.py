"""Records as they were: at a version, at a moment, before they existed; and the profile
version handed over on a trip."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from planner.bootstrap import MEMORY, Planner
from planner.domain.errors import NotFoundError
from tests.application.scenarios import (
    ORGANISER,
    Clock,
    leipzig_trip,
    nanjing_meeting,
    refused,
    utc,
)

CREATED = utc(2019, 5, 10, 9, 0)
FIRST_MOVE = utc(2019, 5, 20, 14, 0)
SECOND_MOVE = utc(2019, 6, 1, 8, 30)
SECOND = timedelta(seconds=1)


def _move_twice(planner: Planner, clock: Clock) -> object:
    """The Nanjing meeting, scheduled for 10:00, moved to 14:00 and then to 16:00 (local)."""
    app = planner.app
    trip = leipzig_trip(app)
    clock.set(CREATED)
    meeting_id = nanjing_meeting(app, trip)
    clock.set(FIRST_MOVE)
    app.move_meeting(meeting_id, actor=ORGANISER, starts=datetime(2019, 6, 26, 14),
                     ends=datetime(2019, 6, 26, 15), reason="the mayor is in Beijing")
    clock.set(SECOND_MOVE)
    app.move_meeting(meeting_id, actor=ORGANISER, starts=datetime(2019, 6, 26, 16),
                     ends=datetime(2019, 6, 26, 17), reason="flight delayed")
    return meeting_id


@pytest.fixture
def moved_twice(any_database_url: str,
                make_planner: Callable[..., Planner]) -> tuple[Planner, object]:
    """On in-memory storage, a SQLite file and PostgreSQL."""
    clock = Clock(utc(2019, 5, 6, 8, 0))
    planner = make_planner(any_database_url, clock=clock)
    return planner, _move_twice(planner, clock)


@pytest.fixture
def moved_twice_in_memory(make_planner: Callable[..., Planner]) -> tuple[Planner, object]:
    clock = Clock(utc(2019, 5, 6, 8, 0))
    planner = make_planner(MEMORY, clock=clock)
    return planner, _move_twice(planner, clock)


def _starts(planner: Planner, meeting_id: object, **when: object) -> datetime:
    return planner.app.get_meeting(meeting_id, **when)["starts_at"]  # type: ignore[arg-type]


def test_a_meeting_moved_twice_reads_back_at_each_version(
        moved_twice: tuple[Planner, object]) -> None:
    planner, meeting_id = moved_twice
    # 10:00, 14:00 and 16:00 in Nanjing are 02:00, 06:00 and 08:00 UTC.
    assert [_starts(planner, meeting_id, version=n) for n in (1, 2, 3)] == [
        utc(2019, 6, 26, 2), utc(2019, 6, 26, 6), utc(2019, 6, 26, 8)]
    assert _starts(planner, meeting_id) == utc(2019, 6, 26, 8)
    assert planner.app.get_meeting(meeting_id, version=2)["version"] == 2


def test_a_meeting_moved_twice_reads_back_at_moments_between_the_moves(
        moved_twice: tuple[Planner, object]) -> None:
    planner, meeting_id = moved_twice
    moments = {
        CREATED + SECOND: utc(2019, 6, 26, 2),
        FIRST_MOVE - SECOND: utc(2019, 6, 26, 2),
        FIRST_MOVE + timedelta(days=3): utc(2019, 6, 26, 6),
        SECOND_MOVE - SECOND: utc(2019, 6, 26, 6),
        SECOND_MOVE + SECOND: utc(2019, 6, 26, 8),
        utc(2030, 1, 1): utc(2019, 6, 26, 8),
    }
    for moment, starts in moments.items():
        assert _starts(planner, meeting_id, at=moment) == starts, moment


def test_a_moment_exactly_at_an_event_includes_that_event(
        moved_twice_in_memory: tuple[Planner, object]) -> None:
    planner, meeting_id = moved_twice_in_memory
    assert planner.app.get_meeting(meeting_id, at=CREATED)["version"] == 1
    assert planner.app.get_meeting(meeting_id, at=FIRST_MOVE)["version"] == 2
    assert planner.app.get_meeting(meeting_id, at=SECOND_MOVE)["version"] == 3


def test_a_moment_in_another_zone_means_the_same_instant(
        moved_twice_in_memory: tuple[Planner, object]) -> None:
    planner, meeting_id = moved_twice_in_memory
    # 16:00 in Berlin (summer time) on the day of the first move is 14:00 UTC: that move.
    berlin = datetime(2019, 5, 20, 16, 0, tzinfo=ZoneInfo("Europe/Berlin"))
    assert planner.app.get_meeting(meeting_id, at=berlin)["version"] == 2
    assert planner.app.get_meeting(meeting_id, at=berlin - SECOND)["version"] == 1


def test_before_it_was_created_the_meeting_is_not_found_with_a_clear_message(
        moved_twice_in_memory: tuple[Planner, object]) -> None:
    planner, meeting_id = moved_twice_in_memory
    error = refused(planner.app, lambda: planner.app.get_meeting(meeting_id,
                                                                 at=CREATED - SECOND),
                    "meeting", error=NotFoundError)
    assert str(error) == (f"meeting: no meeting with id {meeting_id} (it did not exist yet "
                          "at 2019-05-10 08:59:59 UTC)")


def test_a_version_the_meeting_never_had_is_not_found(
        moved_twice_in_memory: tuple[Planner, object]) -> None:
    planner, meeting_id = moved_twice_in_memory
    refused(planner.app, lambda: planner.app.get_meeting(meeting_id, version=4), "meeting",
            "at version 4 (it has 3 versions)", error=NotFoundError)


def test_the_profile_version_handed_over_stays_readable_after_later_edits(
        any_database_url: str, make_planner: Callable[..., Planner]) -> None:
    clock = Clock(utc(2019, 5, 6, 8, 0))
    app = make_planner(any_database_url, clock=clock).app
    trip = leipzig_trip(app)
    profile_id = app.register_profile(
        actor=ORGANISER, name="Saxonia Messtechnik GmbH", kind="company", country="Germany",
        sectors=["measuring instruments"], interests=["expand into China"], fictitious=True)
    app.attach_profile(trip.trip_id, profile_id, actor=ORGANISER)
    handed_over = clock.next
    clock.set(utc(2019, 9, 1))
    app.change_profile(profile_id, actor=ORGANISER, name="Saxonia Messtechnik AG",
                       kind="company", country="Germany", sectors=["sensors", "metrology"],
                       interests=["find investors"], reason="new legal form after the trip")
    app.add_contact(profile_id, actor=ORGANISER, name="Jörg Körner", email="jk@example.org")

    attached = app.get_trip(trip.trip_id)["profiles"]
    assert attached == [{"profile_id": str(profile_id), "profile_version": 1}]
    then = app.get_profile(profile_id, version=attached[0]["profile_version"])
    assert (then["name"], then["sectors"], then["interests"], then["contacts"]) == (
        "Saxonia Messtechnik GmbH", ["measuring instruments"], ["expand into China"], [])
    assert app.get_profile(profile_id, at=handed_over)["name"] == "Saxonia Messtechnik GmbH"
    now = app.get_profile(profile_id)
    assert (now["name"], now["version"], len(now["contacts"])) == (
        "Saxonia Messtechnik AG", 3, 1)


def test_a_trip_reads_back_as_it_stood_before_a_leg_was_added(
        make_planner: Callable[..., Planner]) -> None:
    clock = Clock(utc(2019, 5, 6, 8, 0))
    app = make_planner(MEMORY, clock=clock).app
    trip = leipzig_trip(app)
    first_leg_added = app.history(trip.trip_id)[1].timestamp
    before = app.get_trip(trip.trip_id, at=first_leg_added - SECOND)
    assert (before["version"], before["legs"]) == (1, [])
    assert len(app.get_trip(trip.trip_id, at=first_leg_added)["legs"]) == 1
