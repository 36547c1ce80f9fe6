"""Each day of a leg is an all-day marker such as "Nanjing (day 2 of 3)"."""

from datetime import date

import pytest
from ical_testkit import OPTIONS, TRIP_ID, at, leg, read

from planner.calendar.ics import leg_uid, person_calendar, trip_calendar


def _uids(days: int) -> list[str]:
    return [leg_uid("nanjing", OPTIONS.domain, day) for day in range(1, days + 1)]


def test_a_three_day_leg_shows_exactly_three_all_day_markers():
    calendar = read(trip_calendar("Nanjing", [], [leg()], OPTIONS))

    assert calendar.uids() == _uids(3)
    assert [str(e["SUMMARY"]) for e in calendar.icalendar.events] == [
        "Nanjing (day 1 of 3)",
        "Nanjing (day 2 of 3)",
        "Nanjing (day 3 of 3)",
    ]
    days = {uid: span for uid, span in _spans(calendar).items()}
    assert days == {
        _uids(3)[0]: (date(2019, 6, 24), date(2019, 6, 25)),
        _uids(3)[1]: (date(2019, 6, 25), date(2019, 6, 26)),
        _uids(3)[2]: (date(2019, 6, 26), date(2019, 6, 27)),
    }


def test_leg_markers_are_written_as_dates_with_the_next_day_as_exclusive_end():
    calendar = read(trip_calendar("Nanjing", [], [leg()], OPTIONS))
    lines = calendar.lines_of(_uids(3)[1])

    assert "DTSTART;VALUE=DATE:20190625" in lines
    assert "DTEND;VALUE=DATE:20190626" in lines


def test_the_ical_reader_also_sees_three_separate_all_day_days():
    calendar = read(trip_calendar("Nanjing", [], [leg()], OPTIONS))

    days = sorted((e.dtstart, e.dtend) for e in calendar.ical.events)
    assert days == [
        (date(2019, 6, 24), date(2019, 6, 25)),
        (date(2019, 6, 25), date(2019, 6, 26)),
        (date(2019, 6, 26), date(2019, 6, 27)),
    ]
    assert all(type(start) is date for start, _ in days)


def test_a_one_day_leg_is_one_marker_named_after_the_city_alone():
    calendar = read(trip_calendar("Shanghai", [], [leg(departs_on=date(2019, 6, 24))], OPTIONS))

    (event,) = calendar.icalendar.events
    assert str(event["SUMMARY"]) == "Nanjing"


def test_leg_markers_do_not_make_the_traveller_look_busy():
    calendar = read(trip_calendar("Nanjing", [], [leg()], OPTIONS))

    assert {str(e["TRANSP"]) for e in calendar.icalendar.events} == {"TRANSPARENT"}


def test_leg_markers_name_the_place_and_link_back_to_the_trip():
    calendar = read(person_calendar("Anna", [], [leg()], OPTIONS))
    event = calendar.event(_uids(3)[0])
    trip_link = f"http://127.0.0.1:5000/trips/{TRIP_ID}"

    assert str(event["LOCATION"]) == "Nanjing, China"
    assert str(event["URL"]) == trip_link
    assert str(event["DESCRIPTION"]) == f"Trip: Leipzig-Nanjing 2019\n\nDetails: {trip_link}"


def test_leg_markers_carry_the_legs_sequence_and_change_time():
    row = leg(sequence=4, last_modified=at(2019, 6, 2, 10, 30))
    calendar = read(trip_calendar("Nanjing", [], [row], OPTIONS))
    lines = calendar.lines_of(_uids(3)[2])

    assert "SEQUENCE:4" in lines
    assert "DTSTAMP:20190602T103000Z" in lines
    assert "LAST-MODIFIED:20190602T103000Z" in lines


def test_a_leg_moved_one_day_later_keeps_its_day_uids_and_raises_their_sequence():
    before = read(trip_calendar("Nanjing", [], [leg()], OPTIONS))
    moved = leg(arrives_on=date(2019, 6, 25), departs_on=date(2019, 6, 27), sequence=1)
    after = read(trip_calendar("Nanjing", [], [moved], OPTIONS))

    assert after.uids() == before.uids()
    assert "DTSTART;VALUE=DATE:20190625" in after.lines_of(_uids(3)[0])
    assert "SEQUENCE:1" in after.lines_of(_uids(3)[0])


def test_a_leg_that_departs_before_it_arrives_is_refused_naming_the_leg_and_field():
    row = leg(departs_on=date(2019, 6, 23))

    with pytest.raises(ValueError, match="leg nanjing: departs_on must not be before arrives_on"):
        trip_calendar("Nanjing", [], [row], OPTIONS)


def _spans(calendar):
    return {
        str(event["UID"]): (event["DTSTART"].dt, event["DTEND"].dt)
        for event in calendar.icalendar.events
    }
