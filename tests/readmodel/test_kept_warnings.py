"""Warnings and rows kept in the read model: refreshed where their inputs change (also on
trips nobody touched), identical after a rebuild, and read and written set-based."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import Any

from sqlalchemy import event

from planner.readmodel.verify import verify
from tests.readmodel.plan import ACTOR, Plan, clashing_trips

SH, BER = "Asia/Shanghai", "Europe/Berlin"


def messages(plan: Plan, trip: Any) -> list[str]:
    """The messages of the trip's double-booked warnings (the Munich fair is also early)."""
    return [w.message for w in plan.q.warnings(trip) if w.kind == "double-booked"]


def test_renaming_a_person_renames_them_in_the_warnings_of_every_trip(plan: Plan) -> None:
    ids = clashing_trips(plan)
    plan.app.change_person(ids["anna"], actor=ACTOR, name="Anna Bauer-Li",
                           home_timezone=BER)
    for trip in (ids["first"], ids["second"]):
        (message,) = messages(plan, trip)
        assert message.startswith("Anna Bauer-Li would be in Nanjing")
    assert verify(plan.planner.projector) == []


def test_renaming_a_trip_renames_it_in_the_other_trips_warnings(plan: Plan) -> None:
    ids = clashing_trips(plan)
    assert "on the trip ‘Second’" in messages(plan, ids["first"])[0]
    plan.app.change_trip_details(ids["second"], actor=ACTOR, title="Hannover Messe",
                                 organiser="Invest Region Leipzig", direction="outbound",
                                 home_timezone=BER)
    assert "on the trip ‘Hannover Messe’" in messages(plan, ids["first"])[0]
    assert verify(plan.planner.projector) == []


def test_moving_a_meeting_away_clears_the_clash_on_the_trip_not_touched(plan: Plan) -> None:
    ids = clashing_trips(plan)
    plan.app.move_meeting(ids["two"], actor=ACTOR, starts=datetime(2019, 6, 27, 9),
                          ends=datetime(2019, 6, 27, 10), reason="A day later")
    assert messages(plan, ids["first"]) == []
    plan.app.move_meeting(ids["two"], actor=ACTOR, starts=datetime(2019, 6, 26, 4),
                          ends=datetime(2019, 6, 26, 6), reason="Back again")
    assert len(messages(plan, ids["first"])) == 1
    plan.app.remove_attendee(ids["two"], actor=ACTOR, person_id=ids["anna"])
    assert messages(plan, ids["first"]) == []
    assert verify(plan.planner.projector) == []


def test_a_rebuild_keeps_the_same_warnings_and_counts(plan: Plan) -> None:
    ids = clashing_trips(plan)
    plan.app.change_trip_dates(ids["first"], actor=ACTOR, starts_on=date(2019, 6, 24),
                               ends_on=date(2019, 6, 30), reason="Longer")
    before = [plan.q.warnings(ids[t]) for t in ("first", "second")]
    counts = plan.q.warning_counts([ids["first"], ids["second"]])
    plan.planner.projector.rebuild()
    assert [plan.q.warnings(ids[t]) for t in ("first", "second")] == before
    assert plan.q.warning_counts([ids["first"], ids["second"]]) == counts == {
        ids["first"]: len(before[0]), ids["second"]: len(before[1])}
    assert len(before[1]) == 2  # double-booked, and the fair starts at 04:00


@contextmanager
def counting(plan: Plan) -> Iterator[Callable[[], int]]:
    """How many SQL statements the block sent."""
    seen = [0]

    def count(*_: Any) -> None:
        seen[0] += 1

    engine = plan.planner.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        yield lambda: seen[0]
    finally:
        event.remove(engine, "before_cursor_execute", count)


def meetings(plan: Plan, trip: Any, people: list[Any], count: int) -> None:
    for n in range(count):
        plan.meeting(trip, f"Visit {n}", "Nanjing", SH, datetime(2019, 6, 25 + n % 5, 9 + n % 8),
                     datetime(2019, 6, 25 + n % 5, 10 + n % 8), people[n % 3:][:2])


def test_the_trip_page_reads_the_same_few_statements_for_any_number_of_meetings(
        plan: Plan) -> None:
    people = [plan.person(f"Person {n}") for n in range(4)]
    small, large = plan.trip(members=people), plan.trip(title="Large", members=people)
    meetings(plan, small, people, 2)
    meetings(plan, large, people, 25)
    with counting(plan) as small_count:
        page = plan.q.trip_page(small)
    with counting(plan) as large_count:
        large_page = plan.q.trip_page(large)
    assert len(page.itinerary.items) == 2 and len(large_page.itinerary.items) == 25
    assert large_page.warnings == plan.q.warnings(large)
    # 11: the page also reads the read models' position, which keeps its rendered parts
    assert small_count() == large_count() <= 11


def test_a_rebuild_writes_a_batch_in_the_same_statements_for_any_number_of_events(
        plan: Plan) -> None:
    people = [plan.person(f"Person {n}") for n in range(4)]
    meetings(plan, plan.trip(members=people), people, 3)
    events = plan.planner.app.recorder.max_notification_id()
    with counting(plan) as few:
        plan.planner.projector.rebuild()
    meetings(plan, plan.trip(title="Second", members=people), people, 30)
    more = plan.planner.app.recorder.max_notification_id() - events
    with counting(plan) as many:
        plan.planner.projector.rebuild()
    assert more > 30  # still one batch of 500, and no statement per event
    assert many() - few() <= 2
