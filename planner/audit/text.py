"""Plain-text renderings of as-of views and log pages, for the command line.

The command line's texts stay English (like its messages and config errors, planner.cli): it
is for operators, and the logs they land in are searched in English. `record_fields` also
serves the as-of page, in the reader's language.
"""

from __future__ import annotations

from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from planner.audit.asof import AsOf, PersonScheduleAsOf, TripAsOf
from planner.audit.history import record_zone
from planner.audit.labels import say
from planner.audit.logquery import LogPage
from planner.audit.readable import SECRET_FIELDS, Names, describe, no_names, words
from planner.domain.errors import Translate


def moment(instant: datetime, zone: str) -> str:
    local = instant.astimezone(ZoneInfo(zone))
    utc = instant.astimezone(UTC)
    if zone == "UTC":
        return f"{utc:%Y-%m-%d %H:%M:%S} UTC"
    return f"{local:%Y-%m-%d %H:%M:%S} {zone} ({utc:%Y-%m-%d %H:%M:%S} UTC)"


def meeting_line(meeting: AsOf) -> str:
    s = meeting.state
    zone = ZoneInfo(s["timezone"])
    start, end = s["starts_at"].astimezone(zone), s["ends_at"].astimezone(zone)
    until = f"{end:%H:%M}" if end.date() == start.date() else f"{end:%Y-%m-%d %H:%M}"
    place = s["venue"] if s["city"] and s["city"] in s["venue"] else ", ".join(
        p for p in (s["venue"], s["city"]) if p)
    return (f"{start:%Y-%m-%d %H:%M}-{until} {s['timezone']}  {s['title']}  ({place})  "
            f"{s['status']}  [meeting {meeting.record_id} v{meeting.version} of "
            f"{meeting.latest_version}]")


def record_fields(record: AsOf, zone: str, names: Names = no_names,
                  tr: Translate | None = None) -> list[tuple[str, str]]:
    """(field, readable value) of a record's state; instants in the record's own zone; the
    fields' names in the language of `tr` (English without it)."""
    field_zone = record_zone(record.state, zone)
    return [(say(tr, words(field.removesuffix("_id"))), say(tr, "(secret)")
             if field in SECRET_FIELDS else describe(value, zone=field_zone, names=names, tr=tr))
            for field, value in record.state.items()]


def record_lines(record: AsOf, zone: str, names: Names = no_names) -> list[str]:
    when = (f"as of {moment(record.at, zone)}" if record.at else f"at version {record.version}")
    lines = [f"{record.kind} {record.record_id} {when}: version {record.version} of "
             f"{record.latest_version}, since {moment(record.changed_at, zone)}"]
    lines.extend(f"  {field}: {value}" for field, value in record_fields(record, zone, names))
    return lines


def trip_lines(itinerary: TripAsOf, zone: str) -> list[str]:
    trip = itinerary.trip
    lines = [f"{trip.state['title']} as it stood at {moment(itinerary.at, zone)} "
             f"(trip {trip.record_id} v{trip.version} of {trip.latest_version}, "
             f"status {trip.state['status']})"]
    for leg in trip.state["legs"]:
        lines.append(f"  leg: {leg['city']}, {leg['country']} {leg['arrives_on']} to "
                     f"{leg['departs_on']} ({leg['timezone']})")
    lines.extend(f"  {meeting_line(m)}" for m in itinerary.meetings)
    if not itinerary.meetings:
        lines.append("  (no meetings scheduled yet)")
    return lines


def schedule_lines(schedule: PersonScheduleAsOf, zone: str) -> list[str]:
    person = schedule.person.state
    lines = [f"{person['name']}'s calendar as it stood at {moment(schedule.at, zone)}:"]
    for trip in schedule.trips:
        lines.append(f"  trip: {trip.state['title']} {trip.state['starts_on']} to "
                     f"{trip.state['ends_on']} ({trip.state['status']})")
    for meeting in schedule.meetings:
        names = [schedule.people[p].state["name"] for p in meeting.state["attendees"]
                 if p in schedule.people]
        lines.append(f"  {meeting_line(meeting)}")
        lines.append(f"      with {', '.join(names)}")
    if not schedule.meetings:
        lines.append("  (no meetings)")
    return lines


def log_page_lines(page: LogPage, zone: str) -> list[str]:
    lines = []
    for e in page.entries:
        label = f" {e.record_label!r}" if e.record_label else ""
        reason = f"  reason: {e.reason}" if e.reason else ""
        lines.append(f"#{e.position}  {moment(e.occurred_at, zone)}  {e.actor}  {e.event_type}  "
                     f"{e.record_kind} {e.record_id}{label} v{e.record_version}{reason}")
    lines.append(f"page {page.page} of {page.pages} ({page.total} events)")
    return lines
