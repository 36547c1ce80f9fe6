"""Copying a trip ("Plan again from this trip"): a new draft with the same legs, members and
meetings (as proposals), shifted to new dates, saved in one transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from uuid import UUID
from zoneinfo import ZoneInfo

from planner.commands.base import CommandSupport, as_uuid
from planner.domain import values as v
from planner.domain.errors import InvariantError, ValidationError
from planner.domain.meeting import Meeting
from planner.domain.person import Person
from planner.domain.trip import Trip
from planner.organisations.copies import takes_along


@dataclass(frozen=True)
class TripCopy:
    """What a copy made: the new trip, its meetings, and the members of the original it
    left out (a partner's people: see planner.organisations.copies)."""

    trip_id: UUID
    meeting_ids: tuple[UUID, ...]
    left_out: tuple[UUID, ...]


def shifted(instant: datetime, zone: str, days: int, field: str) -> datetime:
    """The same wall-clock time at the venue `days` later (a DST change in between keeps
    the local time, not the UTC one); a time the clocks skip on the new day is refused."""
    local = instant.astimezone(ZoneInfo(zone)).replace(tzinfo=None) + timedelta(days=days)
    return v.local_to_utc(field, local, zone)


class CopyCommands(CommandSupport):
    def copy_trip(self, trip_id: UUID | str, *, actor: str, starts_on: date,
                  meeting_ids: list[UUID | str], owner_org_id: UUID | str,
                  title: str = "") -> TripCopy:
        """Plan again from a trip: a draft starting on `starts_on`, owned by `owner_org_id`.

        Legs keep their offset from the start and their length; members keep their roles;
        the meetings in `meeting_ids` (the original's, as the read model lists them; each
        must belong to the trip) come along as proposals at the same local times, with the
        same attendees, agenda and place, but without outcomes, follow-ups or agreements.
        Cancelled meetings are not copied. Everything is saved together or nothing is.
        """
        if not isinstance(starts_on, date) or isinstance(starts_on, datetime):
            raise ValidationError("starts_on", "must be a date")
        original = self._load(Trip, trip_id)
        owner = self.known_organisation("owner_org_id", owner_org_id)
        days = (starts_on - original.starts_on).days
        copy = Trip.create(
            actor=actor, title=title or original.title, purpose=original.purpose,
            organiser=original.organiser, direction=original.direction,
            home_timezone=original.home_timezone, starts_on=starts_on,
            ends_on=original.ends_on + timedelta(days=days), owner_org_id=owner,
            at=self._stamp(),
            reason=f"copied from the trip ‘{original.title}’ ({original.id}), "
                   f"moved by {days} days")
        legs = {str(leg["leg_id"]): copy.add_leg(
            actor=actor, city=leg["city"], country=leg["country"], timezone=leg["timezone"],
            arrives_on=leg["arrives_on"] + timedelta(days=days),
            departs_on=leg["departs_on"] + timedelta(days=days), at=self._stamp())
            for leg in original.legs}
        left_out = []
        for member in original.members:
            person = self._load(Person, member["person_id"])
            if person.is_erased or not takes_along(owner, person.owner_org_id,
                                                   person.organisation_id):
                left_out.append(person.id)
                continue
            copy.add_member(actor=actor, person_id=person.id, role=member["role"],
                            organisation=member["organisation"], at=self._stamp())
        meetings = [self._copied(m, copy, legs, days, actor)
                    for m in self._meetings_of(original, meeting_ids)]
        self._commit(copy, *meetings)
        return TripCopy(copy.id, tuple(m.id for m in meetings), tuple(left_out))

    def _meetings_of(self, trip: Trip, meeting_ids: list[UUID | str]) -> list[Meeting]:
        meetings = []
        for meeting_id in dict.fromkeys(as_uuid("meeting_ids", m) for m in meeting_ids):
            meeting = self._referenced(Meeting, "meeting_ids", meeting_id)
            if meeting.trip_id != trip.id:
                raise ValidationError("meeting_ids", "meeting %(meeting_id)s is not on the "
                                                     "trip ‘%(title)s’",
                                                     meeting_id=meeting_id, title=trip.title)
            if meeting.status != v.MeetingStatus.CANCELLED:
                meetings.append(meeting)
        return sorted(meetings, key=lambda m: (m.starts_at, str(m.id)))

    def _copied(self, meeting: Meeting, copy: Trip, legs: dict[str, str], days: int,
                actor: str) -> Meeting:
        window = copy.window()
        try:
            return Meeting.schedule(
                actor=actor, window=window, kind=meeting.kind, title=meeting.title,
                counterparts=meeting.counterparts, venue=meeting.venue, city=meeting.city,
                timezone=meeting.timezone,
                starts_at=shifted(meeting.starts_at, meeting.timezone, days, "starts_at"),
                ends_at=shifted(meeting.ends_at, meeting.timezone, days, "ends_at"),
                leg_id=legs.get(str(meeting.leg_id)), agenda=meeting.agenda,
                attendees=[a for a in meeting.attendees if a in window.member_ids],
                at=self._stamp())
        except (ValidationError, InvariantError) as error:
            when = meeting.starts_at.astimezone(UTC).date()
            raise type(error)("starts_on", f"the meeting ‘{meeting.title}’ ({when}) cannot be "
                                           f"copied: {error.field}: {error.rule}") from None
