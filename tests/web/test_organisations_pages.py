"""The organisations pages: every staff member lists and opens organisations; only
administrators register or change them, and bad input or a stale form changes nothing.
The world (three organisations) is tests/web/org_world.py."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from flask import Flask

from planner.domain.organisation import DEFAULT_ORGANISATION_ID
from tests.web.conftest import post, visible
from tests.web.org_world import OrgWorld, app_with_world, as_user

World = tuple[Flask, OrgWorld]


@pytest.fixture(scope="module")
def org_world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    yield from app_with_world(tmp_path_factory)
NEW = {"name": "Sächsische Staatskanzlei", "latin_name": "", "kind": "government",
       "country": "DE", "timezone": "Europe/Berlin"}


def test_every_staff_member_lists_the_organisations_with_the_default_one(
        org_world: World) -> None:
    app, w = org_world
    for who in ("leipzig organiser", "nanjing auditor", "jining organiser"):
        page = visible(as_user(app, who).get("/organisations"))
        assert "Invest Region Leipzig GmbH" in page
        assert "南京市人民政府 / Nanjing Municipal People's Government" in page
        assert "government" in page and "CN" in page and "Asia/Shanghai" in page
    nav = as_user(app, "leipzig auditor").get("/people").get_data(as_text=True)
    assert 'href="/organisations"' in nav
    assert as_user(app, "nanjing participant").get("/organisations").status_code == 403
    assert as_user(app, "nanjing participant").get(
        f"/organisations/{w.nanjing}").status_code == 403


def test_an_organisation_page_counts_its_accounts_and_lists_the_trips_the_viewer_may_read(
        org_world: World) -> None:
    app, w = org_world
    leipzig = visible(as_user(app, "leipzig organiser").get(f"/organisations/{w.nanjing}"))
    assert "3 accounts" in leipzig
    assert "Nanjing study visit to Leipzig" in leipzig and "owner" in leipzig
    jining = visible(as_user(app, "jining organiser").get(f"/organisations/{w.nanjing}"))
    assert "Nanjing study visit" not in jining and "No trips you may see" in jining
    default = visible(as_user(app, "leipzig organiser").get(
        f"/organisations/{DEFAULT_ORGANISATION_ID}"))
    assert "Leipzig delegation to Nanjing" in default
    assert "Nanjing study visit to Leipzig" in default and "shared: view" in default
    assert "Version 0" in default
    assert as_user(app, "leipzig organiser").get(
        "/organisations/00000000-0000-0000-0000-000000000000").status_code == 404


def test_only_administrators_register_organisations(org_world: World) -> None:
    app, w = org_world
    before = w.events()
    for who in ("leipzig organiser", "global auditor"):
        client = as_user(app, who)
        assert client.get("/organisations/new").status_code == 403
        assert post(client, "/organisations/new", **NEW).status_code == 403
        assert client.get(f"/organisations/{w.nanjing}/edit").status_code == 403
        assert post(client, f"/organisations/{w.nanjing}/edit", **NEW,
                    expected_version=1).status_code == 403
    assert w.events() == before
    assert "Register organisation" not in visible(
        as_user(app, "leipzig organiser").get("/organisations"))
    admin = as_user(app, "leipzig administrator")
    bad = post(admin, "/organisations/new", **{**NEW, "country": "Narnia"})
    assert bad.status_code == 422 and "country" in visible(bad)
    assert "two-letter ISO country code" in visible(bad)
    bad = post(admin, "/organisations/new", **{**NEW, "country": "D1"})
    assert bad.status_code == 422 and "two-letter ISO country code" in visible(bad)
    assert post(admin, "/organisations/new", **{**NEW, "name": ""}).status_code == 422
    assert w.events() == before
    created = post(admin, "/organisations/new", **NEW)
    assert created.status_code == 302
    page = visible(admin.get(created.headers["Location"]))
    assert "Sächsische Staatskanzlei" in page and "0 accounts" in page
    assert "Sächsische Staatskanzlei" in visible(
        as_user(app, "nanjing organiser").get("/organisations"))


def test_a_country_is_typed_by_name_and_its_one_zone_is_filled_in(org_world: World) -> None:
    app, w = org_world
    admin = as_user(app, "leipzig administrator")
    before = w.events()
    several = post(admin, "/organisations/new", **{**NEW, "name": "Chicago office",
                                                   "country": "United States", "timezone": ""})
    assert several.status_code == 422
    assert "United States uses several time zones: America/New_York" in visible(several)
    unknown = post(admin, "/organisations/new", **{**NEW, "name": "Chengdu office",
                                                  "country": "中国", "timezone": "Asia/Chengdu"})
    assert unknown.status_code == 422
    assert "Asia/Chengdu is unknown; China uses one time zone: Asia/Shanghai" in visible(unknown)
    assert w.events() == before
    created = post(admin, "/organisations/new", **{**NEW, "name": "成都市人民政府",
                                                  "country": "中国", "timezone": ""})
    assert created.status_code == 302
    page = visible(admin.get(created.headers["Location"]))
    assert "CN · Asia/Shanghai" in page


def test_administrators_change_an_organisation_and_a_stale_form_is_a_conflict(
        org_world: World) -> None:
    app, w = org_world
    admin = as_user(app, "leipzig administrator")
    address = f"/organisations/{w.jining}/edit"
    assert 'value="济宁市商务局"' in admin.get(address).get_data(as_text=True)
    fields = {"name": "济宁市商务局", "latin_name": "Jining Municipal Bureau of Commerce",
              "kind": "government", "country": "CN", "timezone": "Asia/Shanghai"}
    assert post(admin, address, **fields, reason="official name",
                expected_version=1).status_code == 302
    assert w.planner.queries.organisation(w.jining).latin_name \
        == "Jining Municipal Bureau of Commerce"
    before = w.events()
    stale = post(admin, address, **{**fields, "latin_name": "Jining Commerce"},
                 expected_version=1)
    assert stale.status_code == 409 and "official name" in visible(stale)
    assert w.events() == before


def test_editing_the_default_organisation_records_it_under_its_fixed_id(
        org_world: World) -> None:
    app, w = org_world
    admin = as_user(app, "leipzig administrator")
    address = f"/organisations/{DEFAULT_ORGANISATION_ID}/edit"
    form = admin.get(address).get_data(as_text=True)
    assert 'value="Invest Region Leipzig GmbH"' in form
    assert 'name="expected_version" value="0"' in form
    fields = {"name": "Invest Region Leipzig GmbH", "latin_name": "", "kind": "agency",
              "country": "DE", "timezone": "Europe/Berlin"}
    assert post(admin, address, **{**fields, "kind": "spaceship"},
                expected_version=0).status_code == 422
    assert post(admin, address, **{**fields, "name": "Invest Region Leipzig"},
                expected_version=0).status_code == 302
    row = w.planner.queries.organisation(DEFAULT_ORGANISATION_ID)
    assert (row.name, row.version) == ("Invest Region Leipzig", 1)
    assert [o.id for o in w.planner.queries.organisations()].count(DEFAULT_ORGANISATION_ID) == 1
    before = w.events()
    again = post(admin, address, **{**fields, "name": "IRL"}, expected_version=0)
    assert again.status_code == 409
    assert w.events() == before
