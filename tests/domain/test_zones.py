"""Time zones: new input takes canonical IANA names only (and the UTC aliases); host-dependent
names (`localtime`, `posixrules`) and legacy links (`Asia/Chongqing`, `US/Eastern`) are refused,
a link with its canonical name as the hint. Records stored with a legacy name still load and
can still be edited."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from planner.application import PlannerApplication
from planner.domain.meeting import Meeting
from planner.domain.person import Person
from planner.domain.trip import Trip
from planner.domain.values import zone
from planner.settings import SettingsError, load_settings
from tests.application.scenarios import (
    BERLIN,
    ORGANISER,
    LeipzigTrip,
    append_unchecked,
    nanjing_meeting,
    refused,
)

NOT_PLACES = ["localtime", "posixrules", "Factory", "EST5EDT", "right/UTC", "posix/Asia/Tokyo",
              "Mars/Olympus", "europe/berlin", "Asia/Peking"]
LINKS = {"Asia/Chongqing": "Asia/Shanghai", "US/Eastern":
         "America/New_York", "CET": "Europe/Brussels", "Europe/Kiev": "Europe/Kyiv",
         "GB": "Europe/London"}


@pytest.mark.parametrize("name", NOT_PLACES)
def test_host_dependent_and_unknown_names_are_refused(app: PlannerApplication,
                                                     trip: LeipzigTrip, name: str) -> None:
    refused(app, lambda: app.register_person(actor=ORGANISER, name="Lena", home_timezone=name),
            "home_timezone", "must be an IANA time zone such as 'Europe/Berlin'")
    refused(app, lambda: app.add_leg(trip.trip_id, actor=ORGANISER, city="Qufu",
                                     country="China", timezone=name,
                                     arrives_on=date(2019, 6, 30),
                                     departs_on=date(2019, 6, 30)),
            "timezone", "must be an IANA time zone")
    refused(app, lambda: nanjing_meeting(app, trip, timezone=name), "timezone")


@pytest.mark.parametrize("name", sorted(LINKS))
def test_legacy_links_are_refused_with_the_canonical_name(app: PlannerApplication,
                                                          name: str) -> None:
    error = refused(app, lambda: app.create_trip(
        actor=ORGANISER, title="Trip", organiser="IRL", direction="outbound",
        home_timezone=name, starts_on=date(2019, 6, 25), ends_on=date(2019, 6, 30)),
        "home_timezone", f"{name!r} is an old alias; use the IANA name")
    assert repr(LINKS[name]) in str(error)


@pytest.mark.parametrize("name", ["UTC", "Etc/UTC", "Europe/Berlin", "Asia/Shanghai",
                                  "America/Argentina/Buenos_Aires", "Etc/GMT-8",
                                  "Australia/Lord_Howe"])
def test_canonical_names_and_utc_are_accepted(name: str) -> None:
    assert zone("timezone", name) == name


def test_the_config_default_zone_must_be_canonical(tmp_path) -> None:  # noqa: ANN001
    assert load_settings(environ={}, instance_path=str(tmp_path)).default_timezone == BERLIN
    with pytest.raises(SettingsError, match="localtime"):
        load_settings(environ={"PLANNER_PLANNER_DEFAULT_TIMEZONE": "localtime"},
                      instance_path=str(tmp_path))
    with pytest.raises(SettingsError, match="old alias; use the IANA name 'Asia/Shanghai'"):
        load_settings(environ={"PLANNER_PLANNER_DEFAULT_TIMEZONE": "Asia/Chongqing"},
                      instance_path=str(tmp_path))
    assert load_settings(environ={"PLANNER_PLANNER_DEFAULT_TIMEZONE": "UTC"},
                         instance_path=str(tmp_path)).default_timezone == "UTC"


def test_records_stored_with_a_legacy_zone_still_load_and_can_be_edited(
        app: PlannerApplication, trip: LeipzigTrip) -> None:
    old_person = app.get_person(trip.koerner)
    append_unchecked(app, trip.koerner, Person.DetailsChanged, name=old_person["name"], title="",
            organisation="", email="", home_timezone="Europe/Kiev")
    leg = app.get_trip(trip.trip_id)["legs"][0]
    append_unchecked(app, trip.trip_id, Trip.LegChanged, leg_id=leg["leg_id"], city="Nanjing",
            country="China", timezone="Asia/Chongqing", arrives_on=leg["arrives_on"],
            departs_on=leg["departs_on"])
    meeting = nanjing_meeting(app, trip)
    append_unchecked(app, meeting, Meeting.Relocated, venue="City Hall", city="Nanjing",
            timezone="Asia/Chongqing", leg_id=leg["leg_id"])

    assert app.get_person(trip.koerner)["home_timezone"] == "Europe/Kiev"
    # Re-submitting the stored value unchanged is not new input...
    app.change_person(trip.koerner, actor=ORGANISER, name="Michael Körner",
                      home_timezone="Europe/Kiev")
    app.change_leg(trip.trip_id, leg["leg_id"], actor=ORGANISER, city="Nanjing",
                   country="China", timezone="Asia/Chongqing", arrives_on=leg["arrives_on"],
                   departs_on=leg["departs_on"])
    # ...and a meeting at a place stored with a legacy zone can still be moved.
    app.move_meeting(meeting, actor=ORGANISER, starts=datetime(2019, 6, 26, 14),
                     ends=datetime(2019, 6, 26, 15), reason="Counterpart asked")
    assert app.get_meeting(meeting)["starts_at"].hour == 6  # 14:00 in China is 06:00 UTC
    # A different legacy name is new input, and refused.
    refused(app, lambda: app.change_person(trip.koerner, actor=ORGANISER, name="M. Körner",
                                           home_timezone="US/Eastern"),
            "home_timezone", "old alias")
