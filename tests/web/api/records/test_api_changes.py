"""The change feed through the API (issue 12, api-records): a CRM follows the planner by
asking for the changes after the last position it saw."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from flask import Flask

from tests.web.api.kit import ApiClient
from tests.web.api.records.records_kit import build_records
from tests.web.conftest import event_count
from tests.web.world import World


def follow(client: ApiClient, after: int, limit: int = 100) -> tuple[list[dict[str, Any]], int]:
    """Every change after `after`, page by page through `next`; and where to resume."""
    found: list[dict[str, Any]] = []
    page = client.get("changes", query_string={"after": after, "limit": limit}).get_json()
    found.extend(page["changes"])
    while page["more"]:
        page = client.get(page["next"]).get_json()
        found.extend(page["changes"])
    return found, page["next_after"]


def test_a_follower_gets_each_visible_change_once_in_log_order(
        app: Flask, world: World, api: Callable[[str | None], ApiClient]) -> None:
    planner = app.extensions["planner"]
    partner, other = api("organiser:plan"), api("organiser:other")
    _, resume = follow(partner, 0)
    _, resume_other = follow(other, 0)
    records = build_records(app, world, "feed follower")
    seen, resume_again = follow(partner, resume, limit=3)
    positions = [c["position"] for c in seen]
    assert positions == sorted(set(positions)) and positions[0] > resume
    assert {c["record_id"] for c in seen} >= {str(records.trip_id), str(records.meeting_id),
                                              str(records.profile_id),
                                              str(records.agreement_id)}
    assert resume_again == planner.app.recorder.max_notification_id()
    assert follow(partner, resume_again)[0] == []
    unrelated, _ = follow(other, resume_other)
    assert str(records.trip_id) not in {c["record_id"] for c in unrelated}


def test_a_change_shows_its_fields_but_no_secret(
        app: Flask, world: World, api: Callable[[str | None], ApiClient]) -> None:
    planner = app.extensions["planner"]
    start = event_count(planner)
    planner.app.issue_api_token("auditor@test.example", actor="test", name="feed check")
    records = build_records(app, world, "feed fields")
    seen, _ = follow(api("auditor:global"), start)
    issued = [c for c in seen if c["event_type"].endswith("Issued")]
    assert issued and all(not k.endswith(("_ref", "_hash")) for c in issued
                          for k in c["fields"])
    contact = next(c for c in seen if c["event_type"] == "CompanyProfile.ContactAdded")
    assert contact["record_id"] == str(records.profile_id)
    assert contact["fields"]["name"] == "Petra Lang" and contact["actor"] == "test:setup"


def test_participants_are_refused_and_bad_positions_name_the_field(
        api: Callable[[str | None], ApiClient]) -> None:
    assert api("member").get("changes").status_code == 403
    client = api("organiser:own")
    for args, field in (({"after": -1}, "after"), ({"after": "x"}, "after"),
                        ({"limit": 0}, "limit"), ({"limit": 101}, "limit"),
                        ({"since": 3}, "since")):
        refused = client.get("changes", query_string=args)
        assert refused.status_code == 422
        assert refused.get_json()["errors"][0]["field"] == field
