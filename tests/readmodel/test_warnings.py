"""Warnings an organiser sees: each kind triggered and not, across DST and the date line."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path
from uuid import UUID

import pytest

from planner.domain.errors import NotFoundError
from planner.settings import Settings, load_settings
from tests.readmodel.plan import ACTOR, Plan, clashing_trips

SH, BER = "Asia/Shanghai", "Europe/Berlin"


def kinds(plan: Plan, trip: UUID, settings: Settings, kind: str) -> list[tuple[UUID, ...]]:
    """The meetings named by each warning of one kind."""
    return [w.meeting_ids for w in plan.q.warnings(trip, settings) if w.kind == kind]


def test_a_person_in_two_cities_at_once_is_double_booked(plan: Plan, settings: Settings) -> None:
    anna, ben = plan.person("Anna Bauer"), plan.person("Ben Wu")
    trip = plan.trip(members=[anna, ben])
    nanjing = plan.meeting(trip, "Mayor", "Nanjing", SH, datetime(2019, 6, 26, 10),
                           datetime(2019, 6, 26, 11), [anna, ben])
    jining = plan.meeting(trip, "Port", "Jining", SH, datetime(2019, 6, 26, 10, 30),
                          datetime(2019, 6, 26, 11, 30), [anna])
    (warning,) = [w for w in plan.q.warnings(trip, settings) if w.kind == "double-booked"]
    assert warning.person_ids == (anna,) and warning.meeting_ids == (nanjing, jining)
    assert "Anna Bauer" in warning.message and "Jining" in warning.message
    assert "10:30" in warning.message  # local times, as the organiser plans them
    plan.app.move_meeting(jining, actor=ACTOR, starts=datetime(2019, 6, 26, 19),
                          ends=datetime(2019, 6, 26, 20), reason="Later")
    assert kinds(plan, trip, settings, "double-booked") == []


def test_overlapping_meetings_in_one_city_overlap_but_touching_ones_do_not(
        plan: Plan, settings: Settings) -> None:
    anna = plan.person("Anna Bauer")
    trip = plan.trip(members=[anna])
    first = plan.meeting(trip, "A", "Nanjing", SH, datetime(2019, 6, 26, 9),
                         datetime(2019, 6, 26, 11), [anna])
    second = plan.meeting(trip, "B", "Nanjing", SH, datetime(2019, 6, 26, 10),
                          datetime(2019, 6, 26, 12), [anna])
    plan.meeting(trip, "C", "Nanjing", SH, datetime(2019, 6, 26, 12),
                 datetime(2019, 6, 26, 13), [anna])
    assert kinds(plan, trip, settings, "overlap") == [(first, second)]
    assert kinds(plan, trip, settings, "double-booked") == []
    plan.app.cancel_meeting(second, actor=ACTOR, reason="Moved online")
    assert plan.q.warnings(trip, settings) == ()  # cancelled meetings warn of nothing


def test_a_person_on_two_trips_at_once_is_warned_on_both(plan: Plan, settings: Settings) -> None:
    ids = clashing_trips(plan)
    first, second, one, two = ids["first"], ids["second"], ids["one"], ids["two"]
    assert kinds(plan, first, settings, "double-booked") == [(one, two)]
    assert kinds(plan, second, settings, "double-booked") == [(one, two)]
    plan.app.cancel_trip(second, actor=ACTOR, reason="Called off")
    assert plan.q.warnings(second, settings) == ()
    assert kinds(plan, first, settings, "double-booked") == []


def test_a_meeting_left_outside_shortened_trip_dates_is_outside_the_trip(
        plan: Plan, settings: Settings) -> None:
    trip = plan.trip()
    late = plan.meeting(trip, "Farewell", "Jining", SH, datetime(2019, 6, 29, 10),
                        datetime(2019, 6, 29, 11))
    plan.meeting(trip, "Early", "Jining", SH, datetime(2019, 6, 27, 10), datetime(2019, 6, 27, 11))
    assert kinds(plan, trip, settings, "outside-trip") == []
    plan.app.change_trip_dates(trip, actor=ACTOR, starts_on=date(2019, 6, 24),
                               ends_on=date(2019, 6, 28), reason="Budget")
    assert kinds(plan, trip, settings, "outside-trip") == [(late,)]


def test_a_meeting_outside_its_legs_city_or_dates_is_outside_the_leg(
        plan: Plan, settings: Settings) -> None:
    trip = plan.trip()
    nanjing = plan.leg(trip, "Nanjing", SH, date(2019, 6, 25), date(2019, 6, 27))
    plan.leg(trip, "Jining", SH, date(2019, 6, 28), date(2019, 6, 30))
    on_leg = plan.meeting(trip, "Museum", "Nanjing", SH, datetime(2019, 6, 27, 10),
                          datetime(2019, 6, 27, 11), leg=nanjing)
    plan.meeting(trip, "Port", "Jining", SH, datetime(2019, 6, 28, 10),
                 datetime(2019, 6, 28, 11))
    assert kinds(plan, trip, settings, "outside-leg") == []
    stray = plan.meeting(trip, "Detour", "Qufu", SH, datetime(2019, 6, 26, 10),
                         datetime(2019, 6, 26, 11))
    assert kinds(plan, trip, settings, "outside-leg") == [(stray,)]
    plan.app.change_leg(trip, nanjing, actor=ACTOR, city="Nanjing", country="China",
                        timezone=SH, arrives_on=date(2019, 6, 25), departs_on=date(2019, 6, 26))
    messages = [w.message for w in plan.q.warnings(trip, settings) if w.kind == "outside-leg"]
    assert kinds(plan, trip, settings, "outside-leg") == [(stray,), (on_leg,)]
    assert "outside its leg in Nanjing (25 Jun to 26 Jun)" in messages[1]
    plan.app.remove_leg(trip, nanjing, actor=ACTOR, reason="Skipping Nanjing")
    warning = [w for w in plan.q.warnings(trip, settings) if w.meeting_ids == (on_leg,)]
    assert [w.kind for w in warning] == ["outside-leg"]
    assert "removed" in warning[0].message


def test_a_stray_meeting_names_the_legs_of_its_day_in_the_order_of_the_trip(
        plan: Plan, settings: Settings) -> None:
    trip = plan.trip()
    plan.leg(trip, "Shanghai", SH, date(2019, 6, 27), date(2019, 6, 28))  # planned second...
    plan.leg(trip, "Nanjing", SH, date(2019, 6, 25), date(2019, 6, 27))  # ...but visited first
    plan.meeting(trip, "Detour", "Qufu", SH, datetime(2019, 6, 27, 10), datetime(2019, 6, 27, 11))
    (message,) = [w.message for w in plan.q.warnings(trip, settings) if w.kind == "outside-leg"]
    assert "on 27 Jun the delegation is in Nanjing and Shanghai" in message


def test_too_little_time_between_cities_is_a_travel_time_warning(
        plan: Plan, settings: Settings) -> None:
    anna = plan.person("Anna Bauer")
    trip = plan.trip(members=[anna])
    talk = plan.meeting(trip, "Mayor", "Nanjing", SH, datetime(2019, 6, 26, 9),
                        datetime(2019, 6, 26, 11), [anna])
    port = plan.meeting(trip, "Port", "Jining", SH, datetime(2019, 6, 26, 15),
                        datetime(2019, 6, 26, 16), [anna])
    (warning,) = [w for w in plan.q.warnings(trip, settings) if w.kind == "travel-time"]
    assert warning.meeting_ids == (talk, port) and warning.person_ids == (anna,)
    assert "240 minutes" in warning.message and "300 minutes" in warning.message  # config.toml
    plan.app.move_meeting(port, actor=ACTOR, starts=datetime(2019, 6, 26, 16),
                          ends=datetime(2019, 6, 26, 17), reason="Slower train")
    assert kinds(plan, trip, settings, "travel-time") == []


def test_people_sharing_one_clash_get_one_warning_naming_them_all(
        plan: Plan, settings: Settings) -> None:
    anna, ben = plan.person("Anna Bauer"), plan.person("Ben Wu")
    trip = plan.trip(members=[anna, ben])
    talk = plan.meeting(trip, "Mayor", "Nanjing", SH, datetime(2019, 6, 26, 9),
                        datetime(2019, 6, 26, 11), [anna, ben])
    port = plan.meeting(trip, "Port", "Jining", SH, datetime(2019, 6, 26, 15),
                        datetime(2019, 6, 26, 16), [anna, ben])
    (warning,) = [w for w in plan.q.warnings(trip, settings) if w.kind == "travel-time"]
    assert warning.meeting_ids == (talk, port)
    assert set(warning.person_ids) == {anna, ben}
    assert "Anna Bauer and Ben Wu have 240 minutes" in warning.message


def test_meetings_outside_working_hours_in_local_time_are_flagged(
        plan: Plan, settings: Settings) -> None:
    trip = plan.trip()
    early = plan.meeting(trip, "Early", "Nanjing", SH, datetime(2019, 6, 25, 7, 30),
                         datetime(2019, 6, 25, 9))
    plan.meeting(trip, "Full day", "Nanjing", SH, datetime(2019, 6, 26, 8),
                 datetime(2019, 6, 26, 20))
    plan.meeting(trip, "Banquet", "Nanjing", SH, datetime(2019, 6, 26, 19),
                 datetime(2019, 6, 26, 23), kind="dinner")
    late = plan.meeting(trip, "Night talks", "Nanjing", SH, datetime(2019, 6, 27, 19),
                        datetime(2019, 6, 28, 1))
    assert kinds(plan, trip, settings, "outside-working-hours") == [(early,), (late,)]
    strict = load_settings(environ={}, instance_path=str(settings.instance_path),
                           working_day_start="07:00", working_day_end="21:00")
    assert kinds(plan, trip, strict, "outside-working-hours") == [(late,)]


@pytest.mark.parametrize(("day", "clock_change"), [
    (date(2024, 3, 31), "spring forward"), (date(2024, 10, 27), "fall back")])
def test_working_hours_are_judged_on_berlins_clock_on_the_day_it_changes(
        plan: Plan, settings: Settings, day: date, clock_change: str) -> None:
    trip = plan.trip(title=f"Munich, {clock_change}", starts=day - timedelta(days=2),
                     ends=day + timedelta(days=1), home=SH)
    at_eight = plan.meeting(trip, "At eight", "Berlin", BER, datetime.combine(day, time(8)),
                            datetime.combine(day, time(9)))
    before = plan.meeting(trip, "Before eight", "Berlin", BER, datetime.combine(day, time(7, 45)),
                          datetime.combine(day, time(8, 30)))
    assert kinds(plan, trip, settings, "outside-working-hours") == [(before,)]
    item = next(i for i in plan.q.itinerary(trip).items if i.meeting_id == at_eight)
    assert item.local_start.hour == 8
    offset = 2 if clock_change == "spring forward" else 1
    assert item.starts_at.hour == 8 - offset


def test_travel_time_counts_real_minutes_across_the_spring_clock_change(
        plan: Plan, settings: Settings) -> None:
    """At 02:00 on 31 March 2024 Berlin's clocks jump to 03:00: 01:00 to 03:00 is one hour."""
    anna = plan.person("Anna Bauer")
    trip = plan.trip(starts=date(2024, 3, 29), ends=date(2024, 4, 2), members=[anna])
    berlin = plan.meeting(trip, "Late talks", "Berlin", BER, datetime(2024, 3, 30, 23),
                          datetime(2024, 3, 31, 1), [anna])
    leipzig = plan.meeting(trip, "Early start", "Leipzig", BER, datetime(2024, 3, 31, 3),
                           datetime(2024, 3, 31, 4), [anna])
    (warning,) = [w for w in plan.q.warnings(trip, settings) if w.kind == "travel-time"]
    assert warning.meeting_ids == (berlin, leipzig)
    assert "has 60 minutes" in warning.message  # the wall clock would say 120
    plan.app.move_meeting(berlin, actor=ACTOR, starts=datetime(2024, 3, 30, 22, 30),
                          ends=datetime(2024, 3, 31, 0, 30), reason="Earlier")
    assert kinds(plan, trip, settings, "travel-time") == []  # 90 real minutes, as configured


def test_travel_time_from_leipzig_to_nanjing_counts_the_hours_lost_eastwards(
        plan: Plan, settings: Settings) -> None:
    """By the clocks on the walls 24 June 12:00 to 25 June 08:00 is 20 hours; it is 14."""
    rules = load_settings(environ={}, instance_path=str(settings.instance_path),
                          travel_minutes={"Leipzig|Nanjing": 1080})
    anna = plan.person("Anna Bauer")
    trip = plan.trip(members=[anna])
    leipzig_leg = plan.leg(trip, "Leipzig", BER, date(2019, 6, 24), date(2019, 6, 25),
                           country="Germany")
    nanjing_leg = plan.leg(trip, "Nanjing", SH, date(2019, 6, 25), date(2019, 6, 27))
    send_off = plan.meeting(trip, "Send-off", "Leipzig", BER, datetime(2019, 6, 24, 10),
                            datetime(2019, 6, 24, 12), [anna], leg=leipzig_leg)
    welcome = plan.meeting(trip, "Welcome", "Nanjing", SH, datetime(2019, 6, 25, 8),
                           datetime(2019, 6, 25, 9), [anna], leg=nanjing_leg)
    found = plan.q.warnings(trip, rules)
    assert [(w.kind, w.meeting_ids) for w in found] == [("travel-time", (send_off, welcome))]
    assert "840 minutes" in found[0].message
    plan.app.move_meeting(welcome, actor=ACTOR, starts=datetime(2019, 6, 25, 14),
                          ends=datetime(2019, 6, 25, 15), reason="After the hotel")
    assert plan.q.warnings(trip, rules) == ()  # 1200 minutes; and no leg or day confusion


def test_warnings_of_an_unknown_trip_are_refused(plan: Plan, tmp_path: Path) -> None:
    with pytest.raises(NotFoundError):
        plan.q.warnings("7f1d4c52-0000-4000-8000-000000000000")
    assert plan.q.warnings(plan.trip()) == ()  # default rules when no settings are given
