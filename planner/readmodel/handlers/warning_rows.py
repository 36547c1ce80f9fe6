"""What both ways of keeping warnings share (handlers.warnings for whole trips,
handlers.warnings_meetings for a few changed meetings): meetings as the rules see them, the
names of people, and a finding as a row of rm_warnings."""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

from sqlalchemy import select
from sqlalchemy.engine import Connection, RowMapping

from planner.domain.values import MeetingStatus, TripStatus
from planner.readmodel import tables as t
from planner.readmodel.builders import slot
from planner.readmodel.conflicts import TRAVEL_HORIZON, Finding, Slot
from planner.readmodel.handlers.batch import Row, chunks
from planner.readmodel.keys import uid

NEARBY = TRAVEL_HORIZON  # how far another meeting can be and still matter
ACTIVE = t.meetings.c.status != MeetingStatus.CANCELLED.value
LIVE_TRIP = t.trips.c.status != TripStatus.CANCELLED.value


def slots_of(conn: Connection, rows: Sequence[RowMapping]) -> list[Slot]:
    """Meeting rows (from `builders.slot_query`) with their attendees, in the order added."""
    a = t.attendees
    attending: dict[str, list[UUID]] = defaultdict(list)
    for part in chunks(sorted({r["id"] for r in rows})):
        for meeting_id, person_id in conn.execute(select(a.c.meeting_id, a.c.person_id).where(
                a.c.meeting_id.in_(part)).order_by(a.c.meeting_id, a.c.seq, a.c.idx)):
            attending[meeting_id].append(uid(person_id))
    return [slot(r, tuple(attending.get(r["id"], ()))) for r in rows]


def names_of(conn: Connection, persons: Iterable[Any]) -> dict[Any, str]:
    found = {}
    for part in chunks(sorted({str(p) for p in persons})):
        for person_id, name in conn.execute(select(t.people.c.id, t.people.c.name)
                                            .where(t.people.c.id.in_(part))):
            found[uid(person_id)] = name
    return found


def warning_row(trip_id: str, first: datetime, finding: Finding) -> Row:
    """The row of one finding on one trip; `first`: the start of the first meeting it names."""
    travel = finding.travel or (None, "", "")
    ids = [str(i) for i in finding.meeting_ids]
    return dict(
        trip_id=trip_id, kind=finding.kind, meeting_id=ids[0],
        other_id=ids[1] if len(ids) > 1 else "",
        params=json.dumps(finding.params, ensure_ascii=False),
        meeting_ids=json.dumps(ids), person_ids=json.dumps([str(i) for i in finding.person_ids]),
        first_at=first.replace(tzinfo=None), minutes=travel[0], city_from=travel[1],
        city_to=travel[2])
