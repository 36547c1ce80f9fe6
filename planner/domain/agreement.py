"""Agreement: a memorandum of understanding, letter of intent, contract or donation."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

from planner.domain import timing
from planner.domain import values as v
from planner.domain.base import PlannerAggregate
from planner.domain.errors import InvariantError, ValidationError, Word
from planner.domain.ids import new_id, same
from planner.domain.organisation import DEFAULT_ORGANISATION_ID
from planner.domain.values import reason_text
from planner.i18n.words import N_

S = v.AgreementStatus
_NEXT = {S.DRAFTED: {S.SIGNED, S.TERMINATED}, S.SIGNED: {S.IN_FORCE, S.TERMINATED},
         S.IN_FORCE: {S.EXPIRED, S.TERMINATED}, S.EXPIRED: set(), S.TERMINATED: set()}


class Agreement(PlannerAggregate):
    """Version 2 added the owning organisation (snapshots are upcast) and each party's
    organisation."""

    class_version = 2

    @staticmethod
    def upcast_v1_v2(state: dict[str, Any]) -> None:
        state["owner_org_id"] = DEFAULT_ORGANISATION_ID
        state["parties"] = [{"organisation_id": "", **p} for p in state["parties"]]

    class Drafted(PlannerAggregate.Created):
        """Version 2 added `owner_org_id`: older agreements belong to the default one."""

        class_version = 2
        title: str
        kind: str
        subject: str
        trip_id: str
        meeting_id: str
        owner_org_id: str

        @staticmethod
        def upcast_v1_v2(state: dict[str, Any]) -> None:
            state["owner_org_id"] = DEFAULT_ORGANISATION_ID

    def __init__(self, actor: str, reason: str, title: str, kind: str, subject: str,
                 trip_id: str, meeting_id: str, owner_org_id: str) -> None:
        self.owner_org_id = owner_org_id
        self.title, self.kind, self.subject = title, kind, subject
        self.trip_id, self.meeting_id = trip_id, meeting_id
        self.status = S.DRAFTED.value
        self.parties: list[dict[str, Any]] = []
        self.signatories: list[dict[str, Any]] = []
        self.signed_on: date | None = None
        self.signed_place = ""
        self.milestones: list[dict[str, Any]] = []

    @classmethod
    def draft(cls, *, actor: str, title: str, kind: str, subject: str = "",
              trip_id: UUID | str | None = None, meeting_id: UUID | str | None = None,
              owner_org_id: UUID | str = DEFAULT_ORGANISATION_ID,
              at: datetime | None = None) -> Agreement:
        return cls._start(cls.Drafted, actor, at, title=v.text("title", title),
                          owner_org_id=v.record_id("owner_org_id", owner_org_id),
                          kind=v.choice("kind", kind, v.AgreementKind),
                          subject=v.text("subject", subject, max_len=v.LONG_TEXT,
                                         required=False, multiline=True),
                          **_where(trip_id, meeting_id))

    def _check_editable(self, reason: object) -> str:
        """An expired or terminated agreement takes only corrections with a reason."""
        reason = reason_text(reason, required=False)
        if self.status in (S.EXPIRED, S.TERMINATED) and not reason:
            raise InvariantError("reason", "the agreement is %(status)s; only corrections "
                                           "with a reason are accepted", status=Word(self.status))
        return reason

    def _check_unsigned(self, what: str, reason: object) -> str:
        reason = self._check_editable(reason)
        if self.status != S.DRAFTED and not reason:
            raise InvariantError("reason", "the agreement is %(status)s; changing its "
                                           "%(what)s is a correction and needs a reason",
                                           status=Word(self.status), what=Word(what))
        return reason

    class DetailsChanged(PlannerAggregate.Event):
        title: str
        kind: str
        subject: str
        trip_id: str
        meeting_id: str

        def apply(self, agreement: Agreement) -> None:
            agreement.title, agreement.kind, agreement.subject = (self.title, self.kind,
                                                                  self.subject)
            agreement.trip_id, agreement.meeting_id = self.trip_id, self.meeting_id

    def change_details(self, *, actor: str, title: str, kind: str, subject: str,
                       trip_id: UUID | str | None, meeting_id: UUID | str | None,
                       meeting_status: str | None = None, reason: str = "",
                       at: datetime | None = None) -> None:
        """`meeting_status`: the status of the meeting named (None for none). A signed
        agreement can be linked to another meeting only if that one has been held."""
        reason = self._check_editable(reason)
        where = _where(trip_id, meeting_id)
        if self.signed_on is not None and where["meeting_id"] not in ("", self.meeting_id):
            timing.check_signing_meeting(meeting_status)
        self._emit(self.DetailsChanged, actor, at, reason, title=v.text("title", title),
                   kind=v.choice("kind", kind, v.AgreementKind),
                   subject=v.text("subject", subject, max_len=v.LONG_TEXT, required=False,
                                  multiline=True), **where)

    class PartyAdded(PlannerAggregate.Event):
        """Version 2 added `organisation_id`: the party's organisation in the planner, if
        it has one (the agreement is visible to it)."""

        class_version = 2
        party_id: str
        name: str
        profile_id: str
        organisation_id: str

        @staticmethod
        def upcast_v1_v2(state: dict[str, Any]) -> None:
            state["organisation_id"] = ""

        def apply(self, agreement: Agreement) -> None:
            agreement.parties.append(dict(party_id=self.party_id, name=self.name,
                                          profile_id=self.profile_id,
                                          organisation_id=self.organisation_id))

    class PartyRemoved(PlannerAggregate.Event):
        party_id: str

        def apply(self, agreement: Agreement) -> None:
            agreement.parties = [p for p in agreement.parties if p["party_id"] != self.party_id]
            agreement.signatories = [s for s in agreement.signatories
                                     if s["party_id"] != self.party_id]

    def add_party(self, *, actor: str, name: str, profile_id: UUID | str | None = None,
                  organisation_id: UUID | str | None = None,
                  reason: str = "", at: datetime | None = None) -> str:
        reason = self._check_unsigned(N_("parties"), reason)
        name = v.text("party name", name)
        if any(p["name"].casefold() == name.casefold() for p in self.parties):
            raise InvariantError("party name", "%(name)r is already a party", name=name)
        party_id = str(new_id())
        self._emit(self.PartyAdded, actor, at, reason, party_id=party_id, name=name,
                   profile_id=v.record_id("profile_id", profile_id, required=False),
                   organisation_id=v.record_id("organisation_id", organisation_id,
                                               required=False))
        return party_id

    def remove_party(self, *, actor: str, party_id: str, reason: str = "",
                     at: datetime | None = None) -> None:
        reason = self._check_unsigned(N_("parties"), reason)
        party_id = self._party(party_id)["party_id"]
        self._emit(self.PartyRemoved, actor, at, reason, party_id=party_id)

    def _party(self, party_id: str) -> dict[str, Any]:
        party_id = v.record_id("party_id", party_id)
        for party in self.parties:
            if same(party["party_id"], party_id):
                return party
        raise ValidationError("party_id", "the agreement has no party %(party_id)s",
                              party_id=party_id)

    class SignatoryAdded(PlannerAggregate.Event):
        signatory_id: str
        name: str
        title: str
        party_id: str

        def apply(self, agreement: Agreement) -> None:
            agreement.signatories.append(dict(signatory_id=self.signatory_id, name=self.name,
                                              title=self.title, party_id=self.party_id))

    class SignatoryRemoved(PlannerAggregate.Event):
        signatory_id: str

        def apply(self, agreement: Agreement) -> None:
            agreement.signatories = [s for s in agreement.signatories
                                     if s["signatory_id"] != self.signatory_id]

    def add_signatory(self, *, actor: str, name: str, title: str = "", party_id: str,
                      reason: str = "", at: datetime | None = None) -> str:
        reason = self._check_unsigned(N_("signatories"), reason)
        party_id = self._party(party_id)["party_id"]
        signatory_id = str(new_id())
        self._emit(self.SignatoryAdded, actor, at, reason, signatory_id=signatory_id,
                   name=v.text("signatory name", name),
                   title=v.text("signatory title", title, required=False), party_id=party_id)
        return signatory_id

    def remove_signatory(self, *, actor: str, signatory_id: str, reason: str = "",
                         at: datetime | None = None) -> None:
        reason = self._check_unsigned(N_("signatories"), reason)
        wanted = v.record_id("signatory_id", signatory_id)
        signatory_id = next((s["signatory_id"] for s in self.signatories
                             if same(s["signatory_id"], wanted)), "")
        if not signatory_id:
            raise ValidationError("signatory_id", "the agreement has no signatory %(wanted)s",
                                  wanted=wanted)
        self._emit(self.SignatoryRemoved, actor, at, reason, signatory_id=signatory_id)

    class Signed(PlannerAggregate.Event):
        signed_on: date
        place: str

        def apply(self, agreement: Agreement) -> None:
            agreement.signed_on, agreement.signed_place = self.signed_on, self.place
            if agreement.status == S.DRAFTED:  # a correction keeps 'in force'
                agreement.status = S.SIGNED.value

    def sign(self, *, actor: str, now: datetime, signed_on: date, place: str,
             meeting_status: str | None, reason: str = "", at: datetime | None = None) -> None:
        """Record the signing: not in the future, at a meeting that has been held (its
        status is `meeting_status`, None when the agreement names no meeting), with
        signatories from at least two parties."""
        reason = reason_text(reason, required=False)
        if self.status != S.DRAFTED and not reason:
            raise InvariantError("status", "the agreement is already %(status)s; "
                                           "correcting the signing needs a reason",
                                           status=Word(self.status))
        if self.status in (S.EXPIRED, S.TERMINATED):
            raise InvariantError("status", "the agreement is %(status)s", status=Word(self.status))
        if self.meeting_id:
            timing.check_signing_meeting(meeting_status)
        signing_parties = {s["party_id"] for s in self.signatories}
        if len(self.parties) < 2 or len(signing_parties) < 2:
            raise InvariantError("signatories", "an agreement must be signed by at least two "
                                                "parties")
        signed_on = v.calendar_date("signed_on", signed_on)
        timing.check_signing_date(signed_on, now)
        self._emit(self.Signed, actor, at, reason, signed_on=signed_on,
                   place=v.text("place", place, max_len=100))

    class StatusChanged(PlannerAggregate.Event):
        status: str

        def apply(self, agreement: Agreement) -> None:
            agreement.status = self.status

    def change_status(self, *, actor: str, status: str, reason: str = "",
                      at: datetime | None = None) -> None:
        target = S(v.choice("status", status, S))
        reason = reason_text(reason, required=target == S.TERMINATED,
                             what=N_("terminating an agreement"))
        if target == S.SIGNED:
            raise ValidationError("status", "use sign (with date and place) to sign")
        if target not in _NEXT[S(self.status)]:
            raise InvariantError("status", "an agreement that is %(status)s cannot become "
                                           "%(value)s",
                                           status=Word(self.status), value=Word(target.value))
        self._emit(self.StatusChanged, actor, at, reason, status=target.value)

    class MilestoneAdded(PlannerAggregate.Event):
        milestone_id: str
        title: str
        due_on: date

        def apply(self, agreement: Agreement) -> None:
            agreement.milestones.append(dict(milestone_id=self.milestone_id, title=self.title,
                                             due_on=self.due_on, done_on=None))

    class MilestoneCompleted(PlannerAggregate.Event):
        milestone_id: str
        done_on: date

        def apply(self, agreement: Agreement) -> None:
            for item in agreement.milestones:
                if item["milestone_id"] == self.milestone_id:
                    item["done_on"] = self.done_on

    def add_milestone(self, *, actor: str, title: str, due_on: date, reason: str = "",
                      at: datetime | None = None) -> str:
        reason = self._check_editable(reason)
        milestone_id = str(new_id())
        self._emit(self.MilestoneAdded, actor, at, reason, milestone_id=milestone_id,
                   title=v.text("milestone", title, max_len=500),
                   due_on=v.calendar_date("due_on", due_on))
        return milestone_id

    def complete_milestone(self, *, actor: str, milestone_id: str, done_on: date,
                           reason: str = "", at: datetime | None = None) -> None:
        reason = self._check_editable(reason)
        milestone_id = v.record_id("milestone_id", milestone_id)
        item = next((m for m in self.milestones if m["milestone_id"] == milestone_id), None)
        if item is None:
            raise ValidationError("milestone_id", "the agreement has no milestone %(milestone_id)s",
                                  milestone_id=milestone_id)
        if item["done_on"] is not None:
            raise InvariantError("milestone_id", "the milestone is already done")
        self._emit(self.MilestoneCompleted, actor, at, reason, milestone_id=milestone_id,
                   done_on=v.calendar_date("done_on", done_on))


def _where(trip_id: UUID | str | None, meeting_id: UUID | str | None) -> dict[str, str]:
    """The trip and meeting an agreement belongs to, as record ids ('' for none)."""
    return dict(trip_id=v.record_id("trip_id", trip_id, required=False),
                meeting_id=v.record_id("meeting_id", meeting_id, required=False))
