"""Every operation on profiles, agreements, warnings, history, past states and the change
feed, for every kind of account (issue 12, api-records): the table is the specification.

Columns are tests.web.api.records_kit.ROLES: organisers of the owner (own), of partners the
trip is shared with at plan and at view, of an unrelated organisation (other);
administrators of the owner and of the unrelated one; auditors of the owner, of the view
partner, of the unrelated organisation and the global auditor; a participant on the trip
of the world's trip (member; not on records_kit's trip, so it gets 404 there) and one on no
trip (outsider). The records are those of records_kit: owned by `own`, reachable by the
partners through the shared trip. What a participant reads of their own trip is checked
on the world's trip at the end.

A refusal (4xx) must write no event. An allowed write runs on a new set of records, so the
rows do not depend on each other; an allowed read writes nothing, except that an auditor's
look at a history or a past state is recorded in their audit trail, as on the web pages
(tests/web/api/test_api_history.py).
Requests without a token, or with a revoked one, are 401 everywhere.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from flask import Flask

from tests.web.api.kit import ApiClient
from tests.web.api.records.records_kit import ROLES, Records, build_records
from tests.web.conftest import event_count
from tests.web.world import World

TABLE = """
operation          method  own  pla  vie  oth aown aoth uown uvie uoth glob  mem  out
list_profiles      GET     200  200  200  200  200  200  200  200  200  200  403  403
read_profile       GET     200  200  200  404  200  404  200  200  404  200  403  403
read_contact       GET     200  200  200  404  200  404  200  200  404  200  403  403
create_profile     POST    201  201  201  201  201  201  403  403  403  403  403  403
update_profile     PUT     200  403  403  404  200  404  403  403  403  403  403  403
add_contact        POST    201  403  403  404  201  404  403  403  403  403  403  403
remove_contact     DELETE  200  403  403  404  200  404  403  403  403  403  403  403
list_agreements    GET     200  200  200  200  200  200  200  200  200  200  403  403
read_agreement     GET     200  200  200  404  200  404  200  200  404  200  404  404
read_party         GET     200  200  200  404  200  404  200  200  404  200  404  404
read_signatory     GET     200  200  200  404  200  404  200  200  404  200  404  404
draft_agreement    POST    201  201  201  201  201  201  403  403  403  403  403  403
update_agreement   PUT     200  403  403  404  200  404  403  403  403  403  403  403
add_party          POST    201  403  403  404  201  404  403  403  403  403  403  403
remove_party       DELETE  200  403  403  404  200  404  403  403  403  403  403  403
add_signatory      POST    201  403  403  404  201  404  403  403  403  403  403  403
remove_signatory   DELETE  200  403  403  404  200  404  403  403  403  403  403  403
sign_agreement     POST    200  403  403  404  200  404  403  403  403  403  403  403
change_status      POST    200  403  403  404  200  404  403  403  403  403  403  403
add_milestone      POST    201  403  403  404  201  404  403  403  403  403  403  403
read_milestone     GET     200  200  200  404  200  404  200  200  404  200  404  404
complete_milestone POST    200  403  403  404  200  404  403  403  403  403  403  403
trip_warnings      GET     200  200  200  404  200  404  200  200  404  200  404  404
changes            GET     200  200  200  200  200  200  200  200  200  200  403  403
trip_history       GET     200  200  200  404  200  404  200  200  404  200  403  403
meeting_history    GET     200  200  200  404  200  404  200  200  404  200  403  403
profile_history    GET     200  200  200  404  200  404  200  200  404  200  403  403
agreement_history  GET     200  200  200  404  200  404  200  200  404  200  403  403
person_history     GET     200  200  200  404  200  404  200  200  404  200  403  403
trip_state         GET     200  200  200  404  200  404  200  200  404  200  403  403
meeting_state      GET     200  200  200  404  200  404  200  200  404  200  403  403
profile_state      GET     200  200  200  404  200  404  200  200  404  200  403  403
agreement_state    GET     200  200  200  404  200  404  200  200  404  200  403  403
person_state       GET     200  200  200  404  200  404  200  200  404  200  403  403
"""
PATHS = {
    "list_profiles": "profiles",
    "read_profile": "profiles/{profile_id}",
    "read_contact": "profiles/{profile_id}/contacts/{contact_id}",
    "create_profile": "profiles",
    "update_profile": "profiles/{profile_id}",
    "add_contact": "profiles/{profile_id}/contacts",
    "remove_contact": "profiles/{profile_id}/contacts/{contact_id}",
    "list_agreements": "agreements",
    "read_agreement": "agreements/{agreement_id}",
    "read_party": "agreements/{agreement_id}/parties/{party_id}",
    "read_signatory": "agreements/{agreement_id}/signatories/{signatory_id}",
    "draft_agreement": "agreements",
    "update_agreement": "agreements/{agreement_id}",
    "add_party": "agreements/{agreement_id}/parties",
    "remove_party": "agreements/{agreement_id}/parties/{party_id}",
    "add_signatory": "agreements/{agreement_id}/signatories",
    "remove_signatory": "agreements/{agreement_id}/signatories/{signatory_id}",
    "sign_agreement": "agreements/{agreement_id}/signing",
    "change_status": "agreements/{agreement_id}/status",
    "add_milestone": "agreements/{agreement_id}/milestones",
    "read_milestone": "agreements/{agreement_id}/milestones/{milestone_id}",
    "complete_milestone": "agreements/{agreement_id}/milestones/{milestone_id}/done",
    "trip_warnings": "trips/{trip_id}/warnings",
    "changes": "changes",
    "trip_history": "trips/{trip_id}/history",
    "meeting_history": "meetings/{meeting_id}/history",
    "profile_history": "profiles/{profile_id}/history",
    "agreement_history": "agreements/{agreement_id}/history",
    "person_history": "people/{person_id}/history",
    "trip_state": "trips/{trip_id}/state",
    "meeting_state": "meetings/{meeting_id}/state",
    "profile_state": "profiles/{profile_id}/state",
    "agreement_state": "agreements/{agreement_id}/state",
    "person_state": "people/{person_id}/state",
}

BODIES: dict[str, Callable[[Records], dict[str, Any]]] = {
    "create_profile": lambda r: {"name": "Leipziger Messe GmbH", "kind": "company",
                                 "country": "Germany"},
    "update_profile": lambda r: {"name": "Körner Automation GmbH", "kind": "company",
                                 "country": "Germany", "city": "Leipzig",
                                 "reason": "checked"},
    "add_contact": lambda r: {"name": "Jan Weber", "email": "weber@example.de"},
    "draft_agreement": lambda r: {"title": "Cooperation on trade fairs",
                                  "kind": "cooperation agreement"},
    "update_agreement": lambda r: {"title": "Letter of intent on automation",
                                   "kind": "letter of intent", "trip_id": str(r.trip_id)},
    "add_party": lambda r: {"name": "Leipzig Chamber of Commerce"},
    "add_signatory": lambda r: {"party_id": r.party_id, "name": "Uwe Brandt"},
    "sign_agreement": lambda r: {"signed_on": "2026-01-15", "place": "Nanjing"},
    "add_milestone": lambda r: {"title": "Trade fair stand", "due_on": "2027-10-01"},
    "complete_milestone": lambda r: {"done_on": "2026-02-01"},
    "change_status": lambda r: {"status": "terminated", "reason": "the project ended"},
}
ROWS = [line.split() for line in TABLE.strip().splitlines()[1:]]
CASES = [(row[0], row[1], PATHS[row[0]], role, int(code))
         for row in ROWS for role, code in zip(ROLES, row[2:], strict=True)]
AUDITORS = ("auditor:own", "auditor:view", "auditor:other", "auditor:global")


@pytest.fixture(scope="module")
def records(app: Flask, world: World) -> Records:
    return build_records(app, world)


@pytest.mark.parametrize(("name", "method", "path", "role", "expected"), CASES,
                         ids=[f"{c[0]}-{c[3]}" for c in CASES])
def test_each_operation_for_each_role(app: Flask, world: World, records: Records,
                                      api: Callable[[str | None], ApiClient], name: str,
                                      method: str, path: str, role: str,
                                      expected: int) -> None:
    planner = app.extensions["planner"]
    used = build_records(app, world, f"API {name} by {role}") \
        if method != "GET" and expected < 300 else records
    body = BODIES[name](used) if name in BODIES else None
    before = event_count(planner)
    response = api(role).open(method, path.format(**used.ids()), json=body)
    assert response.status_code == expected, response.get_data(as_text=True)
    written = event_count(planner) - before
    if expected >= 400:
        assert written == 0, f"a refused request wrote {written} events"
        assert response.mimetype == "application/problem+json"
    elif method == "GET" and not (role in AUDITORS and path.endswith(("/history", "/state"))):
        assert written == 0
    else:
        assert written >= 1


@pytest.mark.parametrize("row", ROWS, ids=[r[0] for r in ROWS])
def test_without_a_token_or_with_a_revoked_one_every_operation_is_401(
        app: Flask, records: Records, row: list[str]) -> None:
    planner = app.extensions["planner"]
    token_id, secret = planner.app.issue_api_token("organiser@test.example", actor="test",
                                                   name="revoked at once")
    planner.app.revoke_api_token(token_id, actor="test", reason="leaked")
    name, method, path = row[0], row[1], PATHS[row[0]]
    before = event_count(planner)
    for client in (ApiClient(app, None), ApiClient(app, secret)):
        body = BODIES[name](records) if name in BODIES else None
        response = client.open(method, path.format(**records.ids()), json=body)
        assert response.status_code == 401
    assert event_count(planner) == before


def test_a_participant_reads_the_agreement_of_their_trip_but_not_its_warnings(
        app: Flask, world: World, api: Callable[[str | None], ApiClient]) -> None:
    planner = app.extensions["planner"]
    before = event_count(planner)
    member = api("member")
    agreement = member.get(f"agreements/{world.ids['agreement_id']}")
    assert agreement.status_code == 200
    assert agreement.get_json()["trip_id"] == str(world.trip_id)
    assert member.get(f"trips/{world.trip_id}/warnings").status_code == 403
    assert member.get(f"trips/{world.trip_id}/history").status_code == 403
    assert api("outsider").get(f"agreements/{world.ids['agreement_id']}").status_code == 404
    assert event_count(planner) == before
