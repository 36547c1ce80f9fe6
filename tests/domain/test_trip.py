"""Trips: dates and legs, the delegation, handed-over profiles, status, cancellation."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any
from uuid import uuid4

import pytest

from planner.application import PlannerApplication
from planner.domain.errors import InvariantError, NotFoundError, ValidationError
from tests.application.scenarios import (
    BERLIN,
    ORGANISER,
    SHANGHAI,
    Clock,
    LeipzigTrip,
    event_types,
    refused,
    utc,
)


def test_a_new_trip_is_a_draft_with_its_title_dates_and_home_zone(
        app: PlannerApplication, trip: LeipzigTrip) -> None:
    data = app.get_trip(trip.trip_id)
    assert data["title"] == "Invest Region Leipzig in Nanjing and Jining"
    assert data["status"] == "draft"
    assert (data["starts_on"], data["ends_on"]) == (date(2019, 6, 25), date(2019, 6, 30))
    assert data["home_timezone"] == BERLIN
    assert [(leg["city"], leg["timezone"], leg["arrives_on"], leg["departs_on"])
            for leg in data["legs"]] == [
        ("Nanjing", SHANGHAI, date(2019, 6, 25), date(2019, 6, 27)),
        ("Jining", SHANGHAI, date(2019, 6, 28), date(2019, 6, 30))]
    assert [m["role"] for m in data["members"]] == ["head of delegation", "official"]


def test_every_event_records_the_account_that_caused_it(
        app: PlannerApplication, trip: LeipzigTrip) -> None:
    assert {e.actor for e in app.history(trip.trip_id)} == {ORGANISER}


def test_a_change_without_an_actor_is_refused(app: PlannerApplication,
                                              trip: LeipzigTrip) -> None:
    refused(app, lambda: app.set_objectives(trip.trip_id, actor="  ", objectives=["x"]),
            "actor", "must name the account")


def test_an_actor_with_control_characters_or_of_absurd_length_is_refused(
        app: PlannerApplication, trip: LeipzigTrip) -> None:
    refused(app, lambda: app.set_objectives(trip.trip_id, actor="anna\x00", objectives=[]),
            "actor", "must not contain")
    refused(app, lambda: app.set_objectives(trip.trip_id, actor="a" * 255, objectives=[]),
            "actor", "must be at most 254 characters")


def test_a_change_cannot_be_dated_before_the_records_last_change(
        app: PlannerApplication, trip: LeipzigTrip, clock: Clock) -> None:
    """A clock set back (the demo's, a test's) would make "as it was at" reads wrong."""
    clock.set(utc(2019, 4, 1))
    refused(app, lambda: app.set_objectives(trip.trip_id, actor=ORGANISER, objectives=["x"]),
            "at", "a change cannot be dated 2019-04-01T00:00:00+00:00, before the record's "
            "last change (2019-05-02T08:00")


def test_a_trip_ending_before_it_starts_is_refused(app: PlannerApplication) -> None:
    refused(app, lambda: app.create_trip(
        actor=ORGANISER, title="Backwards", organiser="IRL", direction="outbound",
        home_timezone=BERLIN, starts_on=date(2019, 6, 30), ends_on=date(2019, 6, 25)),
        "ends_on", "must not be before starts_on (2019-06-30)", error=ValidationError)


def test_a_trip_with_an_unknown_direction_is_refused(app: PlannerApplication) -> None:
    refused(app, lambda: app.create_trip(
        actor=ORGANISER, title="Sideways", organiser="IRL", direction="sideways",
        home_timezone=BERLIN, starts_on=date(2019, 6, 25), ends_on=date(2019, 6, 30)),
        "direction", "must be one of 'outbound', 'inbound'", "'sideways'")


def test_a_leg_outside_the_trip_dates_is_refused(app: PlannerApplication,
                                                 trip: LeipzigTrip) -> None:
    refused(app, lambda: app.add_leg(
        trip.trip_id, actor=ORGANISER, city="Shanghai", country="China", timezone=SHANGHAI,
        arrives_on=date(2019, 6, 30), departs_on=date(2019, 7, 2)),
        "arrives_on", "must lie within the trip (2019-06-25 to 2019-06-30)",
        error=InvariantError)


def test_overlapping_legs_are_refused(app: PlannerApplication, trip: LeipzigTrip) -> None:
    refused(app, lambda: app.change_leg(
        trip.trip_id, trip.jining_leg, actor=ORGANISER, city="Jining", country="China",
        timezone=SHANGHAI, arrives_on=date(2019, 6, 26), departs_on=date(2019, 6, 30)),
        "arrives_on", "overlaps the leg in Nanjing (2019-06-25 to 2019-06-27)")


def test_two_legs_may_share_the_travel_day(app: PlannerApplication,
                                           trip: LeipzigTrip) -> None:
    app.change_leg(trip.trip_id, trip.jining_leg, actor=ORGANISER, city="Jining",
                   country="China", timezone=SHANGHAI, arrives_on=date(2019, 6, 27),
                   departs_on=date(2019, 6, 30), reason="train on the 27th")
    legs = app.get_trip(trip.trip_id)["legs"]
    assert [leg["arrives_on"] for leg in legs] == [date(2019, 6, 25), date(2019, 6, 27)]


def test_a_leg_departing_before_it_arrives_is_refused(app: PlannerApplication,
                                                      trip: LeipzigTrip) -> None:
    refused(app, lambda: app.change_leg(
        trip.trip_id, trip.jining_leg, actor=ORGANISER, city="Jining", country="China",
        timezone=SHANGHAI, arrives_on=date(2019, 6, 30), departs_on=date(2019, 6, 28)),
        "departs_on", "must not be before arrives_on")


def test_changing_an_unknown_leg_is_refused(app: PlannerApplication, trip: LeipzigTrip) -> None:
    refused(app, lambda: app.change_leg(
        trip.trip_id, "no-such-leg", actor=ORGANISER, city="Jining", country="China",
        timezone=SHANGHAI, arrives_on=date(2019, 6, 28), departs_on=date(2019, 6, 30)),
        "leg_id", "must be a record id (UUID); got 'no-such-leg'")


def test_removing_a_leg_needs_a_reason(app: PlannerApplication, trip: LeipzigTrip) -> None:
    refused(app, lambda: app.remove_leg(trip.trip_id, trip.jining_leg, actor=ORGANISER,
                                        reason=" "), "reason", "removing a leg must give a reason")
    app.remove_leg(trip.trip_id, trip.jining_leg, actor=ORGANISER, reason="Jining postponed")
    assert [leg["city"] for leg in app.get_trip(trip.trip_id)["legs"]] == ["Nanjing"]


def test_changing_the_dates_is_refused_when_a_leg_would_fall_outside(
        app: PlannerApplication, trip: LeipzigTrip) -> None:
    refused(app, lambda: app.change_trip_dates(
        trip.trip_id, actor=ORGANISER, starts_on=date(2019, 6, 25), ends_on=date(2019, 6, 29),
        reason="fly home earlier"),
        "starts_on", "the leg in Jining (2019-06-28 to 2019-06-30) would fall outside",
        "change the leg first")


def test_changing_the_dates_needs_a_reason(app: PlannerApplication, trip: LeipzigTrip) -> None:
    refused(app, lambda: app.change_trip_dates(
        trip.trip_id, actor=ORGANISER, starts_on=date(2019, 6, 24), ends_on=date(2019, 6, 30),
        reason=""), "reason", "changing the trip's dates must give a reason")


def test_dates_that_still_hold_every_leg_are_accepted(app: PlannerApplication,
                                                      trip: LeipzigTrip) -> None:
    app.change_trip_dates(trip.trip_id, actor=ORGANISER, starts_on=date(2019, 6, 24),
                          ends_on=date(2019, 7, 1), reason="a day in Shanghai either side")
    data = app.get_trip(trip.trip_id)
    assert (data["starts_on"], data["ends_on"]) == (date(2019, 6, 24), date(2019, 7, 1))
    assert app.history(trip.trip_id)[-1].reason == "a day in Shanghai either side"


def test_trip_details_can_be_changed(app: PlannerApplication, trip: LeipzigTrip) -> None:
    app.change_trip_details(trip.trip_id, actor=ORGANISER, title="Leipzig in East China",
                            organiser="Invest Region Leipzig GmbH", direction="outbound",
                            home_timezone=BERLIN, purpose="Twin-town partnership")
    data = app.get_trip(trip.trip_id)
    assert (data["title"], data["purpose"]) == ("Leipzig in East China",
                                                "Twin-town partnership")


def test_status_moves_forward_from_draft_to_completed(app: PlannerApplication,
                                                      trip: LeipzigTrip) -> None:
    for status in ("planned", "confirmed", "completed"):
        app.change_trip_status(trip.trip_id, actor=ORGANISER, status=status)
        assert app.get_trip(trip.trip_id)["status"] == status


def test_status_moves_back_only_with_a_reason(app: PlannerApplication,
                                              trip: LeipzigTrip) -> None:
    app.change_trip_status(trip.trip_id, actor=ORGANISER, status="confirmed")
    refused(app, lambda: app.change_trip_status(trip.trip_id, actor=ORGANISER,
                                                status="planned"),
            "reason", "moving the trip back from confirmed to planned must give a reason")
    app.change_trip_status(trip.trip_id, actor=ORGANISER, status="planned",
                           reason="the Jining programme is not confirmed yet")
    assert app.get_trip(trip.trip_id)["status"] == "planned"


def test_setting_the_status_it_already_has_is_refused(app: PlannerApplication,
                                                      trip: LeipzigTrip) -> None:
    refused(app, lambda: app.change_trip_status(trip.trip_id, actor=ORGANISER, status="draft"),
            "status", "the trip is already draft")


def test_an_unknown_status_is_refused_with_the_allowed_ones(app: PlannerApplication,
                                                            trip: LeipzigTrip) -> None:
    refused(app, lambda: app.change_trip_status(trip.trip_id, actor=ORGANISER,
                                                status="finished"),
            "status", "must be one of 'draft', 'planned'", "'finished'")


def test_status_cannot_be_set_to_cancelled_without_the_cancel_command(
        app: PlannerApplication, trip: LeipzigTrip) -> None:
    refused(app, lambda: app.change_trip_status(trip.trip_id, actor=ORGANISER,
                                                status="cancelled", reason="x"),
            "status", "use cancel")


def test_a_trip_without_legs_cannot_be_completed(app: PlannerApplication) -> None:
    trip_id = app.create_trip(actor=ORGANISER, title="Scouting", organiser="IRL",
                              direction="outbound", home_timezone=BERLIN,
                              starts_on=date(2019, 9, 1), ends_on=date(2019, 9, 3))
    refused(app, lambda: app.change_trip_status(trip_id, actor=ORGANISER, status="completed"),
            "status", "a trip without legs cannot be completed")


def test_cancelling_needs_a_reason_and_reinstating_restores_the_status(
        app: PlannerApplication, trip: LeipzigTrip) -> None:
    app.change_trip_status(trip.trip_id, actor=ORGANISER, status="confirmed")
    refused(app, lambda: app.cancel_trip(trip.trip_id, actor=ORGANISER, reason=""),
            "reason", "cancelling a trip must give a reason")
    app.cancel_trip(trip.trip_id, actor=ORGANISER, reason="typhoon warning")
    assert app.get_trip(trip.trip_id)["status"] == "cancelled"
    refused(app, lambda: app.cancel_trip(trip.trip_id, actor=ORGANISER, reason="again"),
            "status", "already cancelled")
    refused(app, lambda: app.change_trip_status(trip.trip_id, actor=ORGANISER,
                                                status="completed", reason="x"),
            "status", "the trip is cancelled; reinstate it first")
    refused(app, lambda: app.reinstate_trip(trip.trip_id, actor=ORGANISER, reason=""),
            "reason", "reinstating a trip must give a reason")
    app.reinstate_trip(trip.trip_id, actor=ORGANISER, reason="the warning was lifted")
    assert app.get_trip(trip.trip_id)["status"] == "confirmed"
    assert event_types(app, trip.trip_id)[-2:] == ["Trip.Cancelled", "Trip.Reinstated"]
    assert [e.reason for e in app.history(trip.trip_id)[-2:]] == [
        "typhoon warning", "the warning was lifted"]


def test_only_a_cancelled_trip_can_be_reinstated(app: PlannerApplication,
                                                 trip: LeipzigTrip) -> None:
    refused(app, lambda: app.reinstate_trip(trip.trip_id, actor=ORGANISER, reason="why not"),
            "status", "only a cancelled trip can be reinstated")


def _trip_edits(app: PlannerApplication, trip: LeipzigTrip,
                reason: str) -> dict[str, Callable[[], Any]]:
    """One call of every command that changes a trip, each with the given reason."""
    t = trip.trip_id
    return {
        "details": lambda: app.change_trip_details(
            t, actor=ORGANISER, title="Renamed", organiser="IRL", direction="outbound",
            home_timezone=BERLIN, reason=reason),
        "dates": lambda: app.change_trip_dates(
            t, actor=ORGANISER, starts_on=date(2019, 6, 24), ends_on=date(2019, 6, 30),
            reason=reason or "x"),
        "add leg": lambda: app.add_leg(
            t, actor=ORGANISER, city="Shanghai", country="China", timezone=SHANGHAI,
            arrives_on=date(2019, 6, 30), departs_on=date(2019, 6, 30), reason=reason),
        "change leg": lambda: app.change_leg(
            t, trip.jining_leg, actor=ORGANISER, city="Jining", country="China",
            timezone=SHANGHAI, arrives_on=date(2019, 6, 28), departs_on=date(2019, 6, 29),
            reason=reason),
        "remove leg": lambda: app.remove_leg(t, trip.jining_leg, actor=ORGANISER,
                                             reason=reason or "x"),
        "add member": lambda: app.add_member(t, actor=ORGANISER, person_id=trip.outsider,
                                             role="adviser", reason=reason),
        "change member": lambda: app.change_member(t, trip.schuelke, actor=ORGANISER,
                                                   role="adviser", reason=reason),
        "remove member": lambda: app.remove_member(t, trip.schuelke, actor=ORGANISER,
                                                   reason=reason),
        "objectives": lambda: app.set_objectives(t, actor=ORGANISER, objectives=["MoU"],
                                                 reason=reason),
        "attach profile": lambda: app.attach_profile(t, _profile(app), actor=ORGANISER,
                                                     reason=reason),
    }


def _profile(app: PlannerApplication) -> Any:
    return app.register_profile(actor=ORGANISER, name="Körner & Schülke GmbH", kind="company",
                                country="Germany")


@pytest.mark.parametrize("edit", [
    "details", "dates", "add leg", "change leg", "remove leg", "add member", "change member",
    "remove member", "objectives", "attach profile"])
def test_a_cancelled_trip_refuses_every_change_except_reinstatement(
        app: PlannerApplication, trip: LeipzigTrip, edit: str) -> None:
    app.cancel_trip(trip.trip_id, actor=ORGANISER, reason="postponed to autumn")
    version = app.get_trip(trip.trip_id)["version"]
    with pytest.raises(InvariantError) as caught:
        _trip_edits(app, trip, "a correction")[edit]()
    assert str(caught.value) == ("status: the trip is cancelled; reinstate it before "
                                 "changing it")
    assert app.get_trip(trip.trip_id)["version"] == version


@pytest.mark.parametrize("edit", [
    "details", "add leg", "change leg", "add member", "change member", "remove member",
    "objectives", "attach profile"])
def test_a_completed_trip_accepts_only_corrections_with_a_reason(
        app: PlannerApplication, trip: LeipzigTrip, edit: str) -> None:
    app.change_trip_status(trip.trip_id, actor=ORGANISER, status="completed")
    version = app.get_trip(trip.trip_id)["version"]
    with pytest.raises(InvariantError) as caught:
        _trip_edits(app, trip, "")[edit]()
    assert str(caught.value) == ("reason: the trip is completed; only corrections with a "
                                 "reason are accepted")
    assert app.get_trip(trip.trip_id)["version"] == version
    _trip_edits(app, trip, "correction after the trip report")[edit]()
    assert app.get_trip(trip.trip_id)["version"] == version + 1
    assert app.history(trip.trip_id)[-1].reason == "correction after the trip report"


def test_a_completed_trip_cannot_be_cancelled(app: PlannerApplication,
                                              trip: LeipzigTrip) -> None:
    app.change_trip_status(trip.trip_id, actor=ORGANISER, status="completed")
    refused(app, lambda: app.cancel_trip(trip.trip_id, actor=ORGANISER, reason="too late"),
            "status", "a completed trip cannot be cancelled")


def test_adding_a_member_twice_changes_nothing(app: PlannerApplication,
                                               trip: LeipzigTrip) -> None:
    version = app.get_trip(trip.trip_id)["version"]
    assert app.add_member(trip.trip_id, actor=ORGANISER, person_id=trip.koerner,
                          role="head of delegation") is False
    assert app.get_trip(trip.trip_id)["version"] == version


def test_a_member_needs_a_known_role(app: PlannerApplication, trip: LeipzigTrip) -> None:
    refused(app, lambda: app.add_member(trip.trip_id, actor=ORGANISER,
                                        person_id=trip.outsider, role="tourist"),
            "role", "must be one of 'head of delegation'", "'tourist'")


def test_a_member_must_be_a_registered_person(app: PlannerApplication,
                                              trip: LeipzigTrip) -> None:
    ghost = uuid4()
    refused(app, lambda: app.add_member(trip.trip_id, actor=ORGANISER, person_id=ghost,
                                        role="adviser"),
            "person_id", f"there is no person with id {ghost}", error=ValidationError)


def test_changing_or_removing_someone_outside_the_delegation_is_refused(
        app: PlannerApplication, trip: LeipzigTrip) -> None:
    refused(app, lambda: app.change_member(trip.trip_id, trip.outsider, actor=ORGANISER,
                                           role="adviser"),
            "person_id", "is not in the delegation")
    refused(app, lambda: app.remove_member(trip.trip_id, trip.outsider, actor=ORGANISER),
            "person_id", "is not in the delegation")


def test_members_can_change_role_and_leave(app: PlannerApplication, trip: LeipzigTrip) -> None:
    app.change_member(trip.trip_id, trip.schuelke, actor=ORGANISER, role="adviser",
                      organisation="Leipzig Region")
    assert app.get_trip(trip.trip_id)["members"][-1]["role"] == "adviser"
    app.remove_member(trip.trip_id, trip.schuelke, actor=ORGANISER, reason="stays home")
    assert [m["person_id"] for m in app.get_trip(trip.trip_id)["members"]] == [
        str(trip.koerner)]


def test_profiles_are_handed_over_and_can_be_detached(app: PlannerApplication,
                                                      trip: LeipzigTrip) -> None:
    profile = _profile(app)
    app.attach_profile(trip.trip_id, profile, actor=ORGANISER)
    assert app.get_trip(trip.trip_id)["profiles"] == [
        {"profile_id": str(profile), "profile_version": 1}]
    app.detach_profile(trip.trip_id, profile, actor=ORGANISER, reason="withdrew")
    assert app.get_trip(trip.trip_id)["profiles"] == []
    refused(app, lambda: app.detach_profile(trip.trip_id, profile, actor=ORGANISER),
            "profile_id", "is not attached")


def test_objectives_are_kept_in_order_without_blanks_or_repeats(
        app: PlannerApplication, trip: LeipzigTrip) -> None:
    app.set_objectives(trip.trip_id, actor=ORGANISER, objectives=[
        "Promote Leipzig companies", " ", "Sign MoUs", "Promote Leipzig companies"])
    assert app.get_trip(trip.trip_id)["objectives"] == ["Promote Leipzig companies",
                                                        "Sign MoUs"]


def test_ids_typed_in_capitals_or_with_spaces_mean_the_same_person(
        app: PlannerApplication, trip: LeipzigTrip) -> None:
    typed = f"  {str(trip.outsider).upper()} "
    app.add_member(trip.trip_id, actor=ORGANISER, person_id=typed, role="adviser")
    app.change_member(trip.trip_id, typed, actor=ORGANISER, role="official")
    members = app.get_trip(trip.trip_id)["members"]
    assert members[-1] == {"person_id": str(trip.outsider), "role": "official",
                           "organisation": ""}
    refused(app, lambda: app.remove_member(trip.trip_id, "Shi Guangliang", actor=ORGANISER),
            "person_id", "must be a record id (UUID); got 'Shi Guangliang'")


def test_an_unknown_or_malformed_trip_id_is_reported(app: PlannerApplication) -> None:
    ghost = uuid4()
    refused(app, lambda: app.get_trip(ghost), "trip", f"no trip with id {ghost}",
            error=NotFoundError)
    refused(app, lambda: app.get_trip("trip-42"), "trip id",
            "must be a record id (UUID); got 'trip-42'", error=ValidationError)


def test_a_meeting_id_is_not_a_trip(app: PlannerApplication, trip: LeipzigTrip) -> None:
    refused(app, lambda: app.get_trip(trip.koerner), "trip", "no trip with id",
            error=NotFoundError)
