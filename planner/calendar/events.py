"""One VEVENT per meeting and per day of a leg, with the checks that keep them truthful.

Bad rows raise ValueError naming the row, the field and the rule, before any output is made.
"""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from uuid import UUID
from zoneinfo import ZoneInfo

from icalendar import Event, vUri

from planner.calendar import text as ical_text
from planner.calendar.model import CalendarLeg, CalendarMeeting, CalendarOptions
from planner.calendar.zones import covers, load_zone
from planner.i18n import translator
from planner.i18n.words import word

#: Sort key of an event in a calendar: its start as a UTC instant, then its UID.
EventKey = tuple[datetime, str]

STATUSES = {
    "proposed": "TENTATIVE",
    "confirmed": "CONFIRMED",
    "held": "CONFIRMED",
    "cancelled": "CANCELLED",
}


def meeting_uid(meeting_id: UUID | str, domain: str) -> str:
    """The UID of a meeting's VEVENT: the same for every version of the meeting."""
    return f"meeting-{meeting_id}@{domain}"


def leg_uid(leg_id: str, domain: str, day: int = 1) -> str:
    """The UID of the all-day VEVENT for day ``day`` (1-based) of a leg."""
    return f"leg-{leg_id}-day-{day}@{domain}"


def meeting_event(meeting: CalendarMeeting, options: CalendarOptions) -> tuple[EventKey, Event]:
    where = f"meeting {meeting.meeting_id}"
    starts_at = utc(meeting.starts_at, f"{where}: starts_at")
    ends_at = utc(meeting.ends_at, f"{where}: ends_at")
    if ends_at < starts_at:
        raise ValueError(f"{where}: ends_at must not be before starts_at")
    zone = load_zone(meeting.timezone, f"{where}: timezone")
    if meeting.status not in STATUSES:
        allowed = ", ".join(STATUSES)
        raise ValueError(f"{where}: status {meeting.status!r} is not one of {allowed}")
    uid = meeting_uid(meeting.meeting_id, options.domain)
    link = f"{options.base_url.rstrip('/')}/meetings/{meeting.meeting_id}"
    attendees = sorted(meeting.attendees, key=lambda a: (a.name.casefold(), a.name, a.email))

    event = Event()
    _add_change_stamps(event, uid, meeting.sequence, meeting.last_modified, where)
    event.add("DTSTART", _wall_time_or_utc(starts_at, zone))
    if ends_at > starts_at:  # RFC 5545: DTEND must be later than DTSTART; else omit it
        event.add("DTEND", _wall_time_or_utc(ends_at, zone))
    event.add("STATUS", STATUSES[meeting.status])
    event.add("SUMMARY", ical_text.text(meeting.title))
    location = ical_text.place(meeting.venue, meeting.city)
    if location:
        event.add("LOCATION", ical_text.text(location))
    tr = translator(options.language)
    description = ical_text.meeting_description(
        tr,
        meeting.trip_title,
        meeting.counterparts,
        meeting.agenda,
        [ical_text.person_label(a.name, a.email) for a in attendees],
        link,
    )
    event.add("DESCRIPTION", ical_text.text(description))
    if meeting.kind.strip():
        event.add("CATEGORIES", ical_text.text_list([word(tr, meeting.kind.strip())]))
    event.add("URL", vUri(link))
    event.add("ORGANIZER", ical_text.organizer_address(meeting.organiser, options.domain))
    for attendee in attendees:
        if attendee.name.strip() or ical_text.has_address(attendee.email):
            address = ical_text.attendee_address(attendee.name, attendee.email, options.domain,
                                                 attendee.partstat)
            event.add("ATTENDEE", address)
    if meeting.status == "cancelled":
        event.add("TRANSP", "TRANSPARENT")
    return (starts_at, uid), event


def leg_events(leg: CalendarLeg, options: CalendarOptions) -> list[tuple[EventKey, Event]]:
    where = f"leg {leg.leg_id}"
    if leg.departs_on < leg.arrives_on:
        raise ValueError(f"{where}: departs_on must not be before arrives_on")
    days = (leg.departs_on - leg.arrives_on).days + 1
    link = f"{options.base_url.rstrip('/')}/trips/{leg.trip_id}"
    location = ical_text.join_nonempty([leg.city, leg.country])
    tr = translator(options.language)
    description = ical_text.leg_description(tr, leg.trip_title, link)
    keyed_events = []
    for number in range(1, days + 1):
        day = leg.arrives_on + timedelta(days=number - 1)
        uid = leg_uid(leg.leg_id, options.domain, number)
        event = Event()
        _add_change_stamps(event, uid, leg.sequence, leg.last_modified, where)
        event.add("DTSTART", day)
        event.add("DTEND", day + timedelta(days=1))
        summary = ical_text.leg_day_summary(tr, leg.city, number, days)
        event.add("SUMMARY", ical_text.text(summary))
        if location:
            event.add("LOCATION", ical_text.text(location))
        event.add("DESCRIPTION", ical_text.text(description))
        event.add("URL", vUri(link))
        event.add("ORGANIZER", ical_text.organizer_address("", options.domain))
        event.add("TRANSP", "TRANSPARENT")
        keyed_events.append(((datetime.combine(day, time(), UTC), uid), event))
    return keyed_events


def _add_change_stamps(event: Event, uid: str, sequence: int, stamp: datetime, where: str):
    if sequence < 0:
        raise ValueError(f"{where}: sequence must not be negative")
    last_modified = utc(stamp, f"{where}: last_modified")
    event.add("UID", ical_text.text(uid))
    event.add("DTSTAMP", last_modified)
    event.add("LAST-MODIFIED", last_modified)
    event.add("SEQUENCE", sequence)


def _wall_time_or_utc(instant: datetime, zone: ZoneInfo) -> datetime:
    """Local wall time in ``zone``, unless some client could read that wall time otherwise.

    Written in UTC (``...Z``, which every reader takes the same way) instead:
    * a wall time that happens twice (the hour repeated when clocks go back), in either pass:
      RFC 5545 reads it as the first pass, but Thunderbird's ical.js and khal read the second;
    * a wall time outside the years the calendar's VTIMEZONE covers (zones.COVERED_YEARS).
    A wall time that does not exist (the hour skipped in spring) never comes out of a UTC
    instant, so it needs no rule.
    """
    local = instant.astimezone(zone)
    ambiguous = local.replace(fold=0).utcoffset() != local.replace(fold=1).utcoffset()
    if ambiguous or not covers(local.year):
        return instant
    return local


def utc(value: datetime, field: str) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{field}: must be a timezone-aware datetime (UTC), got {value!r}")
    return value.astimezone(UTC)
