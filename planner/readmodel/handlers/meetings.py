"""Meeting events -> rm_meetings, rm_attendees, rm_outcomes, rm_ideas, rm_followups."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from planner.calendar.stamps import meeting_change
from planner.domain import values as v
from planner.domain.meeting import Meeting
from planner.readmodel import tables as t
from planner.readmodel.conflicts import micros
from planner.readmodel.handlers.batch import Batch
from planner.readmodel.handlers.calendar import stamp_values
from planner.readmodel.handlers.common import Handler, created, key, text, touch
from planner.readmodel.handlers.warnings import ATTENDEE_LEFT, MEETING_PLAN
from planner.readmodel.keys import dumps, fold, to_db

TABLES = {Meeting: t.meetings}  # each aggregate's own row, which its events change
LOADS = {Meeting.FollowUpCompleted: (t.followups, lambda e: e.followup_id)}
# Tables whose rows this aggregate's events alone write, by the column naming it (Batch).
OWNS = {t.attendees: "meeting_id", t.answers: "meeting_id", t.outcomes: "meeting_id",
        t.ideas: "meeting_id"}


def _calendar(b: Batch, e: Any) -> dict[str, Any]:
    """Calendars: the VEVENT's SEQUENCE and LAST-MODIFIED after `e` (planner.calendar.stamps;
    only an outcome needs the meeting's status before it)."""
    meeting = b.row(t.meetings, key(e))
    if meeting is None:
        return {}
    return stamp_values(meeting["calendar_sequence"], meeting_change(e, meeting["status"]),
                        e.timestamp)


def _clock(starts_at: datetime, ends_at: datetime, zone: str) -> dict[str, Any]:
    """Warnings: the local clock at the venue (from stored naive UTC instants)."""
    local = ZoneInfo(zone)
    start, end = starts_at.replace(tzinfo=UTC).astimezone(local), ends_at.replace(
        tzinfo=UTC).astimezone(local)
    return dict(local_from=micros(start.time()), local_until=micros(end.time()),
                local_same_day=start.date() == end.date())


def _scheduled(b: Batch, e: Any, seq: int) -> None:
    meeting_id, starts_at, ends_at = key(e), to_db(e.starts_at), to_db(e.ends_at)
    row = created(e, seq)
    row.update(
        trip_id=text(e.trip_id), kind=e.kind, title=e.title, counterparts=dumps(e.counterparts),
        venue=e.venue, city=e.city, city_key=fold(e.city), timezone=e.timezone,
        starts_at=starts_at, ends_at=ends_at, leg_id=e.leg_id or "", agenda=e.agenda,
        status=v.MeetingStatus.PROPOSED.value, **_clock(starts_at, ends_at, e.timezone),
        **stamp_values(None, meeting_change(e, None), e.timestamp))
    b.insert(t.meetings, row)
    b.insert(t.attendees, *[{"meeting_id": meeting_id, "person_id": str(person), "seq": seq,
                             "idx": i} for i, person in enumerate(e.attendees)])
    b.note(MEETING_PLAN, meeting_id)


def _details(b: Batch, e: Any, seq: int) -> None:
    touch(b, t.meetings, e, kind=e.kind, title=e.title, counterparts=dumps(e.counterparts),
          agenda=e.agenda, **_calendar(b, e))
    b.note(MEETING_PLAN, key(e))


def _changed(b: Batch, e: Any, kind: str) -> None:
    """Calendar mails: this change, with the time and place before it (rm_meeting_changes)."""
    meeting = b.row(t.meetings, key(e))
    if meeting is None:
        return
    b.insert(t.meeting_changes, dict(
        meeting_id=key(e), version=e.originator_version, kind=kind, actor=e.actor,
        reason=e.reason, changed_at=to_db(e.timestamp), starts_at=meeting["starts_at"],
        ends_at=meeting["ends_at"], timezone=meeting["timezone"], venue=meeting["venue"],
        city=meeting["city"]))


def _moved(b: Batch, e: Any, seq: int) -> None:
    _changed(b, e, "moved")
    meeting = b.row(t.meetings, key(e))
    clock = _clock(to_db(e.starts_at), to_db(e.ends_at), meeting["timezone"]) if meeting else {}
    touch(b, t.meetings, e, starts_at=to_db(e.starts_at), ends_at=to_db(e.ends_at),
          **_calendar(b, e), **clock)
    b.note(MEETING_PLAN, key(e))


def _relocated(b: Batch, e: Any, seq: int) -> None:
    _changed(b, e, "relocated")
    meeting = b.row(t.meetings, key(e))
    clock = _clock(meeting["starts_at"], meeting["ends_at"], e.timezone) if meeting else {}
    touch(b, t.meetings, e, venue=e.venue, city=e.city, city_key=fold(e.city),
          timezone=e.timezone, leg_id=e.leg_id or "", **_calendar(b, e), **clock)
    b.note(MEETING_PLAN, key(e))


def _attendee_added(b: Batch, e: Any, seq: int) -> None:
    b.insert(t.attendees, dict(meeting_id=key(e), person_id=e.person_id, seq=seq, idx=0))
    touch(b, t.meetings, e, **_calendar(b, e))
    b.note(MEETING_PLAN, key(e))


def _attendee_removed(b: Batch, e: Any, seq: int) -> None:
    b.delete(t.attendees, meeting_id=key(e), person_id=e.person_id)
    touch(b, t.meetings, e, **_calendar(b, e))
    b.note(MEETING_PLAN, key(e))
    b.note(ATTENDEE_LEFT, (key(e), e.person_id))


def _answer_given(b: Batch, e: Any, seq: int) -> None:
    b.delete(t.answers, meeting_id=key(e), person_id=e.person_id)
    b.insert(t.answers, dict(meeting_id=key(e), person_id=e.person_id, answer=e.answer,
                             answered_at=to_db(e.timestamp), seq=seq))
    touch(b, t.meetings, e, **_calendar(b, e))


def _status(status: v.MeetingStatus) -> Handler:
    changes_plan = status != v.MeetingStatus.CONFIRMED  # cancelled meetings never clash

    def handle(b: Batch, e: Any, seq: int) -> None:
        _changed(b, e, type(e).__name__.lower())  # confirmed, cancelled, reinstated
        cancelled = status == v.MeetingStatus.CANCELLED
        cancellation = dict(cancelled_by=e.actor if cancelled else "",
                            cancelled_at=to_db(e.timestamp) if cancelled else None,
                            cancel_reason=e.reason if cancelled else "")
        touch(b, t.meetings, e, status=status.value, **cancellation, **_calendar(b, e))
        if changes_plan:
            b.note(MEETING_PLAN, key(e))

    return handle


def _outcome(b: Batch, e: Any, seq: int) -> None:
    """Recorded or corrected: the latest outcome replaces the earlier one."""
    meeting_id = key(e)
    b.delete(t.outcomes, meeting_id=meeting_id)
    b.delete(t.ideas, meeting_id=meeting_id)
    b.insert(t.outcomes, dict(meeting_id=meeting_id, summary=e.summary, recorded_by=e.actor,
                              recorded_at=to_db(e.timestamp)))
    b.insert(t.ideas, *(dict(meeting_id=meeting_id, idx=i, idea=idea)
                        for i, idea in enumerate(e.ideas)))
    meeting = b.row(t.meetings, meeting_id)
    was = meeting["status"] if meeting is not None else None
    touch(b, t.meetings, e, status=v.MeetingStatus.HELD.value, **_calendar(b, e))
    if was == v.MeetingStatus.CANCELLED.value:
        b.note(MEETING_PLAN, meeting_id)


def _followup_added(b: Batch, e: Any, seq: int) -> None:
    b.insert(t.followups, dict(
        followup_id=e.followup_id, meeting_id=key(e), action=e.action, owner=e.owner,
        owner_key=fold(e.owner), due_on=e.due_on, done_on=None, seq=seq))
    touch(b, t.meetings, e)


def _followup_completed(b: Batch, e: Any, seq: int) -> None:
    b.update(t.followups, (e.followup_id,), dict(done_on=e.done_on))
    touch(b, t.meetings, e)


def _agreement_linked(b: Batch, e: Any, seq: int) -> None:
    b.insert(t.meeting_agreements, dict(meeting_id=key(e), agreement_id=e.agreement_id,
                                        seq=seq))
    touch(b, t.meetings, e)


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
    Meeting.AnswerGiven: _answer_given,
}
