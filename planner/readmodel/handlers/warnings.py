"""Warnings kept in the read model: after a batch, those of every trip whose plan changed.

A command that changes a few meetings (time, place, title, status, attendees) refreshes only
the warnings those can touch (handlers.warnings_meetings); anything else (dates, legs, names,
trip titles and status, and batches of many events, such as a rebuild) finds whole trips'
warnings again, as below. Both store the same rows.

A trip's warnings depend on its dates, legs and meetings that are not cancelled (time, place,
kind, title, attendees), on other trips' meetings that share an attendee and lie within NEARBY
of its own, on those trips' titles and status, and on the names of the people involved. The
handlers note what changed; here that becomes the set of trips to look at again, whose plans
are then read in a few set-based statements and whose findings replace the stored ones. The
findings are a pure function of the rows, so a rebuild stores exactly the same.
"""

from __future__ import annotations

import zlib
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, select, text
from sqlalchemy.engine import Connection

from planner.domain.values import MeetingStatus, TripStatus
from planner.readmodel import tables as t
from planner.readmodel.builders import slot, slot_query
from planner.readmodel.conflicts import Plan, Slot, findings
from planner.readmodel.handlers.batch import Batch, chunks, insert_rows
from planner.readmodel.handlers.warning_rows import (
    ACTIVE,
    NEARBY,
    names_of,
    slots_of,
    warning_row,
)
from planner.readmodel.handlers.warnings_meetings import refresh_meetings
from planner.readmodel.keys import uid
from planner.readmodel.queries_base import LEGS_IN_ORDER
from planner.readmodel.queries_trips import leg_row
from planner.readmodel.rows import LegRow

# What handlers note (Batch.note) for this step.
TRIP_PLAN = "trip plan"  # a trip's own warnings changed: dates, legs
TRIP_SHOWN = "trip shown elsewhere"  # and those of trips whose warnings name it or its meetings
MEETING_PLAN = "meeting plan"  # a meeting's time, place, kind, title, attendees or status
ATTENDEE_LEFT = "attendee left"  # (meeting id, person id): their clashes there may be gone
PERSON_NAMED = "person named"  # a name that warnings show

FEW = 50  # changed meetings up to which only the warnings they touch are found again
_LOCK = zlib.crc32(b"planner-readmodel:warnings")

Span = tuple[datetime, datetime]  # naive UTC, as stored


def refresh_warnings(batch: Batch) -> None:
    notes = batch.notes
    if not any(notes.get(topic) for topic in (TRIP_PLAN, TRIP_SHOWN, MEETING_PLAN, PERSON_NAMED)):
        return
    conn = batch.conn
    if conn.dialect.name == "postgresql":
        # Commands saved at once take turns here, so each sees the plans the other wrote.
        conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _LOCK})
    changed = notes.get(MEETING_PLAN, set())
    if len(changed) <= FEW and not any(notes.get(topic)
                                       for topic in (TRIP_PLAN, TRIP_SHOWN, PERSON_NAMED)):
        refresh_meetings(batch, changed, {person for _, person in notes.get(ATTENDEE_LEFT, ())})
        return
    stale = _stale_trips(batch)
    for part in chunks(sorted(stale)):
        _store(batch, part)


def recompute_trips(conn: Connection) -> None:
    """Find every trip's warnings again, whole trips at a time (the way a rebuild does): what
    the kept warnings must always equal (tests compare them)."""
    batch = Batch(conn)
    trip_ids = sorted(conn.execute(select(t.trips.c.id)).scalars())
    conn.execute(t.warnings.delete())
    conn.execute(t.plan_spans.delete())
    for part in chunks(trip_ids):
        _store(batch, part)


# -- which trips ------------------------------------------------------------------------------
def _stale_trips(batch: Batch) -> set[str]:
    conn, notes = batch.conn, batch.notes
    stale = set(notes.get(TRIP_PLAN, ())) | set(notes.get(TRIP_SHOWN, ()))
    changed = set(notes.get(MEETING_PLAN, ()))
    for part in chunks(sorted(notes.get(TRIP_SHOWN, ()))):
        changed.update(conn.execute(select(t.meetings.c.id)
                                    .where(t.meetings.c.trip_id.in_(part))).scalars())
    spans: list[Span] = []
    persons = {person for _, person in notes.get(ATTENDEE_LEFT, ())}
    # Meetings the batch scheduled are all in it, attendees too: nothing to read back.
    new = {i for i in changed if (i,) not in batch.before[t.meetings]
           and batch.row(t.meetings, i) is not None}
    for meeting_id in new:
        row = batch.row(t.meetings, meeting_id)
        assert row is not None
        stale.add(row["trip_id"])
        spans.append((row["starts_at"], row["ends_at"]))
    persons.update(person for (meeting_id, person), row in batch.rows(t.attendees)
                   if row is not None and meeting_id in new)
    for part in chunks(sorted(changed - new)):
        rows = conn.execute(select(t.meetings.c.id, t.meetings.c.trip_id, t.meetings.c.starts_at,
                                   t.meetings.c.ends_at).where(t.meetings.c.id.in_(part)))
        for row in rows:
            stale.add(row.trip_id)
            spans.append((row.starts_at, row.ends_at))
            before = batch.before[t.meetings].get((row.id,))
            if before is not None:
                spans.append((before["starts_at"], before["ends_at"]))
        persons.update(conn.execute(select(t.attendees.c.person_id)
                                    .where(t.attendees.c.meeting_id.in_(part))).scalars())
    if persons and spans:
        stale |= _trips_of(conn, persons, (min(s[0] for s in spans), max(s[1] for s in spans)))
    named = sorted(notes.get(PERSON_NAMED, ()))
    if named:
        stale |= _trips_of(conn, named, None)
    return stale


def _trips_of(conn: Connection, persons: Iterable[str], near: Span | None) -> set[str]:
    """Trips with a meeting (not cancelled) these people attend; with `near`, only trips whose
    own meetings come within NEARBY of that span (their warnings look no further)."""
    m, a, s = t.meetings, t.attendees, t.plan_spans
    found: set[str] = set()
    for part in chunks(sorted(set(persons))):
        if near is None:
            query = (select(m.c.trip_id).distinct().join(a, a.c.meeting_id == m.c.id)
                     .where(a.c.person_id.in_(part), ACTIVE))
        else:  # from the trips near in time (an index), not from all these people ever did
            attends = (select(a.c.meeting_id).join(m, m.c.id == a.c.meeting_id)
                       .where(m.c.trip_id == s.c.trip_id, a.c.person_id.in_(part), ACTIVE))
            query = select(s.c.trip_id).where(
                s.c.last_at > near[0] - NEARBY, s.c.first_at < near[1] + NEARBY,
                attends.exists())
        found.update(conn.execute(query).scalars())
    return found


# -- their plans and findings --------------------------------------------------------------
def _store(batch: Batch, trip_ids: list[str]) -> None:
    conn, tr = batch.conn, t.trips
    # A trip created in this batch has nothing stored yet (nor, then, anything to delete).
    fresh = {i for i in trip_ids if (i,) not in batch.before[tr] and batch.row(tr, i) is not None}
    stored = [i for i in trip_ids if i not in fresh]
    if stored:
        conn.execute(t.warnings.delete().where(t.warnings.c.trip_id.in_(stored)))
        conn.execute(t.plan_spans.delete().where(t.plan_spans.c.trip_id.in_(stored)))
    rows, spans = [], []
    for plan in _plans(batch, fresh, stored):
        if plan.slots:
            spans.append(dict(trip_id=str(plan.trip_id),
                              first_at=min(s.starts_at for s in plan.slots).replace(tzinfo=None),
                              last_at=max(s.ends_at for s in plan.slots).replace(tzinfo=None)))
        rows.extend(warning_row(str(plan.trip_id), first, finding)
                    for first, finding in findings(plan))
    insert_rows(conn, t.plan_spans, spans)
    insert_rows(conn, t.warnings, rows)


def _plans(batch: Batch, fresh: set[str], stored: list[str]) -> list[Plan]:
    """The plans of these trips (not cancelled). A trip created in this batch (`fresh`) has
    all its legs, meetings and attendees in the batch too: those are not read back."""
    conn, tr = batch.conn, t.trips
    trips: dict[str, Any] = {}
    legs: dict[str, list[LegRow]] = defaultdict(list)
    slots: dict[str, list[Slot]] = defaultdict(list)
    if stored:
        trips.update((r["id"], r) for r in conn.execute(
            select(tr.c.id, tr.c.starts_on, tr.c.ends_on).where(
                tr.c.id.in_(stored), tr.c.status != TripStatus.CANCELLED.value)).mappings())
        for r in conn.execute(select(t.legs).where(t.legs.c.trip_id.in_(list(trips)))
                              .order_by(t.legs.c.trip_id, *LEGS_IN_ORDER)).mappings():
            legs[r["trip_id"]].append(leg_row(r))
        for found in slots_of(conn, conn.execute(slot_query(
                t.meetings.c.trip_id.in_(list(trips)), ACTIVE)).mappings().all()):
            slots[str(found.trip_id)].append(found)
    if fresh:
        _held(batch, fresh, trips, legs, slots)
    ids = sorted(trips)
    others = _others(conn, {i: slots[i] for i in ids})
    names = names_of(conn, {p for i in ids for s in slots[i] for p in s.attendees})
    return [Plan(trip_id=uid(i), starts_on=trips[i]["starts_on"], ends_on=trips[i]["ends_on"],
                 legs=legs[i], slots=slots[i], others=others.get(i, []), names=names)
            for i in ids]


def _held(batch: Batch, fresh: set[str], trips: dict[str, Any],
          legs: dict[str, list[LegRow]], slots: dict[str, list[Slot]]) -> None:
    """The plans of trips created in this batch, from the rows it holds, in the order the
    queries give (legs in visiting order, meetings by time, title and id)."""
    rows = {i: batch.row(t.trips, i) for i in fresh}
    live = {i: row for i, row in rows.items()
            if row is not None and row["status"] != TripStatus.CANCELLED.value}
    trips.update(live)
    held = [row for _, row in batch.rows(t.legs) if row is not None and row["trip_id"] in live]
    for row in sorted(held, key=lambda r: (r["arrives_on"], r["departs_on"], r["leg_id"])):
        legs[row["trip_id"]].append(leg_row(row))
    meetings = [row for _, row in batch.rows(t.meetings) if row is not None
                and row["trip_id"] in live and row["status"] != MeetingStatus.CANCELLED.value]
    ids = {row["id"] for row in meetings}
    attending: dict[str, list[Any]] = defaultdict(list)
    for (meeting_id, _), row in batch.rows(t.attendees):
        if row is not None and meeting_id in ids:
            attending[meeting_id].append(row)
    meetings.sort(key=lambda r: (r["starts_at"], r["ends_at"], r["title"], r["id"]))
    for row in meetings:
        who = sorted(attending.get(row["id"], ()), key=lambda a: (a["seq"], a["idx"]))
        slots[row["trip_id"]].append(slot(row, tuple(uid(a["person_id"]) for a in who),
                                          trip_title=live[row["trip_id"]]["title"]))


def _others(conn: Connection, slots: dict[str, list[Slot]]) -> dict[str, list[Slot]]:
    """For each trip, other trips' meetings (not cancelled, trip not cancelled) that one of its
    people attends, within NEARBY of its own meetings. Trips whose windows overlap are read
    together."""
    windows = sorted((min(s.starts_at for s in mine) - NEARBY,
                      max(s.ends_at for s in mine) + NEARBY, trip_id)
                     for trip_id, mine in slots.items() if mine)
    groups: list[list[tuple[datetime, datetime, str]]] = []
    for window in windows:
        if groups and window[0] < max(w[1] for w in groups[-1]):
            groups[-1].append(window)
        else:
            groups.append([window])
    found: dict[str, list[Slot]] = {}
    for group in groups:
        persons = sorted(map(str, {p for _, _, i in group for s in slots[i] for p in s.attendees}))
        if not persons:
            continue
        first, last = min(w[0] for w in group), max(w[1] for w in group)
        # From the meetings near in time (an index), not from all these people ever attended.
        attends = select(t.attendees.c.meeting_id).where(
            t.attendees.c.meeting_id == t.meetings.c.id, t.attendees.c.person_id.in_(persons))
        near = [s for _, _, i in group for s in slots[i]] + slots_of(conn, conn.execute(
            slot_query(ACTIVE, attends.exists(),
                          t.meetings.c.trip_id.not_in(list(slots)),  # those are read already
                          t.trips.c.status != TripStatus.CANCELLED.value,
                          and_(t.meetings.c.ends_at > first.replace(tzinfo=None),
                               t.meetings.c.starts_at < last.replace(tzinfo=None))))
            .mappings().all())
        near.sort(key=lambda s: s.starts_at)
        starts = [s.starts_at for s in near]
        # A meeting that starts before `low - longest` ends before `low`: none is looked at.
        longest = max((s.ends_at - s.starts_at for s in near), default=timedelta(0))
        for low, high, trip_id in group:
            mine = {p for s in slots[trip_id] for p in s.attendees}
            this = uid(trip_id)
            found[trip_id] = [s for s in near[bisect_right(starts, low - longest):
                                              bisect_left(starts, high)]
                              if s.trip_id != this and s.ends_at > low
                              and not mine.isdisjoint(s.attendees)]
    return found
