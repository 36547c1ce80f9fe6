"""History and past states of records through the API (issue 12, api-records)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

from flask import Flask

from tests.web.api.kit import ApiClient
from tests.web.api.records.records_kit import build_records
from tests.web.conftest import event_count
from tests.web.world import World


def test_a_meetings_history_lists_its_events_with_actor_and_fields(
        app: Flask, world: World, api: Callable[[str | None], ApiClient]) -> None:
    records = build_records(app, world, "meeting history")
    planner = app.extensions["planner"].app
    planner.move_meeting(records.meeting_id, actor="organiser@test.example",
                         starts=datetime(2027, 5, 4, 14, 0), ends=datetime(2027, 5, 4, 15, 0),
                         reason="the zone asked")
    history = api("organiser:view").get(f"meetings/{records.meeting_id}/history").get_json()
    types = [c["event_type"] for c in history["changes"]]
    assert types[0] == "Meeting.Scheduled" and types[-1] == "Meeting.Moved"
    moved = history["changes"][-1]
    assert moved["actor"] == "organiser@test.example" and moved["reason"] == "the zone asked"
    assert moved["fields"]["starts_at"] == "2027-05-04T06:00:00+00:00"  # 14:00 in Nanjing
    assert moved["trip_id"] == str(records.trip_id)
    assert {c["record_id"] for c in history["changes"]} == {str(records.meeting_id)}
    assert not history["more"]


def test_a_profile_as_it_stood_before_a_change(
        app: Flask, world: World, api: Callable[[str | None], ApiClient]) -> None:
    records = build_records(app, world, "profile as of")
    client = api("organiser:own")
    before = datetime.now(UTC)
    renamed = client.put(f"profiles/{records.profile_id}",
                         json={"name": "Körner Automation SE", "kind": "company",
                               "country": "Germany", "reason": "new legal form"})
    assert renamed.status_code == 200
    then = client.get(f"profiles/{records.profile_id}/state",
                      query_string={"as_of": before.isoformat()}).get_json()
    assert then["fields"]["name"] == "Körner Automation GmbH"
    assert then["version"] == then["latest_version"] - 1
    now = client.get(f"profiles/{records.profile_id}/state").get_json()
    assert now["fields"]["name"] == "Körner Automation SE"
    assert [c["name"] for c in now["fields"]["contacts"]] == ["Petra Lang"]
    too_early = client.get(f"profiles/{records.profile_id}/state",
                           query_string={"as_of": (before - timedelta(days=400)).isoformat()})
    assert too_early.status_code == 404


def test_a_moment_without_an_offset_is_refused_naming_as_of(
        app: Flask, world: World, api: Callable[[str | None], ApiClient]) -> None:
    records = build_records(app, world, "as of refusals")
    client = api("organiser:own")
    for moment in ("2027-05-04T10:00", "yesterday", "2027-05-04"):
        refused = client.get(f"trips/{records.trip_id}/state", query_string={"as_of": moment})
        assert refused.status_code == 422
        assert refused.get_json()["errors"][0]["field"] == "as_of"


def test_a_record_asked_for_as_another_kind_is_not_found(
        app: Flask, world: World, api: Callable[[str | None], ApiClient]) -> None:
    records = build_records(app, world, "wrong kind")
    client = api("auditor:global")
    assert client.get(f"trips/{records.meeting_id}/history").status_code == 404
    assert client.get(f"people/{records.profile_id}/state").status_code == 404
    assert client.get(f"agreements/{records.agreement_id}/history").status_code == 200


def test_an_auditors_look_is_recorded_in_their_audit_trail(
        app: Flask, world: World, api: Callable[[str | None], ApiClient]) -> None:
    records = build_records(app, world, "auditor trail")
    planner = app.extensions["planner"]
    before = event_count(planner)
    assert api("auditor:view").get(f"trips/{records.trip_id}/history").status_code == 200
    assert event_count(planner) > before
    trail = api("auditor:global").get("changes", query_string={"after": before}).get_json()
    assert [(c["event_type"], c["actor"]) for c in trail["changes"]
            if c["event_type"] == "AuditTrail.Viewed"] == \
        [("AuditTrail.Viewed", "auditor.view@test.example")]
    assert f"history of trip {records.trip_id}" in str(trail["changes"])
    organisers = event_count(planner)
    assert api("organiser:view").get(f"trips/{records.trip_id}/history").status_code == 200
    assert event_count(planner) == organisers
