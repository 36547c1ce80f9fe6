"""The change feed's query (planner.changefeed): what each account finds after a position,
in log order, and where it resumes; the same records as the log browser shows it.

The world is tests/web/org_world.py's (Leipzig, Nanjing sharing a trip with Leipzig at view,
Jining), on a SQLite file; one test repeats the central check on PostgreSQL.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from planner.audit import logquery, visibility
from planner.bootstrap import Planner, build
from planner.changefeed.feed import MAX_LIMIT, changes
from planner.domain.errors import ValidationError
from planner.organisations.access import Viewer
from planner.privacy import ERASED_PERSON
from planner.privacy.erase import erase_person
from planner.settings import load_settings
from tests.conftest import fresh_postgres_database
from tests.web.org_world import EMAILS, LEIPZIG, OrgWorld
from tests.web.org_world import build as build_orgs

SETUP = "test:setup"


def _planner(folder: Path, url: str | None = None) -> Planner:
    settings = load_settings(environ={}, instance_path=str(folder / "instance"))
    return build(settings, database_url=url or f"sqlite:///{folder / 'planner.sqlite3'}")


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OrgWorld]:
    planner = _planner(tmp_path_factory.mktemp("feed"))
    yield build_orgs(planner)
    planner.close()


def viewer(world: OrgWorld, who: str) -> Viewer:
    row = world.planner.queries.account(EMAILS[who])
    assert row is not None
    return Viewer(role=row.role, organisation_id=row.organisation_id,
                  person_id=str(row.person_id or ""), global_auditor=row.global_auditor)


def everything(planner: Planner, who: Viewer, limit: int = MAX_LIMIT, after: int = 0,
               **kwargs: Any) -> list[Any]:
    found = []
    while True:
        page = changes(planner, who, after=after, limit=limit, **kwargs)
        found.extend(page.changes)
        assert page.next_after >= after
        if not page.more:
            return found
        after = page.next_after


@pytest.mark.parametrize("who", sorted(EMAILS))
def test_each_account_sees_what_the_log_browser_shows_it(world: OrgWorld, who: str) -> None:
    me = viewer(world, who)
    feed = [c.position for c in everything(world.planner, me)]
    browser = [e.position for e in logquery.iter_entries(
        world.planner.engine, logquery.LogFilter(), visible=visibility.visible_clause(me))]
    assert feed == browser
    assert feed == sorted(feed)


def test_organisations_see_their_own_and_shared_records_only(world: OrgWorld) -> None:
    leipzig = {c.record_id for c in everything(world.planner, viewer(world, "leipzig organiser"))}
    assert {str(world.leipzig_trip), str(world.nanjing_trip), str(world.nanjing_handed),
            str(world.nanjing_with_leipzig), str(world.leipzig_profile)} <= leipzig
    assert str(world.nanjing_profile) not in leipzig
    assert str(world.nanjing_agreement) not in leipzig
    jining = {c.record_id for c in everything(world.planner, viewer(world, "jining organiser"))}
    assert str(world.leipzig_trip) not in jining and str(world.nanjing_trip) not in jining
    every = everything(world.planner, viewer(world, "global auditor"))
    assert [c.position for c in every] == list(range(1, every[-1].position + 1))


def test_a_participant_sees_no_events(world: OrgWorld) -> None:
    page = changes(world.planner, viewer(world, "nanjing participant"))
    assert page.changes == () and not page.more


def test_short_pages_join_up_to_the_whole_feed_and_resume_after_the_head(
        world: OrgWorld) -> None:
    me = viewer(world, "leipzig organiser")
    whole = changes(world.planner, me, limit=MAX_LIMIT)
    assert not whole.more
    assert [c.position for c in everything(world.planner, me, limit=2)] == \
        [c.position for c in whole.changes]
    head = world.planner.app.recorder.max_notification_id()
    assert whole.next_after == head  # the invisible events at the end are not read again
    first = changes(world.planner, me, limit=2)
    assert first.more and first.next_after == first.changes[-1].position


def test_an_event_written_later_is_found_after_the_position_given(tmp_path: Path) -> None:
    planner = _planner(tmp_path)
    world = build_orgs(planner)
    try:
        me = viewer(world, "leipzig organiser")
        caught_up = changes(planner, me).next_after
        assert changes(planner, me, after=caught_up).changes == ()
        planner.app.change_trip_status(world.leipzig_trip, actor=EMAILS["leipzig organiser"],
                                       status="planned")
        (change,) = changes(planner, me, after=caught_up).changes
        assert change.record_id == str(world.leipzig_trip)
        assert change.record_type == "trip" and change.event_type == "Trip.StatusChanged"
        assert change.actor == EMAILS["leipzig organiser"]
        assert change.fields == {"status": "planned"}
        nanjing = viewer(world, "nanjing organiser")
        assert changes(planner, nanjing, after=caught_up).changes == ()
    finally:
        planner.close()


def test_an_event_as_json_names_its_record_actor_time_and_fields(world: OrgWorld) -> None:
    me = viewer(world, "leipzig organiser")
    created = next(c for c in everything(world.planner, me)
                   if c.record_id == str(world.leipzig_trip) and c.record_version == 1)
    shown = created.as_json()
    assert shown["event_type"] == "Trip.Created" and shown["record_type"] == "trip"
    assert shown["actor"] == SETUP and shown["trip_id"] is None
    assert shown["recorded_at"].endswith("+00:00")
    assert shown["fields"]["title"] == "Leipzig delegation to Nanjing"
    assert shown["fields"]["starts_on"] == "2025-06-02"
    assert shown["fields"]["owner_org_id"] == LEIPZIG
    assert set(shown) == {"position", "recorded_at", "record_type", "record_id",
                          "record_version", "trip_id", "event_type", "actor", "reason",
                          "fields"}


def test_no_secret_reaches_the_feed(world: OrgWorld) -> None:
    admin = viewer(world, "leipzig administrator")
    opened = [c for c in everything(world.planner, admin) if c.event_type == "Account.Opened"]
    assert opened
    for change in opened:
        assert "password_hash" not in change.fields and "password_ref" not in change.fields
        assert "@" in change.fields["email"]


def test_an_erased_person_reads_as_erased(tmp_path: Path) -> None:
    planner = _planner(tmp_path)
    world = build_orgs(planner)
    try:
        person = planner.app.register_person(actor=SETUP, name="Zhou Wei",
                                             email="zhou.wei@example.cn",
                                             home_timezone="Asia/Shanghai")
        me = viewer(world, "leipzig organiser")
        (registered,) = everything(planner, me, record_id=str(person))
        assert registered.fields["name"] == "Zhou Wei"
        erase_person(planner, person, actor=EMAILS["leipzig organiser"], reason="asked")
        registered, erased = everything(planner, me, record_id=str(person))
        assert registered.fields["name"] == ERASED_PERSON
        assert registered.fields["email"] == "" and "Zhou" not in str(registered.as_json())
        assert erased.event_type == "Person.Erased"
    finally:
        planner.close()


@pytest.mark.parametrize(("field", "value"), [
    ("after", -1), ("after", "x"), ("after", "1.5"), ("after", "٣"), ("after", True),
    ("limit", 0), ("limit", MAX_LIMIT + 1), ("limit", "ten"), ("limit", None)])
def test_bad_positions_and_lengths_name_the_field(world: OrgWorld, field: str,
                                                   value: object) -> None:
    with pytest.raises(ValidationError) as error:
        changes(world.planner, viewer(world, "global auditor"), **{field: value})
    assert error.value.field == field


def test_the_same_feed_on_postgresql(postgres_server: str, tmp_path: Path) -> None:
    with fresh_postgres_database(postgres_server) as url:
        planner = _planner(tmp_path, url)
        try:
            world = build_orgs(planner)
            me = viewer(world, "leipzig organiser")
            browser = [e.position for e in logquery.iter_entries(
                planner.engine, logquery.LogFilter(), visible=visibility.visible_clause(me))]
            assert [c.position for c in everything(planner, me, limit=3)] == browser
        finally:
            planner.close()


def test_fields_named_like_secrets_are_left_out_even_unlisted() -> None:
    from datetime import UTC, date, datetime
    from uuid import UUID

    from planner.changefeed.shape import fields_of

    shown = fields_of({"name": "Körner", "secret_ref": "credential:7", "token_hash": "ab",
                       "legs": [{"city": "Jining", "arrives_on": date(2019, 6, 28)}],
                       "starts_at": datetime(2019, 6, 28, 7, tzinfo=UTC),
                       "person_id": UUID(int=1), "nested": {"password_ref": "x", "ok": 1}})
    assert shown == {"name": "Körner", "legs": [{"city": "Jining", "arrives_on": "2019-06-28"}],
                     "starts_at": "2019-06-28T07:00:00+00:00",
                     "person_id": "00000000-0000-0000-0000-000000000001", "nested": {"ok": 1}}
