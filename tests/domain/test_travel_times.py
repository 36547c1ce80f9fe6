"""A trip's own travel times between two of its cities: setting one is an event with actor and
reason, clearing it returns to the configured default, and every refusal names its field and
writes nothing."""

from __future__ import annotations

from typing import Any

import pytest

from planner.application import PlannerApplication
from tests.application.scenarios import ORGANISER, LeipzigTrip, event_types, refused


def _set(app: PlannerApplication, trip: LeipzigTrip, **change: Any) -> int:
    fields: dict[str, Any] = dict(actor=ORGANISER, city_a="Nanjing", city_b="Jining",
                                  minutes=240, reason="the high-speed train takes 3½ hours")
    return app.set_travel_time(trip.trip_id, **(fields | change))


def test_setting_a_travel_time_is_an_event_with_actor_and_reason(
        app: PlannerApplication, trip: LeipzigTrip) -> None:
    _set(app, trip)
    found = app.get_trip(trip.trip_id)
    # the pair is kept once, its cities as the legs spell them, in a fixed order
    assert found["travel_times"] == [dict(city_a="Jining", city_b="Nanjing", minutes=240)]
    last = app.history(trip.trip_id)[-1]
    assert type(last).__qualname__ == "Trip.TravelTimeSet"
    assert (last.actor, last.reason) == (ORGANISER, "the high-speed train takes 3½ hours")


def test_either_order_and_any_case_name_the_same_pair(
        app: PlannerApplication, trip: LeipzigTrip) -> None:
    _set(app, trip, city_a="jining ", city_b="NANJING", minutes=200)
    _set(app, trip, city_a="Nanjing", city_b="Jining", minutes=300)
    assert app.get_trip(trip.trip_id)["travel_times"] == [
        dict(city_a="Jining", city_b="Nanjing", minutes=300)]


def test_clearing_returns_to_the_default(app: PlannerApplication, trip: LeipzigTrip) -> None:
    _set(app, trip)
    app.clear_travel_time(trip.trip_id, actor=ORGANISER, city_a="Nanjing", city_b="Jining",
                          reason="the configured time is right after all")
    assert app.get_trip(trip.trip_id)["travel_times"] == []
    assert event_types(app, trip.trip_id)[-2:] == ["Trip.TravelTimeSet",
                                                   "Trip.TravelTimeCleared"]


@pytest.mark.parametrize("change, field, says", [
    ({"city_a": "Shanghai"}, "city_a", "must be a city of the trip's legs (Jining, Nanjing); "
                                       "got 'Shanghai'"),
    ({"city_b": "Chengdu"}, "city_b", "must be a city of the trip's legs"),
    ({"city_b": "  "}, "city_b", "must not be empty"),
    ({"city_b": "nanjing"}, "city_b", "must be another city than city_a"),
    ({"minutes": 0}, "minutes", "must be between 1 and 2880; got 0"),
    ({"minutes": 2881}, "minutes", "must be between 1 and 2880; got 2881"),
    ({"minutes": -5}, "minutes", "must be between 1 and 2880"),
    ({"minutes": 90.5}, "minutes", "must be a whole number"),
    ({"minutes": "90"}, "minutes", "must be a whole number"),
    ({"minutes": True}, "minutes", "must be a whole number"),
])
def test_bad_travel_times_are_refused_naming_the_field(
        app: PlannerApplication, trip: LeipzigTrip, change: dict[str, Any], field: str,
        says: str) -> None:
    refused(app, lambda: _set(app, trip, **change), field, says)


def test_the_same_value_again_is_refused(app: PlannerApplication, trip: LeipzigTrip) -> None:
    _set(app, trip, minutes=240)
    refused(app, lambda: _set(app, trip, minutes=240), "minutes",
            "between Jining and Nanjing is already 240 minutes")


def test_clearing_a_pair_without_its_own_value_is_refused(
        app: PlannerApplication, trip: LeipzigTrip) -> None:
    refused(app, lambda: app.clear_travel_time(trip.trip_id, actor=ORGANISER, city_a="Nanjing",
                                               city_b="Jining"),
            "city_b", "sets no travel time between Jining and Nanjing; the default applies")


def test_a_trip_without_legs_has_no_cities_to_name(app: PlannerApplication) -> None:
    from datetime import date
    trip_id = app.create_trip(actor=ORGANISER, title="Not planned yet", organiser="IRL",
                              direction="outbound", home_timezone="Europe/Berlin",
                              starts_on=date(2027, 5, 1), ends_on=date(2027, 5, 9))
    refused(app, lambda: app.set_travel_time(trip_id, actor=ORGANISER, city_a="Chengdu",
                                             city_b="Shanghai", minutes=180),
            "city_a", "(it has no legs yet)")


def test_a_cancelled_trip_takes_no_travel_time(app: PlannerApplication,
                                               trip: LeipzigTrip) -> None:
    app.cancel_trip(trip.trip_id, actor=ORGANISER, reason="postponed")
    refused(app, lambda: _set(app, trip), "status", "the trip is cancelled")


def test_a_stale_form_is_refused(app: PlannerApplication, trip: LeipzigTrip) -> None:
    seen = app.get_trip(trip.trip_id)["version"]
    _set(app, trip)
    refused(app, lambda: _set(app, trip, minutes=200, expected_version=seen), "trip",
            "has changed since you loaded it")


def test_the_value_of_a_removed_leg_can_still_be_cleared(
        app: PlannerApplication, trip: LeipzigTrip) -> None:
    _set(app, trip)
    app.remove_leg(trip.trip_id, trip.jining_leg, actor=ORGANISER, reason="Jining is dropped")
    refused(app, lambda: _set(app, trip, minutes=200), "city_b", "got 'Jining'")
    app.clear_travel_time(trip.trip_id, actor=ORGANISER, city_a="Jining", city_b="Nanjing")
    assert app.get_trip(trip.trip_id)["travel_times"] == []
