"""Calendar mails: what one attendee is told when a meeting of theirs changes (pure).

A mail has a plain-text and an HTML body stating what changed (old and new local times at the
venue, old and new place) and the iTIP calendar object that calendar clients apply
(planner.calendar.itip). Texts are English for now: planner code has no request language; the
words are kept here in one place for the translators.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from html import escape
from zoneinfo import ZoneInfo

from planner.calendar.itip import Method, itip_calendar
from planner.calendar.model import CalendarAttendee, CalendarMeeting, CalendarOptions

#: What happened, as the mail's kind: added to the meeting, moved, relocated, confirmed,
#: reinstated (REQUEST); cancelled, removed from it (CANCEL).
METHODS: dict[str, Method] = {
    "added": "REQUEST", "moved": "REQUEST", "relocated": "REQUEST", "confirmed": "REQUEST",
    "reinstated": "REQUEST", "cancelled": "CANCEL", "removed": "CANCEL",
}
SUBJECTS = {
    "added": "Invitation: {title}, {when}",
    "moved": "Moved: {title}, now {when}",
    "relocated": "New place: {title}, {when}",
    "confirmed": "Confirmed: {title}, {when}",
    "reinstated": "On again: {title}, {when}",
    "cancelled": "Cancelled: {title}, {when}",
    "removed": "No longer attending: {title}, {when}",
}
LEADS = {
    "added": "You have been added to this meeting.",
    "moved": "This meeting has moved.",
    "relocated": "This meeting takes place somewhere else.",
    "confirmed": "This meeting is now confirmed.",
    "reinstated": "This meeting, cancelled before, takes place after all.",
    "cancelled": "This meeting is cancelled.",
    "removed": "You no longer attend this meeting.",
}


@dataclass(frozen=True)
class Before:
    """The meeting's time and place before the change (what the attendee last saw)."""

    starts_at: datetime
    ends_at: datetime
    timezone: str
    venue: str
    city: str


@dataclass(frozen=True)
class CalendarMail:
    subject: str
    text: str
    html: str
    calendar: bytes
    method: Method


def local_span(starts_at: datetime, ends_at: datetime, zone: str) -> str:
    """'Wed 20 Nov 2024, 10:00–11:00 (Europe/Berlin)': wall time at the venue."""
    start, end = starts_at.astimezone(ZoneInfo(zone)), ends_at.astimezone(ZoneInfo(zone))
    until = f"{end:%H:%M}" if end.date() == start.date() else \
        f"{end:%a} {end.day} {end:%b %Y}, {end:%H:%M}"
    return f"{start:%a} {start.day} {start:%b %Y}, {start:%H:%M}–{until} ({zone})"


def _place(venue: str, city: str) -> str:
    return ", ".join(part.strip() for part in (venue, city) if part.strip())


def changes(meeting: CalendarMeeting, before: Before | None) -> list[tuple[str, str, str]]:
    """(what, was, now) for each of time and place that differs from `before`."""
    if before is None:
        return []
    found = []
    was = local_span(before.starts_at, before.ends_at, before.timezone)
    now = local_span(meeting.starts_at, meeting.ends_at, meeting.timezone)
    if was != now:
        found.append(("Time", was, now))
    was_place, now_place = _place(before.venue, before.city), _place(meeting.venue, meeting.city)
    if was_place != now_place:
        found.append(("Place", was_place, now_place))
    return found


def calendar_mail(kind: str, meeting: CalendarMeeting, recipient: CalendarAttendee,
                  options: CalendarOptions, *, before: Before | None = None,
                  disclose: bool = False, answer_url: str = "") -> CalendarMail:
    """The mail that tells `recipient` of `kind` (a key of METHODS) about `meeting`."""
    if kind not in METHODS:
        raise ValueError(f"kind: must be one of {', '.join(METHODS)}; got {kind!r}")
    method = METHODS[kind]
    when = local_span(meeting.starts_at, meeting.ends_at, meeting.timezone)
    subject = SUBJECTS[kind].format(title=meeting.title, when=when)
    link = f"{options.base_url.rstrip('/')}/meetings/{meeting.meeting_id}"
    rows: list[tuple[str, str]] = [("Meeting", meeting.title), ("Trip", meeting.trip_title)]
    changed = changes(meeting, before)
    for what, was, now in changed:
        rows += [(f"{what} before", was), (f"{what} now", now)]
    if not any(what == "Time" for what, _, _ in changed):
        rows.append(("Time", when))
    if not any(what == "Place" for what, _, _ in changed):
        rows.append(("Place", _place(meeting.venue, meeting.city)))
    rows.append(("Organised by", meeting.organiser))
    answer = answer_url if method == "REQUEST" else ""
    greeting = f"Dear {recipient.name}," if recipient.name.strip() else "Hello,"
    text_lines = [greeting, "", LEADS[kind], ""]
    text_lines += [f"{label}: {value}" for label, value in rows if value.strip()]
    if answer:
        text_lines += ["", f"Accept or decline: {answer}"]
    text_lines += ["", f"Details: {link}", "",
                   "The attached invitation updates the meeting in your calendar."]
    html_rows = "".join(f"<tr><th align=\"left\">{escape(label)}</th><td>{escape(value)}</td></tr>"
                        for label, value in rows if value.strip())
    answer_html = (f'<p><a href="{escape(answer)}">Accept or decline</a></p>' if answer else "")
    html = (f"<!DOCTYPE html><html><body><p>{escape(greeting)}</p><p>{escape(LEADS[kind])}</p>"
            f"<table>{html_rows}</table>{answer_html}"
            f'<p><a href="{escape(link)}">Details</a></p>'
            "<p>The attached invitation updates the meeting in your calendar.</p></body></html>")
    calendar = itip_calendar(meeting, recipient, method, options, disclose=disclose)
    return CalendarMail(subject, "\n".join(text_lines) + "\n", html, calendar, method)
