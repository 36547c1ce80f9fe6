"""`planner org add|list`, `planner user add --org/--global`, `planner trip share` and the
default organisation that `planner init` records: as an operator types them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from planner.bootstrap import Planner
from planner.domain.organisation import DEFAULT_ORGANISATION_ID
from planner.organisations.access import TripAccess, Viewer
from tests.cli_kit import events, planner_beside, run

PASSWORD = "a long enough test password"
NANJING = ("南京市人民政府", "Nanjing Municipal People's Government")


@pytest.fixture
def env(sql_database_url: str, tmp_path: Path) -> dict[str, str]:
    return {"PLANNER_DATABASE_URL": sql_database_url,
            "PLANNER_INSTANCE_PATH": str(tmp_path / "instance"), "PLANNER_PASSWORD": PASSWORD}


@pytest.fixture
def planner(env: dict[str, str]) -> Iterator[Planner]:
    yield from planner_beside(env)


def add_nanjing(env: dict[str, str]) -> str:
    added = run(env, "org", "add", NANJING[0], "--latin", NANJING[1], "--kind", "government",
                "--country", "cn", "--timezone", "Asia/Shanghai")
    assert added.exit_code == 0, added.output
    return added.output.strip().rsplit(" ", 1)[-1]


def test_org_add_records_both_names_and_org_list_shows_them_with_the_default_marked(
        env: dict[str, str], planner: Planner) -> None:
    nanjing = add_nanjing(env)
    assert planner.app.get_organisation(nanjing)["country"] == "CN"
    listing = run(env, "org", "list")
    assert listing.exit_code == 0, listing.output
    rows = [line.split("\t") for line in listing.output.splitlines()]
    assert [f"  {NANJING[0]} / {NANJING[1]}", "government", "CN", "Asia/Shanghai",
            nanjing] in rows
    assert ["* Invest Region Leipzig GmbH", "agency", "DE", "Europe/Berlin",
            DEFAULT_ORGANISATION_ID] in rows
    plain = run(env, "org", "add", "Messe München GmbH")
    assert plain.exit_code == 0, plain.output
    rows = [line.split("\t") for line in run(env, "org", "list").output.splitlines()]
    assert ["  Messe München GmbH", "other", "DE", "Europe/Berlin"] in [r[:4] for r in rows]


@pytest.mark.parametrize("args, message", [
    (("--country", "China"), "--country: must be a two-letter ISO country code"),
    (("--country", "C1"), "--country: must be a two-letter ISO country code"),
    (("--kind", "ministry"), "Invalid value for '--kind': 'ministry' is not one of 'agency'"),
    (("--timezone", "China/Nanjing"), "--timezone: "),
    (("--timezone", ""), "--timezone: must not be empty"),
])
def test_org_add_refuses_bad_details_naming_the_option_and_writes_nothing(
        env: dict[str, str], planner: Planner, args: tuple[str, ...], message: str) -> None:
    refused = run(env, "org", "add", "Jining Municipal People's Government", *args)
    assert refused.exit_code != 0
    assert message in refused.output
    assert "Traceback" not in refused.output
    assert events(planner) == 0


def test_org_add_refuses_a_name_another_organisation_has(
        env: dict[str, str], planner: Planner) -> None:
    add_nanjing(env)
    before = events(planner)
    for args, option in (((NANJING[0],), "NAME"), (("Other", "--latin", NANJING[1].upper()),
                                                   "--latin"),
                         (("invest region leipzig gmbh",), "NAME")):
        refused = run(env, "org", "add", *args)
        assert refused.exit_code != 0
        assert f"{option}: an organisation named" in refused.output
        assert "already registered" in refused.output
    empty = run(env, "org", "add", "  ")
    assert empty.exit_code != 0 and "NAME: must not be empty" in empty.output
    assert events(planner) == before


def _account(planner: Planner, email: str) -> dict[str, Any] | None:
    return planner.app.find_account(email)


def test_user_add_puts_the_account_in_the_named_or_the_default_organisation(
        env: dict[str, str], planner: Planner) -> None:
    nanjing = add_nanjing(env)
    for email, org in (("a@nanjing.example", NANJING[0]), ("b@nanjing.example", NANJING[1]),
                       ("c@nanjing.example", nanjing),
                       ("d@nanjing.example", "nanjing municipal people's government")):
        added = run(env, "user", "add", email, "--role", "organiser", "--org", org)
        assert added.exit_code == 0, added.output
        assert f"in {NANJING[0]} / {NANJING[1]}" in added.output
        assert _account(planner, email)["organisation_id"] == nanjing
    default = run(env, "user", "add", "admin@agency.example", "--role", "administrator")
    assert default.exit_code == 0, default.output
    assert "opened as administrator in Invest Region Leipzig GmbH" in default.output
    account = _account(planner, "admin@agency.example")
    assert (account["role"], account["organisation_id"]) == ("administrator",
                                                             DEFAULT_ORGANISATION_ID)


def test_user_add_global_makes_an_auditor_who_sees_every_organisation(
        env: dict[str, str], planner: Planner) -> None:
    added = run(env, "user", "add", "compliance@agency.example", "--role", "auditor", "--global")
    assert added.exit_code == 0, added.output
    assert "auditor seeing every organisation" in added.output
    assert _account(planner, "compliance@agency.example")["global_auditor"] is True
    plain = run(env, "user", "add", "audit@agency.example", "--role", "auditor")
    assert _account(planner, "audit@agency.example")["global_auditor"] is False, plain.output


@pytest.mark.parametrize("args, message", [
    (("--role", "organiser", "--org", "Nowhere Ltd"),
     "--org: no single organisation is named 'Nowhere Ltd'"),
    (("--role", "organiser", "--org", "9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d"),
     "--org: no single organisation is named"),
    (("--role", "organiser", "--global"), "--global: only an auditor can see every"),
    (("--role", "participant"), "--person: a participant account must be linked to a person"),
    (("--role", "participant", "--person", "9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d"),
     "--person: there is no person with id"),
    (("--role", "admin"), "Invalid value for '--role'"),
])
def test_user_add_refuses_bad_input_naming_the_option_and_opens_nothing(
        env: dict[str, str], planner: Planner, args: tuple[str, ...], message: str) -> None:
    refused = run(env, "user", "add", "x@agency.example", *args)
    assert refused.exit_code != 0
    assert message in refused.output
    assert _account(planner, "x@agency.example") is None
    assert events(planner) == 0


def test_an_organisation_two_organisations_are_named_by_is_refused_as_ambiguous(
        env: dict[str, str], planner: Planner) -> None:
    planner.app.register_organisation(actor="test", name="Stadtwerke", kind="company",
                                      country="DE", timezone="Europe/Berlin")
    planner.app.register_organisation(actor="test", name="STADTWERKE", kind="company",
                                      country="AT", timezone="Europe/Vienna")
    before = events(planner)
    refused = run(env, "user", "add", "y@agency.example", "--role", "auditor",
                  "--org", "Stadtwerke")
    assert refused.exit_code != 0
    assert "--org: no single organisation is named 'Stadtwerke': 2 are (" in refused.output
    assert events(planner) == before


def _trip(planner: Planner) -> str:
    return str(planner.app.create_trip(
        actor="anna@agency.example", title="Delegation trip to Nanjing and Jining",
        organiser="Invest Region Leipzig GmbH", direction="outbound",
        home_timezone="Europe/Berlin", starts_on=date(2019, 6, 25), ends_on=date(2019, 6, 30)))


def test_trip_share_lets_the_partner_plan_then_view_then_ends_the_share(
        env: dict[str, str], planner: Planner) -> None:
    nanjing = add_nanjing(env)
    trip = _trip(planner)
    organiser = Viewer(role="organiser", organisation_id=nanjing)
    assert planner.queries.trip_access(organiser, trip) == TripAccess.NONE
    shared = run(env, "trip", "share", trip, "--org", NANJING[1], "--access", "plan",
                 "--reason", "Nanjing's foreign affairs office sets the Nanjing programme")
    assert shared.exit_code == 0, shared.output
    assert f"is shared with {NANJING[0]} / {NANJING[1]} at plan" in shared.output
    assert planner.queries.trip_access(organiser, trip) == TripAccess.PLAN
    assert run(env, "trip", "share", trip, "--org", nanjing, "--access", "view",
               "--reason", "the programme is fixed").exit_code == 0
    assert planner.queries.trip_access(organiser, trip) == TripAccess.VIEW
    ended = run(env, "trip", "share", trip, "--org", NANJING[0], "--access", "none",
                "--reason", "the trip is over")
    assert ended.exit_code == 0 and "no longer shared with" in ended.output
    assert planner.queries.trip_access(organiser, trip) == TripAccess.NONE
    changes = [e for e in planner.app.history(trip) if type(e).__name__ == "SharingChanged"]
    assert [(e.access, e.reason, e.actor.startswith("cli:")) for e in changes] == [
        ("plan", "Nanjing's foreign affairs office sets the Nanjing programme", True),
        ("view", "the programme is fixed", True), ("none", "the trip is over", True)]


@pytest.mark.parametrize("args, message", [
    (("--org", "Nanjing", "--access", "plan", "--reason", "x"),
     "--org: no single organisation is named 'Nanjing'"),
    (("--org", "Invest Region Leipzig GmbH", "--access", "plan", "--reason", "x"),
     "--org: the trip's own organisation always has full access"),
    (("--org", NANJING[1], "--access", "edit", "--reason", "x"),
     "Invalid value for '--access': 'edit' is not one of 'plan', 'view', 'none'"),
    (("--org", NANJING[1], "--access", "plan", "--reason", " "),
     "--reason: changing who a trip is shared with must give a reason"),
    (("--org", NANJING[1], "--access", "plan"), "Missing option '--reason'"),
    (("--org", NANJING[1], "--access", "none", "--reason", "x"),
     "--access: the trip is not shared with that organisation"),
])
def test_trip_share_refuses_bad_input_naming_the_option_and_writes_nothing(
        env: dict[str, str], planner: Planner, args: tuple[str, ...], message: str) -> None:
    add_nanjing(env)
    trip = _trip(planner)
    before = events(planner)
    refused = run(env, "trip", "share", trip, *args)
    assert refused.exit_code != 0
    assert message in refused.output
    assert events(planner) == before


def test_trip_share_refuses_an_unknown_trip_and_the_same_level_twice(
        env: dict[str, str], planner: Planner) -> None:
    add_nanjing(env)
    trip = _trip(planner)
    unknown = run(env, "trip", "share", "9b1deb4d-3b7d-4bad-9bdd-2b0d7b3dcb6d", "--org",
                  NANJING[1], "--access", "view", "--reason", "x")
    assert unknown.exit_code != 0
    assert "TRIP_ID: there is no trip with id 9b1deb4d" in unknown.output
    garbled = run(env, "trip", "share", "trip-one", "--org", NANJING[1], "--access", "view",
                  "--reason", "x")
    assert garbled.exit_code != 0 and garbled.output.startswith("Error: TRIP_ID: ")
    assert run(env, "trip", "share", trip, "--org", NANJING[1], "--access", "view",
               "--reason", "first").exit_code == 0
    before = events(planner)
    again = run(env, "trip", "share", trip, "--org", NANJING[1], "--access", "view",
                "--reason", "again")
    assert again.exit_code != 0
    assert "--access: the trip is already shared at 'view' with that organisation" in \
        again.output
    assert events(planner) == before


def test_init_records_the_default_organisation_in_a_log_that_has_events_only_once(
        env: dict[str, str], planner: Planner) -> None:
    first = run(env, "init")
    assert first.exit_code == 0, first.output
    assert events(planner) == 0  # an empty database stays empty: `log import` needs that
    assert planner.queries.organisation(DEFAULT_ORGANISATION_ID).version == 0
    _trip(planner)
    upgraded = run(env, "init")
    assert upgraded.exit_code == 0, upgraded.output
    assert "Recorded the default organisation Invest Region Leipzig GmbH" in upgraded.output
    recorded = planner.app.get_organisation(DEFAULT_ORGANISATION_ID)
    assert (recorded["name"], recorded["kind"], recorded["country"], recorded["timezone"]) == (
        "Invest Region Leipzig GmbH", "agency", "DE", "Europe/Berlin")
    assert planner.queries.organisation(DEFAULT_ORGANISATION_ID).version == 1
    count = events(planner)
    again = run(env, "init")
    assert again.exit_code == 0 and "Recorded" not in again.output
    assert events(planner) == count
