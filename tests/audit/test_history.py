"""The history of a record: every event with actor, time, reason and before/after."""

from __future__ import annotations

from datetime import timedelta

import pytest

from planner.audit.history import format_history, record_history
from planner.domain.errors import NotFoundError, ValidationError
from tests.audit.scenario import COLLEAGUE, ORGANISER


def test_a_meetings_history_lists_every_event_in_order_with_actor_and_reason(jining_memory):
    planner, s = jining_memory
    history = record_history(planner, s.meeting)
    assert history.kind == "meeting"
    assert [e.what for e in history.entries] == [
        "scheduled", "attendee added", "moved", "cancelled", "reinstated"]
    moved = history.entries[2]
    assert moved.actor == COLLEAGUE
    assert moved.reason == "Mayor of Jining travels to Beijing on 29 June"
    assert moved.at_utc == s.moments["moved"]
    assert [e.version for e in history.entries] == [1, 2, 3, 4, 5]


def test_times_are_shown_in_utc_and_in_local_time_at_the_venue(jining_memory):
    planner, s = jining_memory
    moved = record_history(planner, s.meeting).entries[2]
    assert moved.zone == "Asia/Shanghai"
    assert moved.at_local.strftime("%Y-%m-%d %H:%M") == "2019-06-20 22:00"


def test_a_move_shows_the_old_and_new_time_in_local_and_utc(jining_memory):
    planner, s = jining_memory
    moved = record_history(planner, s.meeting).entries[2]
    changes = {c.field: c for c in moved.changes}
    assert set(changes) == {"starts at", "ends at"}
    assert changes["starts at"].before == "2019-06-29 10:00 Asia/Shanghai (02:00 UTC)"
    assert changes["starts at"].after == "2019-06-28 15:00 Asia/Shanghai (07:00 UTC)"


def test_an_added_attendee_is_named_not_shown_as_an_id(jining_memory):
    planner, s = jining_memory
    added = record_history(planner, s.meeting).entries[1]
    (change,) = added.changes
    assert change.field == "attendees"
    assert change.added == (f"Clemens Schülke ({s.schuelke})",)
    assert change.removed == ()


def test_cancellation_and_reinstatement_show_the_status_before_and_after(jining_memory):
    planner, s = jining_memory
    entries = record_history(planner, s.meeting).entries
    assert [(c.field, c.before, c.after) for c in entries[3].changes] == [
        ("status", "proposed", "cancelled")]
    assert entries[3].reason == "Counterpart asked to postpone"
    assert [(c.field, c.before, c.after) for c in entries[4].changes] == [
        ("status", "cancelled", "proposed")]


def test_a_trips_history_names_the_legs_and_members_it_gained(jining_memory):
    planner, s = jining_memory
    history = record_history(planner, s.trip)
    assert history.label == "Leipzig delegation to Nanjing and Jining"
    assert history.entries[0].actor == ORGANISER
    leg = history.entries[2].changes[0]
    assert leg.field == "legs"
    assert leg.added == ("city: Jining, country: China, timezone: Asia/Shanghai, "
                         "arrives on: 2019-06-28, departs on: 2019-06-30",)
    member = history.entries[3].changes[0]
    assert member.added[0].startswith(f"person: Michael Körner ({s.koerner})")


def test_the_history_is_the_same_on_a_sql_database_and_carries_log_positions(pristine_jining):
    planner, s = pristine_jining
    history = record_history(planner, s.meeting)
    assert [e.what for e in history.entries][-1] == "reinstated"
    positions = [e.position for e in history.entries]
    assert all(positions) and positions == sorted(positions)
    assert history.entries[1].changes[0].added == (f"Clemens Schülke ({s.schuelke})",)


def test_the_cli_text_says_who_moved_it_when_and_why(jining_memory):
    planner, s = jining_memory
    text = "\n".join(format_history(record_history(planner, s.meeting)))
    assert (f"v3  2019-06-20 14:00:00 UTC  (2019-06-20 22:00 Asia/Shanghai)  moved  by {COLLEAGUE}"
            in text)
    assert "reason: Mayor of Jining travels to Beijing on 29 June" in text
    assert ("starts at: 2019-06-29 10:00 Asia/Shanghai (02:00 UTC) -> "
            "2019-06-28 15:00 Asia/Shanghai (07:00 UTC)") in text


def test_a_viewer_may_ask_for_times_in_their_own_zone(jining_memory):
    planner, s = jining_memory
    moved = record_history(planner, s.meeting, zone="Europe/Berlin").entries[2]
    assert moved.at_local.strftime("%H:%M") == "16:00"
    assert moved.at_local - moved.at_utc == timedelta(0)


def test_an_unknown_or_malformed_record_id_is_a_clear_message(jining_memory):
    planner, _ = jining_memory
    with pytest.raises(ValidationError, match="record id: must be a record id"):
        record_history(planner, "not-a-uuid")
    with pytest.raises(NotFoundError, match="no record with id"):
        record_history(planner, "00000000-0000-0000-0000-000000000000")


def test_an_accounts_history_shows_role_changes_and_hides_password_hashes(jining_memory):
    planner, _ = jining_memory
    app = planner.app
    account = app.open_account(actor=ORGANISER, email="finance@leipzig.example",
                               name="Finance Office", role="organiser",
                               password_hash="scrypt$secret-hash")
    app.change_role("finance@leipzig.example", actor=ORGANISER, role="auditor",
                    reason="Moved to the audit team")
    app.change_password("finance@leipzig.example", actor="finance@leipzig.example",
                        password_hash="scrypt$new-secret")
    history = record_history(planner, account)
    assert history.kind == "account" and history.label == "Finance Office"
    role = history.entries[1]
    assert role.reason == "Moved to the audit team"
    assert [(c.field, c.before, c.after) for c in role.changes] == [
        ("role", "organiser", "auditor")]
    text = "\n".join(format_history(history))
    assert "secret-hash" not in text and "new-secret" not in text
    assert "password ref: (secret) -> (secret, changed)" in text


def test_a_profiles_and_an_agreements_history_name_what_changed(jining_memory):
    planner, s = jining_memory
    app = planner.app
    profile = app.register_profile(actor=ORGANISER, name="南京市投资促进委员会",
                                   kind="government body", country="China", city="Nanjing")
    app.change_profile(profile, actor=COLLEAGUE, name="Nanjing Investment Promotion Commission",
                       kind="government body", country="China", city="Nanjing",
                       sectors=["investment"], size="", description="", interests=[],
                       reason="English name for the German side")
    changed = record_history(planner, profile).entries[1]
    assert ("name", "南京市投资促进委员会", "Nanjing Investment Promotion Commission") in [
        (c.field, c.before, c.after) for c in changed.changes]
    agreement = app.draft_agreement(actor=ORGANISER, title="MoU Leipzig–Jining",
                                    kind="memorandum of understanding", meeting_id=s.meeting)
    app.add_party(agreement, actor=ORGANISER, name="City of Leipzig")
    history = record_history(planner, agreement)
    assert history.kind == "agreement" and history.label == "MoU Leipzig–Jining"
    assert history.entries[1].changes[0].added[0].startswith("name: City of Leipzig")
