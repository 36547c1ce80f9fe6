"""A record's history (`/api/v1/<kind>/<id>/history`) and its state at a moment
(`/api/v1/<kind>/<id>/state?as_of=ISO8601`), for trips, meetings, profiles, agreements and
people.

Who may open which record is the audit pages' rule (web.audit, planner.changefeed.records):
participants none (403), organisers and administrators what they may read, auditors their
organisation's records (a global auditor every one); a record the account may not see is
404, as if it did not exist. As on the web pages, an auditor's look at a history or a past
state is recorded in the log (their audit trail).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any
from uuid import UUID

from flask import Response, g
from pydantic import BaseModel, Field
from werkzeug.exceptions import NotFound

from planner.changefeed.records import Reach, moment
from planner.domain.account import Role
from web import access
from web.api.blueprint import bp
from web.api.changes import TAGS, Changes, ChangesQuery, changes_of
from web.api.operation import Input, operation, reply
from web.wiring import actor, audit, feed, now

KINDS = {"trips": "trip", "meetings": "meeting", "profiles": "company profile",
         "agreements": "agreement", "people": "person"}
"""Path segment -> the kind of record (as the log names it)."""


class StateQuery(Input):
    as_of: str = Field("", max_length=40, description="ISO 8601 date and time with an "
                                                      "offset (2025-06-02T10:00:00+02:00); "
                                                      "left out: now.")


class PastState(BaseModel):
    record_type: str
    record_id: str
    as_of: datetime = Field(description="The moment asked for (UTC).")
    version: int = Field(description="The version the record had then.")
    latest_version: int
    changed_at: datetime = Field(description="When that version came about (UTC).")
    fields: dict[str, Any] = Field(description="The record's fields then: instants in UTC "
                                               "with their zone in a field of their own, "
                                               "dates as YYYY-MM-DD; no secrets.")


_REFUSAL = ("Organisers and administrators see the history of what they may read, auditors "
            "of their organisation's records; participants none.")


def _reader(kind: str) -> Callable[[Callable[..., Response]], Callable[..., Response]]:
    """A guard: 403 by role (before any record is looked at), 404 for a record of another
    kind or one the account may not see."""
    def allow(user: access.User, kwargs: dict[str, Any]) -> bool:
        found = feed().reach(user.viewer, kind, kwargs["record_id"])
        if found is Reach.MISSING:
            raise NotFound(f"There is no {kind} with id {kwargs['record_id']}.")
        return found is Reach.READ
    return access.guard("history reader", allow, _REFUSAL)


def _viewed(what: str) -> None:
    if g.user.role == Role.AUDITOR:
        audit().record_viewed(actor(), what)


def _history_view(segment: str, kind: str) -> Callable[..., Response]:
    def view(record_id: UUID, query: ChangesQuery) -> Response:
        page = feed().history(g.user.viewer, str(record_id), after=query.after,
                              limit=query.limit)
        _viewed(f"history of {kind} {record_id} (API)")
        return reply(changes_of(page))
    view.__name__ = f"{segment}_history"
    view.__doc__ = f"The {kind}'s events after position `after`, oldest first."
    return view


def _state_view(segment: str, kind: str) -> Callable[..., Response]:
    def view(record_id: UUID, query: StateQuery) -> Response:
        at = moment("as_of", query.as_of) if query.as_of else now()
        state = feed().as_of(str(record_id), at)
        _viewed(f"{kind} {record_id} as of {state.as_of.isoformat()} (API)")
        return reply(PastState(**state.as_json()))
    view.__name__ = f"{segment}_state"
    view.__doc__ = (f"The {kind} as it stood at `as_of` (its last change at or before "
                    "that moment); 404 if it did not exist yet.")
    return view


for _segment, _kind in KINDS.items():
    bp.get(f"/{_segment}/<uuid:record_id>/history")(_reader(_kind)(operation(
        reply=Changes, query=ChangesQuery, tags=TAGS, refusals=(403,))(
        _history_view(_segment, _kind))))
    bp.get(f"/{_segment}/<uuid:record_id>/state")(_reader(_kind)(operation(
        reply=PastState, query=StateQuery, tags=TAGS, refusals=(403,))(
        _state_view(_segment, _kind))))
