"""The outbox: mails are written with the events that cause them, once, and survive a
read-model rebuild; events written outside a save are derived by catch-up."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from planner.bootstrap import Planner
from planner.mail import tables as mt
from planner.mail.outbox import quiet

ACTOR = "organiser@example.org"


def rows(planner: Planner) -> list[Any]:
    with planner.engine.connect() as conn:  # type: ignore[union-attr]
        return list(conn.execute(select(mt.outbox).order_by(mt.outbox.c.id)))


def register(planner: Planner, name: str, email: str) -> str:
    return str(planner.app.register_person(actor=ACTOR, name=name, email=email,
                                           home_timezone="Europe/Berlin"))


def test_a_save_writes_its_mails_once_and_a_rebuild_writes_none(
        sql_database_url: str, make_planner: Any, greeting_rule: None) -> None:
    planner = make_planner(sql_database_url)
    person = register(planner, "Anna Weiß", "anna@example.org")
    register(planner, "No Address", "")
    [mail] = rows(planner)
    assert (mail.recipient, mail.recipient_name, mail.status) == (
        "anna@example.org", "Anna Weiß", mt.PENDING)
    assert mail.subject == "Welcome, Anna Weiß" and mail.person_id == person
    assert mail.message_id.startswith("<") and mail.message_id.endswith(
        f"@{planner.settings.calendar_domain}>")
    assert planner.outbox.position() == planner.app.recorder.max_notification_id()

    planner.projector.rebuild()
    again = make_planner(sql_database_url)  # another start on the same database
    again.outbox.catch_up()
    assert [r.message_id for r in rows(again)] == [mail.message_id]


def test_a_new_outbox_starts_at_the_end_of_the_log(
        sql_database_url: str, make_planner: Any, greeting_rule: None) -> None:
    planner = make_planner(sql_database_url)
    register(planner, "Earlier Person", "earlier@example.org")
    with planner.engine.begin() as conn:  # as a database from before the outbox existed
        conn.execute(mt.outbox.delete())
        conn.execute(mt.position.delete())
    later = make_planner(sql_database_url)
    later.outbox.catch_up()
    register(later, "Later Person", "later@example.org")
    assert [r.recipient for r in rows(later)] == ["later@example.org"]


def test_events_written_without_the_outbox_step_are_derived_by_catch_up(
        sql_database_url: str, make_planner: Any, greeting_rule: None) -> None:
    planner = make_planner(sql_database_url)
    other = make_planner(sql_database_url)  # another process, without the outbox's step
    other.app.recorder.in_transaction.remove(other.outbox.in_transaction)
    register(other, "Written Elsewhere", "elsewhere@example.org")
    assert rows(planner) == []
    assert planner.outbox.catch_up() == 1
    register(planner, "Written Here", "here@example.org")
    assert planner.outbox.catch_up() == 0
    assert [r.recipient for r in rows(planner)] == ["elsewhere@example.org",
                                                   "here@example.org"]


def test_a_failing_rule_is_shown_as_a_failed_mail_and_the_change_is_saved(
        sql_database_url: str, make_planner: Any, greeting_rule: None) -> None:
    planner = make_planner(sql_database_url)
    person = register(planner, "Fails To Compose", "broken@example.org")
    assert planner.app.get_person(person)["name"] == "Fails To Compose"
    [mail] = rows(planner)
    assert mail.status == mt.FAILED and "could not be composed" in mail.last_error


def test_the_demo_history_and_quiet_saves_mail_nobody(
        sql_database_url: str, make_planner: Any, greeting_rule: None) -> None:
    planner = make_planner(sql_database_url)
    with quiet():
        register(planner, "Invented Past", "past@example.org")
    assert rows(planner) == []
    assert planner.outbox.position() == planner.app.recorder.max_notification_id()


def test_an_imported_log_mails_nobody(tmp_path: Any, settings: Any, make_planner: Any,
                                     greeting_rule: None) -> None:
    from planner.audit.exchange import export_log
    from planner.audit.importer import import_log

    source = make_planner(f"sqlite:///{tmp_path / 'source.sqlite3'}")
    register(source, "Exported Person", "exported@example.org")
    export_log(source, tmp_path / "log.jsonl")
    target = make_planner(f"sqlite:///{tmp_path / 'target.sqlite3'}")
    import_log(target, tmp_path / "log.jsonl")
    target.outbox.catch_up()
    assert rows(target) == []
