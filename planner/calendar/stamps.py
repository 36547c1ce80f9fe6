"""SEQUENCE and LAST-MODIFIED of calendar events: one rule for the read models and the log.

RFC 5545 clients replace an event they hold when its SEQUENCE goes up and show its
LAST-MODIFIED (DTSTAMP here). So:

* a meeting's SEQUENCE counts the changes of its time, place and shown status (moved,
  relocated, confirmed, cancelled, reinstated, and held when it was still TENTATIVE, which
  shows as CONFIRMED); a new title, agenda or attendee only moves its LAST-MODIFIED;
* a leg's SEQUENCE counts its changes of city or dates;
* a trip's cancellations and reinstatements are added to the SEQUENCE of every event of the
  trip; its title and organiser (in every event) move their LAST-MODIFIED.

``meeting_change``, ``trip_change`` and ``leg_change`` say what one event does. The projector
writes them into the rm_ ``calendar_*`` columns as it applies each event; the as-of views fold
them over a record's events (``meeting_stamp``, ``trip_stamps``); both combine a meeting's or
leg's own stamp with its trip's through ``combined``. So a feed served today and the same feed
rebuilt later from the log are the same bytes.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any, NamedTuple

from planner.domain.meeting import Meeting
from planner.domain.trip import Trip
from planner.domain.values import MeetingStatus


class Change(NamedTuple):
    """What one event does to a calendar event's stamps."""

    bump: int  # added to SEQUENCE
    shown: bool  # LAST-MODIFIED (and DTSTAMP) becomes the event's time


class Stamp(NamedTuple):
    sequence: int
    changed_at: datetime

    def after(self, change: Change, at: datetime) -> Stamp:
        return Stamp(self.sequence + change.bump, at if change.shown else self.changed_at)


UNCHANGED = Change(0, False)
SHOWN = Change(0, True)
RESCHEDULED = Change(1, True)

_PROPOSED = MeetingStatus.PROPOSED.value
#: A meeting's status after the events that set it (as the read model's status column).
MEETING_STATUS_AFTER: dict[type, str] = {
    Meeting.Confirmed: MeetingStatus.CONFIRMED.value,
    Meeting.Cancelled: MeetingStatus.CANCELLED.value,
    Meeting.Reinstated: _PROPOSED,
    Meeting.OutcomeRecorded: MeetingStatus.HELD.value,
}
_MEETING_RESCHEDULED = (Meeting.Moved, Meeting.Relocated, Meeting.Confirmed, Meeting.Cancelled,
                        Meeting.Reinstated)
_MEETING_SHOWN = (Meeting.Scheduled, Meeting.DetailsChanged, Meeting.AttendeeAdded,
                  Meeting.AttendeeRemoved, Meeting.AnswerGiven)


def meeting_change(event: Any, status_before: str | None) -> Change:
    """What a meeting event does to the meeting's VEVENT. Only an outcome depends on the
    meeting's status before it (None where the caller has not read it)."""
    kind = type(event)
    if kind in _MEETING_RESCHEDULED:
        return RESCHEDULED
    if kind is Meeting.OutcomeRecorded:  # held shows as CONFIRMED: only TENTATIVE changes
        return RESCHEDULED if status_before == _PROPOSED else UNCHANGED
    if kind in _MEETING_SHOWN:
        return SHOWN
    return UNCHANGED


def trip_change(event: Any) -> Change:
    """What a trip event does to every calendar event of the trip."""
    kind = type(event)
    if kind in (Trip.Cancelled, Trip.Reinstated):
        return RESCHEDULED
    # title and organiser are in every event; the language in the trip calendar's texts
    if kind in (Trip.Created, Trip.DetailsChanged, Trip.LanguageSet):
        return SHOWN
    return UNCHANGED


def leg_change(event: Any) -> Change:
    """What a leg event does to that leg's day markers (a new leg starts at SEQUENCE 0)."""
    kind = type(event)
    if kind is Trip.LegChanged:
        return RESCHEDULED
    if kind is Trip.LegAdded:
        return SHOWN
    return UNCHANGED


def combined(own: Stamp, trip: Stamp) -> Stamp:
    """The stamps a meeting's or a leg's calendar event carries: its own and its trip's."""
    return Stamp(own.sequence + trip.sequence, max(own.changed_at, trip.changed_at))


def meeting_stamp(events: Iterable[Any]) -> Stamp:
    """A meeting's own stamp after its events (the first one is Scheduled)."""
    stamp: Stamp | None = None
    status = _PROPOSED
    for event in events:
        stamp = (stamp or Stamp(0, event.timestamp)).after(meeting_change(event, status),
                                                         event.timestamp)
        status = MEETING_STATUS_AFTER.get(type(event), status)
    if stamp is None:
        raise ValueError("events: a meeting's stamp needs at least its Scheduled event")
    return stamp


def trip_stamps(events: Iterable[Any]) -> tuple[Stamp, dict[str, Stamp]]:
    """A trip's own stamp after its events, and the own stamp of each leg it has had."""
    stamp: Stamp | None = None
    legs: dict[str, Stamp] = {}
    for event in events:
        stamp = (stamp or Stamp(0, event.timestamp)).after(trip_change(event), event.timestamp)
        change = leg_change(event)
        if change != UNCHANGED:
            fresh = type(event) is Trip.LegAdded or event.leg_id not in legs
            start = Stamp(0, event.timestamp) if fresh else legs[event.leg_id]
            legs[event.leg_id] = start.after(change, event.timestamp)
    if stamp is None:
        raise ValueError("events: a trip's stamp needs at least its Created event")
    return stamp, legs
