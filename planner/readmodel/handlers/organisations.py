"""Organisation events -> rm_organisations; trip sharing -> rm_trip_shares."""

from __future__ import annotations

from typing import Any

from planner.domain.organisation import Access, Organisation
from planner.domain.trip import Trip
from planner.readmodel import tables as t
from planner.readmodel.handlers.batch import Batch
from planner.readmodel.handlers.common import Handler, created, key, touch
from planner.readmodel.keys import fold

TABLES = {Organisation: t.organisations}
# SharingChanged is declared on the Trip's sharing mixin: name the trip row it touches.
LOADS: dict[type, Any] = {Trip.SharingChanged: (t.trips, key)}
# Tables whose rows this aggregate's events alone write, by the column naming it (Batch).
OWNS = {t.trip_shares: "trip_id", t.trip_readers: "trip_id"}


def _values(e: Any) -> dict[str, Any]:
    return dict(name=e.name, name_key=fold(e.name), latin_name=e.latin_name,
                latin_key=fold(e.latin_name), kind=e.kind, country=e.country,
                timezone=e.timezone)


def _registered(b: Batch, e: Any, seq: int) -> None:
    b.insert(t.organisations, dict(**_values(e), **created(e, seq)))


def _changed(b: Batch, e: Any, seq: int) -> None:
    touch(b, t.organisations, e, **_values(e))


def _shared(b: Batch, e: Any, seq: int) -> None:
    b.delete(t.trip_shares, trip_id=key(e), org_id=e.organisation_id)
    b.delete(t.trip_readers, org_id=e.organisation_id, trip_id=key(e))
    if e.access != Access.NONE:
        b.insert(t.trip_shares, dict(trip_id=key(e), org_id=e.organisation_id,
                                     access=e.access, seq=seq))
        b.insert(t.trip_readers, dict(org_id=e.organisation_id, trip_id=key(e),
                                      access=e.access))
    touch(b, t.trips, e)


HANDLERS: dict[type, Handler] = {
    Organisation.Registered: _registered,
    Organisation.DetailsChanged: _changed,
    Trip.SharingChanged: _shared,
}
