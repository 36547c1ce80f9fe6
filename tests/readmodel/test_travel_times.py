"""A trip's own travel times in its warnings: config.toml's default applies until the organiser
sets a value for two of the trip's cities (the Chengdu–Shanghai case of issue 15); the
trip's value comes before the configured one, for that trip only, and after a rebuild too."""

from __future__ import annotations

from datetime import date, datetime
from uuid import UUID

from planner.readmodel.travel_times import TravelTimeRow
from planner.readmodel.verify import verify
from planner.settings import Settings
from tests.readmodel.plan import ACTOR, Plan

SH = "Asia/Shanghai"


def chengdu_shanghai(plan: Plan, title: str = "Leipzig → Chengdu, May 2027") -> UUID:
    """Chengdu, then Shanghai; the delegation flies on 12 May with 100 minutes to spare."""
    anna = plan.person(f"Anna Bauer ({title})")
    trip = plan.trip(title=title, starts=date(2027, 5, 10), ends=date(2027, 5, 15),
                     members=[anna])
    plan.leg(trip, "Chengdu", SH, date(2027, 5, 10), date(2027, 5, 12))
    plan.leg(trip, "Shanghai", SH, date(2027, 5, 12), date(2027, 5, 15))
    plan.meeting(trip, "Farewell at the Chengdu Hi-Tech Zone", "Chengdu", SH,
                 datetime(2027, 5, 12, 9), datetime(2027, 5, 12, 10), [anna])
    plan.meeting(trip, "Pudong investment forum", "Shanghai", SH,
                 datetime(2027, 5, 12, 11, 40), datetime(2027, 5, 12, 13), [anna])
    return trip


def travel(plan: Plan, trip: UUID, settings: Settings) -> list[str]:
    return [w.message for w in plan.q.warnings(trip, settings) if w.kind == "travel-time"]


def test_the_default_applies_until_the_organiser_sets_a_value(
        plan: Plan, settings: Settings) -> None:
    trip = chengdu_shanghai(plan)
    assert settings.travel_minutes_between("Chengdu", "Shanghai") == 90  # config.toml default
    assert travel(plan, trip, settings) == []  # 100 minutes are more than 90
    assert plan.q.travel_times(trip, settings) == (
        TravelTimeRow("Chengdu", "Shanghai", 90, own=False, default_minutes=90),)

    plan.app.set_travel_time(trip, actor=ACTOR, city_a="Shanghai", city_b="Chengdu",
                             minutes=180, reason="a flight, with the way to the airport")
    (message,) = travel(plan, trip, settings)
    assert "has 100 minutes to get from Chengdu" in message
    assert message.endswith("at least 180 minutes are needed.")
    assert plan.q.warning_counts([trip], settings) == {trip: 1}
    assert plan.q.travel_times(trip, settings) == (
        TravelTimeRow("Chengdu", "Shanghai", 180, own=True, default_minutes=90),)

    plan.app.clear_travel_time(trip, actor=ACTOR, city_a="Chengdu", city_b="Shanghai")
    assert travel(plan, trip, settings) == []
    assert plan.q.travel_times(trip, settings)[0].own is False
    assert verify(plan.planner.projector) == []


def test_the_trips_value_comes_before_the_configured_one(
        plan: Plan, settings: Settings) -> None:
    anna = plan.person("Anna Bauer")
    trip = plan.trip(members=[anna])
    plan.leg(trip, "Nanjing", SH, date(2019, 6, 24), date(2019, 6, 26))
    plan.leg(trip, "Jining", SH, date(2019, 6, 26), date(2019, 6, 30))
    plan.meeting(trip, "Mayor", "Nanjing", SH, datetime(2019, 6, 26, 9),
                 datetime(2019, 6, 26, 11), [anna])
    plan.meeting(trip, "Port", "Jining", SH, datetime(2019, 6, 26, 15),
                 datetime(2019, 6, 26, 16), [anna])
    (message,) = travel(plan, trip, settings)
    assert "at least 300 minutes" in message  # config.toml: "Nanjing|Jining" = 300
    plan.app.set_travel_time(trip, actor=ACTOR, city_a="Nanjing", city_b="Jining",
                             minutes=200, reason="the new high-speed line")
    assert travel(plan, trip, settings) == []  # 240 minutes are enough now
    (row,) = plan.q.travel_times(trip, settings)
    assert (row.city_a, row.city_b, row.minutes, row.own, row.default_minutes) == (
        "Nanjing", "Jining", 200, True, 300)


def test_a_trips_value_is_for_that_trip_only_and_survives_a_rebuild(
        plan: Plan, settings: Settings) -> None:
    ours = chengdu_shanghai(plan)
    theirs = chengdu_shanghai(plan, title="Dresden → Chengdu, May 2027")
    plan.app.set_travel_time(ours, actor=ACTOR, city_a="Chengdu", city_b="Shanghai",
                             minutes=180, reason="flight")
    assert len(travel(plan, ours, settings)) == 1
    assert travel(plan, theirs, settings) == []
    before = {t: plan.q.warnings(t, settings) for t in (ours, theirs)}
    rows = plan.q.travel_times(ours, settings)

    plan.planner.projector.rebuild()
    assert {t: plan.q.warnings(t, settings) for t in (ours, theirs)} == before
    assert plan.q.travel_times(ours, settings) == rows
    assert verify(plan.planner.projector) == []


def test_every_pair_of_the_trips_cities_is_listed_once(plan: Plan, settings: Settings) -> None:
    trip = plan.trip()
    plan.leg(trip, "Leipzig", "Europe/Berlin", date(2019, 6, 24), date(2019, 6, 25),
             country="Germany")
    plan.leg(trip, "Nanjing", SH, date(2019, 6, 25), date(2019, 6, 27))
    plan.leg(trip, "Jining", SH, date(2019, 6, 28), date(2019, 6, 29))
    plan.leg(trip, "Nanjing", SH, date(2019, 6, 29), date(2019, 6, 30))  # back again
    rows = plan.q.travel_times(trip, settings)
    assert [(r.city_a, r.city_b, r.minutes) for r in rows] == [
        ("Leipzig", "Nanjing", 90), ("Leipzig", "Jining", 90), ("Nanjing", "Jining", 300)]
