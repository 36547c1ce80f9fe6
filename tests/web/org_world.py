"""A small world of three organisations, built through the real commands, for the tests of
who sees and changes which records (tests/web/test_record_ownership.py and
test_organisations_pages.py).

- Leipzig (the default organisation, not yet recorded: it exists from config.toml) owns trip
  `leipzig_trip`, profile `leipzig_profile`, agreement `leipzig_agreement`, person
  `leipzig_person`;
- Nanjing owns trip `nanjing_trip` (shared with Leipzig at *view*), profiles
  `nanjing_profile` (private) and `nanjing_handed` (attached to the shared trip), agreements
  `nanjing_agreement` (private) and `nanjing_with_leipzig` (Leipzig is a party), people
  `nanjing_person` (private) and `nanjing_member` (on the shared trip);
- Jining owns person `jining_leipziger`, who belongs to Leipzig.

Accounts: an organiser, an auditor and an administrator of Leipzig, an organiser, an auditor
and a participant of Nanjing, an organiser of Jining and a global auditor (Jining).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from planner.bootstrap import Planner
from planner.domain.organisation import DEFAULT_ORGANISATION_ID
from planner.passwords import hash_password
from tests.web.conftest import make_app, open_session

SETUP = "test:setup"
PASSWORD_HASH = hash_password("correct horse battery staple")
LEIPZIG = DEFAULT_ORGANISATION_ID

EMAILS = {
    "leipzig organiser": "olga@leipzig.example",
    "leipzig auditor": "anna@leipzig.example",
    "leipzig administrator": "adam@leipzig.example",
    "nanjing organiser": "wang@nanjing.example",
    "nanjing auditor": "li@nanjing.example",
    "nanjing participant": "zhou@nanjing.example",
    "jining organiser": "kong@jining.example",
    "global auditor": "gao@jining.example",
}


@dataclass
class OrgWorld:
    planner: Planner
    nanjing: str
    jining: str
    ids: dict[str, Any] = field(default_factory=dict)

    def __getattr__(self, name: str) -> Any:
        try:
            return self.ids[name]
        except KeyError:
            raise AttributeError(name) from None

    def events(self) -> int:
        """How many events the log holds: a refused request must not change it."""
        return self.planner.app.recorder.max_notification_id() or 0


def build(planner: Planner) -> OrgWorld:
    app = planner.app
    nanjing = str(app.register_organisation(
        actor=SETUP, name="南京市人民政府", latin_name="Nanjing Municipal People's Government",
        kind="government", country="CN", timezone="Asia/Shanghai"))
    jining = str(app.register_organisation(
        actor=SETUP, name="济宁市商务局", latin_name="Jining Commerce Bureau", kind="government",
        country="CN", timezone="Asia/Shanghai"))
    world = OrgWorld(planner=planner, nanjing=nanjing, jining=jining)
    ids = world.ids
    person = {"leipzig": LEIPZIG, "nanjing": nanjing, "jining": jining}
    ids["nanjing_member"] = app.register_person(
        actor=SETUP, name="周敏", home_timezone="Asia/Shanghai", owner_org_id=nanjing)
    for who, email in EMAILS.items():
        org, role = who.split(" ")[0], who.split(" ")[-1]
        app.open_account(
            actor=SETUP, email=email, name=who.title(),
            role="auditor" if role == "auditor" else role, password_hash=PASSWORD_HASH,
            organisation_id=person.get(org, jining), global_auditor=who == "global auditor",
            person_id=ids["nanjing_member"] if role == "participant" else None)
    ids["leipzig_trip"] = app.create_trip(
        actor=SETUP, title="Leipzig delegation to Nanjing", organiser="Invest Region Leipzig",
        direction="outbound", home_timezone="Europe/Berlin", starts_on=date(2025, 6, 2),
        ends_on=date(2025, 6, 6))
    ids["nanjing_trip"] = app.create_trip(
        actor=SETUP, title="Nanjing study visit to Leipzig", organiser="Nanjing FAO",
        direction="inbound", home_timezone="Asia/Shanghai", starts_on=date(2025, 9, 8),
        ends_on=date(2025, 9, 12), owner_org_id=nanjing)
    app.share_trip(ids["nanjing_trip"], actor=SETUP, organisation_id=LEIPZIG, access="view",
                   reason="Leipzig hosts the visit")
    app.add_member(ids["nanjing_trip"], actor=SETUP, person_id=ids["nanjing_member"],
                   role="official")
    ids["leipzig_profile"] = app.register_profile(
        actor=SETUP, name="Körner Maschinenbau GmbH", kind="company", country="Germany")
    ids["nanjing_profile"] = app.register_profile(
        actor=SETUP, name="南京天加环境科技有限公司", kind="company", country="China",
        owner_org_id=nanjing)
    ids["nanjing_handed"] = app.register_profile(
        actor=SETUP, name="Nanjing Hi-Tech Zone Authority", kind="government body",
        country="China", owner_org_id=nanjing)
    app.attach_profile(ids["nanjing_trip"], ids["nanjing_handed"], actor=SETUP)
    ids["leipzig_agreement"] = app.draft_agreement(
        actor=SETUP, title="Leipzig cluster agreement", kind="contract")
    ids["nanjing_agreement"] = app.draft_agreement(
        actor=SETUP, title="Nanjing internal MoU", kind="memorandum of understanding",
        owner_org_id=nanjing)
    ids["nanjing_with_leipzig"] = app.draft_agreement(
        actor=SETUP, title="Twin-town memorandum", kind="memorandum of understanding",
        owner_org_id=nanjing)
    app.add_party(ids["nanjing_with_leipzig"], actor=SETUP, name="City of Leipzig",
                  organisation_id=LEIPZIG)
    ids["leipzig_person"] = app.register_person(
        actor=SETUP, name="Michael Körner", home_timezone="Europe/Berlin")
    ids["nanjing_person"] = app.register_person(
        actor=SETUP, name="韩立明", home_timezone="Asia/Shanghai", owner_org_id=nanjing)
    ids["jining_leipziger"] = app.register_person(
        actor=SETUP, name="Jonas Leipziger", home_timezone="Asia/Shanghai", owner_org_id=jining,
        organisation_id=LEIPZIG)
    return world


def app_with_world(tmp_path_factory: pytest.TempPathFactory
                   ) -> Iterator[tuple[Flask, OrgWorld]]:
    """For a module-scoped fixture: an app on its own database with this world in it."""
    app, planner = make_app(Path(tmp_path_factory.mktemp("orgs")))
    world = build(planner)
    yield app, world
    planner.close()


def as_user(app: Flask, who: str) -> FlaskClient:
    """A client signed in as one of the world's accounts (`client.csrf` is its form token)."""
    client = app.test_client()
    client.csrf = open_session(client, EMAILS[who])  # type: ignore[attr-defined]
    return client
