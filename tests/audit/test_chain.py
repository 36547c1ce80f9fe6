"""The hash chain: kept current as events are written; every kind of tampering is found and
the first broken position is named, on SQLite and on PostgreSQL."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from sqlalchemy import select

from planner.audit.chain import chained_head, parse_head
from planner.audit.tables import audit_chain
from planner.audit.verify import rekey, verify_database
from planner.bootstrap import Planner, build
from planner.cli import main
from planner.domain.audit_trail import audit_trail_id
from tests.audit import tampering
from tests.audit.scenario import ORGANISER


def verify(planner: Planner, **kwargs):
    return verify_database(planner, **kwargs)


def link_at(planner: Planner, position: int) -> str:
    with planner.engine.connect() as conn:
        return conn.execute(select(audit_chain.c.link)
                            .where(audit_chain.c.position == position)).scalar_one()


def last_position(planner: Planner) -> int:
    return planner.app.recorder.max_notification_id()


def test_the_chain_is_current_after_every_command_and_verifies(jining_sql):
    planner, s = jining_sql
    assert chained_head(planner.engine).position == last_position(planner)
    verdict = verify(planner)
    assert verdict.ok and verdict.checked == last_position(planner)
    assert verdict.head == chained_head(planner.engine)
    planner.app.confirm_meeting(s.dinner, actor=ORGANISER)
    assert chained_head(planner.engine).position == last_position(planner)
    assert verify(planner).head != verdict.head


def test_a_changed_byte_in_one_payload_is_found_at_its_position(pristine_jining):
    planner, _ = pristine_jining
    tampering.change_one_byte(planner, 7)
    verdict = verify(planner)
    assert not verdict.ok and verdict.first_bad == 7 and verdict.checked == 6
    assert "position 7: broken: the stored event does not match its link" in verdict.problem


def test_a_deleted_event_is_found_at_its_position(pristine_jining):
    planner, _ = pristine_jining
    tampering.delete(planner, 5)
    verdict = verify(planner)
    assert (verdict.ok, verdict.first_bad) == (False, 5)
    assert "stored event is missing" in verdict.problem


def test_the_deleted_last_event_is_found_too(pristine_jining):
    planner, _ = pristine_jining
    last = last_position(planner)
    tampering.delete(planner, last)
    assert verify(planner).first_bad == last


def test_an_inserted_event_is_found_where_it_was_slipped_in(pristine_jining):
    planner, _ = pristine_jining
    tampering.insert_after(planner, 4)
    verdict = verify(planner)
    assert (verdict.ok, verdict.first_bad) == (False, 5)


def test_two_events_with_swapped_payloads_are_found_at_the_first(pristine_jining):
    planner, _ = pristine_jining
    tampering.swap_payloads(planner, 3, 9)
    assert (verify(planner).ok, verify(planner).first_bad) == (False, 3)


def test_two_events_with_swapped_ids_are_found_at_the_first(pristine_jining):
    planner, _ = pristine_jining
    tampering.swap_ids(planner, 6, 8)
    assert verify(planner).first_bad == 6


def test_a_noted_head_still_in_the_chain_verifies_what_came_after(jining_sql):
    planner, s = jining_sql
    noted = chained_head(planner.engine)
    planner.app.confirm_meeting(s.dinner, actor=ORGANISER)
    verdict = verify(planner, from_head=noted)
    assert verdict.ok and verdict.checked == last_position(planner)  # before and after it


def test_a_rewritten_history_passes_a_fresh_check_but_not_a_noted_head(pristine_jining):
    planner, _ = pristine_jining
    noted = chained_head(planner.engine)
    tampering.change_one_byte(planner, 4)
    tampering.rewrite_chain_with_the_key(planner)
    assert verify(planner).ok  # the forger had the key and recomputed every link...
    verdict = verify(planner, from_head=noted)  # ...but the auditor wrote the head down
    assert not verdict.ok and verdict.first_bad == noted.position
    assert "is no longer in the chain" in verdict.problem


def test_a_shortened_noted_head_is_accepted_and_a_malformed_one_explained():
    head = parse_head("12:3f9a0c1d2e3f4a5b")
    assert head.position == 12 and head.matches(12, "3f9a0c1d2e3f4a5b" + "0" * 48)
    with pytest.raises(ValueError, match="must be POSITION:LINK"):
        parse_head("3f9a0c")


def test_planner_log_verify_exits_0_with_the_head_and_1_naming_the_position(
        jining_sql, sql_database_url, monkeypatch):
    planner, _ = jining_sql
    monkeypatch.setenv("PLANNER_DATABASE_URL", sql_database_url)
    monkeypatch.setenv("PLANNER_INSTANCE_PATH", str(planner.settings.instance_path))
    runner = CliRunner()
    before = chained_head(planner.engine)
    intact = runner.invoke(main, ["log", "verify", "--as", "auditor@example.org"])
    assert intact.exit_code == 0, intact.output
    assert f"head {before}\n" in intact.output
    tampering.change_one_byte(planner, 10)
    broken = runner.invoke(main, ["log", "verify"])
    assert broken.exit_code == 1
    assert "TAMPERED: the database: position 10:" in broken.output
    assert planner.app.history(audit_trail_id("auditor@example.org"))[-1].ok is True
    from_noted = runner.invoke(main, ["log", "verify", "--from-head", "5:" + link_at(planner, 5)])
    assert from_noted.exit_code == 1 and "position 10:" in from_noted.output
    after_tampering = runner.invoke(main, ["log", "verify", "--from-head", str(before)])
    assert after_tampering.exit_code == 1 and "position 10:" in after_tampering.output
    bad = runner.invoke(main, ["log", "verify", "--from-head", "yesterday"])
    assert bad.exit_code == 2 and "--from-head" in bad.output


def test_altered_audit_bookkeeping_does_not_stop_the_planner(pristine_jining):
    """Start-up re-indexes a log whose index rules row is gone; the next command chains on."""
    planner, s = pristine_jining
    tampering.run(planner, "DELETE FROM audit_follower")
    tampering.run(planner, "DELETE FROM audit_log WHERE position = 3")
    again = build(planner.settings, database_url=planner.engine.url.render_as_string(False))
    try:
        again.app.confirm_meeting(s.dinner, actor=ORGANISER)
    finally:
        again.close()
    verdict = verify(planner)
    assert verdict.ok and verdict.head.position == last_position(planner)


# -- issue 9: items 14, 15, 16, 18 ---------------------------------------------------------

def test_a_noted_head_rechecks_everything_before_it_too(pristine_jining):
    """Item 14: edits, deletions and swaps before a noted head are found, at their position."""
    planner, _ = pristine_jining
    noted = chained_head(planner.engine)
    for tamper, where in ((lambda: tampering.change_one_byte(planner, 4), 4),
                          (lambda: tampering.delete(planner, 3), 3),
                          (lambda: tampering.swap_payloads(planner, 2, 6), 2)):
        tamper()
        verdict = verify(planner, from_head=noted)
        assert (verdict.ok, verdict.first_bad) == (False, where), verdict.problem


def test_an_edited_topic_alone_is_found_at_its_position(pristine_jining):
    """Item 15: only the topic column changed (the payload still decodes as the other type)."""
    planner, _ = pristine_jining
    topic = tampering.stored(planner, 9)["topic"]
    other = topic.rpartition(".")[0] + ".Confirmed" if "Meeting" in topic else topic + "X"
    tampering.run(planner, f"UPDATE {tampering.EVENTS} SET topic = :t WHERE id = 9", t=other)
    verdict = verify(planner)
    assert (verdict.ok, verdict.first_bad, verdict.kind) == (False, 9, "broken")


def test_an_edited_event_type_in_the_log_index_is_found(pristine_jining):
    """Items 15 and 18: the log browser and the CSV show audit_log; its rows are checked."""
    planner, _ = pristine_jining
    tampering.run(planner, "UPDATE audit_log SET event_type = 'Meeting.Cancelled' "
                           "WHERE position = 8")
    verdict = verify(planner)
    assert (verdict.ok, verdict.first_bad, verdict.kind) == (False, 8, "broken")
    assert "log index" in verdict.problem and "event_type" in verdict.problem


@pytest.mark.parametrize("column,value", [("actor", "someone.else@example.org"),
                                          ("reason", "nothing to see"), ("label", "Other")])
def test_an_edited_index_row_is_found_at_its_position(pristine_jining, column, value):
    """Item 18: who, why and which record the log browser shows must be what the event says."""
    planner, _ = pristine_jining
    tampering.run(planner, f"UPDATE audit_log SET {column} = :v WHERE position = 5", v=value)
    verdict = verify(planner)
    assert (verdict.ok, verdict.first_bad) == (False, 5) and column in verdict.problem


def test_a_deleted_index_row_is_found(pristine_jining):
    planner, _ = pristine_jining
    tampering.run(planner, "DELETE FROM audit_log WHERE position = 6")
    assert (verify(planner).ok, verify(planner).first_bad) == (False, 6)


def test_an_event_appended_with_sql_is_forged_also_after_the_next_command(pristine_jining):
    """Item 16: the next command does not chain it, and verify says forged, not broken."""
    planner, s = pristine_jining
    forged = tampering.append(planner)
    planner.app.confirm_meeting(s.dinner, actor=ORGANISER)
    verdict = verify(planner)
    assert (verdict.ok, verdict.first_bad, verdict.kind) == (False, forged, "forged")
    assert f"position {forged}: forged" in verdict.problem
    assert chained_head(planner.engine).position == last_position(planner)


def test_an_appended_event_with_an_imitated_link_is_forged(pristine_jining):
    planner, s = pristine_jining
    forged = tampering.append(planner, link=True)
    planner.app.confirm_meeting(s.dinner, actor=ORGANISER)
    verdict = verify(planner)
    assert (verdict.ok, verdict.first_bad, verdict.kind) == (False, forged, "forged")


def test_a_chain_recomputed_without_the_key_is_forged(pristine_jining):
    planner, _ = pristine_jining
    tampering.change_one_byte(planner, 4)
    tampering.rewrite_chain(planner)
    verdict = verify(planner)
    assert (verdict.ok, verdict.first_bad) == (False, 1) and verdict.kind == "unkeyed"


def test_planner_log_verify_says_forged_for_an_appended_event(pristine_jining, monkeypatch):
    planner, _ = pristine_jining
    monkeypatch.setenv("PLANNER_DATABASE_URL", planner.engine.url.render_as_string(False))
    monkeypatch.setenv("PLANNER_INSTANCE_PATH", str(planner.settings.instance_path))
    forged = tampering.append(planner)
    result = CliRunner().invoke(main, ["log", "verify"])
    assert result.exit_code == 1
    assert f"FORGED: the database: position {forged}: forged" in result.output


# -- chains written before keyed chains ---------------------------------------------------

def test_a_chain_of_an_earlier_release_is_reported_unkeyed_and_rekeyed_explicitly(
        pristine_jining, monkeypatch):
    planner, s = pristine_jining
    tampering.rewrite_chain(planner)  # exactly the links an earlier release wrote
    noted = chained_head(planner.engine)  # ...and the head its auditor noted then
    planner.app.confirm_meeting(s.dinner, actor=ORGANISER)  # this release continues it, keyed
    verdict = verify(planner)
    assert (verdict.ok, verdict.kind, verdict.first_bad) == (False, "unkeyed", 1)
    assert "planner log rekey" in verdict.problem
    monkeypatch.setenv("PLANNER_DATABASE_URL", planner.engine.url.render_as_string(False))
    monkeypatch.setenv("PLANNER_INSTANCE_PATH", str(planner.settings.instance_path))
    wrong = CliRunner().invoke(main, ["log", "rekey", "--from-head", f"3:{'ab' * 32}"])
    assert wrong.exit_code == 1 and "NOT REKEYED" in wrong.output
    assert verify(planner).kind == "unkeyed"  # nothing changed
    rekeyed = CliRunner().invoke(main, ["log", "rekey", "--from-head", str(noted)])
    assert rekeyed.exit_code == 0, rekeyed.output
    verdict = verify(planner)
    assert verdict.ok and verdict.head.position == last_position(planner)


def test_rekey_refuses_an_earlier_chain_that_is_broken(pristine_jining):
    planner, _ = pristine_jining
    tampering.rewrite_chain(planner)
    tampering.change_one_byte(planner, 6)
    verdict = rekey(planner)
    assert (verdict.ok, verdict.first_bad, verdict.kind) == (False, 6, "broken")
    assert verify(planner).kind == "unkeyed"  # still the old links: nothing was vouched for
