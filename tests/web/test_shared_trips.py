"""A trip shared across organisations (issue 11): who may read, plan and manage it on the web.

A Leipzig agency owns the trip; Nanjing's foreign affairs office may plan its programme,
Jining's commerce bureau may view it, a Munich agency has nothing to do with it. Every account
is an organiser of its own organisation. The world is built through the real commands on a
database of this module's own (it adds organisations the shared test world must not see).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from uuid import UUID

import pytest
from flask import Flask
from flask.testing import FlaskClient

from planner.bootstrap import Planner, build
from planner.passwords import hash_password
from planner.settings import load_settings
from tests.conftest import fresh_postgres_database
from tests.web.conftest import make_app, open_session, post, text_of, visible
from tests.web.world import PASSWORD
from web import create_app

SETUP = "test:setup"
TITLE = "Leipzig economic delegation to Nanjing"
HIDDEN = "Munich trade mission to Chengdu"


@dataclass
class Shared:
    app: Flask
    trip_id: UUID
    meeting_id: UUID
    leg_id: str
    other_trip_id: UUID
    orgs: dict[str, UUID]
    emails: dict[str, str]


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def shared(request: pytest.FixtureRequest,
           tmp_path_factory: pytest.TempPathFactory) -> Iterator[Shared]:
    """The world on a SQLite file, then on PostgreSQL (the access reads are raw SQL)."""
    folder = tmp_path_factory.mktemp("shared")
    if request.param == "sqlite":
        yield from _shared(*make_app(folder))
        return
    with fresh_postgres_database(request.getfixturevalue("postgres_server")) as url:
        settings = load_settings(environ={}, instance_path=str(folder / "instance"))
        planner = build(settings, database_url=url)
        app = create_app(settings, planner=planner)
        app.config.update(TESTING=True)
        yield from _shared(app, planner)


def _shared(app: Flask, planner: Planner) -> Iterator[Shared]:
    cmd = planner.app
    today = cmd.now().date()
    orgs = {
        "owner": cmd.register_organisation(actor=SETUP, name="Invest Region Leipzig",
                                           kind="agency", country="DE",
                                           timezone="Europe/Berlin"),
        "planner": cmd.register_organisation(actor=SETUP, name="南京市外事办公室",
                                             latin_name="Nanjing Foreign Affairs Office",
                                             kind="government", country="CN",
                                             timezone="Asia/Shanghai"),
        "viewer": cmd.register_organisation(actor=SETUP, name="济宁市商务局",
                                            latin_name="Jining Commerce Bureau",
                                            kind="government", country="CN",
                                            timezone="Asia/Shanghai"),
        "other": cmd.register_organisation(actor=SETUP, name="Munich Business Agency",
                                           kind="agency", country="DE",
                                           timezone="Europe/Berlin"),
    }
    emails = {role: f"{role}@shared.example" for role in orgs}
    password = hash_password(PASSWORD)
    for role, org in orgs.items():
        cmd.open_account(actor=SETUP, email=emails[role], name=f"Organiser {role}",
                         role="organiser", password_hash=password, organisation_id=org)
    start = today - timedelta(days=1)  # under way: its first meeting can have an outcome
    trip_id = cmd.create_trip(actor=SETUP, title=TITLE, organiser="Invest Region Leipzig",
                              direction="outbound", home_timezone="Europe/Berlin",
                              starts_on=start, ends_on=start + timedelta(days=4),
                              owner_org_id=orgs["owner"])
    leg = cmd.add_leg(trip_id, actor=SETUP, city="Nanjing", country="China",
                      timezone="Asia/Shanghai", arrives_on=start,
                      departs_on=start + timedelta(days=2))
    koerner = cmd.register_person(actor=SETUP, name="Michael Körner",
                                  home_timezone="Europe/Berlin", owner_org_id=orgs["owner"])
    cmd.add_member(trip_id, actor=SETUP, person_id=koerner, role="head of delegation")
    emails["member"], emails["admin"] = "koerner@shared.example", "admin@shared.example"
    cmd.open_account(actor=SETUP, email=emails["member"], name="Michael Körner",
                     role="participant", password_hash=password, person_id=koerner,
                     organisation_id=orgs["owner"])
    cmd.open_account(actor=SETUP, email=emails["admin"], name="Administrator",
                     role="administrator", password_hash=password, organisation_id=orgs["owner"])
    meeting_id = cmd.schedule_meeting(
        trip_id, actor=SETUP, kind="official meeting", title="Late dinner with the vice mayor",
        venue="Jinling Hotel", city="Nanjing", timezone="Asia/Shanghai", leg_id=leg,
        starts=datetime.combine(start, datetime.min.time()).replace(hour=22),
        ends=datetime.combine(start, datetime.min.time()).replace(hour=23),
        attendees=[koerner])  # outside the working day: a warning on the dashboard
    cmd.record_outcome(meeting_id, actor=SETUP, summary="Dinner held.", ideas=[])
    cmd.add_followup(meeting_id, actor=SETUP, action="Thank the vice mayor",
                     owner="Michael Körner", due_on=today - timedelta(days=1))  # overdue
    cmd.share_trip(trip_id, actor=SETUP, organisation_id=orgs["planner"], access="plan",
                   reason="Nanjing plans the programme in China")
    cmd.share_trip(trip_id, actor=SETUP, organisation_id=orgs["viewer"], access="view",
                   reason="Jining hosts the second leg")
    other = cmd.create_trip(actor=SETUP, title=HIDDEN, organiser="Munich Business Agency",
                            direction="outbound", home_timezone="Europe/Berlin",
                            starts_on=start, ends_on=start + timedelta(days=2),
                            owner_org_id=orgs["other"])
    yield Shared(app=app, trip_id=trip_id, meeting_id=meeting_id, leg_id=leg,
                 other_trip_id=other, orgs=orgs, emails=emails)
    planner.close()


def client_of(shared: Shared, role: str) -> FlaskClient:
    client = shared.app.test_client()
    client.csrf = open_session(client, shared.emails[role])  # type: ignore[attr-defined]
    return client


def events(shared: Shared) -> int:
    return shared.app.extensions["planner"].app.recorder.max_notification_id() or 0


def trip_row(shared: Shared, trip_id: UUID):  # noqa: ANN201 - TripDetail
    return shared.app.extensions["planner"].queries.trip(trip_id)


def programme_posts(shared: Shared) -> list[tuple[str, dict[str, str]]]:
    """One valid change of each kind of the programme (the version read now)."""
    trip = trip_row(shared, shared.trip_id)
    version = str(trip.version)
    meeting = shared.app.extensions["planner"].queries.meeting(shared.meeting_id)
    day = trip.starts_on
    return [
        (f"/trips/{shared.trip_id}/legs/new",
         {"city": "Jining", "country": "China", "timezone": "Asia/Shanghai",
          "arrives_on": str(day + timedelta(days=2)), "departs_on": str(trip.ends_on),
          "expected_version": version}),
        (f"/trips/{shared.trip_id}/meetings/new",
         {"kind": "site visit", "title": "Visit to the Jiangbei new area", "venue": "Jiangbei",
          "leg_id": shared.leg_id, "starts_at": f"{day}T10:00", "ends_at": f"{day}T11:00"}),
        (f"/meetings/{shared.meeting_id}/outcome",
         {"summary": "Agreed on a joint fair.", "ideas": "Joint trade fair",
          "reason": "minutes from the host", "expected_version": str(meeting.version)}),
        (f"/meetings/{shared.meeting_id}/followups",
         {"action": "Send the minutes", "owner": "Michael Körner",
          "due_on": str(day + timedelta(days=20))}),
    ]


def owner_posts(shared: Shared) -> list[tuple[str, dict[str, str]]]:
    trip = trip_row(shared, shared.trip_id)
    version = str(trip.version)
    return [
        (f"/trips/{shared.trip_id}/dates",
         {"starts_on": str(trip.starts_on), "ends_on": str(trip.ends_on + timedelta(days=1)),
          "reason": "one more day", "expected_version": version}),
        (f"/trips/{shared.trip_id}/cancel", {"reason": "called off", "expected_version": version}),
        (f"/trips/{shared.trip_id}/sharing",
         {"organisation_id": str(shared.orgs["other"]), "access": "view",
          "reason": "let Munich see it", "expected_version": version}),
        (f"/trips/{shared.trip_id}/status",
         {"status": "planned", "expected_version": version}),
    ]


OWNER_PAGES = ("edit", "dates", "objectives", "status", "cancel", "sharing", "profiles")


# -- the plan partner -----------------------------------------------------------------------
def test_the_plan_partner_adds_legs_meetings_and_follow_ups(shared: Shared) -> None:
    nanjing = client_of(shared, "planner")
    for number, _ in enumerate(programme_posts(shared)):
        address, fields = programme_posts(shared)[number]  # each with the versions of now
        before = events(shared)
        response = post(nanjing, address, **fields)
        assert response.status_code == 302, (address, visible(response))
        assert events(shared) > before
    page = visible(nanjing.get(f"/trips/{shared.trip_id}"))
    assert "Jining" in page and "Visit to the Jiangbei new area" in page


def test_the_plan_partner_may_not_change_dates_cancel_or_share(shared: Shared) -> None:
    nanjing = client_of(shared, "planner")
    for page in OWNER_PAGES:
        assert nanjing.get(f"/trips/{shared.trip_id}/{page}").status_code == 403, page
    before = events(shared)
    for address, fields in owner_posts(shared):
        response = post(nanjing, address, **fields)
        assert response.status_code == 403, address
        assert "organisation that owns the trip" in text_of(response)
    assert events(shared) == before


def test_the_plan_partner_sees_only_the_buttons_it_may_use(shared: Shared) -> None:
    page = visible(client_of(shared, "planner").get(f"/trips/{shared.trip_id}"))
    assert "Schedule meeting" in page and "Add a leg" in page
    for button in ("Change dates", "Cancel the trip", "Change status", "Share with a partner",
                   "Attach or detach profiles"):
        assert button not in page, button
    assert "Owned by Invest Region Leipzig" in page
    assert "Nanjing Foreign Affairs Office · may plan" in page
    assert "Jining Commerce Bureau · may view" in page


# -- the view partner -----------------------------------------------------------------------
def test_the_view_partner_reads_everything_and_changes_nothing(shared: Shared) -> None:
    jining = client_of(shared, "viewer")
    for address in (f"/trips/{shared.trip_id}", f"/meetings/{shared.meeting_id}",
                    f"/trips/{shared.trip_id}/calendar.ics",
                    f"/meetings/{shared.meeting_id}/calendar.ics"):
        assert jining.get(address).status_code == 200, address
    page = visible(jining.get(f"/trips/{shared.trip_id}"))
    for button in ("Schedule meeting", "Add a leg", "Manage the delegation", "Change dates",
                   "Members' calendar addresses"):
        assert button not in page, button
    meeting = visible(jining.get(f"/meetings/{shared.meeting_id}"))
    assert "Relocate" not in meeting and "Choose attendees" not in meeting
    for form in ("edit", "move", "relocate", "status", "attendees", "outcome", "followups",
                 "change"):
        assert jining.get(f"/meetings/{shared.meeting_id}/{form}").status_code == 403, form
    before = events(shared)
    for address, fields in programme_posts(shared) + owner_posts(shared):
        assert post(jining, address, **fields).status_code == 403, address
    assert events(shared) == before


# -- an unrelated organisation --------------------------------------------------------------
def test_an_unrelated_organiser_cannot_tell_the_trip_exists(shared: Shared) -> None:
    munich = client_of(shared, "other")
    for address in (f"/trips/{shared.trip_id}", f"/meetings/{shared.meeting_id}",
                    f"/trips/{shared.trip_id}/calendar.ics",
                    f"/meetings/{shared.meeting_id}/calendar.ics",
                    f"/meetings/{shared.meeting_id}/edit", f"/trips/{shared.trip_id}/dates",
                    f"/trips/{shared.trip_id}/sharing", f"/trips/{shared.trip_id}/members"):
        assert munich.get(address).status_code == 404, address
    before = events(shared)
    for address, fields in programme_posts(shared) + owner_posts(shared):
        assert post(munich, address, **fields).status_code == 404, address
    assert events(shared) == before


def test_lists_and_the_dashboard_show_only_visible_trips(shared: Shared) -> None:
    munich, leipzig = client_of(shared, "other"), client_of(shared, "owner")
    assert TITLE not in visible(munich.get("/trips"))
    assert HIDDEN in visible(munich.get("/trips"))
    board = visible(munich.get("/"))
    assert TITLE not in board and HIDDEN in board
    assert "0 warnings" in board and "1 under way" in board
    assert "Thank the vice mayor" not in board and "0 overdue" in board
    own = visible(leipzig.get("/"))
    assert TITLE in own and HIDDEN not in own
    assert re.search(re.escape(TITLE) + r" ?: [1-9]\d* warnings? ", own)
    assert "Thank the vice mayor" in own and "1 overdue" in own
    assert HIDDEN not in visible(leipzig.get("/trips"))
    assert TITLE in visible(client_of(shared, "viewer").get("/trips"))


# -- sharing --------------------------------------------------------------------------------
def test_the_owner_shares_and_unshares_with_a_reason_and_the_history_shows_it(
        shared: Shared) -> None:
    leipzig = client_of(shared, "owner")
    address = f"/trips/{shared.trip_id}/sharing"
    page = visible(leipzig.get(address))
    assert "Munich Business Agency" in page and "Nanjing Foreign Affairs Office" in page
    munich_id = str(shared.orgs["other"])
    version = str(trip_row(shared, shared.trip_id).version)
    before = events(shared)
    missing = post(leipzig, address, organisation_id=munich_id, access="view", reason=" ",
                   expected_version=version)
    assert missing.status_code == 422 and "reason" in visible(missing)
    unknown = post(leipzig, address, organisation_id="not-an-id", access="view",
                   reason="x", expected_version=version)
    assert unknown.status_code == 422 and "organisation" in visible(unknown)
    wrong = post(leipzig, address, organisation_id=munich_id, access="edit", reason="x",
                 expected_version=version)
    assert wrong.status_code == 422 and "Access" in visible(wrong)
    stale = post(leipzig, address, organisation_id=munich_id, access="view", reason="x",
                 expected_version=str(int(version) - 1))
    assert stale.status_code == 409
    assert events(shared) == before

    munich = client_of(shared, "other")
    shared_now = post(leipzig, address, organisation_id=munich_id, access="view",
                      reason="Munich co-finances the fair", expected_version=version)
    assert shared_now.status_code == 302
    assert munich.get(f"/trips/{shared.trip_id}").status_code == 200
    assert "Munich Business Agency" in visible(leipzig.get(address))

    version = str(trip_row(shared, shared.trip_id).version)
    ended = post(leipzig, address, organisation_id=munich_id, access="none",
                 reason="The fair is off", expected_version=version)
    assert ended.status_code == 302
    assert munich.get(f"/trips/{shared.trip_id}").status_code == 404

    history = visible(leipzig.get(f"/audit/records/{shared.trip_id}/history"))
    assert ("sharing changed" in history.lower()  # the event's name, or its sentence
            or "shared with Munich Business Agency" in history)
    assert "Munich co-finances the fair" in history and "The fair is off" in history
    assert "Munich Business Agency" in history


def test_a_new_trip_belongs_to_the_organisation_of_who_created_it(shared: Shared) -> None:
    nanjing = client_of(shared, "planner")
    response = post(nanjing, "/trips/new", title="Nanjing mayor's visit to Leipzig",
                    organiser="Nanjing Foreign Affairs Office", direction="outbound",
                    home_timezone="Asia/Shanghai", starts_on=str(date(2027, 3, 1)),
                    ends_on=str(date(2027, 3, 5)))
    assert response.status_code == 302
    trip_id = response.headers["Location"].rstrip("/").rsplit("/", 1)[1]
    assert trip_row(shared, trip_id).owner_org_id == str(shared.orgs["planner"])
    assert client_of(shared, "planner").get(f"/trips/{trip_id}/sharing").status_code == 200
    assert client_of(shared, "owner").get(f"/trips/{trip_id}").status_code == 404


def test_calendar_addresses_of_the_delegation_follow_the_trip_and_the_person(
        shared: Shared) -> None:
    koerner = trip_row(shared, shared.trip_id).members[0].person_id
    members = f"/trips/{shared.trip_id}/calendars"
    person = f"/people/{koerner}/calendar/address"
    nanjing, jining = client_of(shared, "planner"), client_of(shared, "viewer")
    munich = client_of(shared, "other")
    assert nanjing.get(members).status_code == 200
    assert jining.get(members).status_code == 403
    assert munich.get(members).status_code == 404
    before = events(shared)
    assert post(jining, f"{members}/{koerner}", action="reset").status_code == 403
    assert post(nanjing, person, action="reset").status_code == 403  # Leipzig registered him
    assert post(munich, person, action="reset").status_code == 404  # not on any of its trips
    assert events(shared) == before
    assert post(nanjing, f"{members}/{koerner}", action="reset").status_code == 200
    assert post(client_of(shared, "owner"), person, action="reset").status_code == 200


def test_administrators_plan_like_organisers_and_participants_see_their_trip_as_before(
        shared: Shared) -> None:
    admin = client_of(shared, "admin")
    board = visible(admin.get("/"))
    assert "Trips" in board and "New trip" in board and TITLE in board
    assert admin.get("/trips/new").status_code == 200
    assert admin.get(f"/trips/{shared.trip_id}/sharing").status_code == 200
    assert admin.get(f"/trips/{shared.other_trip_id}").status_code == 404
    member = client_of(shared, "member")
    page = visible(member.get(f"/trips/{shared.trip_id}"))
    assert TITLE in page
    for staff_only in ("Owned by", "Shared with", "Schedule meeting", "warning"):
        assert staff_only not in page, staff_only
    assert "My trips" in visible(member.get("/trips"))
    assert member.get(f"/trips/{shared.trip_id}/legs/new").status_code == 403
    assert member.get(f"/trips/{shared.other_trip_id}").status_code == 404


def test_forms_offer_and_take_only_people_and_profiles_the_organisation_may_see(
        shared: Shared) -> None:
    cmd = shared.app.extensions["planner"].app
    secret = cmd.register_person(actor=SETUP, name="Hidden Munich Contact",
                                 home_timezone="Europe/Berlin", owner_org_id=shared.orgs["other"])
    their_profile = cmd.register_profile(actor=SETUP, name="Munich Secret Robotics GmbH",
                                         kind="company", country="Germany",
                                         owner_org_id=shared.orgs["other"])
    members = f"/trips/{shared.trip_id}/members"
    nanjing = client_of(shared, "planner")
    assert "Hidden Munich Contact" not in text_of(nanjing.get(members))
    before = events(shared)
    refused = post(nanjing, members, person_id=str(secret), role="official",
                   expected_version=str(trip_row(shared, shared.trip_id).version))
    assert refused.status_code == 422 and f"there is no person with id {secret}" in visible(
        refused)
    owner = client_of(shared, "owner")
    profiles = f"/trips/{shared.trip_id}/profiles"
    assert "Munich Secret Robotics" not in text_of(owner.get(profiles))
    refused = post(owner, profiles, profile_id=str(their_profile),
                   expected_version=str(trip_row(shared, shared.trip_id).version))
    assert refused.status_code == 422 and "there is no company profile with id" in visible(
        refused)
    assert events(shared) == before, "a refused choice writes nothing"


def test_the_counterpart_of_a_visible_agreement_can_be_opened(shared: Shared) -> None:
    cmd = shared.app.extensions["planner"].app
    counterpart = cmd.register_profile(actor=SETUP, name="Nanjing Jiangbei New Area",
                                       kind="government body", country="China",
                                       owner_org_id=shared.orgs["planner"])
    owner = client_of(shared, "owner")
    assert owner.get(f"/companies/{counterpart}").status_code == 404
    mou = cmd.draft_agreement(actor=SETUP, title="MoU on a Leipzig–Nanjing park",
                              kind="memorandum of understanding",
                              owner_org_id=shared.orgs["owner"])
    cmd.add_party(mou, actor=SETUP, name="Nanjing Jiangbei New Area", profile_id=counterpart)
    page = owner.get(f"/companies/{counterpart}")
    assert page.status_code == 200 and "Nanjing Jiangbei New Area" in visible(page)
    assert owner.get(f"/companies/{counterpart}/edit").status_code == 403, "read only"
