"""Cancelled and moved meetings update the same calendar entry instead of adding another."""

from ical_testkit import OPTIONS, SIGNING_ID, at, instants, meeting, read

from planner.calendar.ics import trip_calendar

UID = f"meeting-{SIGNING_ID}@planner.example.org"


def test_a_cancelled_meeting_stays_in_the_feed_under_the_same_uid_marked_cancelled():
    before = read(trip_calendar("Trip", [meeting()], [], OPTIONS))
    cancelled = meeting(status="cancelled", sequence=1, last_modified=at(2019, 6, 20, 7))
    after = read(trip_calendar("Trip", [cancelled], [], OPTIONS))

    assert after.uids() == before.uids() == [UID]
    assert "STATUS:CANCELLED" in after.lines_of(UID)
    assert "SEQUENCE:1" in after.lines_of(UID)
    assert after.ical.events[0].status.value == "CANCELLED"


def test_a_cancelled_meeting_no_longer_blocks_time_but_a_confirmed_one_does():
    cancelled = read(trip_calendar("Trip", [meeting(status="cancelled")], [], OPTIONS))
    confirmed = read(trip_calendar("Trip", [meeting()], [], OPTIONS))

    assert "TRANSP:TRANSPARENT" in cancelled.lines_of(UID)
    assert not [line for line in confirmed.lines_of(UID) if line.startswith("TRANSP")]


def test_a_moved_meeting_keeps_its_uid_raises_its_sequence_and_shows_the_new_time():
    before = read(trip_calendar("Trip", [meeting(sequence=2)], [], OPTIONS))
    moved = meeting(
        sequence=3,
        starts_at=at(2019, 6, 26, 6),
        ends_at=at(2019, 6, 26, 7),
        venue="Nanjing International Expo Center",
        last_modified=at(2019, 6, 21, 16, 45),
    )
    after = read(trip_calendar("Trip", [moved], [], OPTIONS))

    assert after.uids() == before.uids() == [UID]
    assert "SEQUENCE:2" in before.lines_of(UID)
    assert "SEQUENCE:3" in after.lines_of(UID)
    assert "DTSTART;TZID=Asia/Shanghai:20190626T140000" in after.lines_of(UID)
    assert instants(after)[UID] == (at(2019, 6, 26, 6), at(2019, 6, 26, 7))
    assert str(after.event(UID)["LOCATION"]) == "Nanjing International Expo Center, Nanjing"


def test_the_stamp_and_last_modified_time_are_the_time_of_the_last_change_not_now():
    calendar = read(
        trip_calendar("Trip", [meeting(last_modified=at(2019, 6, 21, 16, 45, 12))], [], OPTIONS)
    )
    lines = calendar.lines_of(UID)

    assert "DTSTAMP:20190621T164512Z" in lines
    assert "LAST-MODIFIED:20190621T164512Z" in lines
    assert calendar.ical.events[0].last_modified == at(2019, 6, 21, 16, 45, 12)
