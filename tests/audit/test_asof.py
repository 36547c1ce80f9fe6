"""Records, whole itineraries and a participant's calendar as they stood at a past moment."""

from __future__ import annotations

from datetime import datetime, timedelta

import pytest

from planner.audit.asof import person_schedule_as_of, record_as_of, trip_as_of
from planner.domain.errors import NotFoundError, ValidationError
from tests.audit.scenario import utc

SECOND = timedelta(seconds=1)


def starts(record) -> datetime:
    return record.state["starts_at"]


def test_a_meeting_between_events_shows_the_last_event_before_that_moment(jining_memory):
    planner, s = jining_memory
    day_before_move = s.moments["moved"] - timedelta(days=1)
    meeting = record_as_of(planner, s.meeting, at=day_before_move)
    assert meeting.version == 2
    assert starts(meeting) == utc(2019, 6, 29, 2, 0)
    assert meeting.changed_at == s.moments["schuelke added"]
    assert meeting.latest_version == 5


def test_a_moment_exactly_at_an_event_includes_that_event(jining_memory):
    planner, s = jining_memory
    at_move = record_as_of(planner, s.meeting, at=s.moments["moved"])
    assert at_move.version == 3 and starts(at_move) == utc(2019, 6, 28, 7, 0)
    just_before = record_as_of(planner, s.meeting, at=s.moments["moved"] - SECOND)
    assert just_before.version == 2 and starts(just_before) == utc(2019, 6, 29, 2, 0)


def test_cancellation_and_reinstatement_as_of_moments_around_them(jining_memory):
    planner, s = jining_memory
    statuses = [record_as_of(planner, s.meeting, at=moment).state["status"] for moment in (
        s.moments["cancelled"] - SECOND, s.moments["cancelled"],
        s.moments["cancelled"] + timedelta(hours=5), s.moments["reinstated"],
        utc(2030, 1, 1))]
    assert statuses == ["proposed", "cancelled", "cancelled", "proposed", "proposed"]


def test_before_a_record_existed_the_answer_says_so(jining_memory):
    planner, s = jining_memory
    with pytest.raises(NotFoundError, match="did not exist yet at 2019-06-03 08:59:59 UTC"):
        record_as_of(planner, s.meeting, at=s.moments["scheduled"] - SECOND)


def test_a_record_at_a_version(jining_memory):
    planner, s = jining_memory
    first = record_as_of(planner, s.meeting, version=1)
    assert first.state["attendees"] == [str(s.koerner)] and first.at is None
    with pytest.raises(NotFoundError, match="at version 9 .it has 5 versions"):
        record_as_of(planner, s.meeting, version=9)


@pytest.mark.parametrize(("kwargs", "field"), [
    ({"version": 0}, "version"),
    ({"at": datetime(2019, 6, 20, 12, 0)}, "at"),
    ({"at": utc(2019, 6, 20), "version": 2}, "at"),
])
def test_bad_as_of_requests_name_the_field(jining_memory, kwargs, field):
    planner, s = jining_memory
    with pytest.raises(ValidationError) as error:
        record_as_of(planner, s.meeting, **kwargs)
    assert error.value.field == field


def test_the_itinerary_as_it_stood_on_20_june_has_the_signing_on_29_june(jining_memory):
    planner, s = jining_memory
    itinerary = trip_as_of(planner, s.trip, utc(2019, 6, 20, 12, 0))
    assert [m.state["title"] for m in itinerary.meetings] == [
        "Dinner with the Mayor of Jining", "Signing of the MoU Leipzig–Jining 济宁"]
    signing = itinerary.meetings[1]
    assert starts(signing) == utc(2019, 6, 29, 2, 0) and signing.version == 2
    assert len(itinerary.trip.state["legs"]) == 2


def test_the_itinerary_after_the_move_has_the_signing_on_28_june_first(jining_memory):
    planner, s = jining_memory
    itinerary = trip_as_of(planner, s.trip, utc(2019, 6, 21))
    assert [starts(m) for m in itinerary.meetings] == [utc(2019, 6, 28, 7, 0),
                                                      utc(2019, 6, 28, 11, 0)]


def test_an_itinerary_before_any_meeting_was_scheduled_has_no_meetings(jining_memory):
    planner, s = jining_memory
    itinerary = trip_as_of(planner, s.trip, s.moments["scheduled"] - SECOND)
    assert itinerary.meetings == ()
    assert itinerary.trip.state["title"] == "Leipzig delegation to Nanjing and Jining"


def test_a_participants_calendar_the_day_before_the_move(jining_memory):
    planner, s = jining_memory
    schedule = person_schedule_as_of(planner, s.koerner, s.moments["moved"] - timedelta(days=1))
    assert schedule.person.state["name"] == "Michael Körner"
    assert [t.record_id for t in schedule.trips] == [s.trip]
    assert [(m.state["title"], starts(m)) for m in schedule.meetings] == [
        ("Dinner with the Mayor of Jining", utc(2019, 6, 28, 11, 0)),
        ("Signing of the MoU Leipzig–Jining 济宁", utc(2019, 6, 29, 2, 0))]
    assert {p.state["name"] for p in schedule.people.values()} == {"Michael Körner",
                                                                   "Clemens Schülke"}
    assert schedule.trips_by_id[str(s.trip)].state["title"].startswith("Leipzig")


def test_a_participant_not_yet_on_a_meeting_does_not_see_it(jining_memory):
    planner, s = jining_memory
    before = person_schedule_as_of(planner, s.schuelke, s.moments["schuelke added"] - SECOND)
    after = person_schedule_as_of(planner, s.schuelke, s.moments["schuelke added"])
    assert [m.record_id for m in before.meetings] == [s.dinner]
    assert [m.record_id for m in after.meetings] == [s.dinner, s.meeting]


def test_as_of_gives_the_same_answers_on_sql_databases(pristine_jining):
    planner, s = pristine_jining
    itinerary = trip_as_of(planner, s.trip, utc(2019, 6, 20, 12, 0))
    assert [starts(m) for m in itinerary.meetings] == [utc(2019, 6, 28, 11, 0),
                                                      utc(2019, 6, 29, 2, 0)]
    schedule = person_schedule_as_of(planner, s.schuelke, s.moments["schuelke added"] - SECOND)
    assert [m.record_id for m in schedule.meetings] == [s.dinner]


def test_planner_log_as_of_prints_an_itinerary_or_a_record(pristine_jining, monkeypatch):
    from click.testing import CliRunner

    from planner.cli import main

    planner, s = pristine_jining
    monkeypatch.setenv("PLANNER_DATABASE_URL",
                       planner.engine.url.render_as_string(hide_password=False))
    monkeypatch.setenv("PLANNER_INSTANCE_PATH", str(planner.settings.instance_path))
    runner = CliRunner()
    trip = runner.invoke(main, ["log", "as-of", str(s.trip), "--at", "2019-06-20T12:00",
                                "--zone", "UTC"])
    assert trip.exit_code == 0, trip.output
    lines = trip.output.splitlines()
    assert lines[0].startswith("Leipzig delegation to Nanjing and Jining as it stood at "
                               "2019-06-20 12:00:00 UTC")
    assert any(line.strip().startswith("2019-06-29 10:00-11:00 Asia/Shanghai  Signing of the "
                                       "MoU") for line in lines)
    meeting = runner.invoke(main, ["log", "as-of", str(s.meeting), "--version", "4"])
    assert meeting.exit_code == 0 and "  status: cancelled" in meeting.output
    neither = runner.invoke(main, ["log", "as-of", str(s.meeting)])
    assert neither.exit_code == 2 and "give --at MOMENT or --version N" in neither.output
    too_early = runner.invoke(main, ["log", "as-of", str(s.meeting), "--at", "2019-01-01"])
    assert too_early.exit_code == 1 and "did not exist yet" in too_early.output
