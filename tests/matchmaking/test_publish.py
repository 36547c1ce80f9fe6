"""From profiles to a published schedule on a real database: the pages' queries, the
participants' feeds, the audit log, outcomes and the conference report."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime

import pytest
from icalendar import Calendar

from planner.bootstrap import Planner
from planner.calendar.files import person_ics
from planner.domain.errors import DomainError, InvariantError, ValidationError
from planner.domain.organisation import DEFAULT_ORGANISATION_ID
from planner.matchmaking.parts import joined
from planner.organisations.access import Viewer
from planner.readmodel.verify import verify
from tests.matchmaking.world import ACTOR, World, build

ORGANISER = Viewer(role="organiser", organisation_id=DEFAULT_ORGANISATION_ID)
STRANGER = Viewer(role="organiser", organisation_id="00000000-0000-4000-8000-000000000001")


def _accept_and_publish(world: World) -> list:
    app, f = world.app, world.firms
    app.set_pair_preference(world.mm, actor=ACTOR, first=f["fund"], second=f["elbtal"],
                            set_by="b", level="must meet")
    app.accept_pairs(world.mm, actor=ACTOR, pairs=[
        (f["forcam"], f["sany"]), (f["neckar"], f["parts"]), (f["elbtal"], f["fund"]),
        (f["neckar"], f["sany"])])
    app.propose_schedule(world.mm, actor=ACTOR)
    return app.publish_schedule(world.mm, actor=ACTOR)


def _summaries(planner: Planner, person_id: object) -> list[str]:
    """The meetings in a person's feed (not the days of the trip's legs)."""
    calendar = Calendar.from_ical(person_ics(planner, person_id).body)
    return sorted(str(e["SUMMARY"]) for e in calendar.walk("VEVENT")
                  if not re.search(r"\(day \d+ of \d+\)$", str(e["SUMMARY"])))


@pytest.fixture(params=["sqlite", "postgres"])
def planner(request: pytest.FixtureRequest, sqlite_url: str,
            make_planner: Callable[..., Planner]) -> Planner:
    url = sqlite_url if request.param == "sqlite" else request.getfixturevalue("postgres_url")
    return make_planner(url)


def test_publish_puts_exactly_their_one_to_ones_in_each_participants_feed(
        planner: Planner) -> None:
    world = build(planner.app)
    meeting_ids = _accept_and_publish(world)
    assert len(meeting_ids) == 4
    queries = planner.queries
    assert queries is not None
    grid = queries.matchmaking_grid(ORGANISER, world.mm)
    assert grid is not None and grid.conference.status == "published"
    for key, person in world.people.items():
        expected = sorted(
            f"One-to-one: {c.a_name} × {c.b_name}" for c in grid.cells
            if key != "interpreter" and world.firms[key] in (c.a_id, c.b_id)
            or key == "interpreter" and c.interpreter_id == person)
        assert _summaries(planner, person) == expected, key
    # the interpreter sits in every meeting without a shared language, and nowhere else
    assert len(_summaries(planner, world.people["interpreter"])) == 3
    # the meetings are ordinary meetings of the trip: in its itinerary and the audit log
    trip_meetings = {m["id"] for m in (planner.app.get_meeting(i) for i in meeting_ids)
                     if m["trip_id"] == world.trip}
    assert trip_meetings == set(meeting_ids)
    assert planner.app.history(meeting_ids[0])[0].actor == ACTOR
    assert verify(planner.projector) == []


def test_pages_see_profiles_suggestions_pairs_and_the_report(planner: Planner) -> None:
    world = build(planner.app)
    queries = planner.queries
    assert queries is not None
    companies = queries.matchmaking_companies(ORGANISER, world.mm)
    assert [c.side for c in companies] == ["a"] * 3 + ["b"] * 3
    sany = next(c for c in companies if c.name == "Sany Heavy Industry")
    assert [s.code for s in sany.sectors] == ["28", "29"]
    assert sany.sectors[1].name == "Manufacture of motor vehicles, trailers and semi-trailers"
    suggestions = queries.matchmaking_suggestions(ORGANISER, world.mm)
    assert (suggestions[0].a_name, suggestions[0].b_name) == ("FORCAM GmbH",
                                                                "Sany Heavy Industry")
    assert suggestions[0].explanation.startswith("both automotive")
    _accept_and_publish(world)
    pairs = queries.matchmaking_pairs(ORGANISER, world.mm)
    assert [p.decision for p in pairs] == ["accepted"] * 4
    assert all(p.meeting_id is not None for p in pairs)
    assert all(joined(p.parts) == p.explanation and p.parts for p in pairs)
    german = {"both %(sector)s": "beide: %(sector)s"}
    assert any(joined(p.parts, lambda s: german.get(s, s)).startswith("beide: automotive")
               for p in pairs)
    assert queries.matchmaking_unplaced(ORGANISER, world.mm) == []
    f = world.firms
    world.app.rate_one_to_one(world.mm, actor=ACTOR, first=f["elbtal"], second=f["fund"],
                              side="a", rating=5, next_step="second meeting")
    world.app.rate_one_to_one(world.mm, actor=ACTOR, first=f["fund"], second=f["elbtal"],
                              side="b", rating=4, next_step="send an offer")
    agreement = world.app.draft_agreement(actor=ACTOR, title="Financing of the plant",
                                          kind="cooperation agreement", trip_id=world.trip)
    world.app.record_second_stage(world.mm, actor=ACTOR, first=f["elbtal"], second=f["fund"],
                                  state="cooperation agreement reached",
                                  agreement_id=agreement)
    world.app.record_second_stage(world.mm, actor=ACTOR, first=f["forcam"], second=f["sany"],
                                  state="talks continue")
    report = queries.matchmaking_report(ORGANISER, world.mm, now=datetime(2023, 3, 1, tzinfo=UTC))
    assert report is not None
    assert (report.published, report.held, report.rated, report.agreements) == (4, 4, 1, 1)
    assert report.average_rating == 4.5
    assert dict(report.stages) == {"cooperation agreement reached": 1, "talks continue": 1}
    outcomes = queries.matchmaking_outcomes(ORGANISER, world.mm)
    elbtal = next(o for o in outcomes if o.a_name == "Elbtal Solar")
    assert [r.rating for r in elbtal.ratings] == [5, 4] and elbtal.agreement_id == agreement
    # the conference row follows every event of the record, also the floor's and outcomes'
    conference = queries.matchmaking(ORGANISER, world.mm)
    assert conference is not None
    assert conference.version == world.app.get_matchmaking(world.mm)["version"]
    # another organisation's organiser does not see the conference at all
    assert queries.matchmaking(STRANGER, world.mm) is None
    assert queries.matchmaking_suggestions(STRANGER, world.mm) == []
    assert verify(planner.projector) == []


def test_bad_input_names_the_field_and_writes_nothing(planner: Planner) -> None:
    world = build(planner.app)
    app, f = world.app, world.firms
    before = app.get_matchmaking(world.mm)["version"]
    cases: list[tuple[Callable[[], object], str, str]] = [
        (lambda: app.set_matchmaking_profile(world.mm, actor=ACTOR, profile_id=f["sany"],
                                             offers=[], requests=[], sectors=["29", "04"],
                                             languages=["zh"]), "sectors", "no NACE"),
        (lambda: app.set_matchmaking_profile(world.mm, actor=ACTOR, profile_id=f["sany"],
                                             offers=[], requests=[], sectors=["C"],
                                             languages=["chinese"]), "languages", "ISO 639"),
        (lambda: app.accept_pairs(world.mm, actor=ACTOR, pairs=[(f["sany"], f["fund"])]),
         "second", "both companies are on side b"),
        (lambda: app.set_pair_preference(world.mm, actor=ACTOR, first=f["sany"],
                                         second=f["forcam"], set_by="a", level="maybe"),
         "level", "must be one of"),
        (lambda: app.add_table(world.mm, actor=ACTOR, name="Table 1", seats=4), "name",
         "already a table"),
        (lambda: app.add_interpreter(world.mm, actor=ACTOR, person_id=world.people["sany"],
                                     language_pairs=["de-de"]), "language_pairs",
         "two different languages"),
        (lambda: app.publish_schedule(world.mm, actor=ACTOR), "schedule",
         "no schedule to publish"),
    ]
    for attempt, field, words in cases:
        with pytest.raises(DomainError) as caught:
            attempt()
        assert isinstance(caught.value, ValidationError | InvariantError)
        assert caught.value.field == field and words in caught.value.rule, caught.value
    assert app.get_matchmaking(world.mm)["version"] == before


def test_a_schedule_for_changed_input_is_not_published(planner: Planner) -> None:
    world = build(planner.app)
    app, f = world.app, world.firms
    app.accept_pairs(world.mm, actor=ACTOR, pairs=[(f["forcam"], f["sany"])])
    app.propose_schedule(world.mm, actor=ACTOR)
    app.add_table(world.mm, actor=ACTOR, name="Table 3", seats=2)
    with pytest.raises(InvariantError, match="propose it again"):
        app.publish_schedule(world.mm, actor=ACTOR)
    app.propose_schedule(world.mm, actor=ACTOR)
    assert len(app.publish_schedule(world.mm, actor=ACTOR)) == 1
    with pytest.raises(InvariantError, match="moving or cancelling"):
        app.add_table(world.mm, actor=ACTOR, name="Table 4", seats=2)


def test_unplaced_pairs_are_listed_with_reasons_to_translate(planner: Planner) -> None:
    world = build(planner.app)
    app, f = world.app, world.firms
    app.remove_interpreter(world.mm, actor=ACTOR, person_id=world.people["interpreter"])
    app.set_pair_preference(world.mm, actor=ACTOR, first=f["neckar"], second=f["parts"],
                            set_by="a", level="must meet")
    app.accept_pairs(world.mm, actor=ACTOR, pairs=[(f["neckar"], f["parts"]),
                                                   (f["forcam"], f["sany"])])
    app.propose_schedule(world.mm, actor=ACTOR)
    assert planner.queries is not None
    (unplaced,) = planner.queries.matchmaking_unplaced(ORGANISER, world.mm)
    assert (unplaced.a_name, unplaced.b_name) == ("Neckar Antriebstechnik",
                                                  "Changsha Auto Parts")
    assert unplaced.reason == joined(unplaced.parts)
    assert unplaced.reason.startswith("must meet; no shared language")
    grid = planner.queries.matchmaking_grid(ORGANISER, world.mm)
    assert grid is not None and [(c.a_name, c.b_name) for c in grid.cells] == [
        ("FORCAM GmbH", "Sany Heavy Industry")]
    assert [s.local_start.strftime("%H:%M") for s in grid.slots] == ["14:00", "14:20", "14:40"]
