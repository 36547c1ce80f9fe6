"""The matchmaking commands on in-memory storage: what the record keeps, who did it, and
what it refuses (with the field and the rule) without writing anything."""

from __future__ import annotations

from datetime import datetime, time

import pytest

from planner.bootstrap import Planner
from planner.domain.errors import InvariantError, ValidationError
from tests.matchmaking.world import ACTOR, DAY, World, build


@pytest.fixture
def world(memory_planner: Planner) -> World:
    return build(memory_planner.app)


def test_every_change_is_an_event_with_its_actor(world: World) -> None:
    events = world.app.history(world.mm)
    assert type(events[0]).__name__ == "Opened"
    assert {e.actor for e in events} == {ACTOR}
    assert {type(e).__name__ for e in events} >= {
        "CompanyEnrolled", "ProfileSet", "InterpreterAdded", "SlotsDefined", "TableAdded"}


def test_a_slot_series_leaves_out_the_break(world: World) -> None:
    world.app.define_slot_series(world.mm, actor=ACTOR, day=DAY, first=time(14),
                                 last=time(17, 30), minutes=20,
                                 breaks=[(time(15, 40), time(16, 0))])
    slots = world.app.get_matchmaking(world.mm)["slots"]
    local = [s["starts_at"].astimezone(__import__("zoneinfo").ZoneInfo("Asia/Shanghai"))
             .strftime("%H:%M") for s in slots]
    assert local == ["14:00", "14:20", "14:40", "15:00", "15:20", "16:00", "16:20", "16:40",
                     "17:00"]


def test_must_meets_come_first_and_the_rest_is_unplaced_with_a_reason(world: World) -> None:
    app, f = world.app, world.firms
    app.define_slot_series(world.mm, actor=ACTOR, day=DAY, first=time(14), last=time(14, 20),
                           minutes=20)  # one slot only
    app.set_pair_preference(world.mm, actor=ACTOR, first=f["neckar"], second=f["parts"],
                            set_by="organiser", level="must meet")
    app.accept_pairs(world.mm, actor=ACTOR, pairs=[(f["forcam"], f["sany"]),
                                                   (f["neckar"], f["sany"]),
                                                   (f["neckar"], f["parts"])])
    app.propose_schedule(world.mm, actor=ACTOR)
    schedule = app.get_matchmaking(world.mm)["schedule"]
    placed = {(p["a_id"], p["b_id"]) for p in schedule["placements"]}
    assert (str(f["neckar"]), str(f["parts"])) in placed
    assert (str(f["forcam"]), str(f["sany"])) in placed
    (unplaced,) = schedule["unplaced"]
    assert (unplaced["a_id"], unplaced["b_id"]) == (str(f["neckar"]), str(f["sany"]))
    assert "Neckar Antriebstechnik is in another meeting" in unplaced["reason"]


def test_without_an_interpreter_a_pair_without_a_shared_language_is_not_placed(
        world: World) -> None:
    app, f = world.app, world.firms
    app.remove_interpreter(world.mm, actor=ACTOR, person_id=world.people["interpreter"])
    app.accept_pairs(world.mm, actor=ACTOR, pairs=[(f["neckar"], f["parts"])])
    app.propose_schedule(world.mm, actor=ACTOR)
    (unplaced,) = app.get_matchmaking(world.mm)["schedule"]["unplaced"]
    assert unplaced["reason"].startswith("no shared language (Neckar Antriebstechnik: de; "
                                         "Changsha Auto Parts: zh)")


def test_a_keynote_blocks_its_slot_for_everyone(world: World) -> None:
    app, f = world.app, world.firms
    app.block_time(world.mm, actor=ACTOR, starts=datetime(2023, 2, 14, 14),
                   ends=datetime(2023, 2, 14, 15), label="Keynote")
    app.accept_pairs(world.mm, actor=ACTOR, pairs=[(f["forcam"], f["sany"])])
    app.propose_schedule(world.mm, actor=ACTOR)
    (unplaced,) = app.get_matchmaking(world.mm)["schedule"]["unplaced"]
    assert unplaced["reason"] == "every slot is blocked for everyone"


def test_withdrawing_a_company_takes_its_pairs_and_preferences_along(world: World) -> None:
    app, f = world.app, world.firms
    app.set_pair_preference(world.mm, actor=ACTOR, first=f["sany"], second=f["forcam"],
                            set_by="b", level="would like")
    app.accept_pairs(world.mm, actor=ACTOR, pairs=[(f["forcam"], f["sany"])])
    app.withdraw_company(world.mm, actor=ACTOR, profile_id=f["sany"], reason="cancelled")
    mm = app.get_matchmaking(world.mm)
    assert str(f["sany"]) not in mm["companies"]
    assert mm["pairs"] == {} and mm["preferences"] == {}


def test_ratings_and_stages_need_a_published_meeting_and_corrections_a_reason(
        world: World) -> None:
    app, f = world.app, world.firms
    with pytest.raises(InvariantError, match="no published one-to-one"):
        app.rate_one_to_one(world.mm, actor=ACTOR, first=f["forcam"], second=f["sany"],
                            side="a", rating=4, next_step="second meeting")
    app.accept_pairs(world.mm, actor=ACTOR, pairs=[(f["forcam"], f["sany"])])
    app.propose_schedule(world.mm, actor=ACTOR)
    app.publish_schedule(world.mm, actor=ACTOR)
    app.rate_one_to_one(world.mm, actor=ACTOR, first=f["sany"], second=f["forcam"],
                        side="b", rating=4, next_step="site visit")
    with pytest.raises(InvariantError) as again:
        app.rate_one_to_one(world.mm, actor=ACTOR, first=f["sany"], second=f["forcam"],
                            side="b", rating=2, next_step="site visit")
    assert again.value.field == "reason"
    app.rate_one_to_one(world.mm, actor=ACTOR, first=f["sany"], second=f["forcam"],
                        side="b", rating=2, next_step="site visit", reason="typo")
    with pytest.raises(ValidationError) as bad:
        app.record_second_stage(world.mm, actor=ACTOR, first=f["sany"], second=f["forcam"],
                                state="signed")
    assert bad.value.field == "state"
    app.record_second_stage(world.mm, actor=ACTOR, first=f["sany"], second=f["forcam"],
                            state="negotiation started", note="Pilot line")
    mm = app.get_matchmaking(world.mm)
    key = f"{f['forcam']}/{f['sany']}"
    assert mm["ratings"][f"{key}/b"]["rating"] == 2
    assert mm["stages"][key]["state"] == "negotiation started"


def test_changes_after_publishing_are_ordinary_moves_and_cancellations(world: World) -> None:
    app, f = world.app, world.firms
    app.accept_pairs(world.mm, actor=ACTOR, pairs=[(f["forcam"], f["sany"])])
    app.propose_schedule(world.mm, actor=ACTOR)
    (meeting,) = app.publish_schedule(world.mm, actor=ACTOR)
    for refused in (lambda: app.propose_schedule(world.mm, actor=ACTOR),
                    lambda: app.publish_schedule(world.mm, actor=ACTOR),
                    lambda: app.reject_pair(world.mm, actor=ACTOR, first=f["forcam"],
                                            second=f["sany"])):
        with pytest.raises(InvariantError):
            refused()
    app.cancel_meeting(meeting, actor=ACTOR, reason="Sany cannot come")
    assert app.get_meeting(meeting)["status"] == "cancelled"
    with pytest.raises(InvariantError, match="cancelled"):
        app.rate_one_to_one(world.mm, actor=ACTOR, first=f["forcam"], second=f["sany"],
                            side="a", rating=3, next_step="no further contact")


def test_people_must_be_members_of_the_trip(world: World) -> None:
    stranger = world.app.register_person(actor=ACTOR, name="Not on the trip",
                                         home_timezone="Europe/Berlin")
    with pytest.raises(ValidationError) as caught:
        world.app.enrol_company(world.mm, actor=ACTOR, profile_id=world.firms["sany"],
                                side="b", people=[stranger])
    assert caught.value.field == "people" and "not a member" in caught.value.rule
