"""Calendars follow the plan as it changes, and the same log always gives the same bytes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from planner.calendar.files import person_ics, trip_ics
from tests.calendar.kit import meeting_instants, model_instants, read, uid_of
from tests.calendar.scenario import SETUP, World


def test_moving_a_meeting_keeps_its_uid_raises_its_sequence_and_shows_the_new_time(world: World):
    uid = uid_of(world.signing)
    before = read(person_ics(world.planner, world.koerner).body)
    world.app.move_meeting(world.signing, actor=SETUP, starts=datetime(2019, 6, 26, 16, 0),
                           ends=datetime(2019, 6, 26, 17, 0), reason="the mayor is delayed")
    after = read(person_ics(world.planner, world.koerner).body)

    assert after.uids().count(uid) == 1
    assert after.event(uid)["SEQUENCE"] == before.event(uid)["SEQUENCE"] + 1
    assert meeting_instants(after)[uid] == (datetime(2019, 6, 26, 8, 0, tzinfo=UTC),
                                            datetime(2019, 6, 26, 9, 0, tzinfo=UTC))
    assert meeting_instants(after) == model_instants(
        world.app, world.vice_mayor, world.signing, world.shanghai_briefing)


def test_the_stamp_of_a_changed_meeting_is_the_time_of_the_change_not_now(world: World) -> None:
    world.app.move_meeting(world.signing, actor=SETUP, starts=datetime(2019, 6, 26, 16, 0),
                           ends=datetime(2019, 6, 26, 17, 0), reason="the mayor is delayed")
    moved_at = world.app.history(world.signing)[-1].timestamp
    calendar = read(trip_ics(world.planner, world.leipzig).body)

    event = calendar.event(uid_of(world.signing))
    assert event["DTSTAMP"].dt == moved_at.replace(microsecond=0)
    assert event["LAST-MODIFIED"].dt == moved_at.replace(microsecond=0)


def test_relocating_and_confirming_a_meeting_each_raise_its_sequence(world: World) -> None:
    uid = uid_of(world.vice_mayor)
    before = read(trip_ics(world.planner, world.leipzig).body).event(uid)["SEQUENCE"]
    world.app.relocate_meeting(world.vice_mayor, actor=SETUP, venue="Nanjing Guest House",
                               city="Nanjing", timezone="Asia/Shanghai",
                               reason="city hall is closed")
    world.app.confirm_meeting(world.vice_mayor, actor=SETUP)
    after = read(trip_ics(world.planner, world.leipzig).body)

    assert after.event(uid)["SEQUENCE"] == before + 2
    assert "STATUS:CONFIRMED" in after.lines_of(uid)
    assert "LOCATION:Nanjing Guest House\\, Nanjing" in after.lines_of(uid)


def test_a_new_agenda_changes_the_stamp_but_not_the_sequence(world: World) -> None:
    uid = uid_of(world.vice_mayor)
    before = read(trip_ics(world.planner, world.leipzig).body).event(uid)
    world.app.change_meeting_details(world.vice_mayor, actor=SETUP, kind="official meeting",
                                     title="Meeting with the vice mayor", agenda="Welcome only",
                                     counterparts=["Nanjing Municipal People's Government"])
    after = read(trip_ics(world.planner, world.leipzig).body).event(uid)

    assert after["SEQUENCE"] == before["SEQUENCE"]
    assert after["DTSTAMP"].dt > before["DTSTAMP"].dt
    assert "Welcome only" in str(after["DESCRIPTION"])


def test_a_cancelled_meeting_stays_in_the_feed_as_cancelled_with_a_higher_sequence(world: World):
    uid = uid_of(world.signing)
    before = read(person_ics(world.planner, world.schuelke).body)
    world.app.cancel_meeting(world.signing, actor=SETUP, reason="the partner withdrew")
    after = read(person_ics(world.planner, world.schuelke).body)

    assert after.uids() == before.uids()
    assert "STATUS:CANCELLED" in after.lines_of(uid)
    assert after.event(uid)["SEQUENCE"] == before.event(uid)["SEQUENCE"] + 1
    assert after.ical.events[[e.uid for e in after.ical.events].index(uid)].status == "CANCELLED"


def test_a_person_taken_off_a_meeting_no_longer_has_it_in_their_feed(world: World) -> None:
    before = person_ics(world.planner, world.han)
    world.app.remove_attendee(world.vice_mayor, actor=SETUP, person_id=world.han,
                              reason="another interpreter goes")
    after = person_ics(world.planner, world.han)

    assert uid_of(world.vice_mayor) in read(before.body).uids()
    assert uid_of(world.vice_mayor) not in read(after.body).uids()
    assert after.etag != before.etag
    still = read(person_ics(world.planner, world.koerner).body)
    assert uid_of(world.vice_mayor) in still.uids()


def test_a_meetings_outcome_changes_nothing_in_the_calendar_once_it_is_confirmed(world: World):
    world.app.confirm_meeting(world.jining_visit, actor=SETUP)
    before = trip_ics(world.planner, world.leipzig)
    world.clock.jump(datetime(2019, 6, 29, 9, 0, tzinfo=UTC))  # after the visit
    world.app.record_outcome(world.jining_visit, actor=SETUP, summary="Good talks.")

    assert trip_ics(world.planner, world.leipzig).body == before.body


def test_a_proposed_meeting_that_was_held_becomes_confirmed_with_a_higher_sequence(world: World):
    uid = uid_of(world.jining_visit)
    before = read(trip_ics(world.planner, world.leipzig).body).event(uid)
    world.clock.jump(datetime(2019, 6, 29, 9, 0, tzinfo=UTC))
    world.app.record_outcome(world.jining_visit, actor=SETUP, summary="Good talks.")
    after = read(trip_ics(world.planner, world.leipzig).body)

    assert "STATUS:CONFIRMED" in after.lines_of(uid)
    assert after.event(uid)["SEQUENCE"] == before["SEQUENCE"] + 1


def test_after_any_change_a_feed_has_another_etag(world: World) -> None:
    etags = {trip_ics(world.planner, world.leipzig).etag}
    world.app.confirm_meeting(world.signing, actor=SETUP)
    etags.add(trip_ics(world.planner, world.leipzig).etag)
    world.app.change_trip_details(world.leipzig, actor=SETUP, title="Leipzig to Nanjing 2019",
                                  organiser="Invest Region Leipzig GmbH", direction="outbound",
                                  home_timezone="Europe/Berlin")
    etags.add(trip_ics(world.planner, world.leipzig).etag)

    assert len(etags) == 3


def test_rebuilding_the_read_models_gives_byte_identical_feeds_and_etags(world: World) -> None:
    world.app.move_meeting(world.signing, actor=SETUP, starts=datetime(2019, 6, 26, 16, 0),
                           ends=datetime(2019, 6, 26, 17, 0), reason="the mayor is delayed")
    world.app.cancel_meeting(world.jining_visit, actor=SETUP, reason="factory closed")
    before = [trip_ics(world.planner, world.leipzig), person_ics(world.planner, world.schuelke)]
    world.planner.projector.rebuild()
    after = [trip_ics(world.planner, world.leipzig), person_ics(world.planner, world.schuelke)]

    assert after == before


@pytest.mark.postgres
def test_the_same_log_gives_the_same_bytes_on_sqlite_and_postgresql(
        make_world: Callable[[str], World], sqlite_url: str, postgres_url: str) -> None:
    on_sqlite, on_postgres = make_world(sqlite_url), make_world(postgres_url)

    for person in (on_sqlite.koerner, on_sqlite.han, on_sqlite.schuelke):
        assert person_ics(on_postgres.planner, person) == person_ics(on_sqlite.planner, person)
    for trip in (on_sqlite.leipzig, on_sqlite.berlin_visit):
        assert trip_ics(on_postgres.planner, trip) == trip_ics(on_sqlite.planner, trip)
