"""The change feed (`GET /api/v1/changes?after=POSITION`) and the shapes it shares with a
record's history (web.api.history).

A CRM follows the planner by asking for the changes after the last position it has seen and
resuming at `next_after`: the events its account may see (the audit pages' rule,
planner.audit.visibility), in log order. Participants see no history, so the feed refuses
them (403). Reading the feed is not recorded as an auditor's view: a follower polls, and
each poll would otherwise add an event to the very feed it reads.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any
from urllib.parse import urlencode

from flask import Response, g, request
from pydantic import BaseModel, Field

from planner.audit import visibility
from planner.changefeed.feed import ChangePage
from web import access
from web.api.blueprint import bp
from web.api.operation import Input, operation, reply
from web.api.values import MAX_LIMIT
from web.wiring import feed

TAGS = ["history"]


class Change(BaseModel):
    position: int = Field(description="The event's place in the whole log.")
    recorded_at: datetime = Field(description="When it happened (UTC).")
    record_type: str = Field(description="trip, meeting, company profile, agreement, "
                                         "person, account, organisation or audit trail.")
    record_id: str
    record_version: int = Field(description="The record's version after this event.")
    trip_id: str | None = Field(description="The trip a meeting or agreement belongs to.")
    event_type: str = Field(description="e.g. Meeting.Moved.")
    actor: str = Field(description="The account (e-mail) or job that made the change; "
                                   "'erased person' once that person's data is erased.")
    reason: str
    fields: dict[str, Any] = Field(description="What the event recorded: instants in UTC, "
                                               "dates as YYYY-MM-DD; secrets never, erased "
                                               "personal data as 'erased person' or ''.")


class Changes(BaseModel):
    changes: list[Change]
    after: int = Field(description="The position asked for.")
    next_after: int = Field(description="Ask again with after=next_after to resume.")
    more: bool = Field(description="The page was full: more changes follow at once.")
    next: str = Field(description="The address to resume at.")


class ChangesQuery(Input):
    after: int = Field(0, ge=0, le=10**15, description="A position from an earlier answer "
                                                       "(0: from the start of the log).")
    limit: int = Field(50, ge=1, le=MAX_LIMIT, description="Changes per answer.")


def changes_of(page: ChangePage) -> Changes:
    args = request.args.to_dict(flat=False)
    args["after"] = [str(page.next_after)]
    return Changes(**page.as_json(), next=request.path + "?" + urlencode(args, doseq=True))


history_reader = access.guard(
    "history reader", lambda user, _: visibility.history_kinds(user.viewer) != frozenset(),
    "Organisers, administrators and auditors follow the history of what they may read; "
    "participants none.")


@bp.get("/changes")
@history_reader
@operation(reply=Changes, query=ChangesQuery, tags=TAGS, refusals=(403,))
def list_changes(query: ChangesQuery) -> Response:
    """The changes your account may see after position `after`, in log order."""
    return reply(changes_of(feed().changes(g.user.viewer, after=query.after,
                                           limit=query.limit)))
