"""Rows that would give a wrong calendar are refused with a message naming field and rule."""

from dataclasses import replace
from datetime import datetime

import pytest
from ical_testkit import OPTIONS, SIGNING_ID, at, leg, meeting

from planner.calendar.ics import meeting_calendar, person_calendar, trip_calendar

WHERE = f"meeting {SIGNING_ID}"


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"starts_at": datetime(2019, 6, 25, 10)}, f"{WHERE}: starts_at: must be a timezone-aware"),
        ({"ends_at": datetime(2019, 6, 25, 11)}, f"{WHERE}: ends_at: must be a timezone-aware"),
        ({"ends_at": at(2019, 6, 25, 1)}, f"{WHERE}: ends_at must not be before starts_at"),
        ({"timezone": "Asia/Nanjing"}, f"{WHERE}: timezone: 'Asia/Nanjing' is not an IANA"),
        ({"timezone": ""}, f"{WHERE}: timezone: '' is not an IANA"),
        ({"status": "postponed"}, f"{WHERE}: status 'postponed' is not one of proposed"),
        ({"sequence": -1}, f"{WHERE}: sequence must not be negative"),
        ({"last_modified": datetime(2019, 6, 1)}, f"{WHERE}: last_modified: must be"),
    ],
)
def test_a_meeting_that_cannot_be_shown_truthfully_is_refused(changes, message):
    with pytest.raises(ValueError, match=message):
        meeting_calendar(meeting(**changes), OPTIONS)


def test_a_leg_with_a_naive_change_time_is_refused():
    with pytest.raises(ValueError, match="leg nanjing: last_modified: must be a timezone-aware"):
        trip_calendar("Trip", [], [leg(last_modified=datetime(2019, 5, 20))], OPTIONS)


def test_a_leg_listed_twice_is_refused():
    with pytest.raises(ValueError, match="leg_id: nanjing appears twice"):
        trip_calendar("Trip", [], [leg(), leg()], OPTIONS)


def test_a_refresh_interval_under_one_minute_is_refused():
    with pytest.raises(ValueError, match="refresh_minutes: must be .* at least 1"):
        person_calendar("Anna", [meeting()], [], replace(OPTIONS, refresh_minutes=0))
