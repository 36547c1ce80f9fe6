"""Warnings after a few meetings changed: only those the changes can touch are found again.

A warning names one meeting (outside the trip or its leg) or two (a clash of the people who
attend both); a clash is kept under its first meeting in time order, its anchor, on the trips
of both meetings. Whether one person's meeting `a` clashes with their later ones depends only
on their meetings that start from a's start until TRAVEL_HORIZON after its end, and up to the
first one that starts after it ends (`conflicts.clashes_after`). So when meetings change (time,
place, title, status, attendees), the clashes that can change are those anchored at
- a changed meeting, or
- a meeting `a` of someone attending a changed meeting (before or after the change) with a
  point `s` (where the changed meeting started or starts now) such that
  `a.starts <= s < a.ends + TRAVEL_HORIZON` and none of their meetings starts between a's end
  and `s` (else their next meeting after `a` comes before `s`, and stays the same).
Those anchors' clashes are deleted and found again from each attendee's meetings near them,
as are the changed meetings' own warnings (outside the trip or leg) and their trips' plan
spans. What is stored is what the whole-trip recompute in handlers.warnings stores: the same
rules (`conflicts.anchored_conflicts` and `person_conflicts` share `clashes_after`), and the
randomised test in tests/readmodel/test_warnings_incremental.py compares the two.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import exists, func, or_, select
from sqlalchemy.engine import Connection

from planner.readmodel import tables as t
from planner.readmodel.builders import slot, slot_query
from planner.readmodel.conflicts import (
    CLASH_KINDS,
    Slot,
    anchored_conflicts,
    placement,
)
from planner.readmodel.handlers.batch import Batch, Row, chunks, insert_rows
from planner.readmodel.handlers.warning_rows import (
    ACTIVE,
    LIVE_TRIP,
    NEARBY,
    names_of,
    slots_of,
    warning_row,
)
from planner.readmodel.keys import uid
from planner.readmodel.queries_base import LEGS_IN_ORDER
from planner.readmodel.queries_trips import leg_row
from planner.readmodel.rows import LegRow


def refresh_meetings(batch: Batch, changed: set[str], left: set[str]) -> None:
    """The warnings after these meetings changed (`left`: people removed from one of them).
    Runs after the batch's rows are written, so the database holds the plan as it is now."""
    if not changed:
        return
    conn = batch.conn
    ids = sorted(changed)
    now = [row for row in (batch.row(t.meetings, i) for i in ids) if row is not None]
    points = {row["starts_at"] for row in now}
    points.update(row["starts_at"] for i in ids
                  if (row := batch.before[t.meetings].get((i,))) is not None)
    trip_ids = sorted({row["trip_id"] for row in now})
    persons = set(left)
    for part in chunks(ids):
        persons.update(conn.execute(select(t.attendees.c.person_id)
                                    .where(t.attendees.c.meeting_id.in_(part))).scalars())
    anchors = set(ids) | (_anchors(conn, persons, sorted(points)) if points else set())
    w = t.warnings
    for part in chunks(sorted(anchors)):
        conn.execute(w.delete().where(w.c.meeting_id.in_(part), or_(
            w.c.kind.in_(CLASH_KINDS), w.c.meeting_id.in_(ids))))
    rows = _clashes(conn, anchors) + _placements(conn, ids, trip_ids)
    insert_rows(conn, w, rows)
    _spans(conn, trip_ids)


def _anchors(conn: Connection, persons: set[str], points: list[datetime]) -> set[str]:
    """The meetings of these people whose clashes may have changed at these points."""
    m, a = t.meetings, t.attendees
    timeline: dict[str, list[tuple[datetime, datetime, str]]] = defaultdict(list)
    low, high = points[0] - NEARBY, points[-1] + NEARBY
    for part in chunks(sorted(persons)):
        query = (select(a.c.person_id, m.c.starts_at, m.c.ends_at, m.c.id)
                 .join(m, m.c.id == a.c.meeting_id).join(t.trips, t.trips.c.id == m.c.trip_id)
                 .where(a.c.person_id.in_(part), ACTIVE, LIVE_TRIP, m.c.ends_at > low,
                        m.c.starts_at < high))
        for person, starts, ends, meeting_id in conn.execute(query):
            timeline[person].append((starts, ends, meeting_id))
    found: set[str] = set()
    for mine in timeline.values():
        for point in points:
            last = max((starts for starts, _, _ in mine if starts < point), default=None)
            found.update(meeting_id for starts, ends, meeting_id in mine
                         if starts <= point and ends > point - NEARBY
                         and (last is None or ends >= last))
    return found


def _clashes(conn: Connection, anchors: set[str]) -> list[Row]:
    """The clashes anchored at these meetings (those not cancelled, on trips not cancelled),
    as rows on the trips of both meetings they name."""
    m, a = t.meetings, t.attendees
    span = [conn.execute(select(func.min(m.c.starts_at), func.max(m.c.ends_at)).join(
        t.trips, t.trips.c.id == m.c.trip_id).where(m.c.id.in_(part), ACTIVE, LIVE_TRIP)).one()
        for part in chunks(sorted(anchors))]
    if not any(first for first, _ in span):
        return []
    low = min(first for first, _ in span if first is not None)
    high = max(last for _, last in span if last is not None) + NEARBY
    near: dict[UUID, Slot] = {}
    for part in chunks(sorted(anchors)):
        # Meetings near in time (an index) of anyone attending an anchor.
        attending = select(a.c.person_id).where(a.c.meeting_id.in_(part))
        theirs = exists().where(a.c.meeting_id == m.c.id, a.c.person_id.in_(attending))
        rows = conn.execute(slot_query(ACTIVE, LIVE_TRIP, theirs, m.c.starts_at >= low,
                                       m.c.starts_at < high)).mappings().all()
        near.update((found.meeting_id, found) for found in slots_of(conn, rows))
    mine = [near[key] for key in map(uid, anchors) if key in near]
    people = {p for found in mine for p in found.attendees}
    timelines: dict[UUID, list[Slot]] = defaultdict(list)
    for found in sorted(near.values(), key=lambda s: s.order):
        for person in found.attendees:
            if person in people:
                timelines[person].append(found)
    names = names_of(conn, people)
    named = {p: names.get(p, "Someone") for p in people}
    rows = []
    for anchor in mine:
        for finding in anchored_conflicts(anchor, timelines, named):
            other = near[finding.meeting_ids[1]]
            first = min(anchor.starts_at, other.starts_at)
            rows.extend(warning_row(str(trip), first, finding)
                        for trip in {anchor.trip_id, other.trip_id})
    return rows


def _placements(conn: Connection, ids: list[str], trip_ids: list[str]) -> list[Row]:
    """The changed meetings' own warnings: outside their trip's dates or their leg."""
    trips: dict[str, Any] = {}
    legs: dict[str, list[LegRow]] = defaultdict(list)
    for part in chunks(trip_ids):
        trips.update((r["id"], r) for r in conn.execute(
            select(t.trips.c.id, t.trips.c.starts_on, t.trips.c.ends_on)
            .where(t.trips.c.id.in_(part), LIVE_TRIP)).mappings())
        for r in conn.execute(select(t.legs).where(t.legs.c.trip_id.in_(part))
                              .order_by(t.legs.c.trip_id, *LEGS_IN_ORDER)).mappings():
            legs[r["trip_id"]].append(leg_row(r))
    rows = []
    for part in chunks(ids):
        for r in conn.execute(slot_query(t.meetings.c.id.in_(part), ACTIVE, LIVE_TRIP)
                              .order_by(None)).mappings():
            trip, meeting = trips[r["trip_id"]], slot(r)  # placement needs no attendees
            rows.extend(warning_row(r["trip_id"], meeting.starts_at, finding) for finding in
                        placement(meeting, trip["starts_on"], trip["ends_on"],
                                  legs[r["trip_id"]]))
    return rows


def _spans(conn: Connection, trip_ids: list[str]) -> None:
    """The trips' plan spans: first start and last end of their meetings not cancelled."""
    m, s = t.meetings, t.plan_spans
    for part in chunks(trip_ids):
        conn.execute(s.delete().where(s.c.trip_id.in_(part)))
        conn.execute(s.insert().from_select(
            ["trip_id", "first_at", "last_at"],
            select(m.c.trip_id, func.min(m.c.starts_at), func.max(m.c.ends_at))
            .join(t.trips, t.trips.c.id == m.c.trip_id)
            .where(m.c.trip_id.in_(part), ACTIVE, LIVE_TRIP).group_by(m.c.trip_id)))
