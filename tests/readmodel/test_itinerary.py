"""The itinerary day by day, a person's schedule, and one meeting, in local and home time."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from planner.domain.errors import NotFoundError
from tests.readmodel.conftest import World
from tests.readmodel.plan import ACTOR, Plan

SHANGHAI, BERLIN = ZoneInfo("Asia/Shanghai"), ZoneInfo("Europe/Berlin")


def test_the_itinerary_is_grouped_by_leg_and_local_day(world: World) -> None:
    itinerary = world.q.itinerary(world["trip"])
    assert [g.leg.city for g in itinerary.legs] == ["Leipzig", "Nanjing", "Jining"]
    leipzig, nanjing, jining = itinerary.legs
    assert [d.date for d in leipzig.days] == [date(2019, 6, 24), date(2019, 6, 25)]
    assert [d.date for d in nanjing.days] == [date(2019, 6, d) for d in (25, 26, 27)]
    assert [i.title for i in leipzig.days[0].items] == ["Briefing at the agency"]
    assert nanjing.days[2].items == ()  # a free day is still a day of the leg
    assert [i.title for d in jining.days for i in d.items] == [
        "Visit to Jining High-Tech Zone", "Signing of the MoU"]
    assert [i.status for d in jining.days for i in d.items] == ["cancelled", "proposed"]


def test_a_morning_in_nanjing_is_the_previous_evening_at_home(world: World) -> None:
    """Across the Europe-China date line the item sits on its local day, not its UTC day."""
    nanjing = world.q.itinerary(world["trip"]).legs[1]
    (arrival,) = nanjing.days[0].items
    assert nanjing.days[0].date == date(2019, 6, 25)
    assert arrival.starts_at == datetime(2019, 6, 24, 23, 0, tzinfo=UTC)
    assert arrival.local_start == datetime(2019, 6, 25, 7, 0, tzinfo=SHANGHAI)
    assert arrival.home_start == datetime(2019, 6, 25, 1, 0, tzinfo=BERLIN)
    assert arrival.home_timezone == "Europe/Berlin"
    assert arrival.attendees == ("Michael Körner", "Li Wei")


def test_home_time_is_left_out_where_the_clocks_agree(world: World) -> None:
    leipzig = world.q.itinerary(world["trip"]).legs[0]
    briefing = leipzig.days[0].items[0]
    assert briefing.local_start == datetime(2019, 6, 24, 9, 0, tzinfo=BERLIN)
    assert briefing.home_start is None and briefing.home_end is None


def test_items_in_no_leg_come_last_in_a_group_without_a_leg(plan: Plan) -> None:
    trip = plan.trip()
    plan.leg(trip, "Nanjing", "Asia/Shanghai", date(2019, 6, 25), date(2019, 6, 27))
    plan.meeting(trip, "Shanghai stopover", "Shanghai", "Asia/Shanghai",
                 datetime(2019, 6, 28, 10), datetime(2019, 6, 28, 11))
    plan.meeting(trip, "Talk in Nanjing", "nanjing", "Asia/Shanghai",
                 datetime(2019, 6, 26, 10), datetime(2019, 6, 26, 11))
    itinerary = plan.q.itinerary(trip)
    assert [g.leg.city if g.leg else None for g in itinerary.legs] == ["Nanjing", None]
    assert [i.title for i in itinerary.legs[0].days[1].items] == ["Talk in Nanjing"]
    assert [(d.date, [i.title for i in d.items]) for d in itinerary.legs[1].days] == [
        (date(2019, 6, 28), ["Shanghai stopover"])]
    assert [i.title for i in itinerary.items] == ["Talk in Nanjing", "Shanghai stopover"]
    with pytest.raises(NotFoundError):
        plan.q.itinerary("7f1d4c52-0000-4000-8000-000000000000")


def test_a_moved_meeting_keeps_its_local_time_across_the_autumn_clock_change(plan: Plan) -> None:
    """Berlin leaves summer time on 29 October 2023: 10:00 is 08:00 UTC before, 09:00 after."""
    trip = plan.trip(title="Munich visit", starts=date(2023, 10, 27), ends=date(2023, 10, 31),
                     home="Asia/Shanghai")
    meeting = plan.meeting(trip, "BMW", "Munich", "Europe/Berlin", datetime(2023, 10, 28, 10),
                           datetime(2023, 10, 28, 11))
    before = plan.q.itinerary(trip).items[0]
    plan.app.move_meeting(meeting, actor=ACTOR, starts=datetime(2023, 10, 30, 10),
                          ends=datetime(2023, 10, 30, 11), reason="Board meeting")
    after = plan.q.itinerary(trip).items[0]
    assert (before.local_start.hour, after.local_start.hour) == (10, 10)
    assert before.starts_at == datetime(2023, 10, 28, 8, tzinfo=UTC)
    assert after.starts_at == datetime(2023, 10, 30, 9, tzinfo=UTC)
    assert before.home_start.hour == 16 and after.home_start.hour == 17  # Shanghai has no DST
    assert (before.version, after.version) == (1, 2)


def test_a_persons_schedule_spans_their_trips_in_their_own_home_time(world: World) -> None:
    schedule = world.q.person_schedule(world["li"])
    assert [i.title for i in schedule] == ["Arrival and transfer to the hotel",
                                           "Meeting the Mayor of Nanjing"]
    assert all(i.trip_title == "Delegation trip to Nanjing and Jining" for i in schedule)
    assert schedule[0].home_timezone == "Asia/Shanghai" and schedule[0].home_start is None
    schuelke = world.q.person_schedule(world["schuelke"])
    assert "Visit to Jining High-Tech Zone" in [i.title for i in schuelke]
    active = world.q.person_schedule(world["schuelke"], include_cancelled=False)
    assert "Visit to Jining High-Tech Zone" not in [i.title for i in active]
    assert world.q.person_schedule(world["anna"]) == ()


def test_a_schedule_follows_attendee_changes_and_drops_cancelled_trips(plan: Plan) -> None:
    anna, ben = plan.person("Anna Bauer"), plan.person("Ben Wu", zone="Asia/Shanghai")
    trip = plan.trip(members=[anna, ben])
    first = plan.meeting(trip, "First", "Nanjing", "Asia/Shanghai", datetime(2019, 6, 25, 9),
                         datetime(2019, 6, 25, 10), [anna])
    plan.app.add_attendee(first, actor=ACTOR, person_id=ben)
    plan.app.remove_attendee(first, actor=ACTOR, person_id=anna, reason="Other duties")
    assert plan.q.person_schedule(anna) == ()
    assert [i.attendees for i in plan.q.person_schedule(ben)] == [("Ben Wu",)]
    plan.app.cancel_trip(trip, actor=ACTOR, reason="Called off")
    assert plan.q.person_schedule(ben) == ()


def test_a_meeting_shows_attendees_outcome_followups_and_agreements(world: World) -> None:
    meeting = world.q.meeting(world["mayor"], today=date(2019, 8, 1))
    assert meeting is not None
    assert meeting.title == "Meeting the Mayor of Nanjing" and meeting.status == "held"
    assert meeting.counterparts == ("Nanjing Municipal People's Government",)
    assert [(a.name, a.role) for a in meeting.attendees] == [
        ("Michael Körner", "agency staff"), ("Clemens Schülke", "agency staff"),
        ("Li Wei", "agency staff")]
    assert meeting.local_start == datetime(2019, 6, 26, 10, tzinfo=SHANGHAI)
    assert meeting.home_start == datetime(2019, 6, 26, 4, tzinfo=BERLIN)
    assert meeting.local_end - meeting.local_start == timedelta(hours=1, minutes=30)
    assert meeting.outcome.summary == "Both cities will deepen cooperation."
    assert meeting.outcome.ideas == ("Joint logistics hub", "Student exchange")
    assert [(f.action, f.overdue) for f in meeting.followups] == [
        ("Thank-you letter", False), ("Send the company profiles", True),
        ("Plan the larger delegation", False)]
    assert [a.title for a in meeting.agreements] == [
        "Memorandum of Understanding Leipzig–Nanjing"]
    assert meeting.agreements[0].party_names == ("City of Leipzig", "City of Nanjing")
    assert world.q.meeting("7f1d4c52-0000-4000-8000-000000000000") is None


def test_a_corrected_outcome_replaces_the_first_one(plan: Plan) -> None:
    trip = plan.trip()
    meeting = plan.meeting(trip, "Talk", "Nanjing", "Asia/Shanghai", datetime(2019, 6, 25, 9),
                           datetime(2019, 6, 25, 10))
    plan.app.record_outcome(meeting, actor=ACTOR, summary="Good", ideas=["A", "B", "C"])
    plan.app.record_outcome(meeting, actor=ACTOR, summary="Very good", ideas=["D"],
                            reason="Typo")
    outcome = plan.q.meeting(meeting).outcome
    assert (outcome.summary, outcome.ideas) == ("Very good", ("D",))
