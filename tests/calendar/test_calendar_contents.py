"""What trip, person and meeting calendars contain, read from the read models of a real database.

Every calendar is parsed back by two independent readers, and every meeting's start and end are
compared as UTC instants with what the aggregate says.
"""

from __future__ import annotations

from datetime import UTC, datetime
from uuid import UUID

from planner.calendar.files import meeting_ics, person_ics, trip_ics
from tests.calendar.kit import leg_day_uid, meeting_instants, model_instants, read, uid_of
from tests.calendar.scenario import SETUP, World


def _legs(world: World, trip_id: UUID) -> tuple:
    return world.planner.queries.trip(trip_id).legs


def test_a_trips_calendar_has_each_meeting_at_the_instant_the_model_says(world: World) -> None:
    calendar = read(trip_ics(world.planner, world.leipzig).body)

    expected = model_instants(world.app, world.vice_mayor, world.signing, world.jining_visit)
    assert meeting_instants(calendar) == expected
    assert expected[uid_of(world.vice_mayor)][0] == datetime(2019, 6, 25, 2, 0, tzinfo=UTC)


def test_a_trips_calendar_marks_every_day_of_every_leg(world: World) -> None:
    calendar = read(trip_ics(world.planner, world.leipzig).body)
    nanjing, jining = _legs(world, world.leipzig)

    days = [str(calendar.event(leg_day_uid(nanjing.leg_id, n))["SUMMARY"]) for n in (1, 2, 3)]
    assert days == ["Nanjing (day 1 of 3)", "Nanjing (day 2 of 3)", "Nanjing (day 3 of 3)"]
    assert len([uid for uid in calendar.uids() if uid.startswith("leg-")]) == 6
    assert leg_day_uid(jining.leg_id, 3) in calendar.uids()


def test_a_berlin_meeting_on_the_sunday_clocks_go_back_is_at_9_local_and_8_utc(world: World):
    calendar = read(trip_ics(world.planner, world.berlin_visit).body)

    assert "DTSTART;TZID=Europe/Berlin:20191027T090000" in calendar.lines_of(
        uid_of(world.berlin_sunday))
    start, end = meeting_instants(calendar)[uid_of(world.berlin_sunday)]
    assert (start, end) == (datetime(2019, 10, 27, 8, 0, tzinfo=UTC),
                            datetime(2019, 10, 27, 9, 30, tzinfo=UTC))


def test_a_trip_spanning_shanghai_and_berlin_carries_both_zones(world: World) -> None:
    calendar = read(trip_ics(world.planner, world.berlin_visit).body)

    assert calendar.tzids() == ["Asia/Shanghai", "Europe/Berlin"]
    assert meeting_instants(calendar) == model_instants(world.app, world.shanghai_briefing,
                                                        world.berlin_sunday)


def test_a_persons_calendar_has_only_the_meetings_they_attend_across_all_trips(world: World):
    koerner = read(person_ics(world.planner, world.koerner).body)
    han = read(person_ics(world.planner, world.han).body)

    assert set(meeting_instants(koerner)) == {
        uid_of(world.vice_mayor), uid_of(world.signing), uid_of(world.shanghai_briefing)}
    assert set(meeting_instants(han)) == {
        uid_of(world.vice_mayor), uid_of(world.shanghai_briefing), uid_of(world.berlin_sunday)}


def test_one_participants_calendar_never_shows_another_participants_meetings(world: World):
    schuelke = read(person_ics(world.planner, world.schuelke).body)

    assert set(meeting_instants(schuelke)) == {uid_of(world.signing), uid_of(world.jining_visit)}
    assert "Sunday walk" not in schuelke.body.decode()
    assert "vice mayor" not in schuelke.body.decode()


def test_a_persons_calendar_marks_the_legs_of_the_trips_they_are_members_of(world: World):
    schuelke = read(person_ics(world.planner, world.schuelke).body)
    koerner = read(person_ics(world.planner, world.koerner).body)

    assert len([u for u in schuelke.uids() if u.startswith("leg-")]) == 6  # Leipzig trip only
    assert len([u for u in koerner.uids() if u.startswith("leg-")]) == 6 + 3 + 5


def test_a_persons_calendar_is_named_after_them(world: World) -> None:
    han = read(person_ics(world.planner, world.han).body)

    assert str(han.icalendar["X-WR-CALNAME"]) == "韩立明 – Delegation Planner"


def test_a_single_meeting_download_holds_that_meeting_only(world: World) -> None:
    download = meeting_ics(world.planner, world.signing)
    calendar = read(download.body)

    assert calendar.uids() == [uid_of(world.signing)]
    assert meeting_instants(calendar) == model_instants(world.app, world.signing)
    assert download.filename == "Signing of the MoU 2019-06-26.ics"


def test_attendees_are_listed_with_their_names_in_any_script(world: World) -> None:
    calendar = read(meeting_ics(world.planner, world.vice_mayor).body)
    attendees = calendar.event(uid_of(world.vice_mayor)).get("ATTENDEE")

    names = sorted(a.params["CN"] for a in attendees)
    assert names == ["Michael Körner", "韩立明"]


def test_a_cancelled_trip_keeps_its_meetings_as_cancelled_and_drops_its_leg_days(world: World):
    before = read(trip_ics(world.planner, world.berlin_visit).body)
    world.app.cancel_trip(world.berlin_visit, actor=SETUP, reason="visa not granted")
    after = read(trip_ics(world.planner, world.berlin_visit).body)

    uid = uid_of(world.berlin_sunday)
    assert "STATUS:CANCELLED" in after.lines_of(uid)
    assert after.event(uid)["SEQUENCE"] == before.event(uid)["SEQUENCE"] + 1
    assert [u for u in after.uids() if u.startswith("leg-")] == []


def test_a_reinstated_trip_shows_its_meetings_again_with_a_still_higher_sequence(world: World):
    world.app.cancel_trip(world.berlin_visit, actor=SETUP, reason="visa not granted")
    cancelled = read(trip_ics(world.planner, world.berlin_visit).body)
    world.app.reinstate_trip(world.berlin_visit, actor=SETUP, reason="visa granted after all")
    reinstated = read(trip_ics(world.planner, world.berlin_visit).body)

    uid = uid_of(world.berlin_sunday)
    assert "STATUS:TENTATIVE" in reinstated.lines_of(uid)
    assert reinstated.event(uid)["SEQUENCE"] == cancelled.event(uid)["SEQUENCE"] + 1
    assert len([u for u in reinstated.uids() if u.startswith("leg-")]) == 8
