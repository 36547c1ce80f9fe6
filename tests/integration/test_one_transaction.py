"""A command is one transaction: its events, the read-model rows they change, the chain links
and the log index rows commit together or not at all, with no catch-up after the save."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import func, select, text

from planner.audit.chain import chained_head
from planner.audit.tables import audit_log
from planner.audit.verify import verify_database
from planner.bootstrap import Planner
from planner.domain.person import Person

ACTOR = "organiser@invest-leipzig.example"


def events(planner: Planner) -> int:
    with planner.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(planner.events_table)).scalar_one()


def test_the_read_models_and_the_chain_are_current_without_any_catch_up(
        sql_database_url: str, make_planner: Callable[..., Planner]) -> None:
    planner = make_planner(sql_database_url)
    planner.app.saved_listeners.clear()  # nothing runs after the commit
    person = planner.app.register_person(actor=ACTOR, name="Michael Körner",
                                         home_timezone="Europe/Berlin")
    planner.app.change_person(person, actor=ACTOR, name="Michael Körner (Leipzig)",
                              home_timezone="Europe/Berlin")
    last = planner.app.recorder.max_notification_id()
    assert planner.queries.person(person).name == "Michael Körner (Leipzig)"
    assert planner.queries.position() == last
    assert chained_head(planner.engine).position == last
    with planner.engine.connect() as conn:
        assert conn.execute(select(audit_log.c.label).where(audit_log.c.position == last)
                            ).scalar_one() == "Michael Körner (Leipzig)"
    assert verify_database(planner).ok


def test_when_the_chain_cannot_be_written_the_command_stores_nothing(
        sql_database_url: str, make_planner: Callable[..., Planner]) -> None:
    planner = make_planner(sql_database_url)
    planner.app.register_person(actor=ACTOR, name="Anna Berger", home_timezone="Europe/Berlin")
    before, position = events(planner), planner.queries.position()
    with planner.engine.begin() as conn:
        conn.execute(text("DROP TABLE audit_chain"))
    with pytest.raises(Exception, match="audit_chain"):
        planner.app.register_person(actor=ACTOR, name="Wang Lei", home_timezone="Asia/Shanghai")
    assert events(planner) == before
    assert planner.queries.position() == position
    assert [p.name for p in planner.queries.people()] == ["Anna Berger"]


def test_an_event_stored_behind_the_planners_back_is_applied_once_by_the_next_command(
        sql_database_url: str, make_planner: Callable[..., Planner]) -> None:
    """E.g. written by an earlier release or a raw insert: the next command's transaction
    applies it first (and verify reports it as forged: nothing vouches for it)."""
    planner = make_planner(sql_database_url)
    planner.app.register_person(actor=ACTOR, name="Anna Berger", home_timezone="Europe/Berlin")
    outsider = Person.register(actor=ACTOR, name="Zhang Wei", home_timezone="Asia/Shanghai")
    stored = planner.app.mapper.to_stored_event(outsider.collect_events()[0])
    with planner.engine.begin() as conn:
        conn.execute(planner.events_table.insert().values(
            originator_id=stored.originator_id, originator_version=1, topic=stored.topic,
            state=stored.state))
    outsider_at = planner.app.recorder.max_notification_id()
    planner.app.saved_listeners.clear()
    planner.app.register_person(actor=ACTOR, name="Wang Lei", home_timezone="Asia/Shanghai")
    assert sorted(p.name for p in planner.queries.people()) == ["Anna Berger", "Wang Lei",
                                                                 "Zhang Wei"]
    assert planner.queries.position() == planner.app.recorder.max_notification_id()
    planner.projector.catch_up()  # nothing left to apply, nothing applied twice
    assert len(planner.queries.people()) == 3
    verdict = verify_database(planner)
    assert (verdict.ok, verdict.first_bad, verdict.kind) == (False, outsider_at, "forged")


def test_a_command_during_a_rebuild_leaves_the_backlog_to_catch_up_and_reads_its_write(
        sql_database_url: str, make_planner: Callable[..., Planner],
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A long backlog is not applied inside a command's transaction; catch-up after the
    commit applies it, each event once, so the request still reads its own write."""
    from planner.readmodel import projector as module
    from planner.readmodel.verify import verify

    monkeypatch.setattr(module, "IN_TRANSACTION_BACKLOG", 2)
    planner = make_planner(sql_database_url)
    for name in ("Anna Berger", "Michael Körner", "Zhang Wei", "Li Na"):
        planner.app.register_person(actor=ACTOR, name=name, home_timezone="Europe/Berlin")
    planner.projector.reset()  # a rebuild has just started: position 0
    planner.app.register_person(actor=ACTOR, name="Wang Lei", home_timezone="Asia/Shanghai")
    assert len(planner.queries.people()) == 5
    assert planner.queries.position() == planner.app.recorder.max_notification_id()
    assert verify(planner.projector) == []  # the rows of one clean rebuild
