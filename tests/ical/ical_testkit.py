"""Builders for calendar rows, and a strict reader that checks every emitted calendar twice.

``read`` parses a calendar with icalendar and, independently, with the ``ical`` package; any
parse error, any component error, a bare LF or CR, or a disagreement between the two readers
about when an event starts or ends fails the test. ``instants`` also converts every wall time
through the VTIMEZONE written in the file itself (read by dateutil via icalendar, and by the
``ical`` package), so a wrong VTIMEZONE cannot hide behind the readers' own tzdata.

This directory has no ``__init__.py`` on purpose: without a ``tests/__init__.py`` a package
``tests/ical`` would be imported as top-level ``ical`` and hide the ``ical`` package.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo
from uuid import UUID

import icalendar
from ical.calendar import Calendar as IcalCalendar
from ical.calendar_stream import IcsCalendarStream
from ical.timezone import IcsTimezoneInfo

from planner.calendar.model import (
    CalendarAttendee,
    CalendarLeg,
    CalendarMeeting,
    CalendarOptions,
)

OPTIONS = CalendarOptions(domain="planner.example.org", base_url="http://127.0.0.1:5000")
TRIP_ID = UUID("7d1c2a52-6f0e-4c55-9d1e-5b0c1f6a9e01")
SIGNING_ID = UUID("0f4b8d9e-3a2c-4e71-8b6d-2c9e5f1a7b02")


def at(*parts: int) -> datetime:
    """A UTC instant: ``at(2019, 6, 25, 2)`` is 25 June 2019 02:00 UTC."""
    return datetime(*parts, tzinfo=UTC)


def meeting(**changes) -> CalendarMeeting:
    """The Nanjing signing of 25 June 2019, 10:00-11:30 Shanghai time, with ``changes``."""
    row = CalendarMeeting(
        meeting_id=SIGNING_ID,
        trip_id=TRIP_ID,
        trip_title="Leipzig-Nanjing 2019",
        title="Signing of the MoU on economic cooperation",
        kind="signing ceremony",
        status="confirmed",
        starts_at=at(2019, 6, 25, 2),
        ends_at=at(2019, 6, 25, 3, 30),
        timezone="Asia/Shanghai",
        venue="Jinling Hotel",
        city="Nanjing",
        counterparts=("Nanjing Municipal People's Government",),
        agenda="Welcome\nSigning\nPress",
        attendees=(
            CalendarAttendee("Anna Körner", "anna.koerner@example.org"),
            CalendarAttendee("Jens Schülke", ""),
        ),
        organiser="Invest Region Leipzig GmbH",
        sequence=0,
        last_modified=at(2019, 6, 1, 9, 15),
    )
    return dataclasses.replace(row, **changes)


def leg(**changes) -> CalendarLeg:
    """Three days in Nanjing, 24-26 June 2019, with ``changes``."""
    row = CalendarLeg(
        leg_id="nanjing",
        trip_id=TRIP_ID,
        trip_title="Leipzig-Nanjing 2019",
        city="Nanjing",
        country="China",
        arrives_on=date(2019, 6, 24),
        departs_on=date(2019, 6, 26),
        sequence=0,
        last_modified=at(2019, 5, 20, 8),
    )
    return dataclasses.replace(row, **changes)


@dataclass(frozen=True)
class ReadCalendar:
    body: bytes
    icalendar: icalendar.Calendar
    ical: IcalCalendar

    def event(self, uid: str) -> icalendar.Event:
        matches = [event for event in self.icalendar.events if str(event["UID"]) == uid]
        assert len(matches) == 1, f"expected one VEVENT with UID {uid}, found {len(matches)}"
        return matches[0]

    def uids(self) -> list[str]:
        return [str(event["UID"]) for event in self.icalendar.events]

    def content_lines(self) -> list[str]:
        """The unfolded content lines, as text."""
        return self.body.decode("utf-8").replace("\r\n ", "").split("\r\n")[:-1]

    def lines_of(self, uid: str) -> list[str]:
        """The unfolded content lines of the VEVENT with ``uid``."""
        lines = self.content_lines()
        start = lines.index(f"UID:{uid}")
        end = lines.index("END:VEVENT", start)
        begin = max(i for i in range(start) if lines[i] == "BEGIN:VEVENT")
        return lines[begin : end + 1]

    def tzids(self) -> list[str]:
        return [str(zone["TZID"]) for zone in self.icalendar.timezones]


def read(body: bytes) -> ReadCalendar:
    """Parse ``body`` with both readers; fail on anything either of them finds wrong."""
    assert isinstance(body, bytes)
    text = body.decode("utf-8")
    assert body.endswith(b"\r\n"), "a calendar ends with CRLF"
    assert b"\n" not in body.replace(b"\r\n", b""), "bare LF in calendar"
    assert b"\r" not in body.replace(b"\r\n", b""), "bare CR in calendar"
    parsed = icalendar.Calendar.from_ical(body)
    for component in parsed.walk():
        assert not component.errors, f"{component.name}: {component.errors}"
    stream = IcsCalendarStream.calendar_from_ics(text)
    result = ReadCalendar(body, parsed, stream)
    instants(result)  # both readers agree on every start and end
    return result


def _zones_in_file(calendar: ReadCalendar) -> dict[str, tuple[tzinfo, tzinfo]]:
    rules = {}
    by_tzid = {zone.tz_id: zone for zone in calendar.ical.timezones}
    for zone in calendar.icalendar.timezones:
        tzid = str(zone["TZID"])
        rules[tzid] = (zone.to_tz(lookup_tzid=False), IcsTimezoneInfo.from_timezone(by_tzid[tzid]))
    return rules


def _as_instant(value: date | datetime) -> date | datetime:
    if isinstance(value, datetime):
        assert value.tzinfo is not None, f"floating time {value} in calendar"
        return value.astimezone(UTC)
    return value


def instants(calendar: ReadCalendar) -> dict[str, tuple[date | datetime, date | datetime]]:
    """UID -> (start, end): UTC instants for timed events, dates for all-day ones.

    Checked three ways: icalendar's reading, the ``ical`` package's reading, and the wall time
    in the file converted by the VTIMEZONE in the file.
    """
    rules = _zones_in_file(calendar)
    found = {}
    for event in calendar.icalendar.events:
        uid = str(event["UID"])
        ends = event.get("DTEND", event["DTSTART"])
        pair = (_as_instant(event["DTSTART"].dt), _as_instant(ends.dt))
        for prop, expected in zip((event["DTSTART"], ends), pair, strict=True):
            tzid = prop.params.get("TZID")
            if tzid:
                wall = prop.dt.replace(tzinfo=None)
                for zone_rules in rules[tzid]:
                    assert wall.replace(tzinfo=zone_rules).astimezone(UTC) == expected, (
                        f"{uid}: VTIMEZONE {tzid} in the file puts {wall} elsewhere"
                    )
        found[uid] = pair
    other = {
        event.uid: (_as_instant(event.dtstart), _as_instant(event.dtend or event.dtstart))
        for event in calendar.ical.events
    }
    assert other == found, "icalendar and the ical package read different times"
    return found
