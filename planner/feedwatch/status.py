"""Per delegation member of a trip: is their calendar current, were they reached at all?

"The last change that concerns them" is the latest change shown in their feed for this trip:
the trip's own calendar stamp, its legs', and those of the meetings they attend
(`calendar_changed_at`, planner.calendar.stamps). Their calendar is current when their feed
was fetched at or after that moment.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from uuid import UUID

from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from planner.feedwatch.fetches import FeedFetches
from planner.readmodel import tables as t


@dataclass(frozen=True)
class MemberCalendar:
    person_id: UUID
    name: str
    email: str
    has_address: bool  # a feed address was made for them
    fetched_at: datetime | None  # aware UTC
    client: str  # "" when never fetched
    last_change: datetime | None  # aware UTC
    mail: str = ""  # state of their last mail: "sent", "pending", "failed" or "" (none)

    @property
    def current(self) -> bool:
        """Fetched since the last change that concerns them."""
        return self.fetched_at is not None and (self.last_change is None
                                                or self.fetched_at >= self.last_change)

    @property
    def unreached(self) -> bool:
        """Neither subscribed (never fetched) nor reached by a delivered mail."""
        return self.fetched_at is None and self.mail != "sent"


def _aware(value: datetime | None) -> datetime | None:
    return None if value is None else value.replace(tzinfo=UTC)


def member_stamps(engine: Engine, trip_id: UUID | str) -> tuple[MemberCalendar, ...]:
    """The trip's delegation members in the order they were added, with their last change but
    not yet their fetches (`with_fetches`) nor mails (planner.feedwatch.mails): read from the
    read models alone, so a page may keep it by read-model position (fetches are no events)."""
    key = str(trip_id)
    m, p, a, mt = t.members, t.people, t.attendees, t.meetings
    with engine.connect() as conn:
        members = conn.execute(
            select(m.c.person_id, p.c.name, p.c.email, p.c.feed_token_hash)
            .join(p, p.c.id == m.c.person_id, isouter=True)
            .where(m.c.trip_id == key).order_by(m.c.seq)).all()
        trip_change = conn.execute(select(t.trips.c.calendar_changed_at)
                                   .where(t.trips.c.id == key)).scalar()
        leg_change = conn.execute(select(func.max(t.legs.c.calendar_changed_at))
                                  .where(t.legs.c.trip_id == key)).scalar()
        meeting_changes = dict(conn.execute(
            select(a.c.person_id, func.max(mt.c.calendar_changed_at))
            .join(mt, mt.c.id == a.c.meeting_id).where(mt.c.trip_id == key)
            .group_by(a.c.person_id)).all())
    rows = []
    for r in members:
        stamps = [s for s in (trip_change, leg_change, meeting_changes.get(r.person_id)) if s]
        rows.append(MemberCalendar(
            person_id=UUID(r.person_id), name=r.name or "", email=r.email or "",
            has_address=bool(r.feed_token_hash), fetched_at=None, client="",
            last_change=_aware(max(stamps, default=None))))
    return tuple(rows)


def with_fetches(stamps: Iterable[MemberCalendar], fetches: FeedFetches) -> list[MemberCalendar]:
    """The members of `member_stamps` with when and by what their feed was last fetched."""
    rows = list(stamps)
    fetched = fetches.last(r.person_id for r in rows)
    return [replace(r, fetched_at=found.fetched_at, client=found.client)
            if (found := fetched.get(r.person_id)) else r for r in rows]
