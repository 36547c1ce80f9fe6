"""Trips through the API: create (201, Location), read with ETag, list pages, change details
with If-Match (412 with the current trip, 409 on a concurrent change), refusals by role."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from flask import Flask

from tests.web.api.kit import ApiClient
from tests.web.conftest import event_count
from tests.web.world import TRIP_TITLE, World

NEW_TRIP = {"title": "Chamber visit to Changsha", "organiser": "Invest Region Leipzig",
            "direction": "outbound", "home_timezone": "Europe/Berlin",
            "starts_on": "2027-05-10", "ends_on": "2027-05-14", "purpose": "Matchmaking"}
Api = Callable[[str | None], ApiClient]


def _create(client: ApiClient, **changes: Any) -> Any:
    return client.post("trips", json={**NEW_TRIP, **changes})


def test_an_organiser_creates_a_trip_and_reads_it_back(api: Api) -> None:
    client = api("organiser")
    created = _create(client)
    assert created.status_code == 201
    trip = created.get_json()
    assert created.headers["Location"] == f"/api/v1/trips/{trip['id']}"
    assert created.headers["ETag"] == '"1"' and trip["version"] == 1
    read = client.get(created.headers["Location"])
    assert read.status_code == 200 and read.get_json()["title"] == NEW_TRIP["title"]
    assert read.get_json()["created_at"]["zone"] == "Europe/Berlin"
    assert read.get_json()["created_at"]["at"].endswith(("+01:00", "+02:00"))


@pytest.mark.parametrize("role, status", [("member", 403), ("auditor", 403),
                                          ("auditor:global", 403), ("outsider", 403)])
def test_only_planners_create_trips_and_a_refusal_writes_nothing(app: Flask, api: Api,
                                                                role: str, status: int) -> None:
    before = event_count(app.extensions["planner"])
    assert _create(api(role)).status_code == status
    assert event_count(app.extensions["planner"]) == before


@pytest.mark.parametrize("body, field", [
    ({**NEW_TRIP, "colour": "red"}, "colour"),
    ({**NEW_TRIP, "starts_on": "25 June"}, "starts_on"),
    ({k: v for k, v in NEW_TRIP.items() if k != "title"}, "title"),
    ({**NEW_TRIP, "home_timezone": "Mars/Olympus"}, "home_timezone"),
    ({**NEW_TRIP, "ends_on": "2027-05-01"}, "ends_on"),
    ({**NEW_TRIP, "direction": "sideways"}, "direction"),
    ([NEW_TRIP], "body"),
])
def test_bad_input_is_a_problem_naming_the_field_and_writes_nothing(
        app: Flask, api: Api, body: Any, field: str) -> None:
    before = event_count(app.extensions["planner"])
    response = api("organiser").post("trips", json=body)
    assert response.status_code == 422, response.get_json()
    assert field in [e["field"] for e in response.get_json()["errors"]]
    assert event_count(app.extensions["planner"]) == before


def test_malformed_json_and_other_media_types_are_refused(api: Api) -> None:
    client = api("organiser")
    broken = client.open("POST", "trips", data=b'{"title": ', content_type="application/json")
    assert broken.status_code == 422 and broken.get_json()["errors"][0]["field"] == "body"
    form = client.open("POST", "trips", data={"title": "x"})
    assert form.status_code == 415


def test_a_body_over_the_limit_is_413(app: Flask, api: Api) -> None:
    before = event_count(app.extensions["planner"])
    response = api("organiser").open("POST", "trips", content_type="application/json",
                                     data=b'{"title": "' + b"x" * (300 * 1024) + b'"}')
    assert response.status_code == 413
    assert event_count(app.extensions["planner"]) == before


def test_trips_are_listed_by_role_in_pages(api: Api) -> None:
    client = api("organiser")
    for n in range(3):
        _create(client, title=f"Paged trip {n}")
    first = client.get("trips?limit=2").get_json()
    assert len(first["items"]) == 2 and first["total"] >= 4 and first["next"]
    second = client.get(first["next"]).get_json()
    assert {t["id"] for t in first["items"]}.isdisjoint(t["id"] for t in second["items"])
    mine = api("member").get("trips").get_json()
    assert [t["title"] for t in mine["items"]] == [TRIP_TITLE]
    assert api("outsider").get("trips").get_json()["items"] == []
    assert client.get("trips?limit=500").status_code == 422
    assert client.get("trips?colour=red").status_code == 422


@pytest.mark.parametrize("role, status", [
    ("organiser", 200), ("member", 200), ("outsider", 404), ("auditor", 200),
    ("organiser:plan", 200), ("organiser:view", 200), ("organiser:other", 404),
    ("auditor:other", 404), ("auditor:global", 200), (None, 401)])
def test_reading_the_world_trip_by_role(api: Api, world: World, role: str | None,
                                        status: int) -> None:
    response = api(role).get(f"trips/{world.trip_id}")
    assert response.status_code == status
    if status == 404:
        assert TRIP_TITLE not in response.get_data(as_text=True)


@pytest.mark.parametrize("role, status", [
    ("member", 403), ("outsider", 403), ("auditor", 403), ("organiser:plan", 403),
    ("organiser:view", 403), ("organiser:other", 404), (None, 401)])
def test_changing_the_world_trip_is_refused_by_role_and_writes_nothing(
        app: Flask, api: Api, world: World, role: str | None, status: int) -> None:
    before = event_count(app.extensions["planner"])
    response = api(role).patch(f"trips/{world.trip_id}", json={"title": "Hijacked"})
    assert response.status_code == status
    assert event_count(app.extensions["planner"]) == before


def test_if_match_guards_a_change(api: Api) -> None:
    client = api("organiser")
    trip = _create(client).get_json()
    address = f"trips/{trip['id']}"
    changed = client.patch(address, json={"title": "Renamed"}, headers={"If-Match": '"1"'})
    assert changed.status_code == 200 and changed.headers["ETag"] == '"2"'
    assert changed.get_json()["purpose"] == NEW_TRIP["purpose"], "unsent fields stay"
    stale = client.patch(address, json={"title": "Lost"}, headers={"If-Match": '"1"'})
    assert stale.status_code == 412 and stale.headers["ETag"] == '"2"'
    assert stale.get_json()["current"]["title"] == "Renamed"
    assert client.get(address).get_json()["title"] == "Renamed"


def test_a_concurrent_change_between_check_and_save_is_409(app: Flask, api: Api,
                                                           monkeypatch: pytest.MonkeyPatch
                                                           ) -> None:
    client = api("organiser")
    trip = _create(client).get_json()
    planner = app.extensions["planner"]
    real = planner.queries.trip
    raced: list[bool] = []

    def read_then_someone_else_saves(trip_id: Any) -> Any:
        row = real(trip_id)
        if not raced:  # the other organiser's save lands right after this request's read
            raced.append(True)
            planner.app.change_trip_details(trip["id"], actor="rival@test.example",
                                            title="Rival's title", organiser=row.organiser,
                                            direction=row.direction, purpose=row.purpose,
                                            home_timezone=row.home_timezone)
        return row

    monkeypatch.setattr(planner.queries, "trip", read_then_someone_else_saves)
    response = client.patch(f"trips/{trip['id']}", json={"title": "Mine"},
                            headers={"If-Match": '"1"'})
    assert response.status_code == 409 and response.get_json()["current_version"] == 2
    monkeypatch.undo()
    assert client.get(f"trips/{trip['id']}").get_json()["title"] == "Rival's title"
