"""Profiles, agreements, people and accounts as each organisation's staff see them: lists show
only what their organisation may see, another organisation's record is 404 at its own
address, one they see but do not own is 403 to change, and a refused change writes nothing.
The world (three organisations) is tests/web/org_world.py."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from flask import Flask

from planner.domain.account import account_id
from tests.web.conftest import post, visible
from tests.web.org_world import EMAILS, OrgWorld, app_with_world, as_user

World = tuple[Flask, OrgWorld]


@pytest.fixture(scope="module")
def org_world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    yield from app_with_world(tmp_path_factory)


# -- company profiles -----------------------------------------------------------------------
def test_the_register_shows_own_profiles_and_those_on_trips_shared_with_us(
        org_world: World) -> None:
    app, w = org_world
    leipzig = visible(as_user(app, "leipzig organiser").get("/companies"))
    assert "Körner Maschinenbau" in leipzig and "Nanjing Hi-Tech Zone Authority" in leipzig
    assert "南京天加" not in leipzig
    assert "南京天加" not in visible(as_user(app, "leipzig organiser").get("/companies?name=南京"))
    nanjing = visible(as_user(app, "nanjing organiser").get("/companies"))
    assert "南京天加" in nanjing and "Körner Maschinenbau" not in nanjing
    everyone = visible(as_user(app, "global auditor").get("/companies"))
    assert "南京天加" in everyone and "Körner Maschinenbau" in everyone
    assert "Körner" not in visible(as_user(app, "jining organiser").get("/companies"))


@pytest.mark.parametrize("page", ["", "/history", "/versions/1", "/edit", "/contacts"])
def test_another_organisations_profile_is_not_found_at_its_address(org_world: World,
                                                                   page: str) -> None:
    app, w = org_world
    for who in ("leipzig organiser", "leipzig auditor", "jining organiser"):
        response = as_user(app, who).get(f"/companies/{w.nanjing_profile}{page}")
        # An auditor is refused a change form by role, before the profile is looked up.
        expected = 403 if who.endswith("auditor") and page in ("/edit", "/contacts") else 404
        assert response.status_code == expected, (who, page)


def test_a_profile_seen_through_a_shared_trip_is_read_only(org_world: World) -> None:
    app, w = org_world
    client = as_user(app, "leipzig organiser")
    page = client.get(f"/companies/{w.nanjing_handed}")
    assert page.status_code == 200
    assert f"/companies/{w.nanjing_handed}/edit" not in page.get_data(as_text=True)
    assert "owned by 南京市人民政府" in visible(page)
    assert client.get(f"/companies/{w.nanjing_handed}/edit").status_code == 403
    before = w.events()
    assert post(client, f"/companies/{w.nanjing_handed}/edit", name="Taken over",
                kind="company", country="China", expected_version=1).status_code == 403
    assert post(client, f"/companies/{w.nanjing_handed}/contacts", name="Spy",
                expected_version=1).status_code == 403
    assert w.events() == before
    owner = as_user(app, "nanjing organiser")
    assert f"/companies/{w.nanjing_handed}/edit" in owner.get(
        f"/companies/{w.nanjing_handed}").get_data(as_text=True)


def test_a_new_profile_belongs_to_its_creators_organisation(org_world: World) -> None:
    app, w = org_world
    response = post(as_user(app, "nanjing organiser"), "/companies/new",
                    name="Jiangsu Sunshine Textiles", kind="company", country="China")
    assert response.status_code == 302
    address = response.headers["Location"]
    assert as_user(app, "nanjing auditor").get(address).status_code == 200
    assert as_user(app, "leipzig organiser").get(address).status_code == 404
    assert w.planner.queries.profile(address.rsplit("/", 1)[-1]).owner_org_id == w.nanjing


def test_auditors_and_participants_register_nothing(org_world: World) -> None:
    app, w = org_world
    before = w.events()
    for who in ("leipzig auditor", "nanjing participant"):
        response = post(as_user(app, who), "/companies/new", name="X GmbH", kind="company",
                        country="Germany")
        assert response.status_code == 403
    assert as_user(app, "nanjing participant").get("/companies").status_code == 403
    assert w.events() == before


# -- agreements -----------------------------------------------------------------------------
def test_the_agreements_register_shows_own_and_those_we_are_a_party_to(org_world: World) -> None:
    app, w = org_world
    leipzig = visible(as_user(app, "leipzig auditor").get("/agreements"))
    assert "Leipzig cluster agreement" in leipzig and "Twin-town memorandum" in leipzig
    assert "Nanjing internal MoU" not in leipzig
    jining = visible(as_user(app, "jining organiser").get("/agreements"))
    assert "Twin-town" not in jining and "Leipzig cluster" not in jining


def test_another_organisations_agreement_is_not_found_and_ours_as_a_party_is_read_only(
        org_world: World) -> None:
    app, w = org_world
    client = as_user(app, "leipzig organiser")
    assert client.get(f"/agreements/{w.nanjing_agreement}").status_code == 404
    assert client.get(f"/agreements/{w.nanjing_agreement}/edit").status_code == 404
    party = client.get(f"/agreements/{w.nanjing_with_leipzig}")
    assert party.status_code == 200 and "/parties" not in party.get_data(as_text=True)
    assert "owned by 南京市人民政府" in visible(party)
    before = w.events()
    for page, data in (("/edit", {"title": "Ours now", "kind": "contract"}),
                       ("/sign", {"signed_on": "2025-06-03", "place": "Leipzig"}),
                       ("/status", {"status": "signed"}),
                       ("/milestones", {"title": "x", "due_on": "2025-07-01"}),
                       ("/parties", {"party_name": "Us"}),
                       ("/signatories", {"party_id": "x", "signatory_name": "Me"})):
        response = post(client, f"/agreements/{w.nanjing_with_leipzig}{page}",
                        expected_version=2, **data)
        assert response.status_code == 403, page
    assert w.events() == before


def test_naming_an_organisation_as_a_party_shows_it_the_agreement(org_world: World) -> None:
    app, w = org_world
    owner = as_user(app, "nanjing organiser")
    address = f"/agreements/{w.nanjing_agreement}"
    assert as_user(app, "jining organiser").get(address).status_code == 404
    form = owner.get(f"{address}/parties").get_data(as_text=True)
    assert "济宁市商务局 / Jining Commerce Bureau" in form
    assert post(owner, f"{address}/parties", organisation_id=w.jining).status_code == 302
    page = as_user(app, "jining organiser").get(address)
    assert page.status_code == 200 and "济宁市商务局 / Jining Commerce Bureau" in visible(page)
    assert post(owner, f"{address}/parties", organisation_id="0" * 8 + "-0000-0000-0000-"
                + "0" * 12).status_code == 422


def test_a_new_agreement_belongs_to_its_creators_organisation_and_links_only_readable_trips(
        org_world: World) -> None:
    app, w = org_world
    client = as_user(app, "jining organiser")
    form = client.get("/agreements/new").get_data(as_text=True)
    assert "Leipzig delegation" not in form and "Nanjing study visit" not in form
    before = w.events()
    response = post(client, "/agreements/new", title="Jining MoU", kind="contract",
                    trip_id=str(w.leipzig_trip))
    assert response.status_code == 422 and "there is no trip" in visible(response)
    assert w.events() == before
    response = post(client, "/agreements/new", title="Jining MoU", kind="contract")
    assert response.status_code == 302
    assert as_user(app, "leipzig organiser").get(response.headers["Location"]).status_code \
        == 404


# -- people ---------------------------------------------------------------------------------
def test_the_people_register_shows_ours_those_belonging_to_us_and_our_trips_members(
        org_world: World) -> None:
    app, w = org_world
    page = visible(as_user(app, "leipzig organiser").get("/people"))
    assert "Michael Körner" in page and "Jonas Leipziger" in page and "周敏" in page
    assert "韩立明" not in page
    assert as_user(app, "leipzig organiser").get(f"/people/{w.nanjing_person}").status_code \
        == 404


def test_people_of_another_organisation_are_changed_only_by_its_organisers(
        org_world: World) -> None:
    app, w = org_world
    client = as_user(app, "leipzig organiser")
    assert client.get(f"/people/{w.nanjing_member}").status_code == 200
    assert client.get(f"/people/{w.nanjing_member}/edit").status_code == 403
    assert client.get(f"/people/{w.nanjing_person}/edit").status_code == 404
    before = w.events()
    response = post(client, f"/people/{w.nanjing_member}/edit", name="周敏",
                    home_timezone="Asia/Shanghai", expected_version=1)
    assert response.status_code == 403
    assert client.get(f"/people/{w.nanjing_member}/erase").status_code == 403
    assert post(client, f"/people/{w.nanjing_member}/erase", confirm="yes",
                reason="asked").status_code == 403
    assert w.events() == before


def test_a_person_names_the_organisation_they_belong_to(org_world: World) -> None:
    app, w = org_world
    client = as_user(app, "nanjing organiser")
    response = post(client, "/people/new", name="Wang Fang", home_timezone="Asia/Shanghai")
    assert response.status_code == 302
    person_id = response.headers["Location"].rsplit("/", 1)[-1]
    assert as_user(app, "jining organiser").get(f"/people/{person_id}").status_code == 404
    form = client.get(f"/people/{person_id}/edit").get_data(as_text=True)
    assert "济宁市商务局 / Jining Commerce Bureau" in form
    response = post(client, f"/people/{person_id}/edit", name="Wang Fang",
                    home_timezone="Asia/Shanghai", organisation_id=w.jining,
                    reason="moved to the bureau", expected_version=1)
    assert response.status_code == 302
    row = w.planner.queries.person(person_id)
    assert (row.owner_org_id, row.organisation_id, row.version) == (w.nanjing, w.jining, 2)
    page = as_user(app, "jining organiser").get(f"/people/{person_id}")
    assert page.status_code == 200 and "Belongs to 济宁市商务局" in visible(page)
    stale = post(client, f"/people/{person_id}/edit", name="Wang Fang",
                 home_timezone="Asia/Shanghai", organisation_id="", expected_version=1)
    assert stale.status_code == 409
    before = w.events()
    bad = post(client, f"/people/{person_id}/edit", name="Wang Fang",
               home_timezone="Asia/Shanghai", organisation_id="not-an-id", expected_version=2)
    assert bad.status_code == 422 and "Organisation : there is no organisation" in visible(bad)
    assert w.events() == before


# -- accounts -------------------------------------------------------------------------------
def _account(email: str) -> str:
    return f"/people/accounts/{account_id(email)}"


def test_the_accounts_page_lists_our_organisations_accounts_with_their_organisation(
        org_world: World) -> None:
    app, w = org_world
    page = visible(as_user(app, "leipzig organiser").get("/people/accounts"))
    assert EMAILS["leipzig auditor"] in page and EMAILS["nanjing organiser"] not in page
    assert "Invest Region Leipzig GmbH" in page  # the default organisation, from settings
    every = visible(as_user(app, "leipzig administrator").get("/people/accounts"))
    assert EMAILS["nanjing organiser"] in every and "南京市人民政府" in every
    assert EMAILS["jining organiser"] in visible(as_user(app, "global auditor")
                                                 .get("/people/accounts"))


def test_organisers_manage_their_organisations_accounts_but_no_administrator(
        org_world: World) -> None:
    app, w = org_world
    client = as_user(app, "leipzig organiser")
    form = client.get(_account(EMAILS["leipzig auditor"]))
    assert form.status_code == 200
    assert 'value="administrator"' not in form.get_data(as_text=True)
    assert client.get(_account(EMAILS["nanjing organiser"])).status_code == 404
    assert client.get(_account(EMAILS["leipzig administrator"])).status_code == 403
    before = w.events()
    refused = post(client, f"{_account(EMAILS['leipzig auditor'])}/role",
                   role="administrator", reason="promotion", expected_version=1)
    assert refused.status_code == 403
    assert post(client, f"{_account(EMAILS['leipzig administrator'])}/active",
                active_reason="coup", expected_version=1).status_code == 403
    assert post(client, f"{_account(EMAILS['nanjing auditor'])}/active",
                active_reason="not ours", expected_version=1).status_code == 404
    assert post(client, f"{_account(EMAILS['leipzig auditor'])}/scope", global_auditor="yes",
                scope_reason="see all").status_code == 403
    assert w.events() == before
    admin = as_user(app, "leipzig administrator")
    assert 'value="administrator"' in admin.get(
        _account(EMAILS["nanjing auditor"])).get_data(as_text=True)


def test_administrators_make_an_auditor_global_with_a_reason(org_world: World) -> None:
    app, w = org_world
    admin = as_user(app, "leipzig administrator")
    address = _account(EMAILS["nanjing auditor"])
    before = w.events()
    missing = post(admin, f"{address}/scope", global_auditor="yes", scope_reason="")
    assert missing.status_code == 422 and "reason" in visible(missing).lower()
    assert w.events() == before
    assert "南京天加" not in visible(as_user(app, "nanjing auditor").get("/companies?name=Körner"))
    assert post(admin, f"{address}/scope", global_auditor="yes",
                scope_reason="group audit 2025").status_code == 302
    assert w.planner.queries.account(EMAILS["nanjing auditor"]).global_auditor
    auditor = as_user(app, "nanjing auditor")  # the change ended nothing: the flag is read
    assert "Körner Maschinenbau" in visible(auditor.get("/companies?name=Körner"))
    assert post(admin, f"{address}/scope", global_auditor="",
                scope_reason="audit done").status_code == 302
    assert not w.planner.queries.account(EMAILS["nanjing auditor"]).global_auditor


def test_only_the_organisation_that_registered_a_person_erases_their_data(
        org_world: World) -> None:
    app, w = org_world
    assert as_user(app, "leipzig administrator").get(
        f"/people/{w.nanjing_person}/erase").status_code == 404
    assert as_user(app, "nanjing organiser").get(
        f"/people/{w.nanjing_person}/erase").status_code == 200
    assert as_user(app, "jining organiser").get(
        f"/people/{w.nanjing_person}/erase").status_code == 404


def test_the_sign_ins_page_shows_our_organisations_accounts(org_world: World) -> None:
    app, w = org_world
    now = datetime.now(UTC)
    for who in ("leipzig auditor", "nanjing organiser"):
        w.planner.signins.record(EMAILS[who], "192.0.2.7", succeeded=True, at=now)
    leipzig = visible(as_user(app, "leipzig auditor").get("/audit/logins"))
    assert EMAILS["leipzig auditor"] in leipzig and EMAILS["nanjing organiser"] not in leipzig
    for who in ("leipzig administrator", "global auditor"):
        every = visible(as_user(app, who).get("/audit/logins"))
        assert EMAILS["nanjing organiser"] in every and EMAILS["leipzig auditor"] in every


def test_an_agreement_keeps_its_trip_when_its_owner_may_no_longer_read_the_trip(
        org_world: World) -> None:
    app, w = org_world
    agreement = w.planner.app.draft_agreement(
        actor="test:setup", title="Leipzig visit follow-up", kind="letter of intent",
        trip_id=w.leipzig_trip, owner_org_id=w.nanjing)
    assert as_user(app, "leipzig auditor").get(f"/agreements/{agreement}").status_code == 200
    owner = as_user(app, "nanjing organiser")
    assert "Leipzig delegation to Nanjing" in visible(owner.get(f"/agreements/{agreement}/edit"))
    response = post(owner, f"/agreements/{agreement}/edit", title="Leipzig visit: next steps",
                    kind="letter of intent", trip_id=str(w.leipzig_trip), expected_version=1)
    assert response.status_code == 302
    assert str(w.planner.queries.agreement(agreement).trip_id) == str(w.leipzig_trip)
