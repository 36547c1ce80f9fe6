"""The projector: every event handled, reads see their writes, rebuilds give the same rows."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

import pytest
from sqlalchemy import inspect as inspect_database
from sqlalchemy import text

import planner.domain
from planner.bootstrap import Planner
from planner.domain.base import PlannerAggregate
from planner.domain.trip import Trip
from planner.readmodel import handlers, tables
from planner.readmodel.verify import verify
from tests.readmodel.plan import ACTOR, Plan, leipzig_trip


def domain_event_classes() -> set[type]:
    """Every event class of every aggregate under planner.domain, including ones added later;
    the library's generic bases (`Event`, and `Created` where another event creates) are not
    events anything emits."""
    found: set[type] = set()
    for info in pkgutil.iter_modules(planner.domain.__path__):
        module = importlib.import_module(f"planner.domain.{info.name}")
        for aggregate in vars(module).values():
            if not (inspect.isclass(aggregate) and issubclass(aggregate, PlannerAggregate)
                    and aggregate is not PlannerAggregate):
                continue
            nested = [getattr(aggregate, name) for name in dir(aggregate)]
            events = [c for c in nested
                      if inspect.isclass(c) and issubclass(c, PlannerAggregate.Event)]
            creators = [c for c in events if issubclass(c, PlannerAggregate.Created)
                        and c.__name__ != "Created"]
            for event in events:
                if event.__name__ == "Event" or (event.__name__ == "Created" and creators):
                    continue
                found.add(event)
    return found


def test_every_domain_event_is_handled_or_deliberately_ignored() -> None:
    events = domain_event_classes()
    assert len(events) > 50
    missing = sorted(e.__qualname__ for e in events
                     if e not in handlers.HANDLERS and e not in handlers.IGNORED)
    assert missing == [], f"the projector neither handles nor ignores: {missing}"
    assert not set(handlers.HANDLERS) & set(handlers.IGNORED)


def test_a_write_is_visible_to_the_same_and_to_another_worker_at_once(
        rm_url: str, make_planner: Callable[..., Planner]) -> None:
    first, second = make_planner(rm_url), make_planner(rm_url)
    trip = first.app.create_trip(actor=ACTOR, title="Leipzig to Nanjing", organiser="IRL",
                                 direction="outbound", home_timezone="Europe/Berlin",
                                 starts_on=date(2019, 6, 24), ends_on=date(2019, 6, 30))
    assert first.queries.trip(trip).title == "Leipzig to Nanjing"
    assert second.queries.trip(trip).title == "Leipzig to Nanjing"
    second.app.change_trip_details(trip, actor=ACTOR, title="Leipzig to Nanjing and Jining",
                                   organiser="IRL", direction="outbound",
                                   home_timezone="Europe/Berlin")
    assert first.queries.trip(trip).title == "Leipzig to Nanjing and Jining"
    last = first.app.recorder.max_notification_id()
    assert first.queries.position() == second.queries.position() == last


def test_a_rebuild_streams_in_batches_and_gives_the_same_rows(plan: Plan) -> None:
    leipzig_trip(plan)
    projector = plan.planner.projector
    projector.batch_size = 10
    steps: list[tuple[int, int]] = []
    total = projector.rebuild(lambda done, of: steps.append((done, of)))
    assert total == plan.app.recorder.max_notification_id()
    assert steps[0] == (10, total) and steps[-1] == (total, total)
    assert len(steps) == -(-total // 10)  # one transaction per batch of ten
    assert verify(projector) == []
    assert [t.title for t in plan.q.trips().items] == ["Delegation trip to Nanjing and Jining"]


def test_verify_names_a_row_altered_behind_its_back(plan: Plan) -> None:
    ids = leipzig_trip(plan)
    with plan.planner.engine.begin() as conn:
        conn.execute(text("UPDATE rm_meetings SET title = 'x' WHERE id = :id"),
                     {"id": str(ids["mayor"])})
        conn.execute(text("DELETE FROM rm_legs WHERE leg_id = :id"), {"id": ids["jining"]})
    differences = [str(d) for d in verify(plan.planner.projector)]
    assert differences == [
        f"rm_legs [leg_id={ids['jining']}] (row): live 'missing', rebuilt 'present'",
        f"rm_meetings [id={ids['mayor']}] title: live 'x', rebuilt 'Meeting the Mayor of Nanjing'",
    ]
    assert plan.q.meeting(ids["mayor"]).title == "x"  # verifying changes nothing


def test_a_failing_batch_leaves_neither_rows_nor_position_behind(
        plan: Plan, monkeypatch: pytest.MonkeyPatch) -> None:
    leipzig_trip(plan)
    projector = plan.planner.projector
    projector.reset()
    applied = {"legs": 0}
    original = handlers.HANDLERS[Trip.LegAdded]

    def crash_on_the_second_leg(conn: Any, event: Any, seq: int) -> None:
        applied["legs"] += 1
        if applied["legs"] == 2:
            raise RuntimeError("power cut")
        original(conn, event, seq)

    monkeypatch.setitem(handlers.HANDLERS, Trip.LegAdded, crash_on_the_second_leg)
    with pytest.raises(RuntimeError, match="power cut"):
        projector.catch_up()
    assert projector.position() == 0
    assert plan.q.trips().total == 0 and plan.q.people() == ()
    monkeypatch.undo()
    projector.catch_up()
    assert verify(projector) == []


def test_a_new_read_model_schema_version_rebuilds_on_start_up(
        rm_url: str, make_planner: Callable[..., Planner],
        monkeypatch: pytest.MonkeyPatch) -> None:
    planner = make_planner(rm_url)
    ids = leipzig_trip(Plan(planner))
    with planner.engine.begin() as conn:
        conn.execute(text("UPDATE rm_trips SET title = 'stale'"))
        conn.execute(text("CREATE TABLE rm_dropped_in_v2 (id INTEGER)"))
    monkeypatch.setattr(tables, "SCHEMA_VERSION", tables.SCHEMA_VERSION + 1)
    progress: list[tuple[int, int]] = []
    upgraded = make_planner(rm_url, progress=lambda done, of: progress.append((done, of)))
    assert upgraded.projector.schema_version() == tables.SCHEMA_VERSION
    assert upgraded.queries.trip(ids["trip"]).title == "Delegation trip to Nanjing and Jining"
    assert progress[-1][0] == progress[-1][1] == planner.app.recorder.max_notification_id()
    assert "rm_dropped_in_v2" not in inspect_database(upgraded.engine).get_table_names()
    again: list[tuple[int, int]] = []
    make_planner(rm_url, progress=lambda done, of: again.append((done, of)))
    assert again == []  # same version: no rebuild, nothing to catch up


def test_missing_read_model_tables_are_created_and_filled_on_start_up(
        rm_url: str, make_planner: Callable[..., Planner]) -> None:
    planner = make_planner(rm_url)
    ids = leipzig_trip(Plan(planner))
    with planner.engine.begin() as conn:
        for table in ("rm_schema", "rm_position", "rm_trips"):
            conn.execute(text(f"DROP TABLE {table}"))
    restarted = make_planner(rm_url)
    assert restarted.queries.trip(ids["trip"]).cities == ("Leipzig", "Nanjing", "Jining")
    assert verify(restarted.projector) == []


def test_a_meeting_scheduled_on_an_existing_log_is_projected_once(plan: Plan) -> None:
    trip = plan.trip()
    meeting = plan.meeting(trip, "Talk", "Nanjing", "Asia/Shanghai", datetime(2019, 6, 25, 9),
                           datetime(2019, 6, 25, 10))
    plan.planner.projector.catch_up()  # nothing new: applying again would duplicate keys
    plan.planner.projector.listener()
    assert [i.meeting_id for i in plan.q.itinerary(trip).items] == [meeting]
