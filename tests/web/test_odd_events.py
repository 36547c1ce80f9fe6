"""Events an older release could have written without checking them (a party whose profile id
is not a UUID, a delegation member with a garbage id, a leg in a legacy zone) are already in
some logs. Read models and pages survive them: a warning in the log, the page still renders,
and the odd part can still be removed."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path
from uuid import uuid4

import pytest
from flask import Flask

from planner.domain.agreement import Agreement
from planner.domain.meeting import Meeting
from planner.domain.trip import Trip
from planner.passwords import hash_password
from tests.application.scenarios import append_unchecked
from tests.web.conftest import make_app, post, signed_in, text_of
from tests.web.world import PASSWORD, World, build_world

HUGE_ID = "p" * (1024 * 1024)


@pytest.fixture(scope="module")
def odd(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Flask, World, dict]]:
    app, planner = make_app(Path(tmp_path_factory.mktemp("odd-events")))
    warnings = _Warnings()
    logging.getLogger("planner").addHandler(warnings)
    world = build_world(planner, hash_=hash_password(PASSWORD))
    app.extensions["test_world"] = world
    agreement = world.ids["agreement_id"]
    odd_party, huge_party = str(uuid4()), str(uuid4())
    append_unchecked(planner.app, agreement, Agreement.PartyAdded, party_id=odd_party,
                     name="Jining Port Group", profile_id="jining-port-42", organisation_id="")
    append_unchecked(planner.app, agreement, Agreement.PartyAdded, party_id=huge_party,
                     name="Huge Id Ltd", profile_id=HUGE_ID, organisation_id="")
    append_unchecked(planner.app, world.trip_id, Trip.MemberAdded, person_id="legacy-person-7",
                     role="interpreter", organisation="Old import")
    append_unchecked(planner.app, world.trip_id, Trip.ProfileAttached, profile_id="legacy-profile",
                     profile_version=1)
    append_unchecked(planner.app, world.meeting_id, Meeting.AttendeeAdded,
                     person_id="legacy-person-7")
    yield app, world, {"agreement": agreement, "odd_party": odd_party,
                       "huge_party": huge_party, "warnings": warnings.messages}
    logging.getLogger("planner").removeHandler(warnings)
    planner.close()


class _Warnings(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def pages(world: World, agreement: str) -> list[tuple[str, str]]:
    trip, meeting = world.trip_id, world.meeting_id
    return [("organiser", f"/agreements/{agreement}"),
            ("organiser", f"/agreements/{agreement}/parties"),
            ("organiser", "/agreements"),
            ("organiser", f"/trips/{trip}"),
            ("organiser", f"/trips/{trip}/members"),
            ("organiser", f"/trips/{trip}/profiles"),
            ("organiser", f"/meetings/{meeting}"),
            ("organiser", f"/meetings/{meeting}/change"),
            ("organiser", f"/trips/{trip}/calendar.ics"),
            ("organiser", "/"),
            ("member", "/schedule"),
            ("auditor", f"/audit/records/{agreement}/history"),
            ("auditor", f"/audit/records/{trip}/history"),
            ("auditor", "/audit/log")]


def test_every_page_still_renders_and_the_odd_ids_are_logged(
        odd: tuple[Flask, World, dict]) -> None:
    app, world, ids = odd
    for role, address in pages(world, ids["agreement"]):
        response = signed_in(app, role).get(address)
        assert response.status_code == 200, (role, address, text_of(response)[-500:])
    assert "Jining Port Group" in text_of(signed_in(app, "organiser")
                                          .get(f"/agreements/{ids['agreement']}"))
    warned = ids["warnings"]
    assert any("PartyAdded" in m and "'jining-port-42'" in m and "not UUIDs" in m
               for m in warned), warned
    assert all(len(m) < 500 for m in warned), "a huge stored id is not copied into the log"


def test_the_odd_party_can_still_be_removed(odd: tuple[Flask, World, dict]) -> None:
    app, _, ids = odd
    organiser = signed_in(app, "organiser")
    address = f"/agreements/{ids['agreement']}/parties"
    for party in (ids["odd_party"], ids["huge_party"]):
        version = app.extensions["planner"].app.get_agreement(ids["agreement"])["version"]
        response = post(organiser, f"{address}/remove", party_id=party,
                        expected_version=version)
        assert response.status_code == 302, text_of(response)
    page = text_of(organiser.get(f"/agreements/{ids['agreement']}"))
    assert "Jining Port Group" not in page and "Huge Id Ltd" not in page
