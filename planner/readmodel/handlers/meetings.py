"""Meeting events -> rm_meetings, rm_attendees, rm_outcomes, rm_ideas, rm_followups."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from planner.calendar.stamps import meeting_change
from planner.domain import values as v
from planner.domain.meeting import Meeting
from planner.readmodel import tables as t
from planner.readmodel.handlers.calendar import stamp_values
from planner.readmodel.handlers.common import Handler, created, delete, insert, key, touch, update
from planner.readmodel.keys import dumps, fold, to_db


def _calendar(e: Any, status_before: str | None = None) -> dict[str, Any]:
    """Calendars: the VEVENT's SEQUENCE and LAST-MODIFIED after `e` (planner.calendar.stamps;
    only an outcome needs the meeting's status before it)."""
    return stamp_values(t.meetings.c.calendar_sequence, meeting_change(e, status_before),
                        e.timestamp)


def _scheduled(conn: Connection, e: Any, seq: int) -> None:
    insert(conn, t.meetings, dict(
        trip_id=str(e.trip_id), kind=e.kind, title=e.title, counterparts=dumps(e.counterparts),
        venue=e.venue, city=e.city, city_key=fold(e.city), timezone=e.timezone,
        starts_at=to_db(e.starts_at), ends_at=to_db(e.ends_at), leg_id=e.leg_id or "",
        agenda=e.agenda, status=v.MeetingStatus.PROPOSED.value, **created(e, seq),
        **stamp_values(None, meeting_change(e, None), e.timestamp)))
    rows = [dict(meeting_id=key(e), person_id=str(person), seq=seq, idx=i)
            for i, person in enumerate(e.attendees)]
    if rows:
        insert(conn, t.attendees, rows)


def _details(conn: Connection, e: Any, seq: int) -> None:
    touch(conn, t.meetings, e, kind=e.kind, title=e.title, counterparts=dumps(e.counterparts),
          agenda=e.agenda, **_calendar(e))


def _moved(conn: Connection, e: Any, seq: int) -> None:
    touch(conn, t.meetings, e, starts_at=to_db(e.starts_at), ends_at=to_db(e.ends_at),
          **_calendar(e))


def _relocated(conn: Connection, e: Any, seq: int) -> None:
    touch(conn, t.meetings, e, venue=e.venue, city=e.city, city_key=fold(e.city),
          timezone=e.timezone, leg_id=e.leg_id or "", **_calendar(e))


def _attendee_added(conn: Connection, e: Any, seq: int) -> None:
    insert(conn, t.attendees, dict(meeting_id=key(e), person_id=e.person_id, seq=seq, idx=0))
    touch(conn, t.meetings, e, **_calendar(e))


def _attendee_removed(conn: Connection, e: Any, seq: int) -> None:
    delete(conn, t.attendees, meeting_id=key(e), person_id=e.person_id)
    touch(conn, t.meetings, e, **_calendar(e))


def _status(status: v.MeetingStatus) -> Handler:
    def handle(conn: Connection, e: Any, seq: int) -> None:
        touch(conn, t.meetings, e, status=status.value, **_calendar(e))

    return handle


def _outcome(conn: Connection, e: Any, seq: int) -> None:
    """Recorded or corrected: the latest outcome replaces the earlier one."""
    meeting_id = key(e)
    delete(conn, t.outcomes, meeting_id=meeting_id)
    delete(conn, t.ideas, meeting_id=meeting_id)
    insert(conn, t.outcomes, dict(meeting_id=meeting_id, summary=e.summary, recorded_by=e.actor,
                                  recorded_at=to_db(e.timestamp)))
    if e.ideas:
        insert(conn, t.ideas, [dict(meeting_id=meeting_id, idx=i, idea=idea)
                               for i, idea in enumerate(e.ideas)])
    was = conn.execute(select(t.meetings.c.status).where(t.meetings.c.id == meeting_id)).scalar()
    touch(conn, t.meetings, e, status=v.MeetingStatus.HELD.value, **_calendar(e, was))


def _followup_added(conn: Connection, e: Any, seq: int) -> None:
    insert(conn, t.followups, dict(
        followup_id=e.followup_id, meeting_id=key(e), action=e.action, owner=e.owner,
        owner_key=fold(e.owner), due_on=e.due_on, done_on=None, seq=seq))
    touch(conn, t.meetings, e)


def _followup_completed(conn: Connection, e: Any, seq: int) -> None:
    update(conn, t.followups, dict(followup_id=e.followup_id), dict(done_on=e.done_on))
    touch(conn, t.meetings, e)


def _agreement_linked(conn: Connection, e: Any, seq: int) -> None:
    insert(conn, t.meeting_agreements, dict(meeting_id=key(e), agreement_id=e.agreement_id,
                                            seq=seq))
    touch(conn, t.meetings, e)


HANDLERS: dict[type, Handler] = {
    Meeting.Scheduled: _scheduled,
    Meeting.DetailsChanged: _details,
    Meeting.Moved: _moved,
    Meeting.Relocated: _relocated,
    Meeting.AttendeeAdded: _attendee_added,
    Meeting.AttendeeRemoved: _attendee_removed,
    Meeting.Confirmed: _status(v.MeetingStatus.CONFIRMED),
    Meeting.Cancelled: _status(v.MeetingStatus.CANCELLED),
    Meeting.Reinstated: _status(v.MeetingStatus.PROPOSED),
    Meeting.OutcomeRecorded: _outcome,
    Meeting.FollowUpAdded: _followup_added,
    Meeting.FollowUpCompleted: _followup_completed,
    Meeting.AgreementLinked: _agreement_linked,
}
