"""Each calendar carries VTIMEZONEs whose rules match tzdata for every year it covers."""

from datetime import UTC, datetime, timedelta
from uuid import UUID
from zoneinfo import ZoneInfo

import pytest
from dateutil.rrule import rrulestr
from ical.timezone import IcsTimezoneInfo
from ical_testkit import OPTIONS, at, leg, meeting, read

from planner.calendar.ics import meeting_calendar, trip_calendar

# The one VTIMEZONE of Europe/Berlin (tzdata 1970-2037, rules still in force left open).
BERLIN = [
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Berlin",
    "BEGIN:STANDARD",
    "DTSTART:19690101T000000",
    "RDATE:19690101T000000",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "END:STANDARD",
    "BEGIN:DAYLIGHT",
    "DTSTART:19800406T020000",
    "RDATE:19800406T020000",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "DTSTART:19800928T030000",
    "RRULE:FREQ=YEARLY;COUNT=16;BYDAY=-1SU;BYMONTH=9",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "END:STANDARD",
    "BEGIN:DAYLIGHT",
    "DTSTART:19810329T020000",
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "DTSTART:19961027T030000",
    "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "END:STANDARD",
    "END:VTIMEZONE",
]


def _meetings_in(tzid: str, *years: int):
    return [
        meeting(
            meeting_id=UUID(int=index + 1),
            timezone=tzid,
            starts_at=at(year, 7, 1, 8),
            ends_at=at(year, 7, 1, 9),
        )
        for index, year in enumerate(years)
    ]


def _onsets_in_file(calendar, tzid: str, until: datetime) -> list[tuple[datetime, str, int]]:
    """(UTC instant, TZNAME, offset hours) of every onset the file's VTIMEZONE declares."""
    (zone,) = [z for z in calendar.icalendar.timezones if str(z["TZID"]) == tzid]
    onsets = []
    for part in zone.subcomponents:
        start = part["DTSTART"].dt
        offset_from = part["TZOFFSETFROM"].td
        offset_to = part["TZOFFSETTO"].td
        if "RRULE" in part:
            rule = part["RRULE"].to_ical().decode()
            naive_until = until.replace(tzinfo=None)
            starts = list(rrulestr(rule, dtstart=start).between(start, naive_until, inc=True))
        else:
            starts = [start]
        for local in starts:
            instant = (local - offset_from).replace(tzinfo=UTC)
            onsets.append((instant, str(part["TZNAME"]), offset_to / timedelta(hours=1)))
    return sorted(onsets)


def _tzdata_changes(tzid: str, since: datetime, until: datetime) -> list[tuple[datetime, str, int]]:
    """(UTC instant, name, offset hours) of each change, to the quarter hour, from tzdata."""
    zone = ZoneInfo(tzid)
    changes = []
    day = since
    while day < until:
        before = day.astimezone(zone).utcoffset()
        if (day + timedelta(days=1)).astimezone(zone).utcoffset() != before:
            for quarter in range(1, 97):
                local = (day + timedelta(minutes=15 * quarter)).astimezone(zone)
                if local.utcoffset() != before:
                    instant = day + timedelta(minutes=15 * quarter)
                    changes.append(
                        (instant, local.tzname(), local.utcoffset() / timedelta(hours=1))
                    )
                    break
        day += timedelta(days=1)
    return changes


def test_berlin_clocks_change_at_the_true_moment_in_every_year_the_trip_spans():
    calendar = read(
        trip_calendar("Leipzig", _meetings_in("Europe/Berlin", 2019, 2024), [], OPTIONS)
    )
    since, until = at(2019, 1, 1), at(2025, 1, 1)

    declared = [o for o in _onsets_in_file(calendar, "Europe/Berlin", until) if o[0] >= since]

    assert declared == _tzdata_changes("Europe/Berlin", since, until)
    assert declared[0] == (at(2019, 3, 31, 1), "CEST", 2)
    assert declared[-1] == (at(2024, 10, 27, 1), "CET", 1)


def test_berlin_summer_time_starts_at_2_winter_time_and_ends_at_3_summer_time():
    row = meeting(
        timezone="Europe/Berlin", starts_at=at(2024, 3, 31, 7), ends_at=at(2024, 3, 31, 8)
    )
    calendar = read(meeting_calendar(row, OPTIONS))
    lines = calendar.content_lines()
    start = lines.index("BEGIN:VTIMEZONE")

    assert lines[start : start + len(BERLIN)] == BERLIN


def test_a_zone_without_daylight_saving_has_one_standard_observance():
    calendar = read(meeting_calendar(meeting(timezone="Asia/Kolkata"), OPTIONS))
    lines = calendar.content_lines()
    start = lines.index("BEGIN:VTIMEZONE")

    assert lines[start : lines.index("END:VTIMEZONE") + 1] == [
        "BEGIN:VTIMEZONE",
        "TZID:Asia/Kolkata",
        "BEGIN:STANDARD",
        "DTSTART:19690101T000000",
        "RDATE:19690101T000000",
        "TZOFFSETFROM:+0530",
        "TZOFFSETTO:+0530",
        "TZNAME:IST",
        "END:STANDARD",
        "END:VTIMEZONE",
    ]


def _instants_to_check(tzid: str, since: datetime, until: datetime) -> list[datetime]:
    """Every two hours, and every quarter hour within six hours of a change of offset."""
    instants = {since + timedelta(minutes=15) + timedelta(hours=2 * n) for n in range(99_999)}
    instants = {instant for instant in instants if instant < until}
    for change, _, _ in _tzdata_changes(tzid, since, until):
        instants.update(change + timedelta(minutes=15 * n) for n in range(-24, 25))
    return sorted(instants)


@pytest.mark.parametrize(
    ("tzid", "years"),
    [
        ("Europe/Berlin", (2019, 2024)),
        ("America/New_York", (2005, 2008)),  # US rules changed in 2007
        ("America/Sao_Paulo", (2017, 2020)),  # Brazil dropped daylight saving in 2019
        ("Europe/Moscow", (2010, 2015)),  # permanent summer time 2011-2014
        ("Australia/Lord_Howe", (2023, 2024)),  # half-hour daylight saving
        ("Asia/Shanghai", (2019, 2019)),
    ],
)
def test_the_zone_rules_in_the_file_match_tzdata_all_through_the_covered_years(tzid, years):
    calendar = read(trip_calendar("Zone", _meetings_in(tzid, *years), [], OPTIONS))
    (component,) = calendar.icalendar.timezones
    (model,) = calendar.ical.timezones
    readers = [component.to_tz(lookup_tzid=False), IcsTimezoneInfo.from_timezone(model)]
    zone = ZoneInfo(tzid)

    for instant in _instants_to_check(tzid, at(years[0], 1, 1), at(years[-1] + 1, 1, 1)):
        local = instant.astimezone(zone)
        if local.replace(fold=1 - local.fold).utcoffset() != local.utcoffset():
            continue  # a wall time that happens twice: RFC 5545 picks the first, tzdata both
        wall = local.replace(tzinfo=None)
        for reader in readers:
            assert wall.replace(tzinfo=reader).astimezone(UTC) == instant, (reader, wall)


def test_every_zone_in_use_has_exactly_one_vtimezone_and_they_are_sorted_by_name():
    rows = [
        *_meetings_in("Europe/Berlin", 2019),
        meeting(meeting_id=UUID(int=7), timezone="Asia/Shanghai"),
        meeting(
            meeting_id=UUID(int=8),
            timezone="Asia/Shanghai",
            starts_at=at(2019, 6, 26, 1),
            ends_at=at(2019, 6, 26, 2),
        ),
        meeting(meeting_id=UUID(int=9), timezone="America/New_York"),
    ]
    calendar = read(trip_calendar("Zones", rows, [], OPTIONS))

    assert calendar.tzids() == ["America/New_York", "Asia/Shanghai", "Europe/Berlin"]
    assert calendar.icalendar.get_missing_tzids() == set()


def test_a_calendar_of_only_all_day_leg_markers_carries_no_time_zone():
    calendar = read(trip_calendar("Legs", [], [leg()], OPTIONS))

    assert calendar.tzids() == []


def _vtimezone_blocks(body: bytes) -> dict[str, bytes]:
    """TZID -> the VTIMEZONE component exactly as written in the file (folded bytes)."""
    blocks = {}
    for chunk in body.split(b"BEGIN:VTIMEZONE\r\n")[1:]:
        block = b"BEGIN:VTIMEZONE\r\n" + chunk[: chunk.index(b"END:VTIMEZONE\r\n")]
        tzid = block.split(b"\r\n")[1].decode().removeprefix("TZID:")
        blocks[tzid] = block + b"END:VTIMEZONE\r\n"
    return blocks


@pytest.mark.parametrize("tzid", ["Europe/Berlin", "Asia/Shanghai", "America/Sao_Paulo"])
def test_a_zone_is_the_same_bytes_in_every_calendar_whatever_the_years_of_its_events(tzid):
    # Radicale (vobject) keeps the first definition of a TZID it meets for every calendar.
    early = trip_calendar("1975", _meetings_in(tzid, 1975), [], OPTIONS)
    late = trip_calendar("2019-2036", _meetings_in(tzid, 2019, 2024, 2036), [], OPTIONS)
    single = meeting_calendar(_meetings_in(tzid, 2001)[0], OPTIONS)
    read(early), read(late), read(single)

    blocks = [_vtimezone_blocks(body)[tzid] for body in (early, late, single)]

    assert blocks[0] == blocks[1] == blocks[2]


@pytest.mark.parametrize("year", [1970, 1996, 2037])
def test_the_one_vtimezone_is_exact_at_the_edges_of_the_covered_years(year):
    calendar = read(trip_calendar("Edge", _meetings_in("Europe/Berlin", year), [], OPTIONS))
    (component,) = calendar.icalendar.timezones
    zone = ZoneInfo("Europe/Berlin")
    reader = component.to_tz(lookup_tzid=False)

    for instant in _instants_to_check("Europe/Berlin", at(year, 1, 1), at(year + 1, 1, 1)):
        local = instant.astimezone(zone)
        if local.replace(fold=1 - local.fold).utcoffset() != local.utcoffset():
            continue
        assert local.replace(tzinfo=None).replace(tzinfo=reader).astimezone(UTC) == instant
