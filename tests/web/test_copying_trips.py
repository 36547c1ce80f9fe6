"""Plan again from this trip, on the web: the form, the copy, refusals, a partner's people."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from uuid import UUID

import pytest
from flask import Flask
from flask.testing import FlaskClient

from planner.bootstrap import Planner
from planner.domain.organisation import DEFAULT_ORGANISATION_ID
from planner.passwords import hash_password
from tests.web.conftest import make_app, open_session, post, text_of, visible
from tests.web.world import PASSWORD

SETUP = "test:setup"


@dataclass
class Copyable:
    app: Flask
    planner: Planner
    trip_id: UUID
    partner: UUID


@pytest.fixture
def copyable(tmp_path: Path) -> Iterator[Copyable]:
    """A trip of the default organisation, shared at plan with Nanjing's foreign affairs
    office: two legs, Körner (ours) and Wang (Nanjing's) in the delegation, one meeting."""
    app, planner = make_app(tmp_path)
    cmd = planner.app
    partner = cmd.register_organisation(actor=SETUP, name="Nanjing Foreign Affairs Office",
                                        kind="government", country="CN",
                                        timezone="Asia/Shanghai")
    password = hash_password(PASSWORD)
    for email, org, role in (("anna@ours.example", DEFAULT_ORGANISATION_ID, "organiser"),
                             ("li@nanjing.example", partner, "organiser"),
                             ("audit@ours.example", DEFAULT_ORGANISATION_ID, "auditor")):
        cmd.open_account(actor=SETUP, email=email, name=email, role=role,
                         password_hash=password, organisation_id=org)
    trip_id = cmd.create_trip(actor=SETUP, title="Leipzig to Nanjing and Chengdu",
                              organiser="Invest Region Leipzig", direction="outbound",
                              home_timezone="Europe/Berlin", starts_on=date(2026, 5, 4),
                              ends_on=date(2026, 5, 9))
    nanjing = cmd.add_leg(trip_id, actor=SETUP, city="Nanjing", country="China",
                          timezone="Asia/Shanghai", arrives_on=date(2026, 5, 4),
                          departs_on=date(2026, 5, 6))
    cmd.add_leg(trip_id, actor=SETUP, city="Chengdu", country="China",
                timezone="Asia/Shanghai", arrives_on=date(2026, 5, 7),
                departs_on=date(2026, 5, 9))
    koerner = cmd.register_person(actor=SETUP, name="Michael Körner",
                                  home_timezone="Europe/Berlin")
    wang = cmd.register_person(actor=SETUP, name="Wang Lei", home_timezone="Asia/Shanghai",
                               owner_org_id=partner)
    cmd.add_member(trip_id, actor=SETUP, person_id=koerner, role="head of delegation")
    cmd.add_member(trip_id, actor=SETUP, person_id=wang, role="interpreter")
    cmd.schedule_meeting(trip_id, actor=SETUP, kind="official meeting",
                         title="Nanjing city hall", venue="City Hall", city="Nanjing",
                         timezone="Asia/Shanghai", leg_id=nanjing,
                         starts=datetime(2026, 5, 5, 10), ends=datetime(2026, 5, 5, 11),
                         attendees=[koerner, wang], agenda="Twin towns")
    cmd.share_trip(trip_id, actor=SETUP, organisation_id=partner, access="plan",
                   reason="Nanjing plans the programme")
    yield Copyable(app, planner, trip_id, partner)
    planner.close()


def _client(world: Copyable, email: str) -> FlaskClient:
    client = world.app.test_client()
    client.csrf = open_session(client, email)  # type: ignore[attr-defined]
    return client


def _events(world: Copyable) -> int:
    return world.planner.app.recorder.max_notification_id() or 0


def test_the_trip_page_offers_the_copy_and_the_copy_is_a_shifted_draft(
        copyable: Copyable) -> None:
    anna = _client(copyable, "anna@ours.example")
    page = anna.get(f"/trips/{copyable.trip_id}")
    assert "Plan again from this trip" in visible(page)
    form = anna.get(f"/trips/{copyable.trip_id}/copy")
    assert form.status_code == 200 and "New first day" in visible(form)
    done = post(anna, f"/trips/{copyable.trip_id}/copy", starts_on="2027-05-03", title="")
    assert done.status_code == 302
    new = anna.get(done.headers["Location"])
    text = visible(new)
    assert "A draft copy of ‘Leipzig to Nanjing and Chengdu’ is made: 2 legs, 1 member " \
           "and 1 meeting as proposals." in text
    # Wang Lei was registered by Nanjing, which does not see our copy
    assert "Left out (people of a partner organisation, which does not see the copy): " \
           "Wang Lei." in text
    assert "Mon 3 May – Sat 8 May 2027" in text and "· draft" in text
    assert "Nanjing, China Mon 3 May – Wed 5 May 2027" in text
    assert "Tue 4 May 2027 10:00–11:00 CST" in text  # the same local time, a year on
    assert "Nanjing city hall proposed" in text and "Attending: Michael Körner " in text
    copy_id = done.headers["Location"].rsplit("/", 1)[1]
    assert "not shared" in text.lower()
    created = copyable.planner.app.history(UUID(copy_id))[0]
    assert created.reason.startswith("copied from the trip ‘Leipzig to Nanjing and Chengdu’")


def test_a_copy_without_a_start_date_is_refused_and_writes_nothing(
        copyable: Copyable) -> None:
    anna = _client(copyable, "anna@ours.example")
    before = _events(copyable)
    refused = post(anna, f"/trips/{copyable.trip_id}/copy", starts_on="", title="Again")
    assert refused.status_code == 422
    assert "starts_on" in text_of(refused) or "New first day" in visible(refused)
    assert "must not be empty" in visible(refused)
    assert 'value="Again"' in text_of(refused)  # what was typed stays
    assert _events(copyable) == before


def test_an_auditor_may_not_copy(copyable: Copyable) -> None:
    auditor = _client(copyable, "audit@ours.example")
    before = _events(copyable)
    assert "Plan again" not in visible(auditor.get(f"/trips/{copyable.trip_id}"))
    assert post(auditor, f"/trips/{copyable.trip_id}/copy",
                starts_on="2027-05-03").status_code == 403
    assert _events(copyable) == before


def test_a_partner_copies_for_itself_without_the_owners_people(copyable: Copyable) -> None:
    li = _client(copyable, "li@nanjing.example")
    done = post(li, f"/trips/{copyable.trip_id}/copy", starts_on="2027-05-03",
                title="Nanjing's own visit")
    assert done.status_code == 302
    text = visible(li.get(done.headers["Location"]))
    assert "1 member and" in text
    assert "Left out (people of a partner organisation, which does not see the copy): " \
           "Michael Körner." in text
    copy_id = done.headers["Location"].rsplit("/", 1)[1]
    copy = copyable.planner.queries.trip(copy_id)
    assert str(copy.owner_org_id) == str(copyable.partner)
    assert [m.name for m in copy.members] == ["Wang Lei"]
    # the copy is Nanjing's: the original's owner does not see it
    anna = _client(copyable, "anna@ours.example")
    assert anna.get(f"/trips/{copy_id}").status_code == 404
