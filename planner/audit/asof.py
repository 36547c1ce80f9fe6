"""Records as they stood at a past moment or version.

A moment resolves to the last event at or before it: asking for 20 June 12:00 when a meeting
was moved at 11:59 and again at 12:01 shows it after the first move. A trip as of a moment has
the meetings whose Scheduled event is at or before it, each as it stood then. States are
rebuilt from the record's own events (not snapshots), the same events the chain covers.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from uuid import UUID

from sqlalchemy import select

from planner.audit.follower import event_type, kind_name, record_kind
from planner.audit.history import state_of
from planner.audit.people_index import people_index_for
from planner.audit.tables import audit_log
from planner.commands.base import as_uuid
from planner.domain.errors import DomainError, NotFoundError, ValidationError
from planner.domain.meeting import Meeting
from planner.domain.person import Person
from planner.domain.trip import Trip

SCHEDULED = f"{Meeting.Scheduled.__module__}:{Meeting.Scheduled.__qualname__}"
TRIP_CREATED = f"{Trip.Created.__module__}:{Trip.Created.__qualname__}"


@dataclass(frozen=True)
class AsOf:
    """A record at one version. `events` are (event type, UTC time) of versions 1..version."""

    kind: str
    record_id: UUID
    version: int
    latest_version: int
    at: datetime | None  # the moment asked for (UTC); None when a version was asked for
    changed_at: datetime  # when the version shown came about (UTC)
    state: dict[str, Any]
    events: tuple[tuple[str, datetime], ...]


@dataclass(frozen=True)
class TripAsOf:
    at: datetime
    trip: AsOf
    meetings: tuple[AsOf, ...]  # by start time


@dataclass(frozen=True)
class PersonScheduleAsOf:
    """What a participant's calendar showed at a moment: their trips and their meetings."""

    at: datetime
    person: AsOf
    trips: tuple[AsOf, ...]  # trips they were a delegation member of
    meetings: tuple[AsOf, ...]  # meetings they attended, any status, by start time
    trips_by_id: dict[str, AsOf]  # the trip of each meeting, as of the same moment
    people: dict[str, AsOf]  # attendees of those meetings, as of the same moment


def utc_moment(at: datetime) -> datetime:
    if not isinstance(at, datetime) or at.tzinfo is None or at.utcoffset() is None:
        raise ValidationError("at", "must be a date and time with a time zone")
    return at.astimezone(UTC)


def record_as_of(planner: Any, record_id: UUID | str, *, at: datetime | None = None,
                 version: int | None = None) -> AsOf:
    """Any record now, at a version, or as it stood at a moment."""
    if at is not None and version is not None:
        raise ValidationError("at", "give a version or a moment, not both")
    if version is not None and (isinstance(version, bool) or not isinstance(version, int)
                                or version < 1):
        raise ValidationError("version", "must be a whole number from 1; got %(version)r",
                              version=version)
    moment = utc_moment(at) if at is not None else None
    uid = as_uuid("record id", record_id)
    events = list(planner.app.events.get(uid))
    if not events:
        raise NotFoundError("record", uid)
    upto = _upto(events, moment, version)
    if upto == 0:
        assert moment is not None
        raise NotFoundError("record", f"{uid} (it did not exist yet at "
                                      f"{moment:%Y-%m-%d %H:%M:%S} UTC)")
    if version is not None and version > len(events):
        raise NotFoundError("record", f"{uid} at version {version} "
                                      f"(it has {len(events)} versions)")
    return _replay(uid, events, upto, moment)


def _upto(events: list[Any], moment: datetime | None, version: int | None) -> int:
    if version is not None:
        return min(version, len(events))
    if moment is None:
        return len(events)
    count = 0
    for event in events:
        if event.timestamp > moment:
            break
        count += 1
    return count


def _replay(uid: UUID, events: list[Any], upto: int, moment: datetime | None) -> AsOf:
    aggregate: Any = None
    for event in events[:upto]:
        aggregate = event.mutate(aggregate)
    kind = kind_name(type(aggregate).__name__)
    shown = tuple((type(e).__name__, e.timestamp.astimezone(UTC)) for e in events[:upto])
    return AsOf(kind, uid, upto, len(events), moment, shown[-1][1], state_of(aggregate), shown)


def _maybe(planner: Any, record_id: str, moment: datetime) -> AsOf | None:
    try:
        return record_as_of(planner, record_id, at=moment)
    except NotFoundError:
        return None


def created_ids(planner: Any, topic: str, *, parent: str = "",
                before: datetime | None = None) -> list[str]:
    """Ids of records created by events of one topic (optionally of one trip, or by a time)."""
    if planner.engine is not None:
        query = select(audit_log.c.record_id).where(audit_log.c.event_type == event_type(topic),
                                                    audit_log.c.record_kind == record_kind(topic))
        if parent:
            query = query.where(audit_log.c.parent_id == parent)
        if before is not None:
            query = query.where(audit_log.c.occurred_at <= before.replace(tzinfo=None))
        with planner.engine.connect() as conn:
            return [r[0] for r in conn.execute(query.order_by(audit_log.c.position))]
    found = []
    decode = planner.app.mapper.transcoder.decode
    for n in planner.app.recorder.select_notifications(start=None, limit=10**9, topics=[topic]):
        state = decode(n.state)
        if parent and str(state.get("trip_id", "")) != parent:
            continue
        if before is not None and state["timestamp"] > before:
            continue
        found.append(str(n.originator_id))
    return found


def _by_start(records: list[AsOf]) -> tuple[AsOf, ...]:
    return tuple(sorted(records, key=lambda r: (r.state["starts_at"], str(r.record_id))))


def trip_as_of(planner: Any, trip_id: UUID | str, at: datetime) -> TripAsOf:
    """The itinerary as it stood at a moment: the trip and its meetings scheduled by then."""
    moment = utc_moment(at)
    trip = record_as_of(planner, trip_id, at=moment)
    if trip.kind != "trip":
        raise NotFoundError("trip", trip.record_id)
    meetings = [m for m in (_maybe(planner, mid, moment) for mid in
                            created_ids(planner, SCHEDULED, parent=str(trip.record_id),
                                        before=moment)) if m is not None]
    return TripAsOf(moment, trip, _by_start(meetings))


def person_schedule_as_of(planner: Any, person_id: UUID | str, at: datetime) -> PersonScheduleAsOf:
    """What a person's calendar would have shown at a moment (for `--as-of` calendars).

    Only the records that named the person by then are replayed (planner.audit.people_index),
    so the time taken does not grow with the trips and meetings of other people.
    """
    moment = utc_moment(at)
    person = record_as_of(planner, person_id, at=moment)
    if person.kind != "person":
        raise NotFoundError("person", person.record_id)
    pid = str(person.record_id)
    trip_ids, meeting_ids = _records_naming(planner, pid, moment)
    trips = [t for t in (_maybe(planner, tid, moment) for tid in trip_ids) if t is not None]
    member_of = [t for t in trips if any(m["person_id"] == pid for m in t.state["members"])]
    meetings = [m for m in (_maybe(planner, mid, moment) for mid in meeting_ids)
                if m is not None and pid in m.state["attendees"]]
    trips_by_id = {str(t.record_id): t for t in trips}
    for meeting in meetings:
        trip_id = str(meeting.state["trip_id"])
        if trip_id not in trips_by_id and (found := _maybe(planner, trip_id, moment)):
            trips_by_id[trip_id] = found
    people: dict[str, AsOf] = {}
    for meeting in meetings:
        for attendee in meeting.state["attendees"]:
            if attendee not in people:
                found = _maybe(planner, attendee, moment)
                if found is not None:
                    people[attendee] = found
    return PersonScheduleAsOf(moment, person, tuple(member_of), _by_start(meetings),
                              {str(m.state["trip_id"]): trips_by_id[str(m.state["trip_id"])]
                               for m in meetings if str(m.state["trip_id"]) in trips_by_id},
                              people)


def only_trips(schedule: PersonScheduleAsOf, trip_ids: set[str]) -> PersonScheduleAsOf:
    """The schedule with only these trips, their meetings and those meetings' attendees."""
    meetings = tuple(m for m in schedule.meetings if str(m.state["trip_id"]) in trip_ids)
    attending = {str(p) for m in meetings for p in m.state["attendees"]}
    return PersonScheduleAsOf(
        schedule.at, schedule.person,
        tuple(t for t in schedule.trips if str(t.record_id) in trip_ids), meetings,
        {k: v for k, v in schedule.trips_by_id.items() if k in trip_ids},
        {k: v for k, v in schedule.people.items() if k in attending})


def _records_naming(planner: Any, person_id: str,
                    moment: datetime) -> tuple[list[str], list[str]]:
    """Ids of the trips and of the meetings that may have had the person at a moment."""
    index = people_index_for(planner)
    if index is None:  # in-memory storage: look at every trip and meeting created by then
        return (created_ids(planner, TRIP_CREATED, before=moment),
                created_ids(planner, SCHEDULED, before=moment))
    found = index.records_naming(person_id, moment)
    return _in_creation_order(planner, found["trip"]), found["meeting"]


def _in_creation_order(planner: Any, record_ids: list[str]) -> list[str]:
    """Records in the order they were created (the order the whole-log scan gave)."""
    if len(record_ids) < 2:
        return record_ids
    c = audit_log.c
    with planner.engine.connect() as conn:
        created = dict(conn.execute(select(c.record_id, c.position).where(
            c.record_id.in_(record_ids), c.record_version == 1)).tuples().all())
    return sorted(record_ids, key=lambda r: (created.get(r, 0), r))


def find_person(planner: Any, who: str) -> UUID:
    """A person by id or by e-mail address (as it is now)."""
    text = (who or "").strip()
    try:
        return UUID(text)
    except ValueError:
        pass
    if "@" not in text:
        raise ValidationError("person", "must be a person id or an e-mail address; got %(who)r",
                              who=who)
    if planner.queries is not None:
        found = planner.queries.person_by_email(text)
        if found is not None:
            return found.id
    else:  # in-memory storage has no read models: look at every person
        topic = f"{Person.Registered.__module__}:{Person.Registered.__qualname__}"
        for person_id in created_ids(planner, topic):
            person = planner.app.repository.get(UUID(person_id))
            if getattr(person, "email", "").lower() == text.lower():
                return person.id
    raise DomainError("person", "no person has the e-mail address %(text)s", text=text)
