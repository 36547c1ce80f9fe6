"""A person's as-of calendar on SQL storage replays only the records that named the person:
its work does not grow with other trips and people, and it gives the same answers as a scan
of the whole log (the in-memory path)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import delete, event, select, update

from planner.audit import people_index as module
from planner.audit.asof import PersonScheduleAsOf, person_schedule_as_of
from planner.audit.people_index import audit_person_index, audit_person_links
from planner.bootstrap import Planner, build
from planner.domain.errors import NotFoundError
from tests.audit.scenario import ORGANISER, SHANGHAI

SECOND = timedelta(seconds=1)


def view_of(planner: Planner, person: Any, at: datetime) -> dict[str, Any] | str:
    try:
        return summary(person_schedule_as_of(planner, person, at))
    except NotFoundError:
        return "not found"


def summary(view: PersonScheduleAsOf) -> dict[str, Any]:
    return {"person": view.person.state["name"],
            "trips": [t.state["title"] for t in view.trips],
            "meetings": [(m.state["title"], m.state["status"], m.state["starts_at"])
                         for m in view.meetings],
            "trips of meetings": sorted(t.state["title"] for t in view.trips_by_id.values()),
            "people": sorted(p.state["name"] for p in view.people.values())}


def test_the_indexed_view_agrees_with_the_whole_log_scan_at_every_step(jining_memory,
                                                                        pristine_jining):
    (memory, m), (sql, s) = jining_memory, pristine_jining
    for name, moment in m.moments.items():
        for at in (moment - SECOND, moment):
            for who in ("koerner", "schuelke"):
                expected = view_of(memory, getattr(m, who), at)
                found = view_of(sql, getattr(s, who), at)
                assert found == expected, (name, at, who)


@contextmanager
def statements(planner: Planner) -> Iterator[list[str]]:
    seen: list[str] = []

    def count(_conn, _cursor, statement, *_args) -> None:  # noqa: ANN001
        seen.append(statement)

    event.listen(planner.engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(planner.engine, "before_cursor_execute", count)


def other_trip(planner: Planner, n: int) -> None:
    app = planner.app
    trip = app.create_trip(actor=ORGANISER, title=f"Other trip {n}", organiser="Elsewhere",
                           direction="inbound", home_timezone=SHANGHAI,
                           starts_on=date(2019, 6, 25), ends_on=date(2019, 6, 30))
    other = app.register_person(actor=ORGANISER, name=f"Other {n}", home_timezone=SHANGHAI)
    app.add_member(trip, actor=ORGANISER, person_id=other, role="official")
    for k in range(3):
        app.schedule_meeting(trip, actor=ORGANISER, kind="dinner", title=f"Dinner {n}.{k}",
                             venue="Hotel", city="Nanjing", timezone=SHANGHAI,
                             starts=datetime(2019, 6, 26, 19 + k), attendees=[other],
                             ends=datetime(2019, 6, 26, 19 + k, 30))


def test_other_peoples_trips_add_no_work_to_a_persons_as_of_view(pristine_jining):
    planner, s = pristine_jining
    at = s.moments["reinstated"] + timedelta(days=1)
    person_schedule_as_of(planner, s.schuelke, at)
    with statements(planner) as before:
        first = summary(person_schedule_as_of(planner, s.schuelke, at))
    for n in range(3):
        other_trip(planner, n)
    person_schedule_as_of(planner, s.schuelke, at)  # the index has caught up
    with statements(planner) as after:
        again = summary(person_schedule_as_of(planner, s.schuelke, at))
    assert again == first
    assert len(after) == len(before), "\n".join(after)


def test_a_change_written_by_another_process_is_in_the_next_view(pristine_jining, request):
    planner, s = pristine_jining
    # Another process of the same installation: same database, same instance folder (keys).
    other = build(planner.settings,
                  database_url=planner.engine.url.render_as_string(hide_password=False))
    request.addfinalizer(other.close)
    at = s.moments["reinstated"] + timedelta(days=1)
    assert {m.record_id for m in person_schedule_as_of(planner, s.schuelke, at).meetings} == {
        s.dinner, s.meeting}
    extra = other.app.schedule_meeting(
        s.trip, actor=ORGANISER, kind="site visit", title="Port of Jining", venue="Port",
        city="Jining", timezone=SHANGHAI, starts=datetime(2019, 6, 30, 9, 0),
        ends=datetime(2019, 6, 30, 10, 0), attendees=[s.schuelke])
    now = other.app.get_meeting(extra)["created_on"] + SECOND
    assert extra in [m.record_id for m in person_schedule_as_of(planner, s.schuelke, now).meetings]


def test_catching_up_on_a_long_backlog_reads_it_in_pages_and_indexes_the_same(
        pristine_jining, monkeypatch):
    """A first start on a log written before the index existed pages through the backlog
    instead of holding it in memory, and finds the same links."""
    planner, _s = pristine_jining
    index = module.people_index_for(planner)
    links = select(audit_person_links).order_by(*audit_person_links.c)
    with planner.engine.connect() as conn:
        indexed = conn.execute(links).all()
    assert indexed, "the scenario names people in trips and meetings"
    with planner.engine.begin() as conn:
        conn.execute(delete(audit_person_links))
        conn.execute(update(audit_person_index).values(position=0))
    monkeypatch.setattr(module, "PAGE", 1)
    with statements(planner) as seen:
        index.catch_up()
    pages = [s for s in seen if "FROM" in s and "topic IN" in s.replace("\n", " ")]
    assert len(pages) > 2  # one event a page, and the empty page that ends it
    with planner.engine.connect() as conn:
        assert conn.execute(links).all() == indexed
