"""Plan again from a trip: the copy's dates, zones, members, proposals, and all-or-nothing."""

from __future__ import annotations

from datetime import date, datetime
from uuid import uuid4

import pytest

from planner.application import PlannerApplication
from planner.bootstrap import Planner
from planner.domain.organisation import DEFAULT_ORGANISATION_ID
from tests.application.scenarios import (
    BERLIN,
    ORGANISER,
    event_count,
    leipzig_trip,
    nanjing_meeting,
    refused,
    utc,
)


@pytest.fixture
def app(memory_planner: Planner) -> PlannerApplication:
    return memory_planner.app


def _copy(app: PlannerApplication, trip_id: object, starts_on: date,
          meeting_ids: list) -> object:
    return app.copy_trip(trip_id, actor=ORGANISER, starts_on=starts_on,
                         meeting_ids=meeting_ids, owner_org_id=DEFAULT_ORGANISATION_ID)


def test_the_copy_is_a_draft_with_legs_members_and_proposals_shifted(
        app: PlannerApplication) -> None:
    trip = leipzig_trip(app)
    meeting_id = nanjing_meeting(app, trip, agenda="Twin-town ties",
                                 attendees=[trip.koerner, trip.schuelke])
    app.confirm_meeting(meeting_id, actor=ORGANISER)
    app.record_outcome(meeting_id, actor=ORGANISER, summary="Agreed to meet again.")
    copy = _copy(app, trip.trip_id, date(2027, 5, 10), [meeting_id])

    new = app.get_trip(copy.trip_id)
    assert (new["starts_on"], new["ends_on"]) == (date(2027, 5, 10), date(2027, 5, 15))
    assert new["status"] == "draft"
    assert [(leg["city"], leg["arrives_on"], leg["departs_on"]) for leg in new["legs"]] == [
        ("Nanjing", date(2027, 5, 10), date(2027, 5, 12)),
        ("Jining", date(2027, 5, 13), date(2027, 5, 15))]
    assert {(m["person_id"], m["role"]) for m in new["members"]} == {
        (str(trip.koerner), "head of delegation"), (str(trip.schuelke), "official")}
    assert len(copy.meeting_ids) == 1 and copy.left_out == ()
    # the meeting: a proposal, same local time in Shanghai (10:00 = 02:00 UTC), same people
    # and agenda, in the copy's own Nanjing leg, without the outcome
    [copied] = [app.get_meeting(i) for i in copy.meeting_ids]
    assert copied["status"] == "proposed"
    assert copied["starts_at"] == utc(2027, 5, 11, 2, 0)
    assert copied["ends_at"] == utc(2027, 5, 11, 3, 30)
    assert sorted(copied["attendees"]) == sorted([str(trip.koerner), str(trip.schuelke)])
    assert copied["agenda"] == "Twin-town ties" and copied["outcome"] is None
    assert copied["leg_id"] == new["legs"][0]["leg_id"] != str(trip.nanjing_leg)
    # the history says where it came from
    created = app.history(copy.trip_id)[0]
    assert "copied from the trip ‘Invest Region Leipzig in Nanjing and Jining’" in created.reason


def test_local_times_survive_a_daylight_saving_change(app: PlannerApplication) -> None:
    trip_id = app.create_trip(actor=ORGANISER, title="Leipzig at home", organiser="IRL",
                              direction="inbound", home_timezone=BERLIN,
                              starts_on=date(2026, 1, 12), ends_on=date(2026, 1, 14))
    leg = app.add_leg(trip_id, actor=ORGANISER, city="Leipzig", country="Germany",
                      timezone=BERLIN, arrives_on=date(2026, 1, 12),
                      departs_on=date(2026, 1, 14))
    meeting_id = app.schedule_meeting(
        trip_id, actor=ORGANISER, kind="official meeting", title="City hall",
        venue="Neues Rathaus", city="Leipzig", timezone=BERLIN, leg_id=leg,
        starts=datetime(2026, 1, 13, 10, 0), ends=datetime(2026, 1, 13, 11, 0))
    copy = _copy(app, trip_id, date(2026, 7, 13), [meeting_id])  # winter -> summer
    [copied] = [app.get_meeting(i) for i in copy.meeting_ids]
    assert app.get_meeting(meeting_id)["starts_at"] == utc(2026, 1, 13, 9, 0)  # CET
    assert copied["starts_at"] == utc(2026, 7, 14, 8, 0)  # 10:00 CEST
    assert copied["ends_at"] == utc(2026, 7, 14, 9, 0)


def test_a_time_the_clocks_skip_refuses_the_whole_copy(app: PlannerApplication) -> None:
    trip_id = app.create_trip(actor=ORGANISER, title="Night train", organiser="IRL",
                              direction="inbound", home_timezone=BERLIN,
                              starts_on=date(2026, 3, 1), ends_on=date(2026, 3, 2))
    meeting_id = app.schedule_meeting(
        trip_id, actor=ORGANISER, kind="official meeting", title="Night arrival",
        venue="Hbf", city="Leipzig", timezone=BERLIN,
        starts=datetime(2026, 3, 1, 2, 30), ends=datetime(2026, 3, 1, 3, 30))
    refused(app, lambda: _copy(app, trip_id, date(2026, 3, 29), [meeting_id]), "starts_on",
            "‘Night arrival’", "does not exist in Europe/Berlin")


def test_refusals_write_nothing(app: PlannerApplication) -> None:
    trip = leipzig_trip(app)
    other = leipzig_trip(app)
    foreign = nanjing_meeting(app, other)
    refused(app, lambda: _copy(app, trip.trip_id, date(2027, 5, 10), [foreign]),
            "meeting_ids", "is not on the trip")
    refused(app, lambda: _copy(app, trip.trip_id, date(2027, 5, 10), [uuid4()]),
            "meeting_ids", "there is no meeting")
    refused(app, lambda: _copy(app, trip.trip_id, "2027-05-10", []), "starts_on",
            "must be a date")
    refused(app, lambda: app.copy_trip(trip.trip_id, actor=ORGANISER,
                                       starts_on=date(2027, 5, 10), meeting_ids=[],
                                       owner_org_id=uuid4()), "owner_org_id")


def test_cancelled_meetings_stay_behind(app: PlannerApplication) -> None:
    trip = leipzig_trip(app)
    kept = nanjing_meeting(app, trip)
    dropped = nanjing_meeting(app, trip, title="Dinner", starts=datetime(2019, 6, 26, 18),
                              ends=datetime(2019, 6, 26, 20))
    app.cancel_meeting(dropped, actor=ORGANISER, reason="host ill")
    before = event_count(app)
    copy = _copy(app, trip.trip_id, date(2027, 5, 10), [kept, dropped])
    assert [app.get_meeting(i)["title"] for i in copy.meeting_ids] == [
        "Meeting with the Nanjing city leadership"]
    assert event_count(app) > before
