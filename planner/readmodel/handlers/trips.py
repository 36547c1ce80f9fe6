"""Trip events -> rm_trips, rm_legs, rm_members, rm_handovers, rm_travel_times."""

from __future__ import annotations

from typing import Any

from planner.calendar.stamps import leg_change, trip_change
from planner.domain import values as v
from planner.domain.trip import Trip
from planner.readmodel import tables as t
from planner.readmodel.handlers.batch import Batch
from planner.readmodel.handlers.calendar import stamp_values
from planner.readmodel.handlers.common import Handler, created, key, touch
from planner.readmodel.handlers.warnings import TRIP_PLAN, TRIP_SHOWN
from planner.readmodel.keys import dumps, fold, to_db

TABLES = {Trip: t.trips}  # each aggregate's own row, which its events change
LOADS = {Trip.LegChanged: (t.legs, lambda e: e.leg_id)}
# Tables whose rows this aggregate's events alone write, by the column naming it (Batch).
OWNS = {t.members: "trip_id", t.handovers: "trip_id", t.travel_times: "trip_id"}



def _calendar(b: Batch, e: Any) -> dict[str, Any]:
    """Calendars: every event of the trip gets the trip's stamps (planner.calendar.stamps)."""
    trip = b.row(t.trips, key(e))
    if trip is None:
        return {}
    return stamp_values(trip["calendar_sequence"], trip_change(e), e.timestamp)


def _created(b: Batch, e: Any, seq: int) -> None:
    b.insert(t.trips, dict(
        title=e.title, purpose=e.purpose, organiser=e.organiser, organiser_key=fold(e.organiser),
        direction=e.direction, status=v.TripStatus.DRAFT.value, status_before_cancel="",
        home_timezone=e.home_timezone, starts_on=e.starts_on, ends_on=e.ends_on,
        objectives=dumps([]), owner_org_id=e.owner_org_id, **created(e, seq),
        **stamp_values(None, trip_change(e), e.timestamp)))
    b.insert(t.trip_readers, dict(org_id=e.owner_org_id, trip_id=key(e), access="own"))


def _details(b: Batch, e: Any, seq: int) -> None:
    touch(b, t.trips, e, title=e.title, purpose=e.purpose, organiser=e.organiser,
          organiser_key=fold(e.organiser), direction=e.direction, home_timezone=e.home_timezone,
          **_calendar(b, e))
    b.note(TRIP_SHOWN, key(e))  # other trips' warnings name this one by its title


def _dates(b: Batch, e: Any, seq: int) -> None:
    touch(b, t.trips, e, starts_on=e.starts_on, ends_on=e.ends_on)
    b.note(TRIP_PLAN, key(e))


def _leg_values(e: Any) -> dict[str, Any]:
    return dict(city=e.city, city_key=fold(e.city), country=e.country,
                country_key=fold(e.country), timezone=e.timezone, arrives_on=e.arrives_on,
                departs_on=e.departs_on)


def _leg_added(b: Batch, e: Any, seq: int) -> None:
    b.insert(t.legs, dict(leg_id=e.leg_id, trip_id=key(e), **_leg_values(e),
                          **stamp_values(None, leg_change(e), e.timestamp)))
    touch(b, t.trips, e)
    b.note(TRIP_PLAN, key(e))


def _leg_changed(b: Batch, e: Any, seq: int) -> None:
    leg = b.row(t.legs, e.leg_id)
    if leg is not None:
        b.update(t.legs, (e.leg_id,), dict(
            **_leg_values(e),
            **stamp_values(leg["calendar_sequence"], leg_change(e), e.timestamp)))
    touch(b, t.trips, e)
    b.note(TRIP_PLAN, key(e))


def _leg_removed(b: Batch, e: Any, seq: int) -> None:
    b.delete(t.legs, leg_id=e.leg_id)
    touch(b, t.trips, e)
    b.note(TRIP_PLAN, key(e))


def _travel_keys(e: Any) -> dict[str, str]:
    first, second = sorted((fold(e.city_a), fold(e.city_b)))
    return dict(trip_id=key(e), city_a_key=first, city_b_key=second)


def _travel_time_set(b: Batch, e: Any, seq: int) -> None:
    """Warnings keep travel-time findings for any minimum (conflicts.Finding): the trip's
    value applies when they are read, so nothing is found again here."""
    pair = _travel_keys(e)
    b.delete(t.travel_times, **pair)
    b.insert(t.travel_times, dict(**pair, city_a=e.city_a, city_b=e.city_b,
                                  minutes=e.minutes, seq=seq))
    touch(b, t.trips, e)


def _travel_time_cleared(b: Batch, e: Any, seq: int) -> None:
    b.delete(t.travel_times, **_travel_keys(e))
    touch(b, t.trips, e)


def _member_set(b: Batch, e: Any, seq: int) -> None:
    """Added or changed: like the aggregate, the member moves to the end of the list."""
    b.delete(t.members, trip_id=key(e), person_id=e.person_id)
    b.insert(t.members, dict(trip_id=key(e), person_id=e.person_id, role=e.role,
                             organisation=e.organisation, seq=seq))
    touch(b, t.trips, e)


def _member_removed(b: Batch, e: Any, seq: int) -> None:
    b.delete(t.members, trip_id=key(e), person_id=e.person_id)
    touch(b, t.trips, e)


def _profile_attached(b: Batch, e: Any, seq: int) -> None:
    b.delete(t.handovers, trip_id=key(e), profile_id=e.profile_id)
    b.insert(t.handovers, dict(
        trip_id=key(e), profile_id=e.profile_id, profile_version=e.profile_version, seq=seq,
        handed_over_at=to_db(e.timestamp)))
    touch(b, t.trips, e)


def _profile_detached(b: Batch, e: Any, seq: int) -> None:
    b.delete(t.handovers, trip_id=key(e), profile_id=e.profile_id)
    touch(b, t.trips, e)


def _objectives(b: Batch, e: Any, seq: int) -> None:
    touch(b, t.trips, e, objectives=dumps(e.objectives))


def _status(b: Batch, e: Any, seq: int) -> None:
    was = (b.row(t.trips, key(e)) or {}).get("status")
    touch(b, t.trips, e, status=e.status)
    if v.TripStatus.CANCELLED.value in (was, e.status):  # only cancelling changes warnings
        b.note(TRIP_SHOWN, key(e))


def _cancelled(b: Batch, e: Any, seq: int) -> None:
    trip = b.row(t.trips, key(e))
    if trip is not None:
        touch(b, t.trips, e, status_before_cancel=trip["status"],
              status=v.TripStatus.CANCELLED.value, **_calendar(b, e))
    b.note(TRIP_SHOWN, key(e))  # its meetings no longer clash with other trips'


def _reinstated(b: Batch, e: Any, seq: int) -> None:
    trip = b.row(t.trips, key(e))
    if trip is not None:
        touch(b, t.trips, e, status=trip["status_before_cancel"], status_before_cancel="",
              **_calendar(b, e))
    b.note(TRIP_SHOWN, key(e))


def _language(b: Batch, e: Any, seq: int) -> None:
    touch(b, t.trips, e, language=e.language, **_calendar(b, e))


def _addresses_shared(b: Batch, e: Any, seq: int) -> None:
    touch(b, t.trips, e, attendee_addresses_shared=e.shared)


HANDLERS: dict[type, Handler] = {
    Trip.Created: _created,
    Trip.DetailsChanged: _details,
    Trip.DatesChanged: _dates,
    Trip.LegAdded: _leg_added,
    Trip.LegChanged: _leg_changed,
    Trip.LegRemoved: _leg_removed,
    Trip.TravelTimeSet: _travel_time_set,
    Trip.TravelTimeCleared: _travel_time_cleared,
    Trip.MemberAdded: _member_set,
    Trip.MemberChanged: _member_set,
    Trip.MemberRemoved: _member_removed,
    Trip.ProfileAttached: _profile_attached,
    Trip.ProfileDetached: _profile_detached,
    Trip.ObjectivesChanged: _objectives,
    Trip.StatusChanged: _status,
    Trip.Cancelled: _cancelled,
    Trip.Reinstated: _reinstated,
    Trip.AttendeeAddressesShared: _addresses_shared,
    Trip.LanguageSet: _language,
}
