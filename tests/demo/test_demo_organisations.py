"""The demo's organisations: who owns each seed situation, who it is shared with, and whose
each demo login is (memory, SQLite file and PostgreSQL, one load each)."""

from __future__ import annotations

from typing import Any

import pytest

from planner.demo import DEMO_LOGINS
from planner.demo.accounts import describe_logins
from planner.demo.organisations import (
    CHANGSHA,
    JINING,
    LEIPZIG,
    MUNICH_CONSULATE,
    NANJING,
    ORGANISATIONS,
)
from planner.domain.organisation import DEFAULT_ORGANISATION_ID
from planner.organisations.access import TripAccess, Viewer
from tests.demo.conftest import LoadedDemo

NANJING_ORGANISER = "organiser@demo.nanjing.example"


def _account(loaded: LoadedDemo, email: str) -> dict[str, Any]:
    account = loaded.app.find_account(email)
    assert account is not None, email
    return account


def test_the_seed_organisations_are_recorded_with_both_names_kind_country_and_zone(
        loaded: LoadedDemo):
    found = {key: loaded.app.get_organisation(o.id) for key, o in ORGANISATIONS.items()}
    assert LEIPZIG.id == DEFAULT_ORGANISATION_ID
    assert (found["leipzig"]["name"], found["leipzig"]["kind"]) == (
        "Invest Region Leipzig GmbH", "agency")
    shown = {key: (o["name"], o["latin_name"], o["kind"], o["country"], o["timezone"])
             for key, o in found.items()}
    assert shown["nanjing"] == ("南京市人民政府", "Nanjing Municipal People's Government",
                                "government", "CN", "Asia/Shanghai")
    assert shown["jining"] == ("济宁市人民政府", "Jining Municipal People's Government",
                               "government", "CN", "Asia/Shanghai")
    assert shown["changsha"] == ("长沙市商务局", "Changsha Bureau of Commerce", "government",
                                 "CN", "Asia/Shanghai")
    assert shown["munich_consulate"][1:] == (
        "Consulate General of the People's Republic of China in Munich", "government", "DE",
        "Europe/Berlin")


def test_each_trip_is_owned_by_its_organisation_and_shared_with_reasons(loaded: LoadedDemo):
    leipzig, munich = loaded.trip("Nanjing and Jining"), loaded.trip("Munich")
    changsha = loaded.trip("Changsha")
    assert leipzig["owner_org_id"] == LEIPZIG.id
    assert leipzig["shares"] == {NANJING.id: "plan", JINING.id: "plan"}
    assert munich["owner_org_id"] == NANJING.id
    assert munich["shares"] == {MUNICH_CONSULATE.id: "view"}
    assert (changsha["owner_org_id"], changsha["shares"]) == (CHANGSHA.id, {})
    for trip in (leipzig, munich):
        shares = [e for e in loaded.app.history(trip["id"])
                  if type(e).__name__ == "SharingChanged"]
        assert len(shares) == len(trip["shares"]) and all(e.reason for e in shares)


def test_profiles_agreements_and_people_belong_to_the_organisation_that_keeps_them(
        loaded: LoadedDemo):
    leipzig, munich = loaded.trip("Nanjing and Jining"), loaded.trip("Munich")
    handed_over = [loaded.app.get_profile(p["profile_id"]) for p in leipzig["profiles"]]
    assert {p["owner_org_id"] for p in handed_over} == {LEIPZIG.id}
    agreements = loaded.agreements()
    mous = {a["title"]: a for a in agreements if a["kind"] == "memorandum of understanding"}
    nanjing_mou = mous["Memorandum of Understanding Leipzig–Nanjing"]
    assert nanjing_mou["owner_org_id"] == LEIPZIG.id
    assert NANJING.id in {p["organisation_id"] for p in nanjing_mou["parties"]}
    jining_mou = mous["Memorandum of Understanding Leipzig–Jining"]
    assert {p["organisation_id"] for p in jining_mou["parties"]} == {LEIPZIG.id, JINING.id}
    projects = [a for a in agreements if a["trip_id"] == str(munich["id"])]
    assert projects and {a["owner_org_id"] for a in projects} == {NANJING.id}
    mayor = next(m for m in munich["members"] if m["role"] == "head of delegation")
    chen = loaded.app.get_person(mayor["person_id"])
    assert (chen["owner_org_id"], chen["organisation_id"]) == (NANJING.id, NANJING.id)
    guests = [loaded.app.get_person(m["person_id"])
              for m in loaded.trip("Changsha")["members"]]
    assert {p["owner_org_id"] for p in guests} == {CHANGSHA.id}


def test_every_demo_login_belongs_to_its_organisation(loaded: LoadedDemo):
    for login in DEMO_LOGINS:
        account = _account(loaded, login.email)
        assert account["organisation_id"] == login.organisation.id, login.email
        assert account["global_auditor"] is login.global_auditor
    assert _account(loaded, NANJING_ORGANISER)["organisation_id"] == NANJING.id
    assert _account(loaded, "organiser@demo.changsha.example")["organisation_id"] == \
        CHANGSHA.id
    kinds = {(login.role, login.global_auditor, login.organisation.key) for login in DEMO_LOGINS}
    assert {("organiser", False, "nanjing"), ("administrator", False, "leipzig"),
            ("auditor", False, "leipzig"), ("auditor", True, "leipzig")} <= kinds


def test_the_printed_logins_name_each_organisation_and_the_global_auditor():
    lines = describe_logins()
    nanjing = next(line for line in lines if NANJING_ORGANISER in line)
    assert nanjing.split()[0] == "organiser"
    assert "南京市人民政府 / Nanjing Municipal People's Government" in nanjing
    assert any(line.split()[:2] == ["global", "auditor"] for line in lines)
    assert any(line.split()[0] == "administrator" for line in lines)


def test_the_nanjing_organiser_plans_the_leipzig_trip_but_does_not_own_it(loaded: LoadedDemo):
    queries = getattr(loaded.planner, "queries", None)
    if queries is None:
        pytest.skip("in-memory storage has no read models")
    account = _account(loaded, NANJING_ORGANISER)
    nanjing = Viewer(role=account["role"], organisation_id=account["organisation_id"])
    leipzig, munich = loaded.trip("Nanjing and Jining")["id"], loaded.trip("Munich")["id"]
    changsha = loaded.trip("Changsha")["id"]
    assert queries.trip_access(nanjing, leipzig) == TripAccess.PLAN
    assert queries.trip_access(nanjing, munich) == TripAccess.OWN
    assert queries.trip_access(nanjing, changsha) == TripAccess.NONE
    consulate = Viewer(role="organiser", organisation_id=MUNICH_CONSULATE.id)
    assert queries.trip_access(consulate, munich) == TripAccess.VIEW
    compliance = Viewer(role="auditor", organisation_id=LEIPZIG.id, global_auditor=True)
    assert {queries.trip_access(compliance, t) for t in (leipzig, munich, changsha)} == {
        TripAccess.VIEW}
    auditor = Viewer(role="auditor", organisation_id=LEIPZIG.id)
    assert queries.trip_access(auditor, changsha) == TripAccess.NONE
    listed = {o.id: o for o in queries.organisations()}
    assert set(ORGANISATIONS[k].id for k in ORGANISATIONS) <= set(listed)
    assert listed[DEFAULT_ORGANISATION_ID].version >= 1  # recorded, not only from config.toml
