"""Feeds name themselves and tell subscribing clients how often to refresh."""

import dataclasses

from ical_testkit import OPTIONS, leg, meeting, read

from planner.calendar.ics import meeting_calendar, person_calendar, trip_calendar

FEED_HEAD = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Delegation Planner//Trip calendars//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "NAME:Leipzig-Nanjing 2019",
    "X-WR-CALNAME:Leipzig-Nanjing 2019",
    "REFRESH-INTERVAL;VALUE=DURATION:PT60M",
    "X-PUBLISHED-TTL:PT60M",
]


def test_a_trip_feed_starts_with_version_product_scale_method_name_and_refresh():
    calendar = read(trip_calendar("Leipzig-Nanjing 2019", [meeting()], [leg()], OPTIONS))

    assert calendar.content_lines()[: len(FEED_HEAD)] == FEED_HEAD
    assert calendar.content_lines()[-1] == "END:VCALENDAR"


def test_a_person_feed_has_the_same_format_under_the_persons_name():
    calendar = read(person_calendar("Anna Körner", [meeting()], [leg()], OPTIONS))
    trip = read(trip_calendar("Anna Körner", [meeting()], [leg()], OPTIONS))

    assert "NAME:Anna Körner" in calendar.content_lines()
    assert "X-WR-CALNAME:Anna Körner" in calendar.content_lines()
    assert calendar.body == trip.body


def test_both_readers_see_the_calendar_name_and_refresh_interval():
    options = dataclasses.replace(OPTIONS, refresh_minutes=15)
    calendar = read(trip_calendar("Leipzig-Nanjing 2019", [meeting()], [], options))

    assert calendar.ical.name == ["Leipzig-Nanjing 2019"]
    assert calendar.ical.refresh_interval.total_seconds() == 15 * 60
    assert calendar.icalendar.calendar_name == "Leipzig-Nanjing 2019"
    assert "REFRESH-INTERVAL;VALUE=DURATION:PT15M" in calendar.content_lines()
    assert "X-PUBLISHED-TTL:PT15M" in calendar.content_lines()


def test_a_single_meeting_download_has_no_name_or_refresh_so_it_imports_into_any_calendar():
    calendar = read(meeting_calendar(meeting(), OPTIONS))
    lines = calendar.content_lines()

    assert lines[:5] == FEED_HEAD[:5]
    assert not [line for line in lines if line.startswith(("NAME", "X-WR", "REFRESH", "X-PUB"))]
    assert len(calendar.icalendar.events) == 1
    assert calendar.tzids() == ["Asia/Shanghai"]


def test_an_empty_feed_is_still_a_valid_calendar_with_no_events():
    calendar = read(person_calendar("Nobody yet", [], [], OPTIONS))

    assert calendar.icalendar.events == []
    assert calendar.ical.events == []
    assert len(calendar.icalendar.subcomponents) >= 1  # RFC 5545 wants one component


def test_time_zones_come_before_the_events_that_use_them():
    calendar = read(trip_calendar("Trip", [meeting()], [leg()], OPTIONS))
    names = [component.name for component in calendar.icalendar.subcomponents]

    assert names == ["VTIMEZONE", "VEVENT", "VEVENT", "VEVENT", "VEVENT"]
