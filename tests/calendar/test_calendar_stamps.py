"""SEQUENCE and LAST-MODIFIED have one rule (planner.calendar.stamps): the read model that
feeds are served from and the log that as-of calendars are rebuilt from agree on every record,
after every kind of change, so a feed as of now is the feed served now."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import select

from planner.calendar.files import person_ics, trip_ics
from planner.calendar.stamps import Stamp, meeting_stamp, trip_stamps
from planner.readmodel import tables as t
from planner.readmodel.keys import from_db
from tests.calendar.scenario import SETUP, World


def _every_kind_of_change(world: World) -> None:
    app = world.app
    app.move_meeting(world.signing, actor=SETUP, starts=datetime(2019, 6, 26, 16, 0),
                     ends=datetime(2019, 6, 26, 17, 0), reason="the mayor is delayed")
    app.relocate_meeting(world.vice_mayor, actor=SETUP, venue="Nanjing Guest House",
                         city="Nanjing", timezone="Asia/Shanghai", reason="city hall closed")
    app.confirm_meeting(world.vice_mayor, actor=SETUP)
    app.change_meeting_details(world.vice_mayor, actor=SETUP, kind="official meeting",
                               title="Meeting with the vice mayor", agenda="Welcome only",
                               counterparts=["Nanjing Municipal People's Government"])
    app.remove_attendee(world.vice_mayor, actor=SETUP, person_id=world.han, reason="other one")
    app.cancel_meeting(world.berlin_sunday, actor=SETUP, reason="it is a Sunday")
    app.reinstate_meeting(world.berlin_sunday, actor=SETUP, reason="they insist")
    leg_id = world.planner.queries.itinerary(world.leipzig).legs[0].leg.leg_id
    app.change_leg(world.leipzig, leg_id, actor=SETUP, city="Nanjing", country="China",
                   timezone="Asia/Shanghai", arrives_on=date(2019, 6, 25),
                   departs_on=date(2019, 6, 27), reason="a day later home")
    app.change_trip_details(world.berlin_visit, actor=SETUP, title="Study visit to Berlin",
                            organiser="Nanjing Investment Promotion", direction="inbound",
                            home_timezone="Asia/Shanghai")
    app.cancel_trip(world.berlin_visit, actor=SETUP, reason="visa problems")
    app.reinstate_trip(world.berlin_visit, actor=SETUP, reason="visas granted")
    world.clock.jump(datetime(2019, 6, 29, 9, 0, tzinfo=UTC))  # after the meetings
    app.record_outcome(world.jining_visit, actor=SETUP, summary="Good talks.")  # was proposed
    app.record_outcome(world.vice_mayor, actor=SETUP, summary="Warm welcome.")  # was confirmed


def _events(world: World, record_id: str) -> list:
    return list(world.app.events.get(record_id))


def _row_stamp(row) -> Stamp:
    return Stamp(row.calendar_sequence, from_db(row.calendar_changed_at))


def test_the_read_model_keeps_the_stamps_the_log_gives_for_every_record(world: World) -> None:
    _every_kind_of_change(world)
    with world.planner.engine.connect() as conn:
        meetings = list(conn.execute(select(t.meetings)))
        trips = list(conn.execute(select(t.trips)))
        legs = list(conn.execute(select(t.legs)))

    assert len(meetings) == 5 and len(trips) == 2 and len(legs) == 4
    for row in meetings:
        assert _row_stamp(row) == meeting_stamp(_events(world, row.id)), row.title
    for row in trips:
        trip, by_leg = trip_stamps(_events(world, row.id))
        assert _row_stamp(row) == trip, row.title
        for leg in (leg for leg in legs if leg.trip_id == row.id):
            assert _row_stamp(leg) == by_leg[leg.leg_id], leg.city
    assert {row.calendar_sequence for row in legs} == {0, 1}  # one leg was changed
    assert {row.calendar_sequence for row in trips} == {0, 2}  # one trip cancelled, reinstated


def test_a_feed_rebuilt_from_the_log_as_of_now_is_the_feed_served_now(world: World) -> None:
    _every_kind_of_change(world)
    for person in (world.koerner, world.schuelke, world.han):
        assert person_ics(world.planner, person, as_of=world.clock.now).body == \
            person_ics(world.planner, person).body
    assert trip_ics(world.planner, world.leipzig).body.count(b"SEQUENCE:") == 9
