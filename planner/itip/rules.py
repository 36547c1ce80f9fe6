"""Calendar mails as mail rules (planner.mail): which meeting events mail which attendees.

* Scheduled: a REQUEST to every attendee; AttendeeAdded: to the one added.
* Moved, Relocated, Confirmed, Reinstated: a REQUEST to every attendee; Cancelled: a CANCEL.
* AttendeeRemoved: a CANCEL to the one removed (uninvited alone).
* Trip cancelled: a CANCEL for each of its meetings; reinstated: a REQUEST for each again.

One save of several changes (the one meeting page: moved, relocated and confirmed at once)
sends one mail per attendee: the rule of the save's last change sends it, saying what changed
since before the first (rm_meeting_changes; the changes of one save share actor, reason and
moment). Only attendees with an address who want calendar mails get them
(planner.itip.recipients). The calendar part is made from the same rows as the feeds, so UID,
SEQUENCE and times are the feed's.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from planner.calendar.files import calendar_options
from planner.calendar.model import CalendarAttendee, CalendarMeeting
from planner.domain.meeting import Meeting
from planner.domain.trip import Trip
from planner.domain.values import MeetingStatus
from planner.i18n.whose import person_language
from planner.itip.links import answer_token
from planner.itip.messages import Before, calendar_mail
from planner.itip.recipients import Recipient, recipients
from planner.mail.rules import MailContext, OutgoingMail, mail_rule
from planner.readmodel import tables as t
from planner.readmodel.keys import from_db, to_db
from planner.readmodel.languages import account_language, trip_language
from planner.readmodel.queries_calendar import calendar_meetings

SAME_SAVE = timedelta(seconds=5)
#: The kind of mail a save's changes make, most telling first.
PRECEDENCE = ("cancelled", "reinstated", "moved", "relocated", "confirmed")


def _meeting(conn: Connection, meeting_id: str) -> CalendarMeeting | None:
    found = calendar_meetings(conn, t.meetings.c.id == meeting_id)
    return found[0] if found else None


def _save_of(conn: Connection, event: Any) -> list[Any]:
    """The meeting's changes (rm_meeting_changes) made by the same save as `event`."""
    c = t.meeting_changes
    at = to_db(event.timestamp)
    return list(conn.execute(select(c).where(
        c.c.meeting_id == str(event.originator_id), c.c.actor == event.actor,
        c.c.reason == event.reason, c.c.changed_at >= at - SAME_SAVE,
        c.c.changed_at <= at + SAME_SAVE).order_by(c.c.version)))


def _mails(kind: str, meeting: CalendarMeeting, people: Iterable[Recipient],
           context: MailContext, before: Before | None = None) -> list[OutgoingMail]:
    """One mail per recipient, each in their language (the trip's, read once, where their
    account chose none)."""
    fallback = trip_language(context.conn, meeting.trip_id)
    return [_mail(kind, meeting, person, context, before, fallback) for person in people]


def _mail(kind: str, meeting: CalendarMeeting, person: Recipient, context: MailContext,
          before: Before | None, fallback: str) -> OutgoingMail:
    settings = context.settings
    token = answer_token(settings.instance_path, meeting.meeting_id, person.person_id)
    answer_url = f"{settings.public_base_url}/answer/{token}"
    attendee = CalendarAttendee(person.name, person.email)
    language = person_language(settings, lambda email: account_language(context.conn, email),
                               person.account_email, person.email, fallback=fallback)
    options = calendar_options(settings, language=language)
    mail = calendar_mail(kind, meeting, attendee, options, before=before,
                         disclose=person.disclose, answer_url=answer_url)
    return OutgoingMail(
        recipient=person.email, recipient_name=person.name, subject=mail.subject,
        text=mail.text, html=mail.html, calendar=mail.calendar.decode("utf-8"),
        calendar_method=mail.method, person_id=str(person.person_id),
        meeting_id=str(meeting.meeting_id), trip_id=str(meeting.trip_id),
        key=str(meeting.meeting_id))


@mail_rule(Meeting.Scheduled)
def scheduled(event: Any, context: MailContext) -> list[OutgoingMail]:
    meeting = _meeting(context.conn, str(event.originator_id))
    if meeting is None:
        return []
    return _mails("added", meeting, recipients(context.conn, meeting.meeting_id), context)


@mail_rule(Meeting.AttendeeAdded, Meeting.AttendeeRemoved)
def attendee_changed(event: Any, context: MailContext) -> list[OutgoingMail]:
    added = isinstance(event, Meeting.AttendeeAdded)
    if added and any(c.version > event.originator_version
                     for c in _save_of(context.conn, event)):
        return []  # a later change of this save mails every attendee, this one included
    meeting = _meeting(context.conn, str(event.originator_id))
    if meeting is None:
        return []
    people = recipients(context.conn, meeting.meeting_id, only=event.person_id,
                        attending=added)
    return _mails("added" if added else "removed", meeting, people, context)


@mail_rule(Meeting.Moved, Meeting.Relocated, Meeting.Confirmed, Meeting.Cancelled,
           Meeting.Reinstated)
def meeting_changed(event: Any, context: MailContext) -> list[OutgoingMail]:
    save = _save_of(context.conn, event)
    if not save or any(c.version > event.originator_version for c in save):
        return []  # the save's last change mails for all of them
    kinds = {c.kind for c in save}
    kind = next(k for k in PRECEDENCE if k in kinds)
    first = save[0]
    before = Before(from_db(first.starts_at), from_db(first.ends_at), first.timezone,
                    first.venue, first.city)
    meeting = _meeting(context.conn, str(event.originator_id))
    if meeting is None:
        return []
    return _mails(kind, meeting, recipients(context.conn, meeting.meeting_id), context, before)


@mail_rule(Trip.Cancelled, Trip.Reinstated)
def trip_changed(event: Any, context: MailContext) -> list[OutgoingMail]:
    """A cancelled trip cancels each of its meetings in the attendees' calendars (the feeds
    show them cancelled too); reinstating it brings back those not cancelled themselves."""
    kind = "cancelled" if isinstance(event, Trip.Cancelled) else "reinstated"
    mails = []
    trip_id = str(event.originator_id)
    for meeting in calendar_meetings(context.conn, t.meetings.c.trip_id == trip_id,
                                     t.meetings.c.status != MeetingStatus.CANCELLED.value):
        mails += _mails(kind, meeting, recipients(context.conn, meeting.meeting_id), context)
    return mails
