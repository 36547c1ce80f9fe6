"""What each organisation's auditors and organisers find on the audit pages: only the events
of records their organisation may see (issue 11).

The world, built with the planner's own commands: organisations A, B and C; a trip of A shared
with B at view (with a meeting and a member registered by A); a trip of C with a meeting, a
profile, an agreement and a member registered by C; a person of A on both trips; auditors of
A, B and C, a global auditor, and an organiser of B.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any
from uuid import UUID

import pytest
from flask import Flask
from flask.testing import FlaskClient

from planner.audit.desk import AuditDesk
from planner.bootstrap import build
from planner.domain.account import account_id
from planner.organisations.access import Viewer
from planner.passwords import hash_password
from planner.settings import load_settings
from tests.conftest import fresh_postgres_database
from tests.web.conftest import open_session, visible
from web import create_app

SETUP = "setup@test.example"
AUDITOR_A, AUDITOR_B, AUDITOR_C = "aud-a@a.example", "aud-b@b.example", "aud-c@c.example"
GLOBAL, ORGANISER_B = "global@a.example", "org-b@b.example"
HISTORY_LINK = re.compile(r"/audit/records/([0-9a-f-]{36})/history")


@dataclass
class World:
    app: Flask
    orgs: dict[str, str]
    ids: dict[str, str] = field(default_factory=dict)

    def client(self, email: str) -> FlaskClient:
        client = self.app.test_client()
        open_session(client, email)
        return client


def _build(planner: Any) -> dict[str, Any]:
    app = planner.app
    orgs = {name: str(app.register_organisation(
        actor=SETUP, name=f"Organisation {name}", kind="agency", country="DE",
        timezone="Europe/Berlin")) for name in "ABC"}
    secret = hash_password("correct horse battery")
    for email, org, role in ((AUDITOR_A, "A", "auditor"), (AUDITOR_B, "B", "auditor"),
                             (AUDITOR_C, "C", "auditor"), (ORGANISER_B, "B", "organiser")):
        app.open_account(actor=SETUP, email=email, name=email.split("@")[0], role=role,
                         password_hash=secret, organisation_id=orgs[org])
    app.open_account(actor=SETUP, email=GLOBAL, name="Gloria Global", role="auditor",
                     password_hash=secret, organisation_id=orgs["A"], global_auditor=True)

    def trip(org: str, title: str) -> UUID:
        trip_id = app.create_trip(actor=SETUP, title=title, organiser=f"Organisation {org}",
                                  direction="outbound", home_timezone="Europe/Berlin",
                                  starts_on=date(2030, 6, 1), ends_on=date(2030, 6, 5),
                                  owner_org_id=orgs[org])
        return trip_id

    def meeting(trip_id: UUID, title: str, attendees: list[UUID]) -> UUID:
        return app.schedule_meeting(
            trip_id, actor=SETUP, kind="official meeting", title=title, venue="City Hall",
            city="Jining", timezone="Asia/Shanghai", starts=datetime(2030, 6, 2, 10, 0),
            ends=datetime(2030, 6, 2, 11, 0), attendees=attendees)

    trip_a, trip_c = trip("A", "Trip of A to Jining"), trip("C", "Trip of C to Qufu")
    person_a = app.register_person(actor=SETUP, name="Alma of A", home_timezone="Europe/Berlin",
                                   owner_org_id=orgs["A"])
    person_c = app.register_person(actor=SETUP, name="Cora of C", home_timezone="Europe/Berlin",
                                   owner_org_id=orgs["C"])
    both = app.register_person(actor=SETUP, name="Bo on both", home_timezone="Europe/Berlin",
                               owner_org_id=orgs["A"])
    for trip_id, people in ((trip_a, (person_a, both)), (trip_c, (person_c, both))):
        for person in people:
            app.add_member(trip_id, actor=SETUP, person_id=person, role="official")
    meeting_a = meeting(trip_a, "Talks with the Jining bureau", [person_a, both])
    meeting_c = meeting(trip_c, "Secret talks in Qufu", [person_c, both])
    profile_c = app.register_profile(actor=SETUP, name="Qufu Tools Ltd", kind="company",
                                     country="China", owner_org_id=orgs["C"])
    agreement_c = app.draft_agreement(actor=SETUP, title="Qufu memorandum",
                                      kind="memorandum of understanding", trip_id=trip_c,
                                      owner_org_id=orgs["C"])
    app.share_trip(trip_a, actor=SETUP, organisation_id=orgs["B"], access="view",
                   reason="B co-hosts the Jining visit")
    app.name_person_organisation(person_a, actor=SETUP, organisation_id=orgs["B"],
                                 reason="Alma moved to B")
    return {"orgs": orgs, "ids": {k: str(v) for k, v in dict(
        trip_a=trip_a, trip_c=trip_c, meeting_a=meeting_a, meeting_c=meeting_c,
        person_a=person_a, person_c=person_c, both=both, profile_c=profile_c,
        agreement_c=agreement_c, account_a=account_id(AUDITOR_A),
        account_b=account_id(AUDITOR_B), account_c=account_id(AUDITOR_C)).items()}}


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def world(request: pytest.FixtureRequest,
          tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    """The same world on SQLite and on PostgreSQL (the visibility is one SQL condition)."""
    folder = Path(tmp_path_factory.mktemp("scope"))
    with ExitStack() as stack:
        url = f"sqlite:///{folder / 'planner.sqlite3'}"
        if request.param == "postgres":
            url = stack.enter_context(fresh_postgres_database(
                request.getfixturevalue("postgres_server")))
        settings = load_settings(environ={}, instance_path=str(folder / "instance"))
        planner = build(settings, database_url=url)
        stack.callback(planner.close)
        app = create_app(settings, planner=planner)
        app.config.update(TESTING=True)
        built = _build(planner)
        yield World(app, built["orgs"], built["ids"])


def log_ids(client: FlaskClient) -> tuple[set[str], int, set[str]]:
    """The records on every page of the log browser, its total, and those of the CSV."""
    shown: set[str] = set()
    page, total = 1, -1
    while True:
        body = client.get(f"/audit/log?page={page}").get_data(as_text=True)
        found = re.search(r"(\d+) in all", body)
        total = int(found[1]) if found else 0
        shown |= set(HISTORY_LINK.findall(body))
        if page * 50 >= total:
            break
        page += 1
    response = client.get("/audit/log.csv")
    assert response.status_code == 200
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert len(rows) == total, "the CSV and the browser's count tell the same story"
    return shown, total, {r["record_id"] for r in rows}


def test_each_auditor_browses_and_exports_only_what_their_organisation_may_see(world: World):
    ids, orgs = world.ids, world.orgs
    everything = set(ids.values()) | set(orgs.values())
    totals = {}
    for email, sees, not_sees in (
            (AUDITOR_A, {"trip_a", "meeting_a", "person_a", "both", "account_a"},
             {"trip_c", "meeting_c", "person_c", "profile_c", "agreement_c", "account_b"}),
            (AUDITOR_B, {"trip_a", "meeting_a", "person_a", "both", "account_b"},
             {"trip_c", "meeting_c", "person_c", "profile_c", "agreement_c", "account_a"}),
            (AUDITOR_C, {"trip_c", "meeting_c", "person_c", "both", "profile_c",
                         "agreement_c", "account_c"},
             {"trip_a", "meeting_a", "person_a", "account_a", "account_b"})):
        shown, total, exported = log_ids(world.client(email))
        assert shown == exported, email
        assert {ids[k] for k in sees} <= shown, email
        assert not {ids[k] for k in not_sees} & shown, email
        assert set(orgs.values()) <= shown, "every staff member sees the organisations"
        totals[email] = total
    shown, total, exported = log_ids(world.client(GLOBAL))
    assert everything <= shown == exported
    assert total > max(totals.values())


def test_the_log_filtered_by_an_invisible_trip_is_empty(world: World):
    client = world.client(AUDITOR_C)
    body = visible(client.get(f"/audit/log?record={world.ids['trip_a']}"))
    assert "No events match these filters." in body
    csv_text = client.get(f"/audit/log.csv?record={world.ids['trip_a']}").get_data(
        as_text=True)
    assert csv_text.strip().count("\n") == 0, "only the header"


@pytest.mark.parametrize("path", [
    "/audit/records/{trip_a}/history", "/audit/records/{meeting_a}/history",
    "/audit/records/{trip_a}/as-of?version=1", "/audit/records/{meeting_a}/as-of",
    "/audit/records/{person_a}/history", "/audit/records/{account_a}/history",
    "/audit/trips/{trip_a}/as-of", "/audit/trips/{trip_a}/as-of?at=2031-01-01",
    "/audit/people/{person_a}/calendar?at=2031-01-01"])
def test_records_of_other_organisations_are_not_found_by_their_address(world: World,
                                                                        path: str):
    address = path.format(**world.ids)
    response = world.client(AUDITOR_C).get(address)
    assert response.status_code == 404, address
    assert "Alma" not in visible(response) and "Jining" not in visible(response)
    assert world.client(GLOBAL).get(address).status_code == 200


def test_an_invisible_record_and_a_missing_one_get_the_same_answer(world: World):
    client = world.client(AUDITOR_C)
    hidden = client.get(f"/audit/records/{world.ids['trip_a']}/history")
    missing = client.get(f"/audit/records/{UUID(int=7)}/history")
    assert hidden.status_code == missing.status_code == 404
    def page(response: Any) -> str:
        return re.sub(r"[Rr]equest id: \w+", "", visible(response))

    assert page(hidden) == page(missing)


def test_the_partner_sees_the_shared_trip_history_with_the_share_its_actor_and_reason(
        world: World):
    response = world.client(AUDITOR_B).get(f"/audit/records/{world.ids['trip_a']}/history")
    assert response.status_code == 200
    text = visible(response)
    assert "shared with Organisation B at view" in text
    assert "B co-hosts the Jining visit" in text and SETUP in text


def test_an_organiser_reads_the_history_of_a_shared_trip_but_not_of_another_organisations(
        world: World):
    client = world.client(ORGANISER_B)
    assert client.get(f"/audit/records/{world.ids['trip_a']}/history").status_code == 200
    assert client.get(f"/audit/records/{world.ids['meeting_a']}/history").status_code == 200
    assert client.get(f"/audit/trips/{world.ids['trip_a']}/as-of?at=2031-01-01"
                      ).status_code == 200
    for path in ("/audit/records/{trip_c}/history", "/audit/records/{meeting_c}/as-of",
                 "/audit/records/{profile_c}/history", "/audit/trips/{trip_c}/as-of",
                 "/audit/records/{agreement_c}/history"):
        assert client.get(path.format(**world.ids)).status_code == 404, path
    assert client.get("/audit/log").status_code == 403, "organisers have no log browser"
    org = client.get(f"/audit/records/{world.orgs['C']}/history")
    assert org.status_code == 200 and "registered the organisation Organisation C" in \
        visible(org)


def test_a_calendar_as_it_stood_shows_only_the_trips_the_viewer_may_see(world: World):
    address = f"/audit/people/{world.ids['both']}/calendar?at=2031-01-01"
    partner = visible(world.client(AUDITOR_B).get(address))
    assert "Talks with the Jining bureau" in partner
    assert "Secret talks in Qufu" not in partner and "Trip of C" not in partner
    everyone = visible(world.client(GLOBAL).get(address))
    assert "Talks with the Jining bureau" in everyone and "Secret talks in Qufu" in everyone


def test_new_events_read_as_sentences_in_the_history(world: World):
    planner = world.app.extensions["planner"]
    planner.app.set_global_auditor(AUDITOR_C, actor=SETUP, global_auditor=True,
                                   reason="C's auditor audits the whole federation")
    try:
        account = visible(world.client(GLOBAL).get(
            f"/audit/records/{world.ids['account_c']}/history"))
        assert "made a global auditor" in account
        assert "C's auditor audits the whole federation" in account
        person = visible(world.client(AUDITOR_B).get(
            f"/audit/records/{world.ids['person_a']}/history"))
        assert "belongs to Organisation B" in person and "Alma moved to B" in person
    finally:
        planner.app.set_global_auditor(AUDITOR_C, actor=SETUP, global_auditor=False,
                                       reason="back to C only")


def test_every_auditor_sees_whether_the_chain_verifies_but_details_only_of_their_records(
        world: World):
    for email in (AUDITOR_A, AUDITOR_C, GLOBAL):
        assert world.client(email).get("/audit/integrity").status_code == 200
    planner = world.app.extensions["planner"]
    desk = AuditDesk(planner)
    history = desk.record_history(world.ids["trip_a"], None)
    position = history.entries[0].position
    problem = (f"position {position}: broken: the log index (audit_log) was changed: label "
               "is 'Trip of A to Jining' but the event says 'x'")
    viewer = {email: Viewer(role="auditor", organisation_id=world.orgs[org])
              for email, org in ((AUDITOR_A, "A"), (AUDITOR_C, "C"))}
    assert desk.verification_problem(viewer[AUDITOR_A], problem) == problem
    hidden = desk.verification_problem(viewer[AUDITOR_C], problem)
    assert hidden.startswith(f"position {position}: broken: ")
    assert "Jining" not in hidden
    global_viewer = Viewer(role="auditor", organisation_id=world.orgs["A"], global_auditor=True)
    assert desk.verification_problem(global_viewer, problem) == problem
