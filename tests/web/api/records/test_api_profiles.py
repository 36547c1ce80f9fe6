"""Company profiles through the API (issue 12, api-records): create with 201 and Location,
search and paging, update with ETag and If-Match, contacts, and refusals that name the field
and write nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from flask import Flask

from tests.web.api.kit import ApiClient
from tests.web.api.records.records_kit import build_records
from tests.web.conftest import event_count
from tests.web.world import World

PROFILE = {"name": "Zhōngshān Robotics 中山机器人", "kind": "company", "country": "China",
           "city": "Nanjing", "sectors": ["robotics", "automation"],
           "interests": ["cooperate with German firms"], "size": "medium",
           "description": "Makes welding robots.", "website": "https://robots.example.cn"}


def test_a_profile_is_created_read_and_found_by_any_part_of_its_name(
        api: Callable[[str | None], ApiClient]) -> None:
    client = api("organiser:plan")
    created = client.post("profiles", json=PROFILE)
    assert created.status_code == 201
    shown = created.get_json()
    assert created.headers["Location"] == f"/api/v1/profiles/{shown['id']}"
    assert created.headers["ETag"] == '"1"' and shown["version"] == 1
    assert shown["name"] == PROFILE["name"] and shown["sectors"] == ["robotics", "automation"]
    read = client.get(created.headers["Location"])
    assert read.get_json() == shown
    found = client.get("profiles", query_string={"q": "zhongshan ROBOT"}).get_json()
    assert [p["id"] for p in found["items"]] == [shown["id"]]
    assert api("organiser:own").get(created.headers["Location"]).status_code == 404


def test_the_list_pages_in_a_stable_order(api: Callable[[str | None], ApiClient]) -> None:
    client = api("organiser:other")
    for n in range(3):
        assert client.post("profiles", json={**PROFILE, "name": f"Paging test {n}"}
                           ).status_code == 201
    first = client.get("profiles", query_string={"q": "paging test", "limit": 2}).get_json()
    assert first["total"] == 3 and len(first["items"]) == 2 and first["next"]
    second = client.get(first["next"]).get_json()
    assert [p["name"] for p in first["items"] + second["items"]] == \
        ["Paging test 0", "Paging test 1", "Paging test 2"]
    assert second["next"] is None


def test_an_update_with_a_stale_etag_is_412_with_the_current_profile(
        app: Flask, world: World, api: Callable[[str | None], ApiClient]) -> None:
    records = build_records(app, world, "profile etag")
    client = api("organiser:own")
    path = f"profiles/{records.profile_id}"
    current = client.get(path)
    etag = current.headers["ETag"]
    changed = client.put(path, json={**PROFILE, "name": "Körner Automation AG",
                                      "reason": "renamed"}, headers={"If-Match": etag})
    assert changed.status_code == 200 and changed.get_json()["name"] == "Körner Automation AG"
    assert changed.headers["ETag"] != etag
    before = event_count(app.extensions["planner"])
    stale = client.put(path, json={**PROFILE, "name": "Lost update"},
                       headers={"If-Match": etag})
    assert stale.status_code == 412
    assert stale.get_json()["current"]["name"] == "Körner Automation AG"
    assert stale.headers["ETag"] == changed.headers["ETag"]
    assert event_count(app.extensions["planner"]) == before


def test_contacts_are_added_with_their_own_address_and_removed(
        app: Flask, world: World, api: Callable[[str | None], ApiClient]) -> None:
    records = build_records(app, world, "profile contacts")
    client = api("administrator:own")
    added = client.post(f"profiles/{records.profile_id}/contacts",
                        json={"name": "李娜", "title": "Sales", "phone": "+86 25 1234"})
    assert added.status_code == 201 and added.get_json()["name"] == "李娜"
    assert client.get(added.headers["Location"]).get_json() == added.get_json()
    removed = client.open("DELETE", added.headers["Location"],
                          query_string={"reason": "left the firm"})
    assert removed.status_code == 200
    assert "李娜" not in [c["name"] for c in removed.get_json()["contacts"]]
    assert client.get(added.headers["Location"]).status_code == 404


def test_bad_input_names_the_field_and_writes_nothing(
        app: Flask, api: Callable[[str | None], ApiClient]) -> None:
    client = api("organiser:own")
    before = event_count(app.extensions["planner"])
    for body, field in (({**PROFILE, "colour": "red"}, "colour"),
                        ({**PROFILE, "kind": "pirate ship"}, "kind"),
                        ({**PROFILE, "name": ""}, "name"),
                        ({**PROFILE, "name": "x" * 301}, "name"),
                        ({**PROFILE, "interests": ["world peace"]}, "interests[0]"),
                        ({k: v for k, v in PROFILE.items() if k != "country"}, "country")):
        refused = client.post("profiles", json=body)
        assert refused.status_code == 422, body
        assert refused.mimetype == "application/problem+json"
        assert field in [e["field"] for e in refused.get_json()["errors"]], refused.get_json()
    assert client.post("profiles", data="{not json", content_type="application/json"
                       ).status_code == 422
    assert client.post("profiles", data="name=x").status_code == 415
    assert client.get("profiles", query_string={"limit": 1000}).status_code == 422
    assert event_count(app.extensions["planner"]) == before


def test_a_concurrent_change_between_check_and_save_is_409(
        app: Flask, world: World, api: Callable[[str | None], ApiClient],
        monkeypatch: pytest.MonkeyPatch) -> None:
    records = build_records(app, world, "profile race")
    planner = app.extensions["planner"]
    real, raced = planner.queries.profile, []

    def read_then_someone_else_saves(profile_id: Any, **kwargs: Any) -> Any:
        row = real(profile_id, **kwargs)
        if not raced:  # another organiser's save lands right after this request's read
            raced.append(True)
            planner.app.change_profile(records.profile_id, actor="rival@test.example",
                                       name="Rival's name", kind="company", country="Germany")
        return row

    client = api("organiser:own")
    etag = client.get(f"profiles/{records.profile_id}").headers["ETag"]
    monkeypatch.setattr(planner.queries, "profile", read_then_someone_else_saves)
    response = client.put(f"profiles/{records.profile_id}", json={**PROFILE, "name": "Mine"},
                          headers={"If-Match": etag})
    monkeypatch.undo()
    assert response.status_code == 409
    assert response.get_json()["current_version"] == int(etag.strip('"')) + 1
    assert client.get(f"profiles/{records.profile_id}").get_json()["name"] == "Rival's name"
