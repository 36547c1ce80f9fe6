"""Changing a meeting on one page: only what changed is recorded, one event per kind of change,
all with the one reason, in one save; a refused part refuses everything."""

from __future__ import annotations

from datetime import datetime
from uuid import UUID

import pytest

from planner.application import PlannerApplication
from planner.domain.errors import ConflictError, InvariantError
from tests.application.scenarios import (
    ORGANISER,
    SHANGHAI,
    LeipzigTrip,
    event_count,
    nanjing_meeting,
    refused,
    utc,
)


def _new_events(app: PlannerApplication, meeting_id: UUID, since: int) -> list[tuple[str, str]]:
    return [(type(e).__qualname__.split(".")[-1], e.reason)
            for e in app.history(meeting_id)[since:]]


def _revise(app: PlannerApplication, meeting_id: UUID, **changes: object) -> tuple[str, ...]:
    version = app.get_meeting(meeting_id)["version"]
    return app.revise_meeting(meeting_id, actor=ORGANISER, expected_version=version,
                              **changes)  # type: ignore[arg-type]


@pytest.mark.parametrize(("changes", "event"), [
    (dict(title="Meeting with Mayor Han"), "DetailsChanged"),
    (dict(agenda="1. Welcome\n2. Twin-town programme"), "DetailsChanged"),
    (dict(starts=datetime(2019, 6, 26, 14), ends=datetime(2019, 6, 26, 15)), "Moved"),
    (dict(venue="Jinling Hotel"), "Relocated"),
    (dict(status="confirmed"), "Confirmed"),
    (dict(status="cancelled"), "Cancelled"),
    (dict(attendees=[]), "AttendeeRemoved"),
])
def test_each_kind_of_change_alone_is_one_event_with_the_reason(
        app: PlannerApplication, trip: LeipzigTrip, changes: dict[str, object],
        event: str) -> None:
    meeting_id = nanjing_meeting(app, trip)
    assert _revise(app, meeting_id, reason="the host asked", **changes) == (event,)
    assert _new_events(app, meeting_id, 1) == [(event, "the host asked")]


def test_adding_an_attendee_alone_is_one_event(app: PlannerApplication,
                                                trip: LeipzigTrip) -> None:
    meeting_id = nanjing_meeting(app, trip)
    _revise(app, meeting_id, attendees=[str(trip.koerner), str(trip.schuelke)])
    assert _new_events(app, meeting_id, 1) == [("AttendeeAdded", "")]
    assert app.get_meeting(meeting_id)["attendees"] == [str(trip.koerner), str(trip.schuelke)]


def test_several_changes_at_once_are_one_event_each_with_one_reason_in_one_save(
        app: PlannerApplication, trip: LeipzigTrip) -> None:
    meeting_id = nanjing_meeting(app, trip)
    before = event_count(app)
    recorded = _revise(
        app, meeting_id, reason="Mayor Han can only meet in the afternoon",
        title="Meeting with Mayor Han", agenda="Twin towns", venue="Jinling Hotel",
        city="Nanjing", timezone=SHANGHAI, leg_id=trip.nanjing_leg,
        starts=datetime(2019, 6, 26, 15), ends=datetime(2019, 6, 26, 16, 30),
        status="confirmed", attendees=[str(trip.schuelke)])
    assert recorded == ("DetailsChanged", "Relocated", "Moved", "AttendeeRemoved",
                        "AttendeeAdded", "Confirmed")
    assert {reason for _, reason in _new_events(app, meeting_id, 1)} == {
        "Mayor Han can only meet in the afternoon"}
    assert event_count(app) == before + 6
    meeting = app.get_meeting(meeting_id)
    assert meeting["version"] == 7
    assert (meeting["title"], meeting["venue"], meeting["status"]) == (
        "Meeting with Mayor Han", "Jinling Hotel", "confirmed")
    assert meeting["starts_at"] == utc(2019, 6, 26, 7)
    assert meeting["attendees"] == [str(trip.schuelke)]


def test_a_refused_part_writes_nothing_of_the_others(app: PlannerApplication,
                                                     trip: LeipzigTrip) -> None:
    meeting_id = nanjing_meeting(app, trip)
    refused(app, lambda: _revise(
        app, meeting_id, reason="afternoon", title="Renamed", venue="Jinling Hotel",
        starts=datetime(2019, 6, 26, 15), ends=datetime(2019, 6, 26, 16),
        attendees=[str(trip.koerner), str(trip.outsider)]),
        "attendees", "is not a member of the delegation")
    refused(app, lambda: _revise(app, meeting_id, title="Renamed",
                                 starts=datetime(2019, 6, 26, 15)),
            "reason", "moving a meeting must give a reason")
    refused(app, lambda: _revise(app, meeting_id, reason="r", title="Renamed",
                                 status="held"),
            "status", "becomes held when its outcome is recorded")
    meeting = app.get_meeting(meeting_id)
    assert (meeting["title"], meeting["version"]) == (
        "Meeting with the Nanjing city leadership", 1)


def test_nothing_changed_records_nothing(app: PlannerApplication, trip: LeipzigTrip) -> None:
    meeting_id = nanjing_meeting(app, trip)
    meeting = app.get_meeting(meeting_id)
    before = event_count(app)
    assert _revise(app, meeting_id, title=meeting["title"], venue=meeting["venue"],
                   city="Nanjing", timezone=SHANGHAI, leg_id=trip.nanjing_leg,
                   starts=datetime(2019, 6, 26, 10), ends=datetime(2019, 6, 26, 11, 30),
                   status="proposed", attendees=[str(trip.koerner)]) == ()
    assert event_count(app) == before


@pytest.mark.parametrize("ends", [datetime(2019, 6, 26, 11, 30), None])
def test_changing_only_the_start_keeps_the_duration(app: PlannerApplication,
                                                    trip: LeipzigTrip,
                                                    ends: datetime | None) -> None:
    """The end left as the form showed it (or not given) moves with the start."""
    meeting_id = nanjing_meeting(app, trip)  # 10:00-11:30 local
    _revise(app, meeting_id, reason="later", starts=datetime(2019, 6, 26, 14), ends=ends)
    meeting = app.get_meeting(meeting_id)
    assert (meeting["starts_at"], meeting["ends_at"]) == (utc(2019, 6, 26, 6),
                                                          utc(2019, 6, 26, 7, 30))


def test_a_new_end_is_taken_as_given(app: PlannerApplication, trip: LeipzigTrip) -> None:
    meeting_id = nanjing_meeting(app, trip)
    _revise(app, meeting_id, reason="longer", starts=datetime(2019, 6, 26, 14),
            ends=datetime(2019, 6, 26, 17))
    assert app.get_meeting(meeting_id)["ends_at"] == utc(2019, 6, 26, 9)


def test_time_and_place_are_checked_together(app: PlannerApplication,
                                             trip: LeipzigTrip) -> None:
    """To Jining's leg on its days: one after the other, the half-way state (Jining on a
    Nanjing day, or Nanjing on a Jining day) would be refused."""
    meeting_id = nanjing_meeting(app, trip)
    assert _revise(app, meeting_id, reason="the mayor receives us in Jining",
                   venue="Jining City Hall", city="Jining", timezone=SHANGHAI,
                   leg_id=trip.jining_leg, starts=datetime(2019, 6, 29, 10)) == (
        "Relocated", "Moved")
    meeting = app.get_meeting(meeting_id)
    assert (meeting["city"], meeting["ends_at"]) == ("Jining", utc(2019, 6, 29, 3, 30))
    refused(app, lambda: _revise(app, meeting_id, reason="back", city="Nanjing",
                                 leg_id=trip.nanjing_leg),
            "starts_at", "must fall within the leg in Nanjing")


def test_a_cancelled_meeting_is_reinstated_before_it_changes(app: PlannerApplication,
                                                             trip: LeipzigTrip) -> None:
    meeting_id = nanjing_meeting(app, trip)
    _revise(app, meeting_id, status="cancelled", reason="the mayor is ill")
    refused(app, lambda: _revise(app, meeting_id, title="Renamed", reason="r"),
            "status", "the meeting is cancelled", error=InvariantError)
    assert _revise(app, meeting_id, status="confirmed", title="Renamed",
                   reason="the mayor is back") == ("Reinstated", "DetailsChanged", "Confirmed")
    refused(app, lambda: _revise(app, meeting_id, status="proposed", reason="r"),
            "status", "a confirmed meeting cannot become proposed")


def test_a_stale_revision_is_a_conflict_and_writes_nothing(app: PlannerApplication,
                                                           trip: LeipzigTrip) -> None:
    meeting_id = nanjing_meeting(app, trip)
    _revise(app, meeting_id, title="Renamed by a colleague")
    refused(app, lambda: app.revise_meeting(meeting_id, actor=ORGANISER, expected_version=1,
                                            title="Mine"), "meeting", error=ConflictError)


def test_no_leg_on_a_meeting_whose_leg_was_removed_is_no_change(
        app: PlannerApplication, trip: LeipzigTrip) -> None:
    """The page cannot offer a removed leg, so it sends none: that is not a relocation."""
    meeting_id = nanjing_meeting(app, trip, leg_id=trip.jining_leg, city="Jining",
                                 starts=datetime(2019, 6, 29, 10),
                                 ends=datetime(2019, 6, 29, 11))
    app.remove_leg(trip.trip_id, trip.jining_leg, actor=ORGANISER, reason="Jining is off")
    assert _revise(app, meeting_id, title="Renamed", leg_id="", city="Jining",
                   venue="Nanjing City Hall", timezone=SHANGHAI) == ("DetailsChanged",)
