"""Agreements through the API (issue 12, api-records): drafting on a trip, parties and
signatories with their own addresses, signing and status changes with If-Match, and links to
records of another organisation refused as if they did not exist."""

from __future__ import annotations

from collections.abc import Callable

from flask import Flask

from tests.web.api.kit import ApiClient
from tests.web.api.records.records_kit import build_records
from tests.web.conftest import event_count
from tests.web.world import World


def test_an_agreement_is_drafted_on_a_meeting_parties_added_and_signed(
        app: Flask, world: World, api: Callable[[str | None], ApiClient]) -> None:
    records = build_records(app, world, "agreement lifecycle")
    client = api("organiser:own")
    drafted = client.post("agreements", json={"title": "MoU on vocational training",
                                              "kind": "memorandum of understanding",
                                              "meeting_id": str(records.meeting_id)})
    assert drafted.status_code == 201, drafted.get_json()
    agreement = drafted.get_json()
    assert drafted.headers["Location"] == f"/api/v1/agreements/{agreement['id']}"
    assert agreement["trip_id"] == str(records.trip_id)  # implied by the meeting
    assert agreement["status"] == "drafted" and agreement["parties"] == []
    path = f"agreements/{agreement['id']}"
    ours = client.post(f"{path}/parties", json={"profile_id": str(records.profile_id)})
    assert ours.status_code == 201
    assert ours.get_json()["name"] == "Körner Automation GmbH"  # named as the profile
    theirs = client.post(f"{path}/parties",
                         json={"organisation_id": world.organisations["plan"]})
    assert theirs.get_json()["name"] == "南京市人民政府 / Nanjing Municipal People's Government"
    assert client.get(theirs.headers["Location"]).get_json() == theirs.get_json()
    for party, name in ((ours, "Petra Lang"), (theirs, "Wang Lei")):
        signed_by = client.post(f"{path}/signatories",
                                json={"party_id": party.get_json()["party_id"], "name": name})
        assert signed_by.status_code == 201
    # the partner organisation that is a party now sees the agreement
    assert api("auditor:plan").get(path).status_code == 200
    signing = {"signed_on": "2026-03-02", "place": "Nanjing"}
    early = client.post(f"{path}/signing", json=signing)
    assert early.status_code == 422  # the meeting has not been held
    assert early.get_json()["errors"][0]["field"] == "meeting_id"


def test_signing_and_status_changes_honour_if_match(
        app: Flask, world: World, api: Callable[[str | None], ApiClient]) -> None:
    records = build_records(app, world, "agreement signing")
    client = api("organiser:own")
    path = f"agreements/{records.agreement_id}"
    etag = client.get(path).headers["ETag"]
    signed = client.post(f"{path}/signing", json={"signed_on": "2026-03-02",
                                                  "place": "Nanjing"},
                         headers={"If-Match": etag})
    assert signed.status_code == 200 and signed.get_json()["status"] == "signed"
    before = event_count(app.extensions["planner"])
    stale = client.post(f"{path}/status", json={"status": "in force"},
                        headers={"If-Match": etag})
    assert stale.status_code == 412
    assert stale.get_json()["current"]["status"] == "signed"
    assert event_count(app.extensions["planner"]) == before
    fresh = client.post(f"{path}/status", json={"status": "in force"},
                        headers={"If-Match": signed.headers["ETag"]})
    assert fresh.status_code == 200 and fresh.get_json()["status"] == "in force"
    backwards = client.post(f"{path}/status", json={"status": "drafted"})
    assert backwards.status_code == 422
    assert backwards.get_json()["errors"][0]["field"] == "status"


def test_links_to_records_of_another_organisation_are_no_such_records(
        app: Flask, world: World, api: Callable[[str | None], ApiClient]) -> None:
    records = build_records(app, world, "agreement links")
    other = api("organiser:other")
    before = event_count(app.extensions["planner"])
    for body, field in (({"trip_id": str(records.trip_id)}, "trip_id"),
                        ({"meeting_id": str(records.meeting_id)}, "meeting_id")):
        refused = other.post("agreements", json={"title": "Sneaky", "kind": "contract",
                                                 **body})
        assert refused.status_code == 422
        assert refused.get_json()["errors"] == [
            {"field": field, "rule": f"there is no {field.removesuffix('_id')} with id "
                                     f"{body[field]}"}]
    assert event_count(app.extensions["planner"]) == before
    own = other.post("agreements", json={"title": "Ours", "kind": "contract"})
    assert own.status_code == 201
    before = event_count(app.extensions["planner"])
    party = other.post(f"agreements/{own.get_json()['id']}/parties",
                       json={"profile_id": str(records.profile_id)})
    assert party.status_code == 422 and party.get_json()["errors"][0]["field"] == "profile_id"
    assert event_count(app.extensions["planner"]) == before


def test_removing_a_party_removes_its_signatories(
        app: Flask, world: World, api: Callable[[str | None], ApiClient]) -> None:
    records = build_records(app, world, "agreement removal")
    client = api("organiser:own")
    path = f"agreements/{records.agreement_id}"
    removed = client.open("DELETE", f"{path}/parties/{records.party_id}",
                          query_string={"reason": "withdrew"})
    assert removed.status_code == 200
    shown = removed.get_json()
    assert records.party_id not in [p["party_id"] for p in shown["parties"]]
    assert records.signatory_id not in [s["signatory_id"] for s in shown["signatories"]]
    assert client.get(f"{path}/signatories/{records.signatory_id}").status_code == 404
    unknown = client.post(f"{path}/signatories", json={"party_id": "nope", "name": "X"})
    assert unknown.status_code == 422


def test_a_milestone_is_added_and_done(app: Flask, world: World,
                                       api: Callable[[str | None], ApiClient]) -> None:
    records = build_records(app, world, "agreement milestones")
    client = api("organiser:own")
    path = f"agreements/{records.agreement_id}"
    added = client.post(f"{path}/milestones", json={"title": "Pilot line in Nanjing",
                                                    "due_on": "2027-11-30"})
    assert added.status_code == 201 and added.get_json()["done_on"] is None
    assert client.get(added.headers["Location"]).get_json() == added.get_json()
    done = client.post(f"{added.headers['Location']}/done", json={"done_on": "2026-05-04"})
    assert done.status_code == 200
    milestone = next(m for m in done.get_json()["milestones"]
                     if m["milestone_id"] == added.get_json()["milestone_id"])
    assert milestone["done_on"] == "2026-05-04"
    before = event_count(app.extensions["planner"])
    assert client.post(f"{path}/milestones", json={"title": "No date"}).status_code == 422
    assert client.post(f"{path}/milestones/nope/done", json={"done_on": "2026-05-04"}
                       ).status_code == 404
    assert event_count(app.extensions["planner"]) == before
