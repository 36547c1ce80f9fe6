"""Commands and queries for meetings: schedule, move, relocate, attendees, status, outcome."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

from planner.commands.base import CommandSupport, as_uuid, plain
from planner.commands.trips import chosen_ids
from planner.domain import values as v
from planner.domain.meeting import Meeting
from planner.domain.meeting_revision import MeetingChanges
from planner.domain.trip import Trip
from planner.domain.window import TripWindow
from planner.i18n.words import N_


def meeting_instant(field: str, value: datetime, zone: str) -> datetime:
    """An aware datetime is an instant; a naive one is wall-clock time at the venue."""
    if isinstance(value, datetime) and value.tzinfo is None:
        return v.local_to_utc(field, value, zone)
    return v.utc_instant(field, value)


def revised_time(meeting: Meeting, zone: str, starts: datetime | None,
                 ends: datetime | None) -> tuple[datetime | None, datetime | None]:
    """The instants a revision asks for. Naive times are wall-clock time at the venue in
    `zone` (the new zone, if the place changes too). When only the start changes (the end is
    left as the form showed it, or not given), the end moves with it: the duration is kept."""
    start = None if starts is None else meeting_instant("starts_at", starts, zone)
    if start is not None and start != meeting.starts_at:
        shown_end = (meeting.ends_at if ends is None or ends.tzinfo is not None
                     else meeting.ends_at.astimezone(ZoneInfo(meeting.timezone))
                     .replace(tzinfo=None))
        if ends is None or ends == shown_end:
            return start, start + (meeting.ends_at - meeting.starts_at)
    return start, None if ends is None else meeting_instant("ends_at", ends, zone)


class MeetingCommands(CommandSupport):
    def _window(self, trip_id: UUID | str) -> TripWindow:
        """The trip's dates, legs, members and status, as stored now: the trip is loaded from
        its last (sealed) snapshot plus the few events after it, so this costs the same for a
        trip with 5,000 events as for a new one. Not read from the read models: those may lag
        behind the log when another process wrote the trip a moment ago."""
        return self._load(Trip, trip_id).window()

    def _edit_planned(self, meeting_id: UUID | str, expected_version: int | None,
                      change: Callable[[Meeting], object]) -> int:
        """Edit a meeting whose trip is not cancelled: a cancelled trip's plan stays as it
        was until the trip is reinstated (cancelling its meetings is still allowed)."""
        meeting = self._load(Meeting, meeting_id, expected_version)
        self._window(meeting.trip_id).check_open()
        change(meeting)
        return self._commit(meeting, expected_version=expected_version)

    def schedule_meeting(self, trip_id: UUID | str, *, actor: str, kind: str, title: str,
                         venue: str, city: str, timezone: str, starts: datetime,
                         ends: datetime, counterparts: list[str] | None = None,
                         leg_id: str | None = None, agenda: str = "",
                         attendees: list[UUID | str] | None = None) -> UUID:
        """Add a meeting to a trip. Naive start/end are local time at the venue."""
        zone = v.zone("timezone", timezone)
        meeting = Meeting.schedule(
            actor=actor, window=self._window(trip_id), kind=kind, title=title,
            counterparts=counterparts, venue=venue, city=city, timezone=zone,
            starts_at=meeting_instant("starts_at", starts, zone),
            ends_at=meeting_instant("ends_at", ends, zone), leg_id=leg_id, agenda=agenda,
            attendees=[str(as_uuid("attendees", a)) for a in attendees or []], at=self._stamp())
        self._commit(meeting)
        return meeting.id

    def change_meeting_details(self, meeting_id: UUID | str, *, actor: str, kind: str,
                               title: str, counterparts: list[str], agenda: str,
                               reason: str = "", expected_version: int | None = None) -> int:
        return self._edit_planned(meeting_id, expected_version, lambda m: m.change_details(
            actor=actor, kind=kind, title=title, counterparts=counterparts, agenda=agenda,
            reason=reason, at=self._stamp()))

    def move_meeting(self, meeting_id: UUID | str, *, actor: str, starts: datetime,
                     ends: datetime, reason: str, expected_version: int | None = None) -> int:
        """Reschedule; naive times are local at the venue. The old time stays in history."""
        meeting = self._load(Meeting, meeting_id, expected_version)
        meeting.move(actor=actor, window=self._window(meeting.trip_id),
                     starts_at=meeting_instant("starts_at", starts, meeting.timezone),
                     ends_at=meeting_instant("ends_at", ends, meeting.timezone),
                     reason=reason, at=self._stamp())
        return self._commit(meeting, expected_version=expected_version)

    def relocate_meeting(self, meeting_id: UUID | str, *, actor: str, venue: str, city: str,
                         timezone: str, reason: str, leg_id: str | None = None,
                         expected_version: int | None = None) -> int:
        meeting = self._load(Meeting, meeting_id, expected_version)
        meeting.relocate(actor=actor, window=self._window(meeting.trip_id), venue=venue,
                         city=city, timezone=timezone, leg_id=leg_id, reason=reason,
                         at=self._stamp())
        return self._commit(meeting, expected_version=expected_version)

    def revise_meeting(self, meeting_id: UUID | str, *, actor: str, reason: str = "",
                       expected_version: int | None = None, kind: str | None = None,
                       title: str | None = None, counterparts: list[str] | None = None,
                       agenda: str | None = None, venue: str | None = None,
                       city: str | None = None, timezone: str | None = None,
                       leg_id: str | None = None, starts: datetime | None = None,
                       ends: datetime | None = None, status: str | None = None,
                       attendees: list[UUID | str] | None = None) -> tuple[str, ...]:
        """Change several things of a meeting in one save (all or nothing): what differs
        from the stored meeting becomes one event each (details changed, relocated, moved,
        attendee removed/added, confirmed, cancelled, reinstated), all with the one reason.
        None leaves a part as it is. Returns the names of the events recorded; nothing is
        written when nothing differs."""
        meeting = self._load(Meeting, meeting_id, expected_version)
        window = self._window(meeting.trip_id)
        zone = meeting.timezone if timezone is None else v.zone("timezone", timezone,
                                                                keep=meeting.timezone)
        start, end = revised_time(meeting, zone, starts, ends)
        changes = MeetingChanges(
            kind=kind, title=title, counterparts=counterparts, agenda=agenda, venue=venue,
            city=city, timezone=timezone, leg_id=leg_id, starts_at=start, ends_at=end,
            status=status, attendees=attendees)
        recorded = meeting.revise(actor=actor, window=window, changes=changes, reason=reason,
                                  at=self._stamp())
        if recorded:
            self._commit(meeting, expected_version=expected_version)
        return recorded

    def add_attendee(self, meeting_id: UUID | str, *, actor: str, person_id: UUID | str,
                     reason: str = "") -> bool:
        """Add a delegation member to a meeting; False if they already attend."""
        return self.add_attendees(meeting_id, [person_id], actor=actor, reason=reason) > 0

    def add_attendees(self, meeting_id: UUID | str, person_ids: list[UUID | str], *,
                      actor: str, reason: str = "") -> int:
        """Add several delegation members in one save (all or none); returns how many were
        new. Commutes with other edits, so it retries a conflicting save."""
        ids = chosen_ids("person_id", person_ids, N_("member"))

        def attempt() -> int:
            meeting = self._load(Meeting, meeting_id)
            window = self._window(meeting.trip_id)
            added = sum(meeting.add_attendee(actor=actor, window=window, person_id=person,
                                             at=self._stamp(), reason=reason)
                        for person in ids)
            if added:
                self._commit(meeting)
            return added
        return self._retrying(attempt)

    def remove_attendee(self, meeting_id: UUID | str, *, actor: str, person_id: UUID | str,
                        reason: str = "", expected_version: int | None = None) -> int:
        return self._edit_planned(meeting_id, expected_version, lambda m: m.remove_attendee(
            actor=actor, person_id=as_uuid("person_id", person_id), reason=reason,
            at=self._stamp()))

    def confirm_meeting(self, meeting_id: UUID | str, *, actor: str,
                        expected_version: int | None = None) -> int:
        return self._edit_planned(meeting_id, expected_version, lambda m: m.confirm(
            actor=actor, at=self._stamp()))

    def answer_meeting(self, meeting_id: UUID | str, *, actor: str, person_id: UUID | str,
                       answer: str) -> int:
        """An attendee accepts or declines (from their schedule or a signed mail link)."""
        return self._edit(Meeting, meeting_id, None, lambda m: m.answer(
            actor=actor, person_id=person_id, answer=answer, at=self._stamp()))

    def cancel_meeting(self, meeting_id: UUID | str, *, actor: str, reason: str,
                       expected_version: int | None = None) -> int:
        return self._edit(Meeting, meeting_id, expected_version, lambda m: m.cancel(
            actor=actor, reason=reason, at=self._stamp()))

    def reinstate_meeting(self, meeting_id: UUID | str, *, actor: str, reason: str,
                          expected_version: int | None = None) -> int:
        meeting = self._load(Meeting, meeting_id, expected_version)
        meeting.reinstate(actor=actor, window=self._window(meeting.trip_id), reason=reason,
                          at=self._stamp())
        return self._commit(meeting, expected_version=expected_version)

    def record_outcome(self, meeting_id: UUID | str, *, actor: str, summary: str,
                       ideas: list[str] | None = None, reason: str = "",
                       expected_version: int | None = None) -> int:
        return self._edit_planned(meeting_id, expected_version, lambda m: m.record_outcome(
            actor=actor, now=self.now(), summary=summary, ideas=ideas or [], reason=reason,
            at=self._stamp()))

    def add_followup(self, meeting_id: UUID | str, *, actor: str, action: str, owner: str,
                     due_on: date) -> str:
        return self._add(Meeting, meeting_id, lambda m: m.add_followup(
            actor=actor, now=self.now(), action=action, owner=owner, due_on=due_on,
            at=self._stamp()))

    def complete_followup(self, meeting_id: UUID | str, followup_id: str, *, actor: str,
                          done_on: date) -> int:
        return self._retrying(lambda: self._edit(
            Meeting, meeting_id, None, lambda m: m.complete_followup(
                actor=actor, followup_id=followup_id, done_on=done_on, at=self._stamp())))

    def get_meeting(self, meeting_id: UUID | str, *, version: int | None = None,
                    at: datetime | None = None) -> dict[str, Any]:
        """The meeting as plain data: now, at a given version, or as it stood at a moment."""
        return plain(self._as_of(Meeting, meeting_id, version, at))
