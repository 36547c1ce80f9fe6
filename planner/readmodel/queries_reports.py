"""Queries for follow-ups, the trip report and the dashboard."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from uuid import UUID

from sqlalchemy import ColumnElement, case, func, select

from planner.domain.errors import NotFoundError, ValidationError
from planner.domain.values import MeetingStatus, TripStatus
from planner.organisations.access import Viewer
from planner.organisations.scope import trips_clause
from planner.readmodel import tables as t
from planner.readmodel.builders import agreement_rows, followup_query, followup_rows, in_zone
from planner.readmodel.keys import from_db, loads, uid
from planner.readmodel.queries_base import (
    QueryBase,
    WarningRules,
    optional_key,
    record_id,
)
from planner.readmodel.rows_records import (
    Dashboard,
    FollowUpRow,
    ReportIdea,
    ReportMeeting,
    TripReport,
    TripWarnings,
)

HELD = MeetingStatus.HELD.value


def _visible(viewer: Viewer | None,
             trip_id: ColumnElement[str]) -> list[ColumnElement[bool]]:
    """The condition limiting rows to the viewer's trips (none for None: the CLI, the system)."""
    clause = None if viewer is None else trips_clause(viewer, trip_id)
    return [] if clause is None else [clause]


def _today(today: object) -> date:
    if not isinstance(today, date):
        raise ValidationError("today", "must be a date")
    return today


class ReportQueries(QueryBase):
    # Provided by WarningQueries in the combined Queries class.
    warning_counts: Callable[..., dict[UUID, int]]

    def followups(self, *, owner: str | None = None, include_done: bool = False,
                  today: date, viewer: Viewer | None = None) -> tuple[FollowUpRow, ...]:
        """Open follow-ups (all with include_done): overdue ones first, then by due date.
        `owner` matches the whole owner name, ignoring case and accents. With a `viewer`,
        only those of trips their organisation may read."""
        today = _today(today)
        f = t.followups
        where = _visible(viewer, t.meetings.c.trip_id)
        if not include_done:
            where.append(f.c.done_on.is_(None))
        if (key := optional_key(owner)) is not None:
            where.append(f.c.owner_key == key)
        overdue = case((f.c.done_on.is_(None) & (f.c.due_on < today), 0), else_=1)
        query = followup_query(*where).order_by(overdue, f.c.due_on, f.c.seq)
        with self._connect() as conn:
            return tuple(followup_rows(conn.execute(query).mappings().all(), today))

    def trip_report(self, trip_id: UUID | str, *, today: date | None = None) -> TripReport:
        """What came of a trip: meetings held with their outcomes, the cooperation ideas,
        agreements signed (for this trip, in any later status) and its follow-ups."""
        key = record_id("trip_id", trip_id)
        m = t.meetings
        with self._connect() as conn:
            trip = conn.execute(select(t.trips).where(t.trips.c.id == key)).mappings().first()
            if trip is None:
                raise NotFoundError("trip", key)
            trip_row = self._trip_rows(conn, [trip])[0]
            counts = dict(conn.execute(select(m.c.status, func.count()).where(m.c.trip_id == key)
                                       .group_by(m.c.status)).tuples().all())
            held = conn.execute(
                select(m, t.outcomes.c.summary).join(t.outcomes, t.outcomes.c.meeting_id == m.c.id)
                .where(m.c.trip_id == key, m.c.status == HELD)
                .order_by(m.c.starts_at, m.c.id)).mappings().all()
            ideas: dict[str, list[str]] = {r["id"]: [] for r in held}
            if held:
                for meeting_id, idea in conn.execute(
                        select(t.ideas.c.meeting_id, t.ideas.c.idea)
                        .where(t.ideas.c.meeting_id.in_(list(ideas)))
                        .order_by(t.ideas.c.meeting_id, t.ideas.c.idx)):
                    ideas[meeting_id].append(idea)
            a = t.agreements
            signed = agreement_rows(conn, conn.execute(
                select(a).where(a.c.trip_id == key, a.c.signed_on.is_not(None))
                .order_by(a.c.signed_on, a.c.created_seq)).mappings().all())
            followups = followup_rows(conn.execute(
                followup_query(m.c.trip_id == key).order_by(t.followups.c.due_on,
                                                            t.followups.c.seq)
            ).mappings().all(), today or date.max)
        meetings = tuple(ReportMeeting(
            meeting_id=uid(r["id"]), title=r["title"], kind=r["kind"], city=r["city"],
            local_start=in_zone(from_db(r["starts_at"]), r["timezone"]),
            counterparts=loads(r["counterparts"]), summary=r["summary"],
            ideas=tuple(ideas[r["id"]])) for r in held)
        return TripReport(
            trip=trip_row,
            meetings_planned=sum(n for s, n in counts.items() if s != MeetingStatus.CANCELLED),
            meetings_cancelled=counts.get(MeetingStatus.CANCELLED.value, 0),
            meetings_held=meetings,
            ideas=tuple(ReportIdea(meeting_id=x.meeting_id, meeting_title=x.title, idea=idea)
                        for x in meetings for idea in x.ideas),
            agreements_signed=tuple(signed), followups=tuple(followups))

    def dashboard(self, today: date, settings: WarningRules | None = None, *,
                  upcoming: int = 10, viewer: Viewer | None = None) -> Dashboard:
        """Trips under way and the next `upcoming` ones (not cancelled or completed), open and
        overdue follow-ups, and how many warnings each of those trips has. With a `viewer`,
        all of it only for the trips their organisation may read (None: every trip)."""
        today = _today(today)
        tr = t.trips
        live = [tr.c.status.not_in([TripStatus.CANCELLED.value, TripStatus.COMPLETED.value]),
                *_visible(viewer, tr.c.id)]
        with self._connect() as conn:
            current = self._trip_rows(conn, conn.execute(
                select(tr).where(*live, tr.c.starts_on <= today, tr.c.ends_on >= today)
                .order_by(tr.c.starts_on, tr.c.created_seq)).mappings().all())
            coming = self._trip_rows(conn, conn.execute(
                select(tr).where(*live, tr.c.starts_on > today)
                .order_by(tr.c.starts_on, tr.c.created_seq).limit(upcoming)).mappings().all())
        open_items = self.followups(today=today, viewer=viewer)
        trips = (*current, *coming)
        counts = self.warning_counts([row.id for row in trips], settings)
        warnings = tuple(TripWarnings(trip_id=row.id, title=row.title, count=counts[row.id])
                         for row in trips)
        return Dashboard(today=today, current=tuple(current), upcoming=tuple(coming),
                         open_followups=open_items,
                         overdue_followups=tuple(f for f in open_items if f.overdue),
                         warnings=warnings)
