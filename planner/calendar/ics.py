"""iCalendar (RFC 5545) feeds and downloads for trips, people and single meetings.

Pure functions from read-model rows to UTF-8 bytes. The same rows always give the same bytes
(DTSTAMP is the time of the last relevant change, never "now"; events are sorted by start and
UID; time zones by TZID), so ``calendar_etag`` of a feed only changes when its meaning does.

Decisions worth knowing:

* Meetings carry the venue's IANA zone (``DTSTART;TZID=Asia/Shanghai:20190626T100000``) and a
  VTIMEZONE per zone, built from tzdata for one fixed range of years, so the same zone is the
  same bytes in every calendar (see ``planner.calendar.zones``). A wall time in the hour
  repeated when clocks go back (either pass) is written in UTC: clients disagree on which pass
  it means. So is one outside the covered years.
* A leg is one all-day VEVENT per day ("Nanjing (day 2 of 3)"), each ``DTEND`` the next day
  (exclusive), so a three-day leg shows exactly three days; each day has its own stable UID
  ``leg-{leg_id}-day-{n}@{domain}``. Legs are TRANSPARENT: being in a city is not being busy.
* Cancelled meetings stay in the feed with STATUS:CANCELLED (so subscribed clients learn of
  them) and TRANSP:TRANSPARENT (they no longer block time).
* METHOD:PUBLISH and ATTENDEE together: iTIP (RFC 5546, 3.2.1) says a PUBLISH event should not
  list attendees; RFC 5545 allows it and the issue asks for them, so they are listed, as common
  feed publishers (Google Calendar exports) do. Every event has the ORGANIZER iTIP requires.
  Attendees without e-mail get a ``urn:uuid:`` address (see ``text.attendee_address``).
* An empty feed carries one unused UTC VTIMEZONE: RFC 5545 requires at least one component.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from datetime import datetime
from functools import lru_cache

from icalendar import Calendar, Event
from icalendar.prop import vInline

from planner.calendar import text as ical_text
from planner.calendar.events import leg_events, leg_uid, meeting_event, meeting_uid, utc
from planner.calendar.model import CalendarLeg, CalendarMeeting, CalendarOptions
from planner.calendar.zones import zone_component

__all__ = [
    "calendar_etag",
    "calendar_last_modified",
    "leg_uid",
    "meeting_calendar",
    "meeting_uid",
    "person_calendar",
    "trip_calendar",
]

PRODID = "-//Delegation Planner//Trip calendars//EN"
FEEDS_KEPT = 128  # rendered feeds kept per process (a feed of 100 meetings is about 100 kB)


def calendar_etag(body: bytes) -> str:
    """A strong HTTP ETag (quoted) for a calendar body: equal bytes, equal tag."""
    return '"' + hashlib.sha256(body).hexdigest() + '"'


def calendar_last_modified(
    meetings: Iterable[CalendarMeeting], legs: Iterable[CalendarLeg]
) -> datetime | None:
    """The latest ``last_modified`` (UTC) of the rows, or None when there are none.

    Use it for the Last-Modified header only: when a row leaves a feed (a person is taken off
    a meeting) the maximum can go down, so conditional requests should rely on the ETag.
    """
    stamps = [utc(row.last_modified, "last_modified") for row in [*meetings, *legs]]
    return max(stamps, default=None)


def trip_calendar(
    name: str,
    meetings: Sequence[CalendarMeeting],
    legs: Sequence[CalendarLeg],
    options: CalendarOptions,
) -> bytes:
    """The subscription feed of one trip: its meetings and its legs' day markers."""
    return _feed(name, meetings, legs, options)


def person_calendar(
    name: str,
    meetings: Sequence[CalendarMeeting],
    legs: Sequence[CalendarLeg],
    options: CalendarOptions,
) -> bytes:
    """The subscription feed of one person (the caller passes only their meetings and legs)."""
    return _feed(name, meetings, legs, options)


def meeting_calendar(meeting: CalendarMeeting, options: CalendarOptions) -> bytes:
    """A one-off download of a single meeting (no calendar name, no refresh interval)."""
    calendar = _calendar_head()
    return _finish(calendar, [meeting], [], options)


def _feed(
    name: str,
    meetings: Sequence[CalendarMeeting],
    legs: Sequence[CalendarLeg],
    options: CalendarOptions,
) -> bytes:
    return rendered_feed(name, tuple(meetings), tuple(legs), options)


@lru_cache(maxsize=FEEDS_KEPT)
def rendered_feed(
    name: str,
    meetings: tuple[CalendarMeeting, ...],
    legs: tuple[CalendarLeg, ...],
    options: CalendarOptions,
) -> bytes:
    """A feed's bytes, kept for the next request with the same rows.

    The output is a pure function of these frozen rows (DTSTAMP and LAST-MODIFIED come from
    the events, never the clock), and calendar clients fetch a feed again and again while it
    is unchanged; rendering (icalendar's serialisation and line folding) is most of a feed
    request's cost, comparing the rows a small part of it.
    """
    if options.refresh_minutes < 1:
        raise ValueError("refresh_minutes: must be a whole number of minutes, at least 1")
    calendar = _calendar_head()
    calendar.add("NAME", ical_text.text(name))
    calendar.add("X-WR-CALNAME", ical_text.text(name))
    interval = f"PT{options.refresh_minutes}M"
    calendar.add("REFRESH-INTERVAL", vInline(interval, params={"VALUE": "DURATION"}))
    calendar.add("X-PUBLISHED-TTL", vInline(interval))
    return _finish(calendar, meetings, legs, options)


def _calendar_head() -> Calendar:
    calendar = Calendar()
    calendar.add("VERSION", "2.0")
    calendar.add("PRODID", PRODID)
    calendar.add("CALSCALE", "GREGORIAN")
    calendar.add("METHOD", "PUBLISH")
    return calendar


def _finish(
    calendar: Calendar,
    meetings: Sequence[CalendarMeeting],
    legs: Sequence[CalendarLeg],
    options: CalendarOptions,
) -> bytes:
    _reject_duplicates([str(m.meeting_id) for m in meetings], "meeting_id")
    _reject_duplicates([leg.leg_id for leg in legs], "leg_id")
    events = [meeting_event(meeting, options) for meeting in meetings]
    for leg in legs:
        events.extend(leg_events(leg, options))
    events.sort(key=lambda keyed: keyed[0])
    for tzid in sorted(_used_tzids(event for _, event in events)):
        calendar.add_component(zone_component(tzid))
    for _, event in events:
        calendar.add_component(event)
    if not events:
        # RFC 5545 wants at least one component; an unused UTC zone is invisible everywhere.
        calendar.add_component(zone_component("Etc/UTC"))
    return calendar.to_ical(sorted=False)


def _reject_duplicates(ids: list[str], field: str) -> None:
    seen: set[str] = set()
    for value in ids:
        if value in seen:
            raise ValueError(f"{field}: {value} appears twice; each may appear once per calendar")
        seen.add(value)


def _used_tzids(events: Iterable[Event]) -> set[str]:
    used = set()
    for event in events:
        for name in ("DTSTART", "DTEND"):
            tzid = event[name].params.get("TZID") if name in event else None
            if tzid:
                used.add(tzid)
    return used
