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

from sqlalchemy import bindparam, func, or_, select
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
    warning_row,
)
from planner.readmodel.keys import uid
from planner.readmodel.queries_base import LEGS_IN_ORDER
from planner.readmodel.queries_trips import leg_row
from planner.readmodel.rows import LegRow

# Built once, with expanding parameters: reusing a statement spares SQLAlchemy building it and
# its cache key on every command.
_m, _a, _tr, _w, _s = t.meetings, t.attendees, t.trips, t.warnings, t.plan_spans
_theirs = t.attendees.alias("theirs")
_NEAR_CHANGED = (  # the meetings of people attending a changed meeting, or removed from one
    select(_a.c.person_id, _m.c.starts_at, _m.c.ends_at, _m.c.id)
    .join(_m, _m.c.id == _a.c.meeting_id).join(_tr, _tr.c.id == _m.c.trip_id)
    .where(or_(_a.c.person_id.in_(select(_theirs.c.person_id).where(
        _theirs.c.meeting_id.in_(bindparam("ids", expanding=True)))),
        _a.c.person_id.in_(bindparam("left", expanding=True))),
        ACTIVE, LIVE_TRIP, _m.c.ends_at > bindparam("low"), _m.c.starts_at < bindparam("high")))
_DELETE = _w.delete().where(_w.c.meeting_id.in_(bindparam("anchors", expanding=True)), or_(
    _w.c.kind.in_(CLASH_KINDS), _w.c.meeting_id.in_(bindparam("ids", expanding=True))))
_NEAR_ANCHORS = (  # the meetings near in time of everyone attending an anchor
    select(_m.c.id, _m.c.trip_id, _tr.c.title.label("trip_title"), _m.c.title, _m.c.kind,
           _m.c.city, _m.c.timezone, _m.c.leg_id, _m.c.starts_at, _m.c.ends_at,
           _a.c.person_id, t.people.c.name.label("person_name"))
    .join(_tr, _tr.c.id == _m.c.trip_id).join(_a, _a.c.meeting_id == _m.c.id)
    .join(t.people, t.people.c.id == _a.c.person_id, isouter=True)
    .where(ACTIVE, LIVE_TRIP, _m.c.starts_at >= bindparam("low"),
           _m.c.starts_at < bindparam("high"),
           _a.c.person_id.in_(select(_theirs.c.person_id).where(
               _theirs.c.meeting_id.in_(bindparam("anchors", expanding=True))))))
_CHANGED = (slot_query(_m.c.id.in_(bindparam("ids", expanding=True)), ACTIVE, LIVE_TRIP)
            .add_columns(_tr.c.starts_on, _tr.c.ends_on).order_by(None))
_LEGS = (select(t.legs).where(t.legs.c.trip_id.in_(bindparam("trips", expanding=True)))
         .order_by(t.legs.c.trip_id, *LEGS_IN_ORDER))
_DELETE_SPANS = _s.delete().where(_s.c.trip_id.in_(bindparam("trips", expanding=True)))
_INSERT_SPANS = _s.insert().from_select(
    ["trip_id", "first_at", "last_at"],
    select(_m.c.trip_id, func.min(_m.c.starts_at), func.max(_m.c.ends_at))
    .join(_tr, _tr.c.id == _m.c.trip_id)
    .where(_m.c.trip_id.in_(bindparam("trips", expanding=True)), ACTIVE, LIVE_TRIP)
    .group_by(_m.c.trip_id))


def refresh_meetings(batch: Batch, changed: set[str], left: set[str]) -> None:
    """The warnings after these meetings changed (`left`: people removed from one of them).
    Runs after the batch's rows are written, so the database holds the plan as it is now.
    A few statements whatever the size of the trips: the people's meetings near the changes,
    one delete, the anchors' neighbourhood, the changed meetings' trips and their spans."""
    if not changed:
        return
    conn = batch.conn
    ids = sorted(changed)
    now = [row for row in (batch.row(t.meetings, i) for i in ids) if row is not None]
    points = {row["starts_at"] for row in now}
    points.update(row["starts_at"] for i in ids
                  if (row := batch.before[t.meetings].get((i,))) is not None)
    trip_ids = sorted({row["trip_id"] for row in now})
    anchors = _anchors(conn, ids, left, sorted(points)) if points else {}
    for part in chunks(sorted(set(ids) | set(anchors))):
        conn.execute(_DELETE, {"anchors": part, "ids": ids})
    rows = _clashes(conn, anchors) + _placements(conn, ids)
    insert_rows(conn, t.warnings, rows)
    for part in chunks(trip_ids):
        conn.execute(_DELETE_SPANS, {"trips": part})
        conn.execute(_INSERT_SPANS, {"trips": part})


def _anchors(conn: Connection, ids: list[str], left: set[str],
             points: list[datetime]) -> dict[str, tuple[datetime, datetime]]:
    """The meetings (not cancelled, trip not cancelled) whose clashes may have changed at
    these points, of the people attending the changed meetings or removed from them; with
    their start and end."""
    timeline: dict[str, list[tuple[datetime, datetime, str]]] = defaultdict(list)
    for person, starts, ends, meeting_id in conn.execute(_NEAR_CHANGED, {
            "ids": ids, "left": sorted(left), "low": points[0] - NEARBY,
            "high": points[-1] + NEARBY}):
        timeline[person].append((starts, ends, meeting_id))
    found: dict[str, tuple[datetime, datetime]] = {}
    wanted = set(ids)
    for mine in timeline.values():
        for point in points:
            last = max((starts for starts, _, _ in mine if starts < point), default=None)
            found.update((meeting_id, (starts, ends)) for starts, ends, meeting_id in mine
                         if meeting_id in wanted or (starts <= point and ends > point - NEARBY
                                                     and (last is None or ends >= last)))
    return found


def _clashes(conn: Connection, anchors: dict[str, tuple[datetime, datetime]]) -> list[Row]:
    """The clashes anchored at these meetings, as rows on the trips of both meetings they
    name: from the meetings near in time of everyone attending one, read in one statement."""
    if not anchors:
        return []
    low = min(starts for starts, _ in anchors.values())
    high = max(ends for _, ends in anchors.values()) + NEARBY
    near: dict[UUID, Any] = {}
    attending: dict[UUID, dict[UUID, None]] = defaultdict(dict)
    names: dict[UUID, str] = {}
    for part in chunks(sorted(anchors)):
        for r in conn.execute(_NEAR_ANCHORS, {"anchors": part, "low": low,
                                               "high": high}).mappings():
            key, person = uid(r["id"]), uid(r["person_id"])
            near.setdefault(key, r)
            attending[key][person] = None
            names[person] = r["person_name"] if r["person_name"] is not None else "Someone"
    slots = {key: slot(r, tuple(attending[key])) for key, r in near.items()}
    timelines: dict[UUID, list[Slot]] = defaultdict(list)
    for found in sorted(slots.values(), key=lambda s: s.order):
        for person in found.attendees:
            timelines[person].append(found)
    rows = []
    for anchor in (slots[key] for key in map(uid, anchors) if key in slots):
        for finding in anchored_conflicts(anchor, timelines, names):
            other = slots[finding.meeting_ids[1]]
            first = min(anchor.starts_at, other.starts_at)
            rows.extend(warning_row(str(trip), first, finding)
                        for trip in {anchor.trip_id, other.trip_id})
    return rows


def _placements(conn: Connection, ids: list[str]) -> list[Row]:
    """The changed meetings' own warnings: outside their trip's dates or their leg."""
    meetings = [r for part in chunks(ids)
                for r in conn.execute(_CHANGED, {"ids": part}).mappings()]
    if not meetings:
        return []
    legs: dict[str, list[LegRow]] = defaultdict(list)
    for part in chunks(sorted({r["trip_id"] for r in meetings})):
        for r in conn.execute(_LEGS, {"trips": part}).mappings():
            legs[r["trip_id"]].append(leg_row(r))
    return [warning_row(r["trip_id"], meeting.starts_at, finding)
            for r in meetings for meeting in (slot(r),)  # placement needs no attendees
            for finding in placement(meeting, r["starts_on"], r["ends_on"], legs[r["trip_id"]])]
