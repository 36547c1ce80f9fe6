"""Meeting: one item of a trip's itinerary, its attendees, and its outcome once held."""

from __future__ import annotations

from datetime import datetime
from typing import Any
from uuid import UUID

from planner.domain import timing
from planner.domain import values as v
from planner.domain.base import PlannerAggregate
from planner.domain.errors import InvariantError, ValidationError, Word
from planner.domain.ids import same
from planner.domain.meeting_outcome import MeetingOutcome
from planner.domain.meeting_revision import MAX_ATTENDEES, MeetingChanges, plan_revision
from planner.domain.values import reason_text
from planner.domain.window import TripWindow, check_placement
from planner.i18n.words import N_


class Meeting(MeetingOutcome, PlannerAggregate):
    """What came of it once held (outcome, follow-ups, agreements) is in meeting_outcome."""

    class Scheduled(PlannerAggregate.Created):
        trip_id: UUID
        kind: str
        title: str
        counterparts: list[str]
        venue: str
        city: str
        timezone: str
        starts_at: datetime
        ends_at: datetime
        leg_id: str
        agenda: str
        attendees: list[str]

    def __init__(self, actor: str, reason: str, trip_id: UUID, kind: str, title: str,
                 counterparts: list[str], venue: str, city: str, timezone: str,
                 starts_at: datetime, ends_at: datetime, leg_id: str, agenda: str,
                 attendees: list[str]) -> None:
        self.trip_id = trip_id
        self.kind, self.title, self.counterparts = kind, title, list(counterparts)
        self.venue, self.city, self.timezone, self.leg_id = venue, city, timezone, leg_id
        self.starts_at, self.ends_at = starts_at, ends_at
        self.agenda = agenda
        self.attendees = list(attendees)
        self.status = v.MeetingStatus.PROPOSED.value
        self.outcome: dict[str, Any] | None = None
        self.followups: list[dict[str, Any]] = []
        self.agreement_ids: list[str] = []

    @classmethod
    def schedule(cls, *, actor: str, window: TripWindow, kind: str, title: str,
                 counterparts: list[str] | None = None, venue: str, city: str, timezone: str,
                 starts_at: datetime, ends_at: datetime, leg_id: str | None = None,
                 agenda: str = "", attendees: list[str] | None = None,
                 at: datetime | None = None) -> Meeting:
        place = _place(venue, city, timezone)
        start, end = v.utc_instant("starts_at", starts_at), v.utc_instant("ends_at", ends_at)
        leg_id = v.record_id("leg_id", leg_id, required=False)
        check_placement(window, city=place["city"], timezone=place["timezone"],
                        starts_at=start, ends_at=end, leg_id=leg_id)
        people = _people(attendees)
        for person in people:
            window.check_member(person)
        return cls._start(
            cls.Scheduled, actor, at, trip_id=window.trip_id,
            kind=v.choice("kind", kind, v.MeetingKind), title=v.text("title", title),
            counterparts=v.text_list("counterparts", counterparts or []),
            starts_at=start, ends_at=end, leg_id=leg_id,
            agenda=v.text("agenda", agenda, max_len=v.LONG_TEXT, required=False,
                          multiline=True),
            attendees=people, **place)

    # -- guards ---------------------------------------------------------------------------
    def _check_editable(self, reason: object = "") -> str:
        """Refuse edits to a cancelled meeting, and to a held one unless they are
        corrections with a reason; returns the validated reason."""
        reason = reason_text(reason, required=False)
        if self.status == v.MeetingStatus.CANCELLED:
            raise InvariantError("status", "the meeting is cancelled; reinstate it first")
        if self.status == v.MeetingStatus.HELD and not reason:
            raise InvariantError("reason", "the meeting has been held; only corrections with "
                                           "a reason are accepted")
        return reason

    def _check_recordable(self, field: str, what: str, now: datetime) -> None:
        timing.check_recordable(field, what, status=Word(self.status), starts_at=self.starts_at,
                                timezone=self.timezone, now=now)

    def _leg_in(self, window: TripWindow) -> str | None:
        """The meeting's leg, if the trip still has it: a meeting whose leg was removed can
        still be moved (the read model warns that it is outside the legs)."""
        return self.leg_id if self.leg_id in window.legs else None

    # -- details --------------------------------------------------------------------------
    class DetailsChanged(PlannerAggregate.Event):
        kind: str
        title: str
        counterparts: list[str]
        agenda: str

        def apply(self, meeting: Meeting) -> None:
            meeting.kind, meeting.title = self.kind, self.title
            meeting.counterparts, meeting.agenda = list(self.counterparts), self.agenda

    def change_details(self, *, actor: str, kind: str, title: str, counterparts: list[str],
                       agenda: str, reason: str = "", at: datetime | None = None) -> None:
        reason = self._check_editable(reason)
        self._emit(self.DetailsChanged, actor, at, reason,
                   kind=v.choice("kind", kind, v.MeetingKind), title=v.text("title", title),
                   counterparts=v.text_list("counterparts", counterparts),
                   agenda=v.text("agenda", agenda, max_len=v.LONG_TEXT, required=False,
                                 multiline=True))

    # -- time and place -------------------------------------------------------------------
    class Moved(PlannerAggregate.Event):
        starts_at: datetime
        ends_at: datetime

        def apply(self, meeting: Meeting) -> None:
            meeting.starts_at, meeting.ends_at = self.starts_at, self.ends_at

    def move(self, *, actor: str, window: TripWindow, starts_at: datetime, ends_at: datetime,
             reason: str, at: datetime | None = None) -> None:
        reason = reason_text(reason, required=True, what=N_("moving a meeting"))
        self._check_editable(reason)
        start, end = v.utc_instant("starts_at", starts_at), v.utc_instant("ends_at", ends_at)
        if (start, end) == (self.starts_at, self.ends_at):
            raise InvariantError("starts_at", "the meeting is already at that time")
        check_placement(window, city=self.city, timezone=self.timezone, starts_at=start,
                        ends_at=end, leg_id=self._leg_in(window))
        self._emit(self.Moved, actor, at, reason, starts_at=start, ends_at=end)

    class Relocated(PlannerAggregate.Event):
        venue: str
        city: str
        timezone: str
        leg_id: str

        def apply(self, meeting: Meeting) -> None:
            meeting.venue, meeting.city = self.venue, self.city
            meeting.timezone, meeting.leg_id = self.timezone, self.leg_id

    def relocate(self, *, actor: str, window: TripWindow, venue: str, city: str, timezone: str,
                 leg_id: str | None, reason: str, at: datetime | None = None) -> None:
        reason = reason_text(reason, required=True, what=N_("relocating a meeting"))
        self._check_editable(reason)
        place = _place(venue, city, timezone, keep_zone=self.timezone)
        leg_id = v.record_id("leg_id", leg_id, required=False)
        check_placement(window, city=place["city"], timezone=place["timezone"],
                        starts_at=self.starts_at, ends_at=self.ends_at, leg_id=leg_id)
        self._emit(self.Relocated, actor, at, reason, leg_id=leg_id, **place)

    # -- attendees ------------------------------------------------------------------------
    class AttendeeAdded(PlannerAggregate.Event):
        person_id: str

        def apply(self, meeting: Meeting) -> None:
            meeting.attendees.append(self.person_id)

    class AttendeeRemoved(PlannerAggregate.Event):
        person_id: str

        def apply(self, meeting: Meeting) -> None:
            meeting.attendees.remove(self.person_id)

    def add_attendee(self, *, actor: str, window: TripWindow, person_id: UUID | str,
                     at: datetime | None = None, reason: str = "") -> bool:
        """Add a delegation member; returns False if they already attend."""
        reason = self._check_editable(reason)
        person_id = v.record_id("person_id", person_id)
        window.check_open()
        window.check_member(person_id)
        if person_id in self.attendees:
            return False
        self._emit(self.AttendeeAdded, actor, at, reason, person_id=person_id)
        return True

    def remove_attendee(self, *, actor: str, person_id: UUID | str, reason: str = "",
                        at: datetime | None = None) -> None:
        reason = self._check_editable(reason)
        wanted = v.record_id("person_id", person_id)
        stored = next((p for p in self.attendees if same(p, wanted)), "")
        if not stored:
            raise ValidationError("person_id", "person %(wanted)s does not attend", wanted=wanted)
        self._emit(self.AttendeeRemoved, actor, at, reason, person_id=stored)

    # -- status ---------------------------------------------------------------------------
    class Confirmed(PlannerAggregate.Event):
        def apply(self, meeting: Meeting) -> None:
            meeting.status = v.MeetingStatus.CONFIRMED.value

    class Cancelled(PlannerAggregate.Event):
        def apply(self, meeting: Meeting) -> None:
            meeting.status = v.MeetingStatus.CANCELLED.value

    class Reinstated(PlannerAggregate.Event):
        def apply(self, meeting: Meeting) -> None:
            meeting.status = v.MeetingStatus.PROPOSED.value

    def confirm(self, *, actor: str, at: datetime | None = None) -> None:
        if self.status != v.MeetingStatus.PROPOSED:
            raise InvariantError("status", "only a proposed meeting can be confirmed; "
                                           "it is %(status)s", status=Word(self.status))
        self._emit(self.Confirmed, actor, at)

    def cancel(self, *, actor: str, reason: str, at: datetime | None = None) -> None:
        reason = reason_text(reason, required=True, what=N_("cancelling a meeting"))
        if self.status == v.MeetingStatus.CANCELLED:
            raise InvariantError("status", "the meeting is already cancelled")
        if self.status == v.MeetingStatus.HELD:
            raise InvariantError("status", "a meeting that has been held cannot be cancelled")
        self._emit(self.Cancelled, actor, at, reason)

    def reinstate(self, *, actor: str, window: TripWindow, reason: str,
                  at: datetime | None = None) -> None:
        reason = reason_text(reason, required=True, what=N_("reinstating a meeting"))
        if self.status != v.MeetingStatus.CANCELLED:
            raise InvariantError("status", "only a cancelled meeting can be reinstated")
        check_placement(window, city=self.city, timezone=self.timezone,
                        starts_at=self.starts_at, ends_at=self.ends_at,
                        leg_id=self._leg_in(window))
        self._emit(self.Reinstated, actor, at, reason)

    # -- answers --------------------------------------------------------------------------
    class AnswerGiven(PlannerAggregate.Event):
        """An attendee accepted or declined (iTIP PARTSTAT); the latest answer stands."""

        person_id: str
        answer: str  # "accepted" | "declined"

        def apply(self, meeting: Meeting) -> None:
            meeting.__dict__.setdefault("answers", {})[self.person_id] = self.answer

    def answer(self, *, actor: str, person_id: UUID | str, answer: str,
               at: datetime | None = None) -> None:
        """An attendee's answer to the invitation; only attendees of a meeting not cancelled."""
        choice = v.choice("answer", answer, v.Answer)
        wanted = v.record_id("person_id", person_id)
        stored = next((p for p in self.attendees if same(p, wanted)), "")
        if not stored:
            raise InvariantError("person_id", "only an attendee of the meeting can answer it")
        if self.status == v.MeetingStatus.CANCELLED:
            raise InvariantError("status", "the meeting is cancelled; there is nothing to answer")
        self._emit(self.AnswerGiven, actor, at, person_id=stored, answer=choice)

    # -- several at once -------------------------------------------------------------------
    def revise(self, *, actor: str, window: TripWindow, changes: MeetingChanges, reason: str,
               at: datetime | None = None) -> tuple[str, ...]:
        """Make the meeting as `changes` say (the one meeting page): each kind of change is
        its own event, all with the one reason; all are checked before the first exists.
        Returns the names of the events recorded (none when nothing differs)."""
        revision = plan_revision(self, window, changes, reason)
        for step in revision.steps:
            self._emit(getattr(self, step.event), actor, at, revision.reason, **step.fields)
        return tuple(step.event for step in revision.steps)


def _place(venue: str, city: str, timezone: str,
           keep_zone: str | None = None) -> dict[str, str]:
    return dict(venue=v.text("venue", venue, required=False),
                city=v.text("city", city, max_len=100),
                timezone=v.zone("timezone", timezone, keep=keep_zone))


def _people(attendees: list[str] | None) -> list[str]:
    """Attendee ids, each once, in the order given."""
    if attendees is not None and not isinstance(attendees, list | tuple):
        raise ValidationError("attendees", "must be a list of record ids")
    people = [v.record_id("attendees", p) for p in attendees or []]
    if len(people) > MAX_ATTENDEES:
        raise ValidationError("attendees", "a meeting may have at most %(max_attendees)s "
                                           "attendees", max_attendees=MAX_ATTENDEES)
    return list(dict.fromkeys(people))

