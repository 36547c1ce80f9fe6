"""Meetings: the itinerary's items, their attendees and answers, the changes calendar
mails report, and what came of a meeting (outcome, ideas, follow-ups, linked agreements).

Part of the read-model tables; import them from planner.readmodel.tables."""

from __future__ import annotations

from sqlalchemy import BigInteger, Boolean, Column, Date, DateTime, Index, Integer, Table, Text

from planner.readmodel.table_columns import _changed, _id, _text, metadata

meetings = Table(
    "rm_meetings", metadata,
    _id("id", True), _id("trip_id"), _text("kind"), _text("title"),
    Column("counterparts", Text, nullable=False),  # JSON list
    _text("venue"), _text("city"), _text("city_key"), _text("timezone"),
    Column("starts_at", DateTime, nullable=False), Column("ends_at", DateTime, nullable=False),
    _text("leg_id"), Column("agenda", Text, nullable=False), _text("status"),
    *_changed(),
    # The meeting page of a cancelled meeting: who cancelled it, when and why (cleared when
    # it is reinstated).
    _text("cancelled_by"), Column("cancelled_at", DateTime, nullable=True),
    _text("cancel_reason"),
    # Calendars: SEQUENCE counts changes of time, place and status; calendar_changed_at is the
    # last event that changed what the meeting's VEVENT shows (DTSTAMP, LAST-MODIFIED).
    Column("calendar_sequence", Integer, nullable=False, default=0),
    Column("calendar_changed_at", DateTime, nullable=True),
    # Warnings: local clock at the venue at start and end (microseconds into the day), and
    # whether both fall on one day, so meetings outside working hours are found in SQL.
    Column("local_from", BigInteger, nullable=False, default=0),
    Column("local_until", BigInteger, nullable=False, default=0),
    Column("local_same_day", Boolean, nullable=False, default=True),
    Index("rm_meetings_trip", "trip_id", "starts_at"),
    Index("rm_meetings_ends", "ends_at"),  # warnings: other meetings near in time
)

attendees = Table(
    "rm_attendees", metadata,
    _id("meeting_id", True), _id("person_id", True),
    Column("seq", BigInteger, nullable=False), Column("idx", Integer, nullable=False),
    Index("rm_attendees_person", "person_id"),
)

# Attendees' answers (Meeting.AnswerGiven): the latest per person, kept as the aggregate keeps
# it (also if they leave and come back); only attendees' answers are ever shown.
answers = Table(
    "rm_answers", metadata,
    _id("meeting_id", True), _id("person_id", True), _text("answer"),
    Column("answered_at", DateTime, nullable=False), Column("seq", BigInteger, nullable=False),
)

# Calendar mails (planner.itip.rules): each change that sends attendees a REQUEST or CANCEL
# (moved, relocated, confirmed, cancelled, reinstated) with the time and place before it, so
# a mail can say what changed, and one save of several changes sends one mail.
meeting_changes = Table(
    "rm_meeting_changes", metadata,
    _id("meeting_id", True), Column("version", Integer, primary_key=True), _text("kind"),
    _text("actor"), _text("reason"), Column("changed_at", DateTime, nullable=False),
    Column("starts_at", DateTime, nullable=False), Column("ends_at", DateTime, nullable=False),
    _text("timezone"), _text("venue"), _text("city"),
)

outcomes = Table(
    "rm_outcomes", metadata,
    _id("meeting_id", True), Column("summary", Text, nullable=False),
    _text("recorded_by"), Column("recorded_at", DateTime, nullable=False),
)

ideas = Table(
    "rm_ideas", metadata,
    _id("meeting_id", True), Column("idx", Integer, primary_key=True),
    Column("idea", Text, nullable=False),
)

followups = Table(
    "rm_followups", metadata,
    _id("followup_id", True), _id("meeting_id"), Column("action", Text, nullable=False),
    _text("owner"), _text("owner_key"), Column("due_on", Date, nullable=False),
    Column("done_on", Date, nullable=True), Column("seq", BigInteger, nullable=False),
    Index("rm_followups_meeting", "meeting_id"), Index("rm_followups_due", "due_on"),
)

meeting_agreements = Table(
    "rm_meeting_agreements", metadata,
    _id("meeting_id", True), _id("agreement_id", True), Column("seq", BigInteger, nullable=False),
)
