"""The same plan always gives the same bytes, so clients only re-download real changes."""

import re
from dataclasses import replace
from datetime import date, timedelta, timezone
from uuid import UUID

import pytest
from ical_testkit import OPTIONS, at, instants, leg, meeting, read

from planner.calendar.ics import (
    calendar_etag,
    calendar_last_modified,
    person_calendar,
    rendered_feed,
    trip_calendar,
)
from planner.calendar.model import CalendarAttendee


def _plan():
    meetings = [
        meeting(),
        meeting(
            meeting_id=UUID(int=1),
            title="Breakfast briefing",
            timezone="Europe/Berlin",
            starts_at=at(2019, 6, 23, 6),
            ends_at=at(2019, 6, 23, 7),
        ),
        meeting(
            meeting_id=UUID(int=2),
            title="Same start as the signing",
            ends_at=at(2019, 6, 25, 2, 45),
            attendees=(CalendarAttendee("Zhang Wei", ""), CalendarAttendee("Anna Körner", "")),
        ),
    ]
    leipzig = leg(
        leg_id="leipzig",
        city="Leipzig",
        country="Germany",
        arrives_on=date(2019, 6, 22),
        departs_on=date(2019, 6, 23),
    )
    return meetings, [leg(), leipzig]


def test_the_same_plan_gives_a_byte_identical_calendar_and_the_same_etag():
    meetings, legs = _plan()
    first = trip_calendar("Trip", meetings, legs, OPTIONS)
    rendered_feed.cache_clear()  # rendered again, not taken from the kept feeds
    second = trip_calendar("Trip", list(meetings), list(legs), OPTIONS)

    assert first == second
    assert calendar_etag(first) == calendar_etag(second)


def test_the_order_rows_and_attendees_arrive_in_does_not_change_a_single_byte():
    meetings, legs = _plan()
    last = meetings[-1]
    shuffled = [replace(last, attendees=last.attendees[::-1]), *meetings[:-1][::-1]]

    assert trip_calendar("Trip", meetings, legs, OPTIONS) == trip_calendar(
        "Trip", shuffled, legs[::-1], OPTIONS
    )


def test_events_are_in_order_of_start_then_uid():
    meetings, legs = _plan()
    calendar = read(trip_calendar("Trip", meetings, legs, OPTIONS))
    starts = instants(calendar)

    assert calendar.uids() == [
        "leg-leipzig-day-1@planner.example.org",  # 22 June
        "leg-leipzig-day-2@planner.example.org",  # 23 June, all day
        f"meeting-{UUID(int=1)}@planner.example.org",  # 23 June, 06:00 UTC
        "leg-nanjing-day-1@planner.example.org",  # 24 June
        "leg-nanjing-day-2@planner.example.org",  # 25 June, all day
        f"meeting-{UUID(int=2)}@planner.example.org",  # 25 June 02:00 UTC, smaller UID
        f"meeting-{meetings[0].meeting_id}@planner.example.org",  # 25 June 02:00 UTC
        "leg-nanjing-day-3@planner.example.org",  # 26 June
    ]
    timed = [starts[uid][0] for uid in calendar.uids() if uid.startswith("meeting-")]
    assert timed == sorted(timed)


def test_nothing_in_the_calendar_depends_on_the_clock():
    meetings, legs = _plan()
    body = trip_calendar("Trip", meetings, legs, OPTIONS).decode()

    assert set(re.findall(r"\d{8}T\d{6}Z", body)) == {"20190601T091500Z", "20190520T080000Z"}


def test_a_changed_plan_gives_a_different_etag():
    meetings, legs = _plan()
    moved = replace(meetings[0], starts_at=at(2019, 6, 25, 3), sequence=1)

    before = trip_calendar("Trip", meetings, legs, OPTIONS)
    after = trip_calendar("Trip", [moved, *meetings[1:]], legs, OPTIONS)

    assert calendar_etag(before) != calendar_etag(after)


def test_a_renamed_feed_gives_a_different_etag():
    meetings, legs = _plan()

    assert calendar_etag(trip_calendar("Trip", meetings, legs, OPTIONS)) != calendar_etag(
        trip_calendar("Trip 2019", meetings, legs, OPTIONS)
    )


def test_the_etag_is_a_strong_quoted_http_entity_tag():
    assert re.fullmatch(r'"[0-9a-f]{64}"', calendar_etag(b"BEGIN:VCALENDAR\r\n"))


def test_last_modified_is_the_latest_change_of_any_row_or_none_for_an_empty_feed():
    meetings, legs = _plan()
    later = leg(leg_id="late", last_modified=at(2019, 6, 30, 12))

    assert calendar_last_modified(meetings, legs) == at(2019, 6, 1, 9, 15)
    assert calendar_last_modified(meetings, [*legs, later]) == at(2019, 6, 30, 12)
    assert calendar_last_modified([], []) is None


def test_last_modified_is_given_in_utc_even_for_rows_stamped_in_another_offset():
    row = meeting(last_modified=at(2019, 6, 1, 9).astimezone(timezone(timedelta(hours=8))))

    assert calendar_last_modified([row], []) == at(2019, 6, 1, 9)
    assert calendar_last_modified([row], []).utcoffset() == timedelta(0)


def test_a_meeting_listed_twice_is_refused_rather_than_shown_twice():
    with pytest.raises(ValueError, match="meeting_id: .* appears twice"):
        person_calendar("Anna", [meeting(), meeting()], [], OPTIONS)


def test_a_feed_asked_for_again_with_the_same_rows_is_rendered_once_and_a_change_anew():
    """Calendar clients fetch an unchanged feed again and again: it is kept, not rendered
    again; any changed row (here a move by one minute) gives a new rendering."""
    meetings, legs = _plan()
    rendered_feed.cache_clear()
    first = person_calendar("Körner", meetings, legs, OPTIONS)
    again = person_calendar("Körner", list(meetings), list(legs), OPTIONS)
    assert again == first
    assert rendered_feed.cache_info().hits == 1
    moved = [replace(meetings[0], starts_at=meetings[0].starts_at + timedelta(minutes=1)),
             *meetings[1:]]
    changed = person_calendar("Körner", moved, legs, OPTIONS)
    assert changed != first
    assert rendered_feed.cache_info().misses == 2
