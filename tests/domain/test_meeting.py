"""Meetings: time and place inside the trip, attendees, moves, cancellation, outcomes."""

from __future__ import annotations

from datetime import date, datetime
from uuid import uuid4

import pytest

from planner.application import PlannerApplication
from planner.domain.errors import InvariantError, NotFoundError
from tests.application.scenarios import (
    BERLIN,
    ORGANISER,
    SHANGHAI,
    Clock,
    LeipzigTrip,
    event_types,
    nanjing_meeting,
    refused,
    utc,
)


def test_naive_times_are_local_at_the_venue_and_stored_as_utc_with_the_zone(
        app: PlannerApplication, trip: LeipzigTrip) -> None:
    meeting = app.get_meeting(nanjing_meeting(app, trip))
    assert meeting["starts_at"] == utc(2019, 6, 26, 2, 0)
    assert meeting["ends_at"] == utc(2019, 6, 26, 3, 30)
    assert meeting["timezone"] == SHANGHAI
    assert meeting["status"] == "proposed"
    assert meeting["trip_id"] == trip.trip_id
    assert meeting["attendees"] == [str(trip.koerner)]


def test_aware_times_are_taken_as_the_instants_they_are(app: PlannerApplication,
                                                        trip: LeipzigTrip) -> None:
    meeting_id = nanjing_meeting(app, trip, starts=utc(2019, 6, 26, 6), ends=utc(2019, 6, 26, 7))
    assert app.get_meeting(meeting_id)["starts_at"] == utc(2019, 6, 26, 6)


@pytest.mark.parametrize("ends", [datetime(2019, 6, 26, 9, 0), datetime(2019, 6, 26, 10, 0)])
def test_a_meeting_must_end_after_it_starts(app: PlannerApplication, trip: LeipzigTrip,
                                            ends: datetime) -> None:
    refused(app, lambda: nanjing_meeting(app, trip, ends=ends), "ends_at",
            "must be after the start")


def test_a_meeting_may_last_at_most_two_days(app: PlannerApplication, trip: LeipzigTrip) -> None:
    refused(app, lambda: nanjing_meeting(app, trip, leg_id=None,
                                         starts=datetime(2019, 6, 25, 9),
                                         ends=datetime(2019, 6, 28, 9)),
            "ends_at", "at most 48 hours")


def test_the_trip_window_is_checked_in_local_dates_at_the_venue(
        app: PlannerApplication, trip: LeipzigTrip) -> None:
    # 07:00 on 25 June in Nanjing is still 24 June in UTC (and in Leipzig): inside the trip.
    early = nanjing_meeting(app, trip, title="Breakfast briefing", kind="dinner",
                            starts=datetime(2019, 6, 25, 7), ends=datetime(2019, 6, 25, 8))
    assert app.get_meeting(early)["starts_at"] == utc(2019, 6, 24, 23)
    # 23:00 on 24 June in Nanjing is before the trip, though it is 17:00 in Leipzig.
    refused(app, lambda: nanjing_meeting(app, trip, starts=datetime(2019, 6, 24, 23),
                                         ends=datetime(2019, 6, 24, 23, 30), leg_id=None),
            "starts_at", "must fall within the trip (2019-06-25 to 2019-06-30) in local time")


def test_a_meeting_after_the_trip_is_refused(app: PlannerApplication, trip: LeipzigTrip) -> None:
    refused(app, lambda: nanjing_meeting(app, trip, leg_id=None, city="Jining",
                                         starts=datetime(2019, 7, 1, 9),
                                         ends=datetime(2019, 7, 1, 10)),
            "starts_at", "must fall within the trip (2019-06-25 to 2019-06-30)")


def test_a_meeting_in_a_leg_must_be_in_that_legs_city(app: PlannerApplication,
                                                      trip: LeipzigTrip) -> None:
    refused(app, lambda: nanjing_meeting(app, trip, city="Jining"), "city",
            "must be the leg's city 'Nanjing'", error=InvariantError)


def test_a_meeting_in_a_leg_must_be_within_the_legs_dates(app: PlannerApplication,
                                                          trip: LeipzigTrip) -> None:
    refused(app, lambda: nanjing_meeting(app, trip, starts=datetime(2019, 6, 28, 9),
                                         ends=datetime(2019, 6, 28, 10)),
            "starts_at", "must fall within the leg in Nanjing (2019-06-25 to 2019-06-27)")


def test_a_meeting_in_an_unknown_leg_is_refused(app: PlannerApplication,
                                                trip: LeipzigTrip) -> None:
    unknown = "7d3f7c1e-0000-4000-8000-000000000000"
    refused(app, lambda: nanjing_meeting(app, trip, leg_id=unknown), "leg_id",
            f"the trip has no leg {unknown}")
    refused(app, lambda: nanjing_meeting(app, trip, leg_id="no-such-leg"), "leg_id",
            "must be a record id (UUID); got 'no-such-leg'")


def test_a_meeting_needs_a_known_kind(app: PlannerApplication, trip: LeipzigTrip) -> None:
    refused(app, lambda: nanjing_meeting(app, trip, kind="party"), "kind",
            "must be one of 'official meeting'", "'party'")


def test_a_meeting_of_an_unknown_trip_is_refused(app: PlannerApplication,
                                                 trip: LeipzigTrip) -> None:
    ghost = uuid4()
    refused(app, lambda: app.schedule_meeting(
        ghost, actor=ORGANISER, kind="dinner", title="Dinner", venue="", city="Nanjing",
        timezone=SHANGHAI, starts=datetime(2019, 6, 26, 19), ends=datetime(2019, 6, 26, 21)),
        "trip", f"no trip with id {ghost}", error=NotFoundError)


def test_attendees_come_only_from_the_delegation(app: PlannerApplication,
                                                 trip: LeipzigTrip) -> None:
    refused(app, lambda: nanjing_meeting(app, trip, attendees=[trip.koerner, trip.outsider]),
            "attendees", f"person {trip.outsider} is not a member of the delegation")
    meeting_id = nanjing_meeting(app, trip)
    refused(app, lambda: app.add_attendee(meeting_id, actor=ORGANISER,
                                          person_id=trip.outsider),
            "attendees", "is not a member of the delegation")


def test_attendees_are_added_once_and_removed(app: PlannerApplication, trip: LeipzigTrip) -> None:
    meeting_id = nanjing_meeting(app, trip)
    assert app.add_attendee(meeting_id, actor=ORGANISER, person_id=trip.schuelke) is True
    assert app.add_attendee(meeting_id, actor=ORGANISER, person_id=trip.schuelke) is False
    assert app.get_meeting(meeting_id)["attendees"] == [str(trip.koerner), str(trip.schuelke)]
    app.remove_attendee(meeting_id, actor=ORGANISER, person_id=trip.koerner)
    assert app.get_meeting(meeting_id)["attendees"] == [str(trip.schuelke)]
    refused(app, lambda: app.remove_attendee(meeting_id, actor=ORGANISER,
                                             person_id=trip.koerner),
            "person_id", "does not attend")


def test_moving_a_meeting_needs_a_reason_and_keeps_the_old_time_in_history(
        app: PlannerApplication, trip: LeipzigTrip) -> None:
    meeting_id = nanjing_meeting(app, trip)
    refused(app, lambda: app.move_meeting(meeting_id, actor=ORGANISER,
                                          starts=datetime(2019, 6, 26, 14),
                                          ends=datetime(2019, 6, 26, 15), reason=""),
            "reason", "moving a meeting must give a reason")
    app.move_meeting(meeting_id, actor=ORGANISER, starts=datetime(2019, 6, 26, 14),
                     ends=datetime(2019, 6, 26, 15), reason="the mayor's schedule changed")
    assert app.get_meeting(meeting_id)["starts_at"] == utc(2019, 6, 26, 6)
    assert app.get_meeting(meeting_id, version=1)["starts_at"] == utc(2019, 6, 26, 2)
    moved = app.history(meeting_id)[-1]
    assert (type(moved).__qualname__, moved.reason) == ("Meeting.Moved",
                                                        "the mayor's schedule changed")


def test_moving_to_the_same_time_or_out_of_the_leg_is_refused(app: PlannerApplication,
                                                              trip: LeipzigTrip) -> None:
    meeting_id = nanjing_meeting(app, trip)
    refused(app, lambda: app.move_meeting(meeting_id, actor=ORGANISER,
                                          starts=datetime(2019, 6, 26, 10),
                                          ends=datetime(2019, 6, 26, 11, 30), reason="x"),
            "starts_at", "already at that time")
    refused(app, lambda: app.move_meeting(meeting_id, actor=ORGANISER,
                                          starts=datetime(2019, 6, 29, 10),
                                          ends=datetime(2019, 6, 29, 11), reason="x"),
            "starts_at", "must fall within the leg in Nanjing")


def test_a_meeting_whose_leg_was_removed_can_still_be_moved(app: PlannerApplication,
                                                            trip: LeipzigTrip) -> None:
    meeting_id = nanjing_meeting(app, trip)
    app.remove_leg(trip.trip_id, trip.nanjing_leg, actor=ORGANISER, reason="Nanjing dropped")
    app.move_meeting(meeting_id, actor=ORGANISER, starts=datetime(2019, 6, 26, 14),
                     ends=datetime(2019, 6, 26, 15), reason="later that day")
    assert app.get_meeting(meeting_id)["starts_at"] == utc(2019, 6, 26, 6)


def test_relocating_to_the_other_leg_needs_a_reason_and_the_right_city(
        app: PlannerApplication, trip: LeipzigTrip) -> None:
    meeting_id = nanjing_meeting(app, trip, starts=datetime(2019, 6, 27, 10),
                                 ends=datetime(2019, 6, 27, 11), leg_id=None)
    refused(app, lambda: app.relocate_meeting(meeting_id, actor=ORGANISER, venue="Hall",
                                              city="Jining", timezone=SHANGHAI, reason="",
                                              leg_id=trip.jining_leg),
            "reason", "relocating a meeting must give a reason")
    refused(app, lambda: app.relocate_meeting(meeting_id, actor=ORGANISER, venue="Hall",
                                              city="Qufu", timezone=SHANGHAI, reason="x",
                                              leg_id=trip.jining_leg),
            "city", "must be the leg's city 'Jining'")
    app.relocate_meeting(meeting_id, actor=ORGANISER, venue="Jinling Hotel",
                         city="Nanjing", timezone=SHANGHAI, leg_id=trip.nanjing_leg,
                         reason="held at the hotel")
    assert app.get_meeting(meeting_id)["venue"] == "Jinling Hotel"


def test_meeting_details_can_be_changed(app: PlannerApplication, trip: LeipzigTrip) -> None:
    meeting_id = nanjing_meeting(app, trip)
    app.change_meeting_details(meeting_id, actor=ORGANISER, kind="signing ceremony",
                               title="Signing of the Leipzig-Nanjing MoU",
                               counterparts=["City of Nanjing"], agenda="1. Speeches\n2. MoU")
    meeting = app.get_meeting(meeting_id)
    assert (meeting["kind"], meeting["agenda"]) == ("signing ceremony", "1. Speeches\n2. MoU")


def test_only_a_proposed_meeting_can_be_confirmed(app: PlannerApplication,
                                                  trip: LeipzigTrip) -> None:
    meeting_id = nanjing_meeting(app, trip)
    app.confirm_meeting(meeting_id, actor=ORGANISER)
    assert app.get_meeting(meeting_id)["status"] == "confirmed"
    refused(app, lambda: app.confirm_meeting(meeting_id, actor=ORGANISER), "status",
            "only a proposed meeting can be confirmed; it is confirmed")


def test_a_cancelled_meeting_refuses_edits_until_reinstated(app: PlannerApplication,
                                                            trip: LeipzigTrip) -> None:
    meeting_id = nanjing_meeting(app, trip)
    refused(app, lambda: app.cancel_meeting(meeting_id, actor=ORGANISER, reason=""),
            "reason", "cancelling a meeting must give a reason")
    app.cancel_meeting(meeting_id, actor=ORGANISER, reason="the mayor is in Beijing")
    message = "status: the meeting is cancelled; reinstate it first"
    edits = [
        lambda: app.change_meeting_details(meeting_id, actor=ORGANISER, kind="dinner",
                                           title="Dinner", counterparts=[], agenda="",
                                           reason="x"),
        lambda: app.move_meeting(meeting_id, actor=ORGANISER, starts=datetime(2019, 6, 26, 14),
                                 ends=datetime(2019, 6, 26, 15), reason="x"),
        lambda: app.add_attendee(meeting_id, actor=ORGANISER, person_id=trip.schuelke),
        lambda: app.remove_attendee(meeting_id, actor=ORGANISER, person_id=trip.koerner),
    ]
    for edit in edits:
        assert str(refused(app, edit, "status")) == message
    refused(app, lambda: app.record_outcome(meeting_id, actor=ORGANISER, summary="x"),
            "status", "a cancelled meeting has no outcome")
    refused(app, lambda: app.add_followup(meeting_id, actor=ORGANISER, action="x", owner="y",
                                          due_on=date(2019, 9, 1)),
            "status", "a cancelled meeting has no follow-ups")
    refused(app, lambda: app.cancel_meeting(meeting_id, actor=ORGANISER, reason="x"),
            "status", "already cancelled")
    app.reinstate_meeting(meeting_id, actor=ORGANISER, reason="back on the programme")
    assert app.get_meeting(meeting_id)["status"] == "proposed"
    refused(app, lambda: app.reinstate_meeting(meeting_id, actor=ORGANISER, reason="x"),
            "status", "only a cancelled meeting can be reinstated")


def test_a_cancelled_trip_takes_no_new_meetings_or_attendees(app: PlannerApplication,
                                                             trip: LeipzigTrip) -> None:
    meeting_id = nanjing_meeting(app, trip)
    app.cancel_trip(trip.trip_id, actor=ORGANISER, reason="postponed")
    refused(app, lambda: nanjing_meeting(app, trip), "trip",
            "the trip is cancelled; reinstate it before planning")
    refused(app, lambda: app.add_attendee(meeting_id, actor=ORGANISER,
                                          person_id=trip.schuelke),
            "trip", "the trip is cancelled")


def test_a_cancelled_trips_meetings_keep_their_plan_until_it_is_reinstated(
        app: PlannerApplication, trip: LeipzigTrip, clock: Clock) -> None:
    meeting_id = nanjing_meeting(app, trip)
    app.cancel_trip(trip.trip_id, actor=ORGANISER, reason="postponed")
    clock.set(utc(2019, 6, 27))
    for command in (
            lambda: app.change_meeting_details(meeting_id, actor=ORGANISER,
                                               kind="official meeting", title="New title",
                                               counterparts=[], agenda=""),
            lambda: app.confirm_meeting(meeting_id, actor=ORGANISER),
            lambda: app.remove_attendee(meeting_id, actor=ORGANISER, person_id=trip.koerner),
            lambda: app.record_outcome(meeting_id, actor=ORGANISER, summary="Good talks")):
        refused(app, command, "trip", "the trip is cancelled; reinstate it before planning")
    app.cancel_meeting(meeting_id, actor=ORGANISER, reason="the trip is off")
    assert app.get_meeting(meeting_id)["status"] == "cancelled"


def test_no_outcome_before_the_meeting_starts(app: PlannerApplication, trip: LeipzigTrip,
                                              clock: Clock) -> None:
    """The start (10:00 in Nanjing, 02:00 UTC) is named in the venue's time."""
    meeting_id = nanjing_meeting(app, trip)
    clock.set(utc(2019, 6, 26, 1, 59))
    error = refused(app, lambda: app.record_outcome(meeting_id, actor=ORGANISER,
                                                    summary="Good talks"), "outcome")
    assert str(error) == ("outcome: can be recorded from the meeting's start (2019-06-26 "
                          "10:00 Asia/Shanghai); it has not started yet")
    clock.set(utc(2019, 6, 26, 2, 0))
    app.record_outcome(meeting_id, actor=ORGANISER, summary="Good talks",
                       ideas=["Leipzig products on the Chinese market"])
    meeting = app.get_meeting(meeting_id)
    assert meeting["status"] == "held"
    assert meeting["outcome"] == {"summary": "Good talks",
                                  "ideas": ["Leipzig products on the Chinese market"]}


def test_a_held_meeting_takes_only_corrections_with_a_reason(
        app: PlannerApplication, trip: LeipzigTrip, clock: Clock) -> None:
    meeting_id = nanjing_meeting(app, trip)
    clock.set(utc(2019, 6, 26, 4))
    app.record_outcome(meeting_id, actor=ORGANISER, summary="MoU discussed")
    refused(app, lambda: app.record_outcome(meeting_id, actor=ORGANISER, summary="MoU signed"),
            "reason", "an outcome is already recorded; a correction must give a reason")
    refused(app, lambda: app.add_attendee(meeting_id, actor=ORGANISER,
                                          person_id=trip.schuelke),
            "reason", "the meeting has been held; only corrections with a reason")
    refused(app, lambda: app.cancel_meeting(meeting_id, actor=ORGANISER, reason="x"),
            "status", "a meeting that has been held cannot be cancelled")
    app.record_outcome(meeting_id, actor=ORGANISER, summary="MoU signed",
                       reason="the minutes say it was signed")
    app.add_attendee(meeting_id, actor=ORGANISER, person_id=trip.schuelke,
                     reason="he was there after all")
    meeting = app.get_meeting(meeting_id)
    assert meeting["outcome"]["summary"] == "MoU signed"
    assert meeting["attendees"] == [str(trip.koerner), str(trip.schuelke)]


def test_follow_ups_can_be_added_from_the_meeting_start_and_are_completed_once(
        app: PlannerApplication, trip: LeipzigTrip, clock: Clock) -> None:
    """The same time rule as the outcome's: from the start, before or after the outcome."""
    meeting_id = nanjing_meeting(app, trip)
    clock.set(utc(2019, 6, 26, 1, 59))
    error = refused(app, lambda: app.add_followup(
        meeting_id, actor=ORGANISER, action="Send policy", owner="Clemens Schülke",
        due_on=date(2019, 9, 1)), "followups")
    assert str(error) == ("followups: can be recorded from the meeting's start (2019-06-26 "
                          "10:00 Asia/Shanghai); it has not started yet")
    clock.set(utc(2019, 6, 26, 2, 0))
    followup = app.add_followup(meeting_id, actor=ORGANISER,
                                action="Send the Preferential Policy to the mayor",
                                owner="Clemens Schülke", due_on=date(2019, 9, 1))
    app.complete_followup(meeting_id, followup, actor=ORGANISER, done_on=date(2019, 8, 20))
    assert app.get_meeting(meeting_id)["followups"] == [{
        "followup_id": followup, "action": "Send the Preferential Policy to the mayor",
        "owner": "Clemens Schülke", "due_on": date(2019, 9, 1), "done_on": date(2019, 8, 20)}]
    refused(app, lambda: app.complete_followup(meeting_id, followup, actor=ORGANISER,
                                               done_on=date(2019, 8, 21)),
            "followup_id", "already done")
    refused(app, lambda: app.complete_followup(meeting_id, "nope", actor=ORGANISER,
                                               done_on=date(2019, 8, 21)),
            "followup_id", "must be a record id (UUID); got 'nope'")
    assert event_types(app, meeting_id)[-2:] == ["Meeting.FollowUpAdded",
                                                 "Meeting.FollowUpCompleted"]


def test_a_meeting_in_berlin_is_checked_in_berlin_time(app: PlannerApplication) -> None:
    trip_id = app.create_trip(actor=ORGANISER, title="Nanjing delegation in Munich",
                              organiser="Nanjing Municipal Government", direction="inbound",
                              home_timezone=SHANGHAI, starts_on=date(2023, 11, 19),
                              ends_on=date(2023, 11, 22))
    meeting_id = app.schedule_meeting(
        trip_id, actor=ORGANISER, kind="company visit", title="BMW Welt", venue="BMW Welt",
        city="Munich", timezone=BERLIN, starts=datetime(2023, 11, 22, 23, 0),
        ends=datetime(2023, 11, 22, 23, 30))
    assert app.get_meeting(meeting_id)["starts_at"] == utc(2023, 11, 22, 22)
