"""Every query on the demo data (the seed press releases), and `rebuild --verify` on it."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from click.testing import CliRunner
from sqlalchemy import text

from planner.bootstrap import Planner, build
from planner.readmodel.conflicts import KINDS
from planner.readmodel.verify import verify
from planner.settings import load_settings
from tests.readmodel.conftest import STORAGES, storage_url

demo = pytest.importorskip("planner.demo", reason="the demo loader is not written yet")
LEIPZIG_TRIP = "Delegation trip to Nanjing and Jining"


@dataclass
class Demo:
    planner: Planner
    url: str
    folder: Path

    @property
    def q(self):  # noqa: ANN201 - Queries
        return self.planner.queries

    def trip(self, title: str):  # noqa: ANN201 - TripRow
        return next(t for t in self.q.trips().items if t.title == title)


@pytest.fixture(scope="module", params=STORAGES)
def loaded(request: pytest.FixtureRequest,
           tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    folder = tmp_path_factory.mktemp("demo")
    url = storage_url(request, folder)
    settings = load_settings(environ={}, instance_path=str(folder / "instance"))
    planner = build(settings, database_url=url)
    demo.load_demo(planner, progress=lambda _: None)
    yield Demo(planner, url, folder)
    planner.close()


def test_the_demo_trips_are_listed_and_filtered(loaded: Demo) -> None:
    trips = loaded.q.trips()
    assert trips.total >= 3
    leipzig = loaded.trip(LEIPZIG_TRIP)
    assert (leipzig.starts_on, leipzig.ends_on) == (date(2019, 6, 25), date(2019, 6, 30))
    assert leipzig.cities == ("Nanjing", "Jining")
    assert [t.title for t in loaded.q.trips(city="jining").items] == [LEIPZIG_TRIP]
    assert {t.title for t in loaded.q.trips(year=2019).items} == {LEIPZIG_TRIP}
    assert any("Munich" in t.cities for t in loaded.q.trips(year=2023).items)


def test_the_leipzig_trip_hands_over_eleven_profiles(loaded: Demo) -> None:
    detail = loaded.q.trip(loaded.trip(LEIPZIG_TRIP).id)
    assert len(detail.profiles) == 11
    assert all(p.version <= p.current_version for p in detail.profiles)
    names = {m.name for m in detail.members}
    assert {"Michael Körner", "Clemens Schülke"} <= names
    assert [leg.timezone for leg in detail.legs] == ["Asia/Shanghai", "Asia/Shanghai"]


def test_the_demo_itinerary_and_schedules_are_in_local_and_home_time(loaded: Demo) -> None:
    trip = loaded.trip(LEIPZIG_TRIP)
    itinerary = loaded.q.itinerary(trip.id)
    assert [g.leg.city for g in itinerary.legs if g.leg] == ["Nanjing", "Jining"]
    items = itinerary.items
    assert items and all(i.local_start.tzinfo == ZoneInfo(i.timezone) for i in items)
    for group in itinerary.legs:
        for day in group.days:
            assert all(i.local_start.date() == day.date for i in day.items)
    nanjing = next(i for i in items if i.city == "Nanjing")
    assert nanjing.home_start is not None
    assert nanjing.home_start.utcoffset() != nanjing.local_start.utcoffset()
    koerner = next(m for m in loaded.q.trip(trip.id).members if m.name == "Michael Körner")
    schedule = loaded.q.person_schedule(koerner.person_id)
    assert schedule and all("Michael Körner" in i.attendees for i in schedule)
    assert [i.starts_at for i in schedule] == sorted(i.starts_at for i in schedule)
    assert loaded.q.trips_of_person(koerner.person_id)[0].title == LEIPZIG_TRIP


def test_demo_warnings_meetings_and_reports(loaded: Demo) -> None:
    for trip in loaded.q.trips().items:
        assert {w.kind for w in loaded.q.warnings(trip.id)} <= set(KINDS)
    report = loaded.q.trip_report(loaded.trip(LEIPZIG_TRIP).id)
    signed = {a.title for a in report.agreements_signed}
    assert {"Memorandum of Understanding Leipzig–Nanjing",
            "Memorandum of Understanding Leipzig–Jining"} <= signed
    assert report.meetings_held and report.ideas
    held = loaded.q.meeting(report.meetings_held[0].meeting_id)
    assert held.status == "held" and held.outcome is not None and held.attendees


def test_demo_profiles_are_found_in_any_script_and_without_accents(loaded: Demo) -> None:
    def found(**filters: object) -> list[str]:
        return [p.name for p in loaded.q.profiles(per_page=100, **filters).items]

    assert "Schleußig Smart Mobility GmbH" in found(name="schleussig")
    assert "Südvorstadt Medizintechnik GmbH" in found(name="SUDVORSTADT")
    assert "Nanjing Tianjia Environmental Technology Co., Ltd. (南京天加环境科技有限公司)" in found(
        name="南京天加")
    assert len(found(name="南京")) >= 2
    assert found(country="Germany") and set(found(country="China")).isdisjoint(
        found(country="Germany"))
    profile = loaded.q.profile(loaded.q.profiles(name="Schleußig").items[0].id)
    assert [t.trip_title for t in profile.trips] == [LEIPZIG_TRIP]


def test_the_demo_agreements_followups_people_and_dashboard(loaded: Demo) -> None:
    q = loaded.q
    mous = q.agreements(kind="memorandum of understanding", year=2019)
    assert {a.title for a in mous.items} == {"Memorandum of Understanding Leipzig–Nanjing",
                                             "Memorandum of Understanding Leipzig–Jining"}
    assert [a.title for a in q.agreements(party="jining").items] == [
        "Memorandum of Understanding Leipzig–Jining"]
    detail = q.agreement(mous.items[0].id)
    assert len({s.party_id for s in detail.signatories}) >= 2
    followups = q.followups(today=date(2020, 1, 1))
    overdue = [f.overdue for f in followups]
    assert overdue == sorted(overdue, reverse=True)  # overdue ones first
    assert {"Michael Körner", "Clemens Schülke"} <= {p.name for p in q.people()}
    someone = next(p for p in q.people() if p.email)
    assert q.person_by_email(someone.email.upper()).id == someone.id
    assert all(a.email and a.role for a in q.accounts())
    board = q.dashboard(date(2020, 1, 1))
    assert LEIPZIG_TRIP not in [t.title for t in board.current]  # completed: not under way
    assert all(t.status not in ("completed", "cancelled") for t in board.upcoming)
    assert board.open_followups == q.followups(today=date(2020, 1, 1))
    assert board.overdue_followups == tuple(f for f in followups if f.overdue)


def test_rebuild_verify_passes_on_the_demo_and_names_an_altered_row(loaded: Demo) -> None:
    runner = CliRunner()
    env = {"PLANNER_DATABASE_URL": loaded.url,
           "PLANNER_INSTANCE_PATH": str(loaded.folder / "instance")}
    from planner.cli import main

    result = runner.invoke(main, ["rebuild", "--verify"], env=env)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("identical")
    meeting = loaded.q.trip_report(loaded.trip(LEIPZIG_TRIP).id).meetings_held[0]
    with loaded.planner.engine.begin() as conn:
        conn.execute(text("UPDATE rm_meetings SET title = 'x' WHERE id = :id"),
                     {"id": str(meeting.meeting_id)})
    try:
        result = runner.invoke(main, ["rebuild", "--verify"], env=env)
        assert result.exit_code == 1
        assert (f"rm_meetings [id={meeting.meeting_id}] title: live 'x', "
                f"rebuilt {meeting.title!r}") in result.output
    finally:
        loaded.planner.projector.rebuild()
    assert verify(loaded.planner.projector) == []
