"""The base class of every aggregate: events that record who caused them and why."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from eventsourcing.domain import Aggregate

from planner.domain.errors import InvariantError
from planner.domain.ids import new_id
from planner.domain.values import reason_text, text


class PlannerAggregate(Aggregate):
    """An aggregate whose every event records its actor and, where given, a reason.

    `at` lets the demo loader stamp events with a historical time; every other caller passes
    None and gets the library's current UTC time.
    """

    class Event(Aggregate.Event):
        actor: str
        reason: str

    def _emit(self, event_class: type[Any], actor: str, at: datetime | None = None,
              reason: str = "", **fields: Any) -> None:
        if at is not None and at < self.modified_on:
            # "As it was at a moment" reads a record's events in order up to that moment.
            raise InvariantError("at", "a change cannot be dated %(at)s, before the "
                                       "record's last change (%(modified_on)s)",
                                       at=at.isoformat(), modified_on=self.modified_on.isoformat())
        self.trigger_event(event_class, timestamp=at, actor=_actor(actor),
                           reason=reason_text(reason, required=False), **fields)

    @classmethod
    def _start(cls, event_class: type[Any], actor: str, at: datetime | None = None,
               id: Any = None, reason: str = "", **fields: Any) -> Any:  # noqa: A002
        return cls._create(event_class, id=id or new_id(), timestamp=at, actor=_actor(actor),
                           reason=reason_text(reason, required=False), **fields)


def _actor(actor: str) -> str:
    if not isinstance(actor, str) or not actor.strip():
        raise InvariantError("actor", "every change must name the account or job that made it")
    return text("actor", actor, max_len=254)
