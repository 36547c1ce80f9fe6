"""The trip's representations and inputs in the API (pydantic models, also its schemas)."""

from __future__ import annotations

from datetime import date
from typing import Any
from uuid import UUID

from pydantic import BaseModel, Field

from planner.domain.values import Direction
from web.api.operation import Input
from web.api.values import Moment, moment


class Leg(BaseModel):
    leg_id: str
    city: str
    country: str
    timezone: str = Field(description="IANA zone of the city.")
    arrives_on: date
    departs_on: date


class Member(BaseModel):
    person_id: UUID
    name: str
    role: str
    organisation: str


class HandedOver(BaseModel):
    profile_id: UUID
    name: str
    version: int = Field(description="The profile's version handed over on this trip.")
    current_version: int


class TripSummary(BaseModel):
    id: UUID
    title: str
    organiser: str
    direction: str = Field(description="outbound or inbound.")
    status: str = Field(description="draft, planned, confirmed, completed or cancelled.")
    starts_on: date
    ends_on: date
    home_timezone: str
    cities: list[str]
    owner_org_id: str
    version: int = Field(description="The trip's version (also its ETag).")


class Trip(TripSummary):
    purpose: str
    objectives: list[str]
    legs: list[Leg]
    members: list[Member]
    profiles: list[HandedOver]
    created_at: Moment
    last_changed_at: Moment
    last_changed_by: str


class TripNew(Input):
    title: str
    organiser: str = Field(description="The organising body's name as shown.")
    direction: Direction = Direction.OUTBOUND
    home_timezone: str = Field(description="IANA zone of the organisers' home.")
    starts_on: date
    ends_on: date
    purpose: str = ""


class TripDetailsChange(Input):
    """Only the fields given change; the others keep their values."""

    title: str | None = None
    organiser: str | None = None
    direction: Direction | None = None
    home_timezone: str | None = None
    purpose: str | None = None
    reason: str = Field("", description="Why (required for a completed trip's correction).")


def summary(row: Any) -> TripSummary:
    return TripSummary(id=row.id, title=row.title, organiser=row.organiser,
                       direction=row.direction, status=row.status, starts_on=row.starts_on,
                       ends_on=row.ends_on, home_timezone=row.home_timezone,
                       cities=list(row.cities), owner_org_id=row.owner_org_id,
                       version=row.version)


def trip_of(row: Any) -> Trip:
    zone = row.home_timezone
    return Trip(**summary(row).model_dump(), purpose=row.purpose,
                objectives=list(row.objectives),
                legs=[Leg(leg_id=g.leg_id, city=g.city, country=g.country, timezone=g.timezone,
                          arrives_on=g.arrives_on, departs_on=g.departs_on) for g in row.legs],
                members=[Member(person_id=m.person_id, name=m.name, role=m.role,
                                organisation=m.organisation) for m in row.members],
                profiles=[HandedOver(profile_id=p.profile_id, name=p.name, version=p.version,
                                     current_version=p.current_version) for p in row.profiles],
                created_at=moment(row.created_at, zone),
                last_changed_at=moment(row.last_changed_at, zone),
                last_changed_by=row.last_changed_by)
