"""Meetings appear at the right moment, in the venue's local time, across daylight saving."""

from datetime import timedelta
from uuid import UUID

from ical_testkit import OPTIONS, at, instants, leg, meeting, read

from planner.calendar.ics import meeting_calendar, meeting_uid, trip_calendar

LEIPZIG_DEPARTURE = UUID("5a0c3e1d-8b2f-4d6a-9c7e-1f3b5d7a9c03")


def _berlin_meeting(starts_at, **changes):
    return meeting(
        meeting_id=UUID(int=starts_at.month),
        title="Briefing at the Leipzig town hall",
        timezone="Europe/Berlin",
        venue="Neues Rathaus",
        city="Leipzig",
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=1),
        **changes,
    )


def test_a_berlin_meeting_on_the_morning_clocks_go_forward_is_at_9_local_and_7_utc():
    row = _berlin_meeting(at(2024, 3, 31, 7))
    calendar = read(trip_calendar("Leipzig", [row], [], OPTIONS))
    uid = meeting_uid(row.meeting_id, OPTIONS.domain)

    assert "DTSTART;TZID=Europe/Berlin:20240331T090000" in calendar.lines_of(uid)
    assert "DTEND;TZID=Europe/Berlin:20240331T100000" in calendar.lines_of(uid)
    assert instants(calendar)[uid] == (at(2024, 3, 31, 7), at(2024, 3, 31, 8))


def test_a_berlin_meeting_on_the_morning_clocks_go_back_is_at_9_local_and_8_utc():
    row = _berlin_meeting(at(2024, 10, 27, 8))
    calendar = read(trip_calendar("Leipzig", [row], [], OPTIONS))
    uid = meeting_uid(row.meeting_id, OPTIONS.domain)

    assert "DTSTART;TZID=Europe/Berlin:20241027T090000" in calendar.lines_of(uid)
    assert instants(calendar)[uid] == (at(2024, 10, 27, 8), at(2024, 10, 27, 9))


def test_a_trip_from_leipzig_to_nanjing_shows_each_meeting_in_its_own_city_time():
    departure = meeting(
        meeting_id=LEIPZIG_DEPARTURE,
        title="Delegation departs Leipzig/Halle airport",
        kind="travel",
        timezone="Europe/Berlin",
        venue="Leipzig/Halle Airport",
        city="Schkeuditz",
        starts_at=at(2019, 6, 23, 14),
        ends_at=at(2019, 6, 23, 15),
    )
    signing = meeting()
    calendar = read(trip_calendar("Leipzig-Nanjing 2019", [signing, departure], [], OPTIONS))
    departure_uid = meeting_uid(LEIPZIG_DEPARTURE, OPTIONS.domain)
    signing_uid = meeting_uid(signing.meeting_id, OPTIONS.domain)

    assert "DTSTART;TZID=Europe/Berlin:20190623T160000" in calendar.lines_of(departure_uid)
    assert "DTSTART;TZID=Asia/Shanghai:20190625T100000" in calendar.lines_of(signing_uid)
    assert calendar.tzids() == ["Asia/Shanghai", "Europe/Berlin"]
    assert instants(calendar) == {
        departure_uid: (at(2019, 6, 23, 14), at(2019, 6, 23, 15)),
        signing_uid: (at(2019, 6, 25, 2), at(2019, 6, 25, 3, 30)),
    }


def test_a_meeting_in_the_repeated_hour_after_clocks_go_back_keeps_its_exact_instant():
    # 02:30 happens twice in Berlin on 27 October 2024; this is the second time (01:30 UTC).
    row = _berlin_meeting(at(2024, 10, 27, 1, 30))
    calendar = read(meeting_calendar(row, OPTIONS))
    uid = meeting_uid(row.meeting_id, OPTIONS.domain)

    assert "DTSTART:20241027T013000Z" in calendar.lines_of(uid)
    assert "DTEND;TZID=Europe/Berlin:20241027T033000" in calendar.lines_of(uid)
    assert instants(calendar)[uid] == (at(2024, 10, 27, 1, 30), at(2024, 10, 27, 2, 30))


def test_a_meeting_in_the_first_pass_of_the_repeated_hour_is_written_in_utc_too():
    # RFC 5545 reads 02:30 as the first pass, but ical.js (Thunderbird) and khal read the
    # second: any wall time that happens twice goes in UTC, so every client agrees.
    row = _berlin_meeting(at(2024, 10, 27, 0, 30))
    calendar = read(meeting_calendar(row, OPTIONS))
    uid = meeting_uid(row.meeting_id, OPTIONS.domain)

    assert "DTSTART:20241027T003000Z" in calendar.lines_of(uid)
    assert "DTEND:20241027T013000Z" in calendar.lines_of(uid)
    assert not [line for line in calendar.lines_of(uid) if "TZID=Europe/Berlin:202410270" in line]
    assert instants(calendar)[uid] == (at(2024, 10, 27, 0, 30), at(2024, 10, 27, 1, 30))


def test_a_meeting_outside_the_years_every_vtimezone_covers_is_written_in_utc():
    row = _berlin_meeting(at(1965, 7, 1, 8))
    calendar = read(meeting_calendar(row, OPTIONS))
    uid = meeting_uid(row.meeting_id, OPTIONS.domain)

    assert "DTSTART:19650701T080000Z" in calendar.lines_of(uid)
    assert instants(calendar)[uid][0] == at(1965, 7, 1, 8)


def test_a_meeting_that_ends_when_it_starts_has_no_end_and_takes_no_time():
    row = meeting(ends_at=at(2019, 6, 25, 2))
    calendar = read(meeting_calendar(row, OPTIONS))
    uid = meeting_uid(row.meeting_id, OPTIONS.domain)

    assert not [line for line in calendar.lines_of(uid) if line.startswith("DTEND")]
    assert instants(calendar)[uid] == (at(2019, 6, 25, 2), at(2019, 6, 25, 2))


def test_meetings_and_leg_days_all_keep_their_instants_in_one_feed():
    rows = [
        meeting(),
        _berlin_meeting(at(2024, 3, 31, 7)),
        _berlin_meeting(at(2024, 10, 27, 8)),
    ]
    calendar = read(trip_calendar("All", rows, [leg()], OPTIONS))
    found = instants(calendar)

    for row in rows:
        uid = meeting_uid(row.meeting_id, OPTIONS.domain)
        assert found[uid] == (row.starts_at, row.ends_at)
    assert len(found) == len(rows) + 3
