"""Generated worlds of organisations: no request reaches a record it may not.

Hypothesis draws organisations, trips owned by them, shares at plan or view, company profiles
and agreements (owned by one organisation, handed over on trips, naming an organisation as a
party) and accounts of every role in random organisations; each world is written through the
application's commands into its own SQLite database. Then every account asks for the trip
list, the dashboard, its schedule and calendar, every trip and meeting page and calendar,
every profile and agreement, and tries a programme write (a new leg) and an owner-only write
(the objectives) on every trip.

What each account may do is worked out here from the drawn facts, by the rules of issue 11
restated (`access`, `sees_profile`, `sees_agreement`), not by asking planner.organisations:
a record it may not read is in no list and answers 404; a write it may not make answers 403
(a reader, or a role that never writes) or 404 (a trip it cannot see) and writes no event;
what it may read answers 200 and what it may write succeeds. Every deviation is a violation;
the figure to reach is 0.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from planner.bootstrap import Planner
from planner.domain.organisation import DEFAULT_ORGANISATION_ID
from planner.passwords import hash_password
from tests.web.conftest import event_count, make_app, open_session, text_of

SETUP = "test:generated-organisations"
NAMES = ("alpha", "bravo", "charlie", "delta", "echo", "foxtrot")
NONE, MEMBER, VIEW, PLAN, OWN = range(5)
PLANNERS = ("organiser", "administrator")
HASH = hash_password("generated organisations password")


# -- the drawn facts ------------------------------------------------------------------------
@dataclass
class TripFact:
    owner: int
    shares: dict[int, str]
    """Partner organisation (index) -> plan / view."""
    members: set[int]
    """Participants (index into the accounts) on the delegation."""
    id: str = ""
    meeting_id: str = ""

    def title(self, n: int) -> str:
        return f"Delegation trip {NAMES[n]}"


@dataclass
class RecordFact:
    """A company profile or an agreement."""

    owner: int
    trips: set[int]
    party: int | None = None
    id: str = ""


@dataclass
class AccountFact:
    role: str
    org: int
    global_auditor: bool = False
    email: str = ""
    person_id: str = ""


@dataclass
class Facts:
    organisations: int
    trips: list[TripFact]
    profiles: list[RecordFact]
    agreements: list[RecordFact]
    accounts: list[AccountFact]
    org_ids: list[str] = field(default_factory=list)


@st.composite
def facts(draw: st.DrawFn) -> Facts:
    n_orgs = draw(st.integers(2, 4), label="organisations")
    org = st.integers(0, n_orgs - 1)
    accounts = []
    for _ in range(draw(st.integers(2, 5), label="accounts")):
        role = draw(st.sampled_from(("organiser", "administrator", "auditor", "participant")))
        flagged = role == "auditor" and draw(st.integers(0, 2), label="global?") == 0
        accounts.append(AccountFact(role=role, org=draw(org), global_auditor=flagged))
    participants = [i for i, a in enumerate(accounts) if a.role == "participant"]
    trips = []
    for _ in range(draw(st.integers(1, 3), label="trips")):
        owner = draw(org)
        shares = {o: level for o in range(n_orgs) if o != owner
                  and (level := draw(st.sampled_from(("plan", "view", "none")))) != "none"}
        members = draw(st.sets(st.sampled_from(participants))) if participants else set()
        trips.append(TripFact(owner=owner, shares=shares, members=members))
    some_trips = st.sets(st.integers(0, len(trips) - 1), max_size=2)
    profiles = draw(st.lists(st.builds(RecordFact, owner=org, trips=some_trips),
                             max_size=2), label="profiles")
    agreements = draw(st.lists(st.builds(RecordFact, owner=org,
                                         trips=st.sets(st.integers(0, len(trips) - 1),
                                                       max_size=1),
                                         party=st.none() | org), max_size=2),
                      label="agreements")
    return Facts(n_orgs, trips, profiles, agreements, accounts)


# -- the rules, restated from the drawn facts -----------------------------------------------
def access(account: AccountFact, trip: TripFact, index: int) -> int:
    """ORG_SPEC: owner's organisers and administrators own it, a plan partner's plan, a view
    partner's staff and any auditor of the owner or a partner view, a global auditor views
    every trip, a participant on the delegation is a member."""
    if account.role == "auditor" and account.global_auditor:
        return VIEW
    if account.role == "participant":
        return MEMBER if index in trip.members else NONE
    if trip.owner == account.org:
        level = OWN
    else:
        level = {"plan": PLAN, "view": VIEW}.get(trip.shares.get(account.org, ""), NONE)
    return min(level, VIEW) if account.role == "auditor" else level


def reads(account: AccountFact, world: Facts, trip: int, me: int) -> bool:
    return access(account, world.trips[trip], me) >= MEMBER


def sees_profile(account: AccountFact, world: Facts, profile: RecordFact, me: int) -> bool:
    if account.role == "participant":
        return False
    if account.global_auditor:
        return True
    return profile.owner == account.org or any(reads(account, world, t, me)
                                               for t in profile.trips)


def sees_agreement(account: AccountFact, world: Facts, agreement: RecordFact, me: int) -> bool:
    if account.global_auditor:
        return True
    on_my_trips = any(reads(account, world, t, me) for t in agreement.trips)
    if account.role == "participant":
        return on_my_trips
    return account.org in (agreement.owner, agreement.party) or on_my_trips


def write_status(account: AccountFact, level: int, needed: int) -> int:
    """A role that never writes is refused before any record is looked at (403); a planner
    gets 404 for a trip it cannot read and 403 for one it reads but may not change."""
    if account.role not in PLANNERS:
        return 403
    if level == NONE:
        return 404
    return 302 if level >= needed else 403


# -- writing the world through the commands -------------------------------------------------
def build(planner: Planner, world: Facts) -> None:
    app = planner.app
    world.org_ids = [DEFAULT_ORGANISATION_ID] + [
        str(app.register_organisation(actor=SETUP, name=f"Organisation {NAMES[i]}",
                                      kind="government", country="CN",
                                      timezone="Asia/Shanghai"))
        for i in range(1, world.organisations)]
    for n, account in enumerate(world.accounts):
        account.email = f"{account.role}.{n}@generated.example"
        if account.role == "participant":
            account.person_id = str(app.register_person(
                actor=SETUP, name=f"Participant {NAMES[n]}", home_timezone="Europe/Berlin",
                owner_org_id=world.org_ids[account.org],
                organisation_id=world.org_ids[account.org]))
        app.open_account(actor=SETUP, email=account.email, name=f"Account {NAMES[n]}",
                         role=account.role, password_hash=HASH,
                         person_id=account.person_id or None,
                         organisation_id=world.org_ids[account.org],
                         global_auditor=account.global_auditor)
    start = date.today() + timedelta(days=20)
    for n, trip in enumerate(world.trips):
        trip.id = str(app.create_trip(
            actor=SETUP, title=trip.title(n), organiser=f"Organisation {NAMES[trip.owner]}",
            direction="outbound", home_timezone="Europe/Berlin", starts_on=start,
            ends_on=start + timedelta(days=30), owner_org_id=world.org_ids[trip.owner]))
        leg = app.add_leg(trip.id, actor=SETUP, city="Nanjing", country="China",
                          timezone="Asia/Shanghai", arrives_on=start,
                          departs_on=start + timedelta(days=1))
        for partner, level in trip.shares.items():
            app.share_trip(trip.id, actor=SETUP, organisation_id=world.org_ids[partner],
                           access=level, reason="generated partner")
        for member in trip.members:
            app.add_member(trip.id, actor=SETUP, person_id=world.accounts[member].person_id,
                           role="official")
        noon = datetime.combine(start, datetime.min.time()) + timedelta(hours=10)
        trip.meeting_id = str(app.schedule_meeting(
            trip.id, actor=SETUP, kind="official meeting", title=f"Meeting {NAMES[n]}",
            venue="City Hall", city="Nanjing", timezone="Asia/Shanghai", starts=noon,
            ends=noon + timedelta(hours=1), leg_id=leg,
            attendees=[world.accounts[m].person_id for m in trip.members]))
    for n, profile in enumerate(world.profiles):
        profile.id = str(app.register_profile(
            actor=SETUP, name=f"Profile {NAMES[n]} GmbH", kind="company", country="Germany",
            owner_org_id=world.org_ids[profile.owner]))
        for t in profile.trips:
            app.attach_profile(world.trips[t].id, profile.id, actor=SETUP)
    for n, agreement in enumerate(world.agreements):
        trip_id = world.trips[next(iter(agreement.trips))].id if agreement.trips else None
        agreement.id = str(app.draft_agreement(
            actor=SETUP, title=f"Agreement {NAMES[n]}", kind="memorandum of understanding",
            trip_id=trip_id, owner_org_id=world.org_ids[agreement.owner]))
        if agreement.party is not None:
            app.add_party(agreement.id, actor=SETUP, name=f"Party {NAMES[agreement.party]}",
                          organisation_id=world.org_ids[agreement.party])


# -- asking as every account ----------------------------------------------------------------
@dataclass
class Check:
    app: Flask
    planner: Planner
    violations: list[str] = field(default_factory=list)
    requests: int = 0

    def client(self, account: AccountFact) -> FlaskClient:
        client = self.app.test_client()
        client.csrf = open_session(client, account.email)  # type: ignore[attr-defined]
        return client

    def get(self, client: FlaskClient, who: str, address: str, expected: int,
            hidden: list[str] = ()) -> str:
        before = event_count(self.planner)
        response = client.get(address)
        self.requests += 1
        page = text_of(response)
        if response.status_code != expected:
            self.violations.append(f"{who} GET {address}: {response.status_code}, "
                                   f"expected {expected}")
        if expected >= 400 and event_count(self.planner) != before:
            self.violations.append(f"{who} GET {address}: refused, but wrote events")
        for text in hidden:
            if text in page:
                self.violations.append(f"{who} GET {address} shows {text!r}")
        return page

    def post(self, client: FlaskClient, who: str, address: str, expected: int,
             **data: Any) -> None:
        before = event_count(self.planner)
        response = client.post(address, data={"csrf_token": client.csrf, **data})
        self.requests += 1
        written = event_count(self.planner) - before
        status = response.status_code
        if status != expected and not (expected == 302 and status == 303):
            self.violations.append(f"{who} POST {address}: {status}, expected {expected}")
        if expected >= 400 and written:
            self.violations.append(f"{who} POST {address}: refused, but wrote {written} events")
        if expected < 400 and not written:
            self.violations.append(f"{who} POST {address}: allowed, but wrote nothing")


def version_of(planner: Planner, trip_id: str) -> int:
    detail = planner.queries.trip(trip_id)  # type: ignore[union-attr]
    return detail.version


def check_account(check: Check, world: Facts, me: int) -> None:
    account = world.accounts[me]
    who = f"{account.role}{' (global)' if account.global_auditor else ''} of org {account.org}"
    client = check.client(account)
    trips = world.trips
    readable = [n for n in range(len(trips)) if reads(account, world, n, me)]
    hidden_trips = [t.title(n) for n, t in enumerate(trips) if n not in readable]
    hidden_meetings = [f"Meeting {NAMES[n]}" for n in range(len(trips)) if n not in readable]
    listed = check.get(client, who, "/trips", 200, hidden_trips)
    for n in readable:
        if trips[n].title(n) not in listed:
            check.violations.append(f"{who}: the trip list lacks readable {trips[n].title(n)}")
    staff = account.role != "participant"
    check.get(client, who, "/", 200 if staff else 302, hidden_trips + hidden_meetings)
    check.get(client, who, "/schedule", 200, hidden_trips + hidden_meetings)
    check.get(client, who, "/my/calendar.ics", 404 if staff else 200, hidden_meetings)
    for n, trip in enumerate(trips):
        seen = 200 if n in readable else 404
        # a readable trip's pages name no other trip it may not read (conflict warnings!)
        secret = hidden_trips + hidden_meetings if seen == 200 else [trip.title(n),
                                                                      f"Meeting {NAMES[n]}"]
        check.get(client, who, f"/trips/{trip.id}", seen, secret)
        check.get(client, who, f"/meetings/{trip.meeting_id}", seen, secret)
        check.get(client, who, f"/trips/{trip.id}/calendar.ics", seen, secret)
        check.get(client, who, f"/meetings/{trip.meeting_id}/calendar.ics", seen, secret)
        level = access(account, trip, me)
        day = date.today() + timedelta(days=23 + 3 * me)
        check.post(client, who, f"/trips/{trip.id}/legs/new", write_status(account, level, PLAN),
                   city="Jining", country="China", timezone="Asia/Shanghai",
                   arrives_on=day.isoformat(), departs_on=(day + timedelta(days=1)).isoformat(),
                   expected_version=version_of(check.planner, trip.id))
        check.post(client, who, f"/trips/{trip.id}/objectives", write_status(account, level, OWN),
                   objectives=f"Objective set by account {me}", reason="generated",
                   expected_version=version_of(check.planner, trip.id))
    names = [f"Profile {NAMES[n]} GmbH" for n in range(len(world.profiles))]
    visible = [sees_profile(account, world, p, me) for p in world.profiles]
    if staff:
        check.get(client, who, "/companies", 200,
                  [name for name, ok in zip(names, visible, strict=True) if not ok])
    for profile, ok in zip(world.profiles, visible, strict=True):
        check.get(client, who, f"/companies/{profile.id}", 403 if not staff else
                  200 if ok else 404)
    titles = [f"Agreement {NAMES[n]}" for n in range(len(world.agreements))]
    visible = [sees_agreement(account, world, a, me) for a in world.agreements]
    if staff:
        check.get(client, who, "/agreements", 200,
                  [title for title, ok in zip(titles, visible, strict=True) if not ok])
    for agreement, title, ok in zip(world.agreements, titles, visible, strict=True):
        check.get(client, who, f"/agreements/{agreement.id}", 200 if ok else 404,
                  [] if ok else [title])


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("organisation-boundaries")


@pytest.fixture(scope="module")
def tally() -> Iterator[list[Check]]:
    checks: list[Check] = []
    yield checks
    requests = sum(c.requests for c in checks)
    print(f"\norganisation boundaries: {len(checks)} generated worlds, {requests} requests, "
          f"violations: {sum(len(c.violations) for c in checks)}")


def test_no_request_reaches_a_record_it_may_not(folder: Path, tally: list[Check]) -> None:
    @settings(max_examples=5, deadline=None, derandomize=True, database=None,
              phases=(Phase.explicit, Phase.generate),  # a shrink rebuilds worlds: slow
              suppress_health_check=list(HealthCheck))
    @given(world=facts())
    def every_account_sees_only_its_share(world: Facts) -> None:
        app, planner = make_app(Path(tempfile.mkdtemp(dir=folder)))
        try:
            build(planner, world)
            check = Check(app, planner)
            tally.append(check)
            for me in range(len(world.accounts)):
                check_account(check, world, me)
        finally:
            planner.close()
        shown = "\n".join(check.violations[:15])
        assert not check.violations, f"violations: {len(check.violations)}\n{shown}"

    every_account_sees_only_its_share()
