"""Several changes to a meeting at once (the one meeting page), checked as a whole.

What changed becomes the events the single-purpose commands record (details changed, moved,
relocated, attendee added or removed, confirmed, cancelled, reinstated), each with the one
reason given. The whole is checked before any event exists: a refused part refuses all, and
time and place are checked together, so a meeting can move to another leg's city and days in
one save (checked one after the other, the half-way state would lie outside both legs).
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any, Protocol
from uuid import UUID

from planner.domain import values as v
from planner.domain.errors import InvariantError, ValidationError, Word
from planner.domain.ids import shown
from planner.domain.values import reason_text
from planner.domain.window import TripWindow, check_placement
from planner.i18n.words import N_


class Meeting(Protocol):
    """What a revision reads of planner.domain.meeting.Meeting (which imports this module)."""

    kind: str
    title: str
    counterparts: list[str]
    agenda: str
    venue: str
    city: str
    timezone: str
    leg_id: str
    starts_at: datetime
    ends_at: datetime
    status: str
    attendees: list[str]


MAX_ATTENDEES = 500
S = v.MeetingStatus

# From the current status to the chosen one: the status events, in order. A meeting becomes
# held only by recording its outcome; a held one stays held.
STATUS_PATHS: dict[tuple[str, str], tuple[str, ...]] = {
    (S.PROPOSED, S.CONFIRMED): ("Confirmed",),
    (S.PROPOSED, S.CANCELLED): ("Cancelled",),
    (S.CONFIRMED, S.CANCELLED): ("Cancelled",),
    (S.CANCELLED, S.PROPOSED): ("Reinstated",),
    (S.CANCELLED, S.CONFIRMED): ("Reinstated", "Confirmed"),
}
NEEDS_REASON = {"Moved": N_("moving a meeting"), "Relocated": N_("relocating a meeting"),
                "Cancelled": "cancelling a meeting", "Reinstated": "reinstating a meeting"}


@dataclass(frozen=True)
class MeetingChanges:
    """The values the one meeting page submits; None: not on the form (kept as it is).
    Start and end are instants (the command turns the venue's wall-clock time into them)."""

    kind: str | None = None
    title: str | None = None
    counterparts: list[str] | None = None
    agenda: str | None = None
    venue: str | None = None
    city: str | None = None
    timezone: str | None = None
    leg_id: str | None = None
    starts_at: datetime | None = None
    ends_at: datetime | None = None
    status: str | None = None
    attendees: list[UUID | str] | None = None


@dataclass(frozen=True)
class Step:
    """One event to record: the name of a Meeting event class and its fields."""

    event: str
    fields: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Revision:
    reason: str
    steps: tuple[Step, ...]


def plan_revision(meeting: Meeting, window: TripWindow, changes: MeetingChanges,
                  reason: object) -> Revision:
    """The events that make `meeting` as `changes` say, in the order they apply; none when
    nothing differs. Raises (naming the field and the rule) if any part is refused."""
    reason = reason_text(reason, required=False)
    before, after = _status_path(meeting.status, changes.status)
    if changes.leg_id == "" and meeting.leg_id and meeting.leg_id not in window.legs:
        # Its leg was removed from the trip: a form cannot offer it, and "no leg" is no change.
        changes = replace(changes, leg_id=None)
    edits = [*_details(meeting, changes), *_place(meeting, changes), *_time(meeting, changes),
             *_attendees(meeting, window, changes)]
    steps = (*before, *edits, *after)
    for step in steps:
        if step.event in NEEDS_REASON and not reason:
            raise ValidationError("reason", "%(what)s must give a reason",
                                  what=Word(NEEDS_REASON[step.event]))
    if edits:
        if meeting.status == S.CANCELLED and not before:
            raise InvariantError("status", "the meeting is cancelled; set it to proposed "
                                           "(with a reason) to change it")
        if meeting.status == S.HELD and not reason:
            raise InvariantError("reason", "the meeting has been held; only corrections with "
                                           "a reason are accepted")
    if edits or before or (after and after[0].event == "Confirmed"):
        window.check_open()
    if before or any(step.event in ("Moved", "Relocated") for step in edits):
        _check_placement(meeting, window, changes)
    return Revision(reason, steps)


def _status_path(current: str, wanted: str | None) -> tuple[tuple[Step, ...], tuple[Step, ...]]:
    """Status events before the other changes (a reinstatement, which makes them possible)
    and after them (confirming or cancelling the changed meeting)."""
    if wanted is None:
        return (), ()
    target = v.choice("status", wanted, v.MeetingStatus)
    if target == current:
        return (), ()
    path = STATUS_PATHS.get((current, target))
    if path is None:
        if target == S.HELD:
            raise InvariantError("status", "a meeting becomes held when its outcome is recorded")
        if current == S.HELD:
            raise InvariantError("status", "a meeting that has been held keeps that status")
        raise InvariantError("status", "a %(current)s meeting cannot become %(target)s; cancel "
                                       "it instead", current=Word(current), target=Word(target))
    steps = [Step(event) for event in path]
    before = tuple(s for s in steps if s.event == "Reinstated")
    return before, tuple(s for s in steps if s.event != "Reinstated")


def _details(meeting: Meeting, c: MeetingChanges) -> list[Step]:
    if c.kind is None and c.title is None and c.counterparts is None and c.agenda is None:
        return []
    fields = dict(
        kind=meeting.kind if c.kind is None else v.choice("kind", c.kind, v.MeetingKind),
        title=meeting.title if c.title is None else v.text("title", c.title),
        counterparts=list(meeting.counterparts) if c.counterparts is None
        else v.text_list("counterparts", c.counterparts),
        agenda=meeting.agenda if c.agenda is None else v.text(
            "agenda", c.agenda, max_len=v.LONG_TEXT, required=False, multiline=True))
    current = dict(kind=meeting.kind, title=meeting.title,
                   counterparts=list(meeting.counterparts), agenda=meeting.agenda)
    return [] if fields == current else [Step("DetailsChanged", fields)]


def _new_place(meeting: Meeting, c: MeetingChanges) -> dict[str, str]:
    return dict(
        venue=meeting.venue if c.venue is None else v.text("venue", c.venue, required=False),
        city=meeting.city if c.city is None else v.text("city", c.city, max_len=100),
        timezone=meeting.timezone if c.timezone is None
        else v.zone("timezone", c.timezone, keep=meeting.timezone),
        leg_id=meeting.leg_id if c.leg_id is None
        else v.record_id("leg_id", c.leg_id, required=False))


def _place(meeting: Meeting, c: MeetingChanges) -> list[Step]:
    place = _new_place(meeting, c)
    current = dict(venue=meeting.venue, city=meeting.city, timezone=meeting.timezone,
                   leg_id=meeting.leg_id)
    return [] if place == current else [Step("Relocated", place)]


def _new_time(meeting: Meeting, c: MeetingChanges) -> tuple[datetime, datetime]:
    start = meeting.starts_at if c.starts_at is None else v.utc_instant("starts_at", c.starts_at)
    end = meeting.ends_at if c.ends_at is None else v.utc_instant("ends_at", c.ends_at)
    return start, end


def _time(meeting: Meeting, c: MeetingChanges) -> list[Step]:
    start, end = _new_time(meeting, c)
    if (start, end) == (meeting.starts_at, meeting.ends_at):
        return []
    return [Step("Moved", dict(starts_at=start, ends_at=end))]


def _attendees(meeting: Meeting, window: TripWindow, c: MeetingChanges) -> list[Step]:
    """Removals first, then additions (in the order given); only members can be added, and a
    former member who still attends may stay."""
    if c.attendees is None:
        return []
    if not isinstance(c.attendees, list | tuple):
        raise ValidationError("attendees", "must be a list of record ids")
    wanted = list(dict.fromkeys(v.record_id("attendees", p) for p in c.attendees))
    if len(wanted) > MAX_ATTENDEES:
        raise ValidationError("attendees", "a meeting may have at most %(max_attendees)s "
                                           "attendees", max_attendees=MAX_ATTENDEES)
    attending = {shown(stored): stored for stored in meeting.attendees}
    steps = [Step("AttendeeRemoved", dict(person_id=stored))
             for person, stored in attending.items() if person not in wanted]
    for person in wanted:
        if person not in attending:
            window.check_member(person)
            steps.append(Step("AttendeeAdded", dict(person_id=person)))
    return steps


def _check_placement(meeting: Meeting, window: TripWindow, c: MeetingChanges) -> None:
    """The new time at the new place, within the trip and the (new) leg."""
    place = _new_place(meeting, c)
    start, end = _new_time(meeting, c)
    leg_id = place["leg_id"]
    if c.leg_id is None and leg_id not in window.legs:
        leg_id = ""  # its leg was removed: the read model warns that it is outside the legs
    check_placement(window, city=place["city"], timezone=place["timezone"], starts_at=start,
                    ends_at=end, leg_id=leg_id)
