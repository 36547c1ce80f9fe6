"""What came of each one-to-one (mixin of planner.domain.matchmaking.Matchmaking): right
after the meeting each side's rating and next step; months later the second stage (talks
continue, negotiation started, cooperation agreement reached), linked to an agreement."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from planner.domain import matchmaking_values as mv
from planner.domain import values as v
from planner.domain.base import PlannerAggregate
from planner.domain.errors import InvariantError
from planner.domain.matchmaking_values import pair_key


class MeetingOutcomes:
    """`ratings`: 'a_id/b_id/side' -> {rating, next_step, comment}; `stages`: pair key ->
    {state, agreement_id, note}."""

    published: dict[str, str]
    ratings: dict[str, dict[str, Any]]
    stages: dict[str, dict[str, Any]]
    sides: dict[str, str]
    _emit: Any
    pair: Any  # the aggregate's: two profile ids -> (side a, side b)

    def _published_pair(self, first: str, second: str) -> tuple[str, str]:
        a_id, b_id = self.pair(first, second)
        if pair_key(a_id, b_id) not in self.published:
            raise InvariantError("pair", "the pair has no published one-to-one")
        return a_id, b_id

    class MeetingRated(PlannerAggregate.Event):
        a_id: str
        b_id: str
        side: str
        rating: int
        next_step: str
        comment: str

        def apply(self, mm: Any) -> None:
            mm.ratings[f"{pair_key(self.a_id, self.b_id)}/{self.side}"] = dict(
                rating=self.rating, next_step=self.next_step, comment=self.comment)

    def rate(self, *, actor: str, first: str, second: str, side: str, rating: int,
             next_step: str, comment: str = "", meeting_started: bool, reason: str = "",
             at: datetime | None = None) -> None:
        """One side's rating (1-5) and next step; a second rating of the same side is a
        correction and needs a reason."""
        a_id, b_id = self._published_pair(first, second)
        side = v.choice("side", side, mv.Side)
        if not meeting_started:
            raise InvariantError("rating", "the one-to-one has not started yet")
        if f"{pair_key(a_id, b_id)}/{side}" in self.ratings and not str(reason).strip():
            raise InvariantError("reason", "side %(side)s has already rated this one-to-one; "
                                           "a correction must give a reason", side=side)
        self._emit(self.MeetingRated, actor, at, reason, a_id=a_id, b_id=b_id, side=side,
                   rating=mv.rating(rating), next_step=v.choice("next_step", next_step,
                                                                mv.NextStep),
                   comment=v.text("comment", comment, max_len=2000, required=False,
                                  multiline=True))

    class StageRecorded(PlannerAggregate.Event):
        a_id: str
        b_id: str
        state: str
        agreement_id: str
        note: str

        def apply(self, mm: Any) -> None:
            mm.stages[pair_key(self.a_id, self.b_id)] = dict(
                state=self.state, agreement_id=self.agreement_id, note=self.note)

    def record_stage(self, *, actor: str, first: str, second: str, state: str,
                     agreement_id: str = "", note: str = "", meeting_started: bool,
                     at: datetime | None = None) -> None:
        """The second stage, months later (recorded again as things move on)."""
        a_id, b_id = self._published_pair(first, second)
        if not meeting_started:
            raise InvariantError("state", "the one-to-one has not taken place yet")
        state = v.choice("state", state, mv.Stage)
        agreement = v.record_id("agreement_id", agreement_id, required=False)
        self._emit(self.StageRecorded, actor, at, a_id=a_id, b_id=b_id, state=state,
                   agreement_id=agreement,
                   note=v.text("note", note, max_len=2000, required=False, multiline=True))
