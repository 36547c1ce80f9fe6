"""Calendar mails: what one attendee is told when a meeting of theirs changes (pure).

A mail has a plain-text and an HTML body stating what changed (old and new local times at the
venue, old and new place) and the iTIP calendar object that calendar clients apply
(planner.calendar.itip). Everything the mail says of its own is in the recipient's language
(planner.i18n; dates and times by Babel), and so are the calendar's added texts; the records'
own texts (titles, places) stay as entered.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import datetime
from html import escape
from zoneinfo import ZoneInfo

from planner.calendar.itip import Method, itip_calendar
from planner.calendar.model import CalendarAttendee, CalendarMeeting, CalendarOptions
from planner.i18n import Translator, language_of, translator

#: What happened, as the mail's kind: added to the meeting, moved, relocated, confirmed,
#: reinstated (REQUEST); cancelled, removed from it (CANCEL).
METHODS: dict[str, Method] = {
    "added": "REQUEST", "moved": "REQUEST", "relocated": "REQUEST", "confirmed": "REQUEST",
    "reinstated": "REQUEST", "cancelled": "CANCEL", "removed": "CANCEL",
}


def _subject(tr: Translator, kind: str, title: str, when: str) -> str:
    subjects = {
        "added": tr("Invitation: %(title)s, %(when)s", title=title, when=when),
        "moved": tr("Moved: %(title)s, now %(when)s", title=title, when=when),
        "relocated": tr("New place: %(title)s, %(when)s", title=title, when=when),
        "confirmed": tr("Confirmed: %(title)s, %(when)s", title=title, when=when),
        "reinstated": tr("On again: %(title)s, %(when)s", title=title, when=when),
        "cancelled": tr("Cancelled: %(title)s, %(when)s", title=title, when=when),
        "removed": tr("No longer attending: %(title)s, %(when)s", title=title, when=when),
    }
    return subjects[kind]


def _lead(tr: Translator, kind: str) -> str:
    leads = {
        "added": tr("You have been added to this meeting."),
        "moved": tr("This meeting has moved."),
        "relocated": tr("This meeting takes place somewhere else."),
        "confirmed": tr("This meeting is now confirmed."),
        "reinstated": tr("This meeting, cancelled before, takes place after all."),
        "cancelled": tr("This meeting is cancelled."),
        "removed": tr("You no longer attend this meeting."),
    }
    return leads[kind]


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


def local_span(starts_at: datetime, ends_at: datetime, zone: str,
               tr: Translator | None = None) -> str:
    """Wall time at the venue, with the zone's name: 'Wed, 20 Nov 2024, 10:00–11:00 (Central
    European Time)', 'Mi., 20. Nov. 2024, 10:00–11:00 (Mitteleuropäische Zeit)'."""
    tr = tr or translator("en")
    start, end = starts_at.astimezone(ZoneInfo(zone)), ends_at.astimezone(ZoneInfo(zone))
    until = tr.clock(end) if end.date() == start.date() else \
        tr("%(day)s, %(time)s", day=tr.weekday_date(end), time=tr.clock(end))
    return tr("%(day)s, %(start)s–%(end)s (%(zone)s)", day=tr.weekday_date(start),
              start=tr.clock(start), end=until, zone=tr.zone(zone))


def _place(venue: str, city: str) -> str:
    return ", ".join(part.strip() for part in (venue, city) if part.strip())


def changes(meeting: CalendarMeeting, before: Before | None,
            tr: Translator | None = None) -> list[tuple[str, str, str]]:
    """(what, was, now) for each of time and place that differs from `before`; `what` is
    "time" or "place"."""
    if before is None:
        return []
    found = []
    was = local_span(before.starts_at, before.ends_at, before.timezone, tr)
    now = local_span(meeting.starts_at, meeting.ends_at, meeting.timezone, tr)
    if was != now:
        found.append(("time", was, now))
    was_place, now_place = _place(before.venue, before.city), _place(meeting.venue, meeting.city)
    if was_place != now_place:
        found.append(("place", was_place, now_place))
    return found


def _rows(tr: Translator, meeting: CalendarMeeting, changed: list[tuple[str, str, str]],
          when: str) -> list[tuple[str, str]]:
    labels = {"time": (tr("Time before"), tr("Time now")),
              "place": (tr("Place before"), tr("Place now"))}
    rows: list[tuple[str, str]] = [(tr("Meeting"), meeting.title), (tr("Trip"), meeting.trip_title)]
    for what, was, now in changed:
        rows += [(labels[what][0], was), (labels[what][1], now)]
    if not any(what == "time" for what, _, _ in changed):
        rows.append((tr("Time"), when))
    if not any(what == "place" for what, _, _ in changed):
        rows.append((tr("Place"), _place(meeting.venue, meeting.city)))
    rows.append((tr("Organised by"), meeting.organiser))
    return rows


def calendar_mail(kind: str, meeting: CalendarMeeting, recipient: CalendarAttendee,
                  options: CalendarOptions, *, before: Before | None = None,
                  disclose: bool = False, answer_url: str = "",
                  language: str | None = None) -> CalendarMail:
    """The mail that tells `recipient` of `kind` (a key of METHODS) about `meeting`, in
    `language` (else the options' language)."""
    if kind not in METHODS:
        raise ValueError(f"kind: must be one of {', '.join(METHODS)}; got {kind!r}")
    language = language_of(language or options.language)
    options = dataclasses.replace(options, language=language)
    tr = translator(language)
    method = METHODS[kind]
    when = local_span(meeting.starts_at, meeting.ends_at, meeting.timezone, tr)
    subject = _subject(tr, kind, meeting.title, when)
    link = f"{options.base_url.rstrip('/')}/meetings/{meeting.meeting_id}"
    rows = _rows(tr, meeting, changes(meeting, before, tr), when)
    answer = answer_url if method == "REQUEST" else ""
    greeting = tr("Dear %(name)s,", name=recipient.name.strip()) if recipient.name.strip() \
        else tr("Hello,")
    lead, applies = _lead(tr, kind), tr("The attached invitation updates the meeting in your "
                                        "calendar.")
    text_lines = [greeting, "", lead, ""]
    text_lines += [tr("%(label)s: %(value)s", label=label, value=value)
                   for label, value in rows if value.strip()]
    if answer:
        text_lines += ["", tr("Accept or decline: %(link)s", link=answer)]
    text_lines += ["", tr("Details: %(link)s", link=link), "", applies]
    html_rows = "".join(f"<tr><th align=\"left\">{escape(label)}</th><td>{escape(value)}</td></tr>"
                        for label, value in rows if value.strip())
    answer_html = (f'<p><a href="{escape(answer)}">{escape(tr("Accept or decline"))}</a></p>'
                   if answer else "")
    html = (f'<!DOCTYPE html><html lang="{language}"><body><p>{escape(greeting)}</p>'
            f"<p>{escape(lead)}</p><table>{html_rows}</table>{answer_html}"
            f'<p><a href="{escape(link)}">{escape(tr("Details"))}</a></p>'
            f"<p>{escape(applies)}</p></body></html>")
    calendar = itip_calendar(meeting, recipient, method, options, disclose=disclose)
    return CalendarMail(subject, "\n".join(text_lines) + "\n", html, calendar, method)
