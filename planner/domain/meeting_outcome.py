"""What came of a meeting once it started: its outcome (which marks it held), the follow-up
actions, and the agreements linked to it.

The stored topics stay `planner.domain.meeting:Meeting.OutcomeRecorded` and so on:
eventsourcing declares each event of this mixin again on the Meeting aggregate, in Meeting's
module and under its name.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from uuid import UUID

from planner.domain import values as v
from planner.domain.base import PlannerAggregate
from planner.domain.errors import InvariantError, ValidationError
from planner.domain.ids import new_id
from planner.domain.values import reason_text
from planner.i18n.words import N_


class MeetingOutcome:
    """Mixin for the Meeting aggregate: `outcome` (None until recorded), `followups` and
    `agreement_ids`."""

    outcome: dict[str, Any] | None
    followups: list[dict[str, Any]]
    agreement_ids: list[str]

    class OutcomeRecorded(PlannerAggregate.Event):
        summary: str
        ideas: list[str]

        def apply(self, meeting: Any) -> None:
            meeting.outcome = dict(summary=self.summary, ideas=list(self.ideas))
            meeting.status = v.MeetingStatus.HELD.value

    def record_outcome(self, *, actor: str, now: datetime, summary: str, ideas: list[str],
                       reason: str = "", at: datetime | None = None) -> None:
        """Record what came of the meeting; marks it held. Not before it has started."""
        reason = reason_text(reason, required=False)
        self._check_recordable("outcome", N_("outcome"), now)  # type: ignore[attr-defined]
        if self.outcome is not None and not reason:
            raise InvariantError("reason", "an outcome is already recorded; a correction "
                                           "must give a reason")
        self._emit(self.OutcomeRecorded, actor, at, reason,  # type: ignore[attr-defined]
                   summary=v.text("summary", summary, max_len=v.LONG_TEXT, multiline=True),
                   ideas=v.text_list("ideas", ideas, max_len=1000))

    class FollowUpAdded(PlannerAggregate.Event):
        followup_id: str
        action: str
        owner: str
        due_on: date

        def apply(self, meeting: Any) -> None:
            meeting.followups.append(dict(followup_id=self.followup_id, action=self.action,
                                          owner=self.owner, due_on=self.due_on, done_on=None))

    class FollowUpCompleted(PlannerAggregate.Event):
        followup_id: str
        done_on: date

        def apply(self, meeting: Any) -> None:
            for item in meeting.followups:
                if item["followup_id"] == self.followup_id:
                    item["done_on"] = self.done_on

    def add_followup(self, *, actor: str, now: datetime, action: str, owner: str,
                     due_on: date, at: datetime | None = None) -> str:
        """Add an action that came of the meeting: from its start, like the outcome."""
        self._check_recordable("followups", N_("follow-ups"), now)  # type: ignore[attr-defined]
        followup_id = str(new_id())
        self._emit(self.FollowUpAdded, actor, at,  # type: ignore[attr-defined]
                   followup_id=followup_id, action=v.text("action", action, max_len=1000),
                   owner=v.text("owner", owner), due_on=v.calendar_date("due_on", due_on))
        return followup_id

    def complete_followup(self, *, actor: str, followup_id: str, done_on: date,
                          at: datetime | None = None) -> None:
        followup_id = v.record_id("followup_id", followup_id)
        item = next((f for f in self.followups if f["followup_id"] == followup_id), None)
        if item is None:
            raise ValidationError("followup_id", "the meeting has no follow-up %(followup_id)s",
                                  followup_id=followup_id)
        if item["done_on"] is not None:
            raise InvariantError("followup_id", "the follow-up is already done")
        self._emit(self.FollowUpCompleted, actor, at,  # type: ignore[attr-defined]
                   followup_id=followup_id, done_on=v.calendar_date("done_on", done_on))

    class AgreementLinked(PlannerAggregate.Event):
        agreement_id: str

        def apply(self, meeting: Any) -> None:
            meeting.agreement_ids.append(self.agreement_id)

    def link_agreement(self, *, actor: str, agreement_id: UUID | str,
                       at: datetime | None = None) -> None:
        agreement_id = v.record_id("agreement_id", agreement_id)
        if agreement_id in self.agreement_ids:
            raise InvariantError("agreement_id", "the agreement is already linked")
        self._emit(self.AgreementLinked, actor, at,  # type: ignore[attr-defined]
                   agreement_id=agreement_id)
