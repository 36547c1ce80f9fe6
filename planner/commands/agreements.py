"""Commands and queries for agreements: drafting, parties, signatories, signing, status."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

from planner.commands.base import CommandSupport, plain
from planner.domain.agreement import Agreement
from planner.domain.company import CompanyProfile
from planner.domain.errors import ValidationError
from planner.domain.meeting import Meeting
from planner.domain.organisation import DEFAULT_ORGANISATION_ID
from planner.domain.trip import Trip


class AgreementCommands(CommandSupport):
    def draft_agreement(self, *, actor: str, title: str, kind: str, subject: str = "",
                        trip_id: UUID | str | None = None,
                        meeting_id: UUID | str | None = None,
                        owner_org_id: UUID | str = DEFAULT_ORGANISATION_ID) -> UUID:
        """Draft an agreement; when a meeting is named, the meeting links it in the same save.

        Linking commutes with other edits of the meeting, so a conflicting save is retried.
        """
        def attempt() -> UUID:
            trip, meeting = self._where_signed(trip_id, meeting_id)
            agreement = Agreement.draft(actor=actor, title=title, kind=kind, subject=subject,
                                        trip_id=trip, meeting_id=meeting and meeting.id,
                                        at=self._stamp(), owner_org_id=self.known_organisation(
                                            "owner_org_id", owner_org_id))
            linked = [meeting] if meeting else []
            for item in linked:
                item.link_agreement(actor=actor, agreement_id=agreement.id, at=self._stamp())
            self._commit(agreement, *linked)
            return agreement.id
        return self._retrying(attempt)

    def change_agreement_details(self, agreement_id: UUID | str, *, actor: str, title: str,
                                 kind: str, subject: str, trip_id: UUID | str | None = None,
                                 meeting_id: UUID | str | None = None, reason: str = "",
                                 expected_version: int | None = None) -> int:
        """Change title, kind, subject or where it belongs; a newly named meeting links it."""
        trip, meeting = self._where_signed(trip_id, meeting_id)
        agreement = self._load(Agreement, agreement_id, expected_version)
        agreement.change_details(actor=actor, title=title, kind=kind, subject=subject,
                                 trip_id=trip, meeting_id=meeting and meeting.id,
                                 meeting_status=meeting and meeting.status,
                                 reason=reason, at=self._stamp())
        linked: list[Meeting] = []
        if meeting and str(agreement.id) not in meeting.agreement_ids:
            meeting.link_agreement(actor=actor, agreement_id=agreement.id, at=self._stamp())
            linked.append(meeting)
        return self._commit(agreement, *linked, expected_version=expected_version)

    def _where_signed(self, trip_id: UUID | str | None,
                      meeting_id: UUID | str | None) -> tuple[UUID | None, Meeting | None]:
        """The trip and meeting an agreement belongs to; the meeting must be on that trip."""
        meeting = self._referenced(Meeting, "meeting_id", meeting_id) if meeting_id else None
        trip = self._referenced(Trip, "trip_id", trip_id).id if trip_id else None
        if meeting is not None:
            if trip is not None and trip != meeting.trip_id:
                raise ValidationError("meeting_id", "the meeting belongs to trip "
                                      "%(trip_id)s, not to trip %(trip)s",
                                      trip_id=meeting.trip_id, trip=trip)
            trip = meeting.trip_id
        return trip, meeting

    def add_party(self, agreement_id: UUID | str, *, actor: str, name: str,
                  profile_id: UUID | str | None = None,
                  organisation_id: UUID | str | None = None, reason: str = "") -> str:
        """Add a party: a registered company profile (which must exist) or a named body."""
        if profile_id:
            profile_id = self._referenced(CompanyProfile, "profile_id", profile_id).id
        return self._add(Agreement, agreement_id, lambda a: a.add_party(
            actor=actor, name=name, profile_id=profile_id, reason=reason, at=self._stamp(),
            organisation_id=self.known_organisation("organisation_id", organisation_id)))

    def remove_party(self, agreement_id: UUID | str, party_id: str, *, actor: str,
                     reason: str = "", expected_version: int | None = None) -> int:
        return self._edit(Agreement, agreement_id, expected_version, lambda a: a.remove_party(
            actor=actor, party_id=party_id, reason=reason, at=self._stamp()))

    def add_signatory(self, agreement_id: UUID | str, *, actor: str, name: str, party_id: str,
                      title: str = "", reason: str = "") -> str:
        return self._add(Agreement, agreement_id, lambda a: a.add_signatory(
            actor=actor, name=name, title=title, party_id=party_id, reason=reason,
            at=self._stamp()))

    def remove_signatory(self, agreement_id: UUID | str, signatory_id: str, *, actor: str,
                         reason: str = "", expected_version: int | None = None) -> int:
        return self._edit(Agreement, agreement_id, expected_version, lambda a: a.remove_signatory(
            actor=actor, signatory_id=signatory_id, reason=reason, at=self._stamp()))

    def sign_agreement(self, agreement_id: UUID | str, *, actor: str, signed_on: date,
                       place: str, reason: str = "",
                       expected_version: int | None = None) -> int:
        """Sign; the meeting the agreement is linked to (if any) must have been held."""
        agreement = self._load(Agreement, agreement_id, expected_version)
        meeting = (self._referenced(Meeting, "meeting_id", agreement.meeting_id)
                   if agreement.meeting_id else None)
        agreement.sign(actor=actor, now=self.now(), signed_on=signed_on, place=place,
                       meeting_status=meeting and meeting.status, reason=reason,
                       at=self._stamp())
        return self._commit(agreement, expected_version=expected_version)

    def change_agreement_status(self, agreement_id: UUID | str, *, actor: str, status: str,
                                reason: str = "", expected_version: int | None = None) -> int:
        return self._edit(Agreement, agreement_id, expected_version, lambda a: a.change_status(
            actor=actor, status=status, reason=reason, at=self._stamp()))

    def add_milestone(self, agreement_id: UUID | str, *, actor: str, title: str,
                      due_on: date) -> str:
        return self._add(Agreement, agreement_id, lambda a: a.add_milestone(
            actor=actor, title=title, due_on=due_on, at=self._stamp()))

    def complete_milestone(self, agreement_id: UUID | str, milestone_id: str, *, actor: str,
                           done_on: date, reason: str = "") -> int:
        return self._retrying(lambda: self._edit(
            Agreement, agreement_id, None, lambda a: a.complete_milestone(
                actor=actor, milestone_id=milestone_id, done_on=done_on, reason=reason,
                at=self._stamp())))

    def get_agreement(self, agreement_id: UUID | str, *, version: int | None = None,
                      at: datetime | None = None) -> dict[str, Any]:
        return plain(self._as_of(Agreement, agreement_id, version, at))
