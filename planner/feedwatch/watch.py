"""The feed watch as the web uses it: record a feed fetch, and read a trip's members'
calendars with the state of their last calendar mail. A query object over the fetches
(planner.feedwatch.fetches), so the web layer is never handed the engine."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from uuid import UUID

from sqlalchemy.engine import Engine

from planner.feedwatch.fetches import FeedFetches
from planner.feedwatch.mails import last_mail_states
from planner.feedwatch.status import MemberCalendar, member_stamps, with_fetches


class FeedWatch:
    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.fetches = FeedFetches(engine)

    def record(self, person_id: UUID | str, user_agent: str | None, at: datetime) -> None:
        """This person's feed was served now, to a client with this User-Agent."""
        self.fetches.record(person_id, user_agent, at)

    def member_stamps(self, trip_id: UUID | str) -> tuple[MemberCalendar, ...]:
        """The trip's delegation members and their last changes: read models only, so a page
        may keep them by its read-model position."""
        return member_stamps(self.engine, trip_id)

    def with_state(self, stamps: tuple[MemberCalendar, ...]) -> list[MemberCalendar]:
        """Those members with their feed's state and last calendar mail (no events: read each
        time)."""
        rows = with_fetches(stamps, self.fetches)
        states = last_mail_states(self.engine, [r.person_id for r in rows])
        return [replace(r, mail=states.get(r.person_id, "")) for r in rows]

    def member_calendars(self, trip_id: UUID | str) -> list[MemberCalendar]:
        """The trip's delegation members with their feed's state and last calendar mail."""
        return self.with_state(self.member_stamps(trip_id))
