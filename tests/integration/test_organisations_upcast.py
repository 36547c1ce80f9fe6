"""A log written before organisations existed: its records belong to the default
organisation of config.toml, in the records and in the read models, and the access rules
follow (issue 11, item 7: migration by upcasting).

The old log is written as raw JSON rows straight into the events table, in the shapes the
earlier release stored: Trip.Created v1, Account.Opened v2, CompanyProfile.Registered v2,
Agreement.Drafted v1 with PartyAdded v1, Person.Registered v1 (personal data in plain text,
as before sealing). A snapshot of a version-1 Trip (no owner, no shares) loads too.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from typing import Any
from uuid import UUID, uuid4

import pytest
from eventsourcing.domain import Snapshot
from eventsourcing.persistence import StoredEvent
from sqlalchemy import select, text

from planner.bootstrap import Planner
from planner.domain.account import account_id
from planner.domain.organisation import DEFAULT_ORGANISATION_ID
from planner.organisations.access import TripAccess, Viewer, may_read
from planner.readmodel import tables as t
from planner.snapshots.verify import verify_snapshots

ACTOR = "import@invest-region-leipzig.example"
EMAIL = "olga@invest-region-leipzig.example"


def _stamp(moment: str) -> dict[str, str]:
    return {"_type_": "datetime_iso", "_data_": moment}


def _old_log() -> dict[str, Any]:
    """Record ids and the raw rows (id, version, topic, state) of the old release's log."""
    trip, profile, agreement, person = uuid4(), uuid4(), uuid4(), uuid4()
    party = str(uuid4())
    rows = [
        (trip, 1, "planner.domain.trip:Trip.Created", {
            "timestamp": _stamp("2019-04-08T07:10:00+00:00"),
            "originator_topic": "planner.domain.trip:Trip", "actor": ACTOR, "reason": "",
            "title": "Delegation trip to Nanjing and Jining", "purpose": "",
            "organiser": "Invest Region Leipzig GmbH", "direction": "outbound",
            "home_timezone": "Europe/Berlin",
            "starts_on": {"_type_": "date_iso", "_data_": "2019-06-25"},
            "ends_on": {"_type_": "date_iso", "_data_": "2019-06-30"}}),
        (account_id(EMAIL), 1, "planner.domain.account:Account.Opened", {
            "timestamp": _stamp("2019-04-08T07:20:00+00:00"),
            "originator_topic": "planner.domain.account:Account", "actor": ACTOR,
            "reason": "", "email": EMAIL, "name": "Olga Schäfer", "role": "organiser",
            "password_hash": "", "person_id": "", "password_ref": "", "class_version": 2}),
        (profile, 1, "planner.domain.company:CompanyProfile.Registered", {
            "timestamp": _stamp("2019-05-06T08:00:00+00:00"),
            "originator_topic": "planner.domain.company:CompanyProfile", "actor": ACTOR,
            "reason": "", "name": "Pleiße Automotive Components GmbH", "kind": "company",
            "country": "Germany", "city": "Leipzig", "sectors": ["automotive"],
            "size": "medium", "description": "", "interests": ["expand into China"],
            "website": "", "fictitious": True, "class_version": 2}),
        (agreement, 1, "planner.domain.agreement:Agreement.Drafted", {
            "timestamp": _stamp("2019-06-19T12:30:00+00:00"),
            "originator_topic": "planner.domain.agreement:Agreement", "actor": ACTOR,
            "reason": "", "title": "Memorandum of Understanding Leipzig–Nanjing",
            "kind": "memorandum of understanding", "subject": "", "trip_id": str(trip),
            "meeting_id": ""}),
        (agreement, 2, "planner.domain.agreement:Agreement.PartyAdded", {
            "timestamp": _stamp("2019-06-19T12:31:00+00:00"), "actor": ACTOR, "reason": "",
            "party_id": party, "name": "Pleiße Automotive Components GmbH",
            "profile_id": str(profile)}),
        (person, 1, "planner.domain.person:Person.Registered", {
            "timestamp": _stamp("2019-04-08T07:30:00+00:00"),
            "originator_topic": "planner.domain.person:Person", "actor": ACTOR, "reason": "",
            "name": "Michael Körner", "title": "Managing Director",
            "organisation": "Invest Region Leipzig GmbH", "email": "", "home_timezone":
            "Europe/Berlin"}),
    ]
    return {"trip": trip, "profile": profile, "agreement": agreement, "person": person,
            "party": party, "rows": rows}


def _insert_raw(planner: Planner, rows: list[tuple[UUID, int, str, dict[str, Any]]]) -> None:
    assert planner.engine is not None
    sqlite = planner.engine.dialect.name == "sqlite"
    with planner.engine.begin() as conn:
        for record_id, version, topic, state in rows:
            conn.execute(text("INSERT INTO planner_events (originator_id, originator_version, "
                              "topic, state) VALUES (:id, :version, :topic, :state)"),
                         {"id": record_id.bytes if sqlite else record_id, "version": version,
                          "topic": topic,
                          "state": json.dumps(state, ensure_ascii=False).encode("utf-8")})


@pytest.fixture
def old(sql_database_url: str, make_planner: Callable[..., Planner]) -> dict[str, Any]:
    """The old log in a database; then the planner is built and its read models rebuilt."""
    log = _old_log()
    _insert_raw(make_planner(sql_database_url), log["rows"])
    planner = make_planner(sql_database_url)
    assert planner.projector is not None
    planner.projector.rebuild()
    return {**log, "planner": planner}


def test_old_records_belong_to_the_default_organisation(old: dict[str, Any]) -> None:
    app = old["planner"].app
    trip = app.get_trip(old["trip"])
    assert (trip["owner_org_id"], trip["shares"]) == (DEFAULT_ORGANISATION_ID, {})
    assert app.get_profile(old["profile"])["owner_org_id"] == DEFAULT_ORGANISATION_ID
    agreement = app.get_agreement(old["agreement"])
    assert agreement["owner_org_id"] == DEFAULT_ORGANISATION_ID
    assert [(p["name"], p["organisation_id"]) for p in agreement["parties"]] == [
        ("Pleiße Automotive Components GmbH", "")]
    person = app.get_person(old["person"])
    assert (person["name"], person["owner_org_id"], person["organisation_id"]) == (
        "Michael Körner", DEFAULT_ORGANISATION_ID, "")
    account = app.find_account(EMAIL)
    assert (account["organisation_id"], account["global_auditor"]) == (
        DEFAULT_ORGANISATION_ID, False)


def test_the_read_models_show_the_default_organisation_as_owner(old: dict[str, Any]) -> None:
    planner = old["planner"]
    with planner.engine.connect() as conn:
        def owner(table: Any, record_id: UUID, column: str = "owner_org_id") -> str:
            return conn.execute(select(table.c[column]).where(
                table.c.id == str(record_id))).scalar_one()

        assert owner(t.trips, old["trip"]) == DEFAULT_ORGANISATION_ID
        assert owner(t.profiles, old["profile"]) == DEFAULT_ORGANISATION_ID
        assert owner(t.agreements, old["agreement"]) == DEFAULT_ORGANISATION_ID
        assert owner(t.people, old["person"]) == DEFAULT_ORGANISATION_ID
        assert owner(t.people, old["person"], "organisation_id") == ""
        party_org = conn.execute(select(t.parties.c.organisation_id).where(
            t.parties.c.agreement_id == str(old["agreement"]))).scalar_one()
        assert party_org == ""
    assert planner.queries.trip(old["trip"]).owner_org_id == DEFAULT_ORGANISATION_ID
    account = planner.queries.account(EMAIL)
    assert (account.organisation_id, account.global_auditor) == (DEFAULT_ORGANISATION_ID, False)
    # The default organisation is listed with its config.toml details before it is recorded.
    default = planner.queries.organisation(DEFAULT_ORGANISATION_ID)
    assert (default.name, default.version) == ("Invest Region Leipzig GmbH", 0)


def test_staff_of_the_default_organisation_read_the_old_trip_and_others_do_not(
        old: dict[str, Any]) -> None:
    planner = old["planner"]
    other = str(planner.app.register_organisation(
        actor="admin@example.org", name="南京市人民政府",
        latin_name="Nanjing Municipal People's Government", kind="government", country="CN",
        timezone="Asia/Shanghai"))
    queries, trip = planner.queries, old["trip"]
    account = planner.queries.account(EMAIL)
    olga = Viewer(role=account.role, organisation_id=account.organisation_id)
    assert queries.trip_access(olga, trip) == TripAccess.OWN
    auditor = Viewer(role="auditor", organisation_id=DEFAULT_ORGANISATION_ID)
    assert may_read(queries.trip_access(auditor, trip))
    for role in ("organiser", "auditor", "administrator"):
        stranger = Viewer(role=role, organisation_id=other)
        assert queries.trip_access(stranger, trip) == TripAccess.NONE, role
    # The old trip goes on living: its owner shares it, and the partner may then plan it.
    planner.app.share_trip(trip, actor=EMAIL, organisation_id=other, access="plan",
                           reason="Nanjing sets the Nanjing programme")
    partner = Viewer(role="organiser", organisation_id=other)
    assert queries.trip_access(partner, trip) == TripAccess.PLAN


def test_a_snapshot_of_a_version_1_trip_loads_through_the_upcaster(
        sql_database_url: str, make_planner: Callable[..., Planner]) -> None:
    planner = make_planner(sql_database_url)
    app = planner.app
    trip_id = app.create_trip(actor=ACTOR, title="Delegation trip to Nanjing and Jining",
                              organiser="Invest Region Leipzig GmbH", direction="outbound",
                              home_timezone="Europe/Berlin", starts_on=date(2019, 6, 25),
                              ends_on=date(2019, 6, 30))
    app.set_objectives(trip_id, actor=ACTOR, objectives=["Promote Leipzig companies"])
    trip = app.repository.get(trip_id)
    stored = app.snapshots.mapper.to_stored_event(Snapshot.take(trip))
    snapshot = json.loads(stored.state)
    state = snapshot["state"]  # the Trip's attributes
    assert state.pop("class_version") == 3
    # as the older release's Trip held them (version 3 added the trip's own travel times)
    del state["owner_org_id"], state["shares"], state["travel_times"]
    old = StoredEvent(originator_id=stored.originator_id,
                      originator_version=stored.originator_version, topic=stored.topic,
                      state=json.dumps(snapshot, ensure_ascii=False).encode("utf-8"))
    app.repository.seal.put(old)

    again = make_planner(sql_database_url)
    loaded = again.app.get_trip(trip_id)
    assert (loaded["owner_org_id"], loaded["shares"]) == (DEFAULT_ORGANISATION_ID, {})
    assert loaded["travel_times"] == []
    assert loaded["objectives"] == ["Promote Leipzig companies"]
    report = verify_snapshots(again)
    assert report.ok, report  # the upcast snapshot is the state the events give
    assert again.app.repository.seal.latest(trip_id) is not None  # it was kept, not dropped
