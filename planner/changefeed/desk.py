"""FeedDesk: what the API's feed, history and as-of operations ask of one wired Planner, so
that web/ never holds the engine or the stored events (web.wiring hands out this object)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from planner.changefeed import feed, records
from planner.organisations.access import Viewer


class FeedDesk:
    def __init__(self, planner: Any) -> None:
        self._planner = planner

    def changes(self, viewer: Viewer, *, after: int, limit: int) -> feed.ChangePage:
        return feed.changes(self._planner, viewer, after=after, limit=limit)

    def reach(self, viewer: Viewer, kind: str, record_id: object) -> records.Reach:
        return records.reach(self._planner, viewer, kind, record_id)

    def history(self, viewer: Viewer, record_id: str, *, after: int,
                limit: int) -> feed.ChangePage:
        return records.history(self._planner, viewer, record_id, after=after, limit=limit)

    def as_of(self, record_id: str, at: datetime) -> records.PastState:
        return records.as_of(self._planner, record_id, at)
