"""Per delegation member of a trip: is their calendar current, were they reached at all?

"The last change that concerns them" is the latest change shown in their feed for this trip:
the trip's own calendar stamp, its legs', and those of the meetings they attend
(`calendar_changed_at`, planner.calendar.stamps). Their calendar is current when their feed
was fetched at or after that moment.
"""

from __future__ import annotations

from dataclasses import dataclass
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


def member_calendars(engine: Engine, fetches: FeedFetches,
                     trip_id: UUID | str) -> list[MemberCalendar]:
    """The trip's delegation members in the order they were added, with their feed's state
    (`mail` is left for planner.feedwatch.mails)."""
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
    fetched = fetches.last(r.person_id for r in members)
    rows = []
    for r in members:
        person = UUID(r.person_id)
        stamps = [s for s in (trip_change, leg_change, meeting_changes.get(r.person_id)) if s]
        last = fetched.get(person)
        rows.append(MemberCalendar(
            person_id=person, name=r.name or "", email=r.email or "",
            has_address=bool(r.feed_token_hash), fetched_at=last.fetched_at if last else None,
            client=last.client if last else "",
            last_change=_aware(max(stamps, default=None))))
    return rows
