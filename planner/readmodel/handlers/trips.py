"""Trip events -> rm_trips, rm_legs, rm_members, rm_handovers."""

from __future__ import annotations

from typing import Any

from sqlalchemy.engine import Connection

from planner.calendar.stamps import leg_change, trip_change
from planner.domain import values as v
from planner.domain.trip import Trip
from planner.readmodel import tables as t
from planner.readmodel.handlers.calendar import stamp_values
from planner.readmodel.handlers.common import Handler, created, delete, insert, key, touch, update
from planner.readmodel.keys import dumps, fold, to_db


def _calendar(e: Any) -> dict[str, Any]:
    """Calendars: every event of the trip gets the trip's stamps (planner.calendar.stamps)."""
    return stamp_values(t.trips.c.calendar_sequence, trip_change(e), e.timestamp)


def _leg_calendar(e: Any) -> dict[str, Any]:
    return stamp_values(t.legs.c.calendar_sequence, leg_change(e), e.timestamp)


def _created(conn: Connection, e: Any, seq: int) -> None:
    insert(conn, t.trips, dict(
        title=e.title, purpose=e.purpose, organiser=e.organiser, organiser_key=fold(e.organiser),
        direction=e.direction, status=v.TripStatus.DRAFT.value, status_before_cancel="",
        home_timezone=e.home_timezone, starts_on=e.starts_on, ends_on=e.ends_on,
        objectives=dumps([]), **created(e, seq),
        **stamp_values(None, trip_change(e), e.timestamp)))


def _details(conn: Connection, e: Any, seq: int) -> None:
    touch(conn, t.trips, e, title=e.title, purpose=e.purpose, organiser=e.organiser,
          organiser_key=fold(e.organiser), direction=e.direction, home_timezone=e.home_timezone,
          **_calendar(e))


def _dates(conn: Connection, e: Any, seq: int) -> None:
    touch(conn, t.trips, e, starts_on=e.starts_on, ends_on=e.ends_on)


def _leg_values(e: Any) -> dict[str, Any]:
    return dict(city=e.city, city_key=fold(e.city), country=e.country,
                country_key=fold(e.country), timezone=e.timezone, arrives_on=e.arrives_on,
                departs_on=e.departs_on)


def _leg_added(conn: Connection, e: Any, seq: int) -> None:
    insert(conn, t.legs, dict(leg_id=e.leg_id, trip_id=key(e), **_leg_values(e),
                              **stamp_values(None, leg_change(e), e.timestamp)))
    touch(conn, t.trips, e)


def _leg_changed(conn: Connection, e: Any, seq: int) -> None:
    update(conn, t.legs, dict(leg_id=e.leg_id), dict(
        **_leg_values(e), **_leg_calendar(e)))
    touch(conn, t.trips, e)


def _leg_removed(conn: Connection, e: Any, seq: int) -> None:
    delete(conn, t.legs, leg_id=e.leg_id)
    touch(conn, t.trips, e)


def _member_delete(conn: Connection, e: Any) -> None:
    delete(conn, t.members, trip_id=key(e), person_id=e.person_id)


def _member_set(conn: Connection, e: Any, seq: int) -> None:
    """Added or changed: like the aggregate, the member moves to the end of the list."""
    _member_delete(conn, e)
    insert(conn, t.members, dict(trip_id=key(e), person_id=e.person_id, role=e.role,
                                 organisation=e.organisation, seq=seq))
    touch(conn, t.trips, e)


def _member_removed(conn: Connection, e: Any, seq: int) -> None:
    _member_delete(conn, e)
    touch(conn, t.trips, e)


def _handover_delete(conn: Connection, e: Any) -> None:
    delete(conn, t.handovers, trip_id=key(e), profile_id=e.profile_id)


def _profile_attached(conn: Connection, e: Any, seq: int) -> None:
    _handover_delete(conn, e)
    insert(conn, t.handovers, dict(
        trip_id=key(e), profile_id=e.profile_id, profile_version=e.profile_version, seq=seq,
        handed_over_at=to_db(e.timestamp)))
    touch(conn, t.trips, e)


def _profile_detached(conn: Connection, e: Any, seq: int) -> None:
    _handover_delete(conn, e)
    touch(conn, t.trips, e)


def _objectives(conn: Connection, e: Any, seq: int) -> None:
    touch(conn, t.trips, e, objectives=dumps(e.objectives))


def _status(conn: Connection, e: Any, seq: int) -> None:
    touch(conn, t.trips, e, status=e.status)


def _cancelled(conn: Connection, e: Any, seq: int) -> None:
    touch(conn, t.trips, e, status_before_cancel=t.trips.c.status,
          status=v.TripStatus.CANCELLED.value, **_calendar(e))


def _reinstated(conn: Connection, e: Any, seq: int) -> None:
    touch(conn, t.trips, e, status=t.trips.c.status_before_cancel, status_before_cancel="",
          **_calendar(e))


HANDLERS: dict[type, Handler] = {
    Trip.Created: _created,
    Trip.DetailsChanged: _details,
    Trip.DatesChanged: _dates,
    Trip.LegAdded: _leg_added,
    Trip.LegChanged: _leg_changed,
    Trip.LegRemoved: _leg_removed,
    Trip.MemberAdded: _member_set,
    Trip.MemberChanged: _member_set,
    Trip.MemberRemoved: _member_removed,
    Trip.ProfileAttached: _profile_attached,
    Trip.ProfileDetached: _profile_detached,
    Trip.ObjectivesChanged: _objectives,
    Trip.StatusChanged: _status,
    Trip.Cancelled: _cancelled,
    Trip.Reinstated: _reinstated,
}
