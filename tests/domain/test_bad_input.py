"""Bad input gets a message naming the field and the rule, and writes nothing."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import pytest

from planner.application import PlannerApplication
from planner.domain.errors import ValidationError
from tests.application.scenarios import (
    BERLIN,
    ORGANISER,
    SHANGHAI,
    LeipzigTrip,
    event_count,
    nanjing_meeting,
    refused,
    utc,
)

ONE_MEGABYTE = "A" * (1024 * 1024)


def _titled(app: PlannerApplication, trip: LeipzigTrip) -> dict[str, Callable[[str], Any]]:
    """Every command that takes a title (or a name), as a function of that title."""
    return {
        "trip": lambda title: app.create_trip(
            actor=ORGANISER, title=title, organiser="IRL", direction="outbound",
            home_timezone=BERLIN, starts_on=date(2019, 6, 25), ends_on=date(2019, 6, 30)),
        "trip details": lambda title: app.change_trip_details(
            trip.trip_id, actor=ORGANISER, title=title, organiser="IRL", direction="outbound",
            home_timezone=BERLIN),
        "meeting": lambda title: nanjing_meeting(app, trip, title=title),
        "agreement": lambda title: app.draft_agreement(
            actor=ORGANISER, title=title, kind="letter of intent"),
        "profile": lambda title: app.register_profile(
            actor=ORGANISER, name=title, kind="company", country="Germany"),
        "person": lambda title: app.register_person(actor=ORGANISER, name=title,
                                                    home_timezone=BERLIN),
    }


COMMANDS = ["trip", "trip details", "meeting", "agreement", "profile", "person"]
FIELD = {"profile": "name", "person": "name"}


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("title", ["", "   ", "\u3000\t"])
def test_empty_and_blank_titles_are_refused(app: PlannerApplication, trip: LeipzigTrip,
                                            command: str, title: str) -> None:
    field = FIELD.get(command, "title")
    refused(app, lambda: _titled(app, trip)[command](title), field, "must not be empty",
            error=ValidationError)


@pytest.mark.parametrize("command", COMMANDS)
def test_a_one_megabyte_title_is_refused_with_the_length_limit(
        app: PlannerApplication, trip: LeipzigTrip, command: str) -> None:
    field = FIELD.get(command, "title")
    refused(app, lambda: _titled(app, trip)[command](ONE_MEGABYTE), field,
            "must be at most 200 characters (got 1048576)")


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize("title", ["Nanjing\x00", "Bell\x07", "\x1b[31mred\x1b[0m",
                                   "two\nlines", "C1\x85control", "line\u2028separator"])
def test_control_characters_in_titles_are_refused(app: PlannerApplication, trip: LeipzigTrip,
                                                  command: str, title: str) -> None:
    field = FIELD.get(command, "title")
    refused(app, lambda: _titled(app, trip)[command](title), field,
            "must not contain line breaks or control characters")


def test_multi_line_text_keeps_line_breaks_but_refuses_control_characters(
        app: PlannerApplication, trip: LeipzigTrip) -> None:
    meeting_id = nanjing_meeting(app, trip, agenda="1. Welcome\r\n2. MoU\n\tsigning")
    assert app.get_meeting(meeting_id)["agenda"] == "1. Welcome\n2. MoU\n\tsigning"
    refused(app, lambda: nanjing_meeting(app, trip, agenda="1. Welcome\x00"), "agenda",
            "must not contain control characters")


def test_text_is_trimmed_and_stored_in_composed_unicode(app: PlannerApplication) -> None:
    decomposed = "  Ko\u0308rner & Schu\u0308lke GmbH "
    profile_id = app.register_profile(actor=ORGANISER, name=decomposed, kind="company",
                                      country="Germany")
    assert app.get_profile(profile_id)["name"] == "Körner & Schülke GmbH"


@pytest.mark.parametrize("zone", ["Asia/Nanjing", "CET+1", "Berlin", "", "../etc/passwd"])
def test_unknown_zone_names_are_refused(app: PlannerApplication, trip: LeipzigTrip,
                                        zone: str) -> None:
    expected = "must not be empty" if not zone else f"{zone!r} is unknown"
    refused(app, lambda: app.create_trip(
        actor=ORGANISER, title="T", organiser="IRL", direction="outbound", home_timezone=zone,
        starts_on=date(2019, 6, 25), ends_on=date(2019, 6, 30)), "home_timezone", expected)
    refused(app, lambda: app.add_leg(
        trip.trip_id, actor=ORGANISER, city="Nanjing", country="China", timezone=zone,
        arrives_on=date(2019, 6, 25), departs_on=date(2019, 6, 25)), "timezone", expected)
    refused(app, lambda: nanjing_meeting(app, trip, timezone=zone), "timezone", expected)


def test_the_zone_message_gives_an_example(app: PlannerApplication, trip: LeipzigTrip) -> None:
    error = refused(app, lambda: nanjing_meeting(app, trip, timezone="Asia/Nanjing"),
                    "timezone")
    assert str(error) == ("timezone: must be an IANA time zone such as 'Europe/Berlin'; "
                          "'Asia/Nanjing' is unknown")


def test_dates_outside_the_trip_are_refused(app: PlannerApplication, trip: LeipzigTrip) -> None:
    refused(app, lambda: app.add_leg(
        trip.trip_id, actor=ORGANISER, city="Shanghai", country="China", timezone=SHANGHAI,
        arrives_on=date(2019, 6, 20), departs_on=date(2019, 6, 24)),
        "arrives_on", "must lie within the trip")
    refused(app, lambda: nanjing_meeting(app, trip, leg_id=None,
                                         starts=datetime(2019, 7, 2, 9),
                                         ends=datetime(2019, 7, 2, 10)),
            "starts_at", "must fall within the trip")


@pytest.mark.parametrize("value", ["2019-06-25", datetime(2019, 6, 25, 9), None, 20190625])
def test_dates_must_be_calendar_dates(app: PlannerApplication, value: Any) -> None:
    refused(app, lambda: app.create_trip(
        actor=ORGANISER, title="T", organiser="IRL", direction="outbound",
        home_timezone=BERLIN, starts_on=value, ends_on=date(2019, 6, 30)),
        "starts_on", "must be a date (YYYY-MM-DD)")


def test_absurd_years_and_year_long_trips_are_refused(app: PlannerApplication) -> None:
    def create(starts_on: date, ends_on: date) -> Any:
        return app.create_trip(actor=ORGANISER, title="T", organiser="IRL",
                               direction="outbound", home_timezone=BERLIN,
                               starts_on=starts_on, ends_on=ends_on)
    refused(app, lambda: create(date(1019, 6, 25), date(2019, 6, 30)), "starts_on",
            "must be between 1900 and 2200")
    refused(app, lambda: create(date(2019, 1, 1), date(2020, 6, 30)), "ends_on",
            "at most one year")


def test_a_time_that_does_not_exist_on_the_berlin_spring_forward_night_is_refused(
        app: PlannerApplication) -> None:
    trip_id = app.create_trip(actor=ORGANISER, title="Nanjing delegation in Leipzig",
                              organiser="Nanjing", direction="inbound",
                              home_timezone=SHANGHAI, starts_on=date(2024, 3, 29),
                              ends_on=date(2024, 4, 2))

    def schedule(starts: datetime, ends: datetime) -> Any:
        return app.schedule_meeting(trip_id, actor=ORGANISER, kind="travel",
                                    title="Night train", venue="Leipzig Hbf", city="Leipzig",
                                    timezone=BERLIN, starts=starts, ends=ends)

    error = refused(app, lambda: schedule(datetime(2024, 3, 31, 2, 30),
                                          datetime(2024, 3, 31, 4, 0)), "starts_at")
    assert str(error) == ("starts_at: 2024-03-31 02:30 does not exist in Europe/Berlin "
                          "(the clocks skip that hour)")
    meeting_id = schedule(datetime(2024, 3, 31, 1, 30), datetime(2024, 3, 31, 3, 30))
    meeting = app.get_meeting(meeting_id)
    # 01:30 CET to 03:30 CEST is one hour, not two: the clocks went forward in between.
    assert (meeting["starts_at"], meeting["ends_at"]) == (utc(2024, 3, 31, 0, 30),
                                                          utc(2024, 3, 31, 1, 30))


def test_daylight_saving_does_not_shift_local_times(app: PlannerApplication) -> None:
    trip_id = app.create_trip(actor=ORGANISER, title="Study visit", organiser="Nanjing",
                              direction="inbound", home_timezone=SHANGHAI,
                              starts_on=date(2024, 10, 25), ends_on=date(2024, 10, 29))
    ids = [app.schedule_meeting(trip_id, actor=ORGANISER, kind="company visit",
                                title=f"Visit {day}", venue="", city="Munich",
                                timezone=BERLIN, starts=datetime(2024, 10, day, 10),
                                ends=datetime(2024, 10, day, 11)) for day in (26, 28)]
    starts = [app.get_meeting(i)["starts_at"] for i in ids]
    assert starts == [utc(2024, 10, 26, 8), utc(2024, 10, 28, 9)]


def test_a_naive_moment_or_a_bad_version_in_a_historical_read_is_refused(
        app: PlannerApplication, trip: LeipzigTrip) -> None:
    refused(app, lambda: app.get_trip(trip.trip_id, at=datetime(2019, 6, 1)), "at",
            "must be a date and time with a time zone")
    for version in (0, -1, "2"):
        refused(app, lambda v=version: app.get_trip(trip.trip_id, version=v), "version",
                "must be a whole number from 1")
    refused(app, lambda: app.get_trip(trip.trip_id, version=1, at=utc(2019, 6, 1)), "at",
            "give a version or a moment, not both")


def test_refused_commands_leave_the_log_as_it_was(app: PlannerApplication,
                                                  trip: LeipzigTrip) -> None:
    before = event_count(app)
    for command in COMMANDS:
        for bad in ("", ONE_MEGABYTE, "bad\x00"):
            with pytest.raises(ValidationError):
                _titled(app, trip)[command](bad)
    assert event_count(app) == before
