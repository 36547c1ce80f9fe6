"""iTIP (RFC 5546) calendar objects for calendar mails: METHOD:REQUEST and METHOD:CANCEL.

Pure, like the feeds: one meeting's VEVENT is made by the same ``meeting_event`` as in every
feed, so a mail and a feed of the same meeting carry the same UID, SEQUENCE
(planner.calendar.stamps), times and zone (the one fixed VTIMEZONE of planner.calendar.zones).

* REQUEST: the meeting as it now is, to one attendee, who is listed among its ATTENDEEs
  (RFC 5546 3.2.2: ORGANIZER, ATTENDEE, DTSTAMP, DTSTART, SEQUENCE, SUMMARY, UID).
* CANCEL of the whole meeting (it was cancelled): STATUS:CANCELLED, every attendee listed.
* CANCEL to one removed attendee ("uninvited", RFC 5546 3.2.5): only that ATTENDEE, and no
  STATUS (which would cancel the meeting for everyone).
* Other attendees' e-mail addresses are only written when the organiser chose to share them
  (``disclose``); otherwise the others keep their names (CN) under a ``urn:uuid:`` address,
  exactly as people without an address appear in the feeds.
* ORGANIZER is the feed's (``noreply@{calendar domain}``, the organising body as CN): clients'
  own accept buttons would answer nobody, so the mail carries signed answer links instead
  (planner.itip.links). RSVP is not requested.
"""

from __future__ import annotations

import dataclasses
from typing import Literal

from icalendar import Calendar

from planner.calendar.events import meeting_event
from planner.calendar.ics import PRODID
from planner.calendar.model import CalendarAttendee, CalendarMeeting, CalendarOptions
from planner.calendar.zones import zone_component

Method = Literal["REQUEST", "CANCEL"]


def _same_person(a: CalendarAttendee, b: CalendarAttendee) -> bool:
    return a.email.strip().casefold() == b.email.strip().casefold() and a.name == b.name


def _attendees_for(meeting: CalendarMeeting, recipient: CalendarAttendee, *, method: Method,
                   whole: bool, disclose: bool) -> tuple[CalendarAttendee, ...]:
    if method == "CANCEL" and not whole:
        return (recipient,)
    others = [a for a in meeting.attendees if not _same_person(a, recipient)]
    if not disclose:
        others = [dataclasses.replace(a, email="") for a in others]
    return (recipient, *others)


def itip_calendar(meeting: CalendarMeeting, recipient: CalendarAttendee, method: Method,
                  options: CalendarOptions, *, disclose: bool = False) -> bytes:
    """The text/calendar body of a calendar mail to `recipient` about `meeting`.

    method REQUEST: the meeting as it is now. CANCEL: if the meeting is cancelled, the whole
    meeting; otherwise `recipient` was taken off it.
    """
    if method not in ("REQUEST", "CANCEL"):
        raise ValueError(f"method: must be REQUEST or CANCEL, got {method!r}")
    if "@" not in recipient.email:
        raise ValueError("recipient: a calendar mail needs the recipient's e-mail address")
    whole = meeting.status == "cancelled"
    shown = dataclasses.replace(meeting, attendees=_attendees_for(
        meeting, recipient, method=method, whole=whole, disclose=disclose))
    _, event = meeting_event(shown, options)
    if method == "CANCEL" and not whole:
        event.pop("STATUS", None)
    calendar = Calendar()
    calendar.add("VERSION", "2.0")
    calendar.add("PRODID", PRODID)
    calendar.add("CALSCALE", "GREGORIAN")
    calendar.add("METHOD", method)
    for name in ("DTSTART", "DTEND"):
        tzid = event[name].params.get("TZID") if name in event else None
        if tzid and not any(str(c.get("TZID")) == tzid for c in calendar.subcomponents):
            calendar.add_component(zone_component(tzid))
    calendar.add_component(event)
    return calendar.to_ical(sorted=False)
