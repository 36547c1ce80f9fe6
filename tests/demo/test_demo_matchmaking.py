"""The demo's Changsha conference at the seed's scale: 40 German and 60 Changsha firms with
matchmaking profiles, suggestions to choose from, at least 30 published one-to-ones in the
conference's calendar and in each representative's feed, and second-stage outcomes months
later, one of them a signed cooperation agreement."""

from __future__ import annotations

import pytest

from planner.calendar.files import person_ics, trip_ics
from planner.demo.changsha_firms import CHANGSHA, GERMAN, REPRESENTATIVES
from planner.demo.organisations import CHANGSHA as CHANGSHA_ORG
from planner.organisations.access import Viewer
from tests.demo.conftest import LoadedDemo

ORGANISER = Viewer(role="organiser", organisation_id=CHANGSHA_ORG.id)


def _conference(loaded: LoadedDemo):  # noqa: ANN202 - a ConferenceRow
    if loaded.planner.queries is None:
        pytest.skip("in-memory storage keeps no read models to query")
    trip = loaded.trip("Changsha")
    (conference,) = loaded.planner.queries.matchmakings_of_trip(ORGANISER, trip["id"])
    return trip, conference


def test_both_delegations_take_part_with_profiles(loaded: LoadedDemo) -> None:
    _trip, mm = _conference(loaded)
    companies = loaded.planner.queries.matchmaking_companies(ORGANISER, mm.id)
    assert sum(c.side == "a" for c in companies) == len(GERMAN) == 40
    assert sum(c.side == "b" for c in companies) == len(CHANGSHA) == 60
    assert all(c.has_profile and c.sectors and c.languages for c in companies)
    invented = [loaded.app.get_profile(c.profile_id) for c in companies
                if "Sany" not in c.name and "Bosch" not in c.name and "FORCAM" not in c.name]
    assert invented and all(p["fictitious"] for p in invented)
    suggestions = loaded.planner.queries.matchmaking_suggestions(ORGANISER, mm.id, limit=50)
    assert suggestions[0].must and all(s.explanation for s in suggestions)


def test_at_least_thirty_one_to_ones_are_published_in_the_conference_calendar(
        loaded: LoadedDemo) -> None:
    trip, mm = _conference(loaded)
    assert mm.status == "published"
    pairs = [p for p in loaded.planner.queries.matchmaking_pairs(ORGANISER, mm.id)
             if p.meeting_id is not None]
    assert len(pairs) >= 30
    calendar = trip_ics(loaded.planner, trip["id"]).body.decode()
    assert calendar.count("SUMMARY:One-to-one:") == len(pairs)


def test_a_representatives_feed_holds_exactly_their_one_to_ones(loaded: LoadedDemo) -> None:
    trip, mm = _conference(loaded)
    people = {m["person_id"]: m for m in trip["members"]}
    meetings = [m for m in loaded.meetings(trip) if m["kind"] == "matchmaking"]
    checked = 0
    for rep in REPRESENTATIVES[:12]:
        person = next(p for p in people if loaded.app.get_person(p)["name"] == rep.name)
        mine = [m for m in meetings if str(person) in map(str, m["attendees"])]
        feed = person_ics(loaded.planner, person).body.decode()
        assert feed.count("SUMMARY:One-to-one:") == len(mine)
        checked += bool(mine)
    assert checked  # some of them have meetings


def test_outcomes_follow_months_later(loaded: LoadedDemo) -> None:
    _trip, mm = _conference(loaded)
    report = loaded.planner.queries.matchmaking_report(ORGANISER, mm.id)
    assert report.published >= 30 and report.held == report.published
    assert report.rated >= 10 and report.average_rating is not None
    stages = dict(report.stages)
    assert len(stages) >= 2 and report.agreements == 1
    outcomes = loaded.planner.queries.matchmaking_outcomes(ORGANISER, mm.id)
    signed = [o for o in outcomes if o.stage == "cooperation agreement reached"]
    assert signed[0].agreement_id is not None
    assert loaded.app.get_agreement(signed[0].agreement_id)["status"] == "signed"
