"""What a calendar shows: its meetings, its legs' days, their attendees, and how it is written.

The rows the read models (now) and the event log (as of a moment) give, and the one input of
every calendar writer in this package.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from uuid import UUID

#: iTIP PARTSTAT of an attendee's answer (planner.domain.values.Answer; "" not answered).
PARTSTATS = {"accepted": "ACCEPTED", "declined": "DECLINED", "": "NEEDS-ACTION"}


def partstat(answer: str) -> str:
    return PARTSTATS.get(answer, "NEEDS-ACTION")


@dataclass(frozen=True)
class CalendarAttendee:
    name: str
    email: str  # may be ""
    partstat: str = "NEEDS-ACTION"  # ACCEPTED | DECLINED | NEEDS-ACTION


@dataclass(frozen=True)
class CalendarMeeting:
    meeting_id: UUID
    trip_id: UUID
    trip_title: str
    title: str
    kind: str  # e.g. "official meeting", "signing ceremony"
    status: str  # "proposed" | "confirmed" | "held" | "cancelled"
    starts_at: datetime  # aware, UTC
    ends_at: datetime  # aware, UTC
    timezone: str  # IANA zone of the venue, e.g. "Asia/Shanghai"
    venue: str
    city: str
    counterparts: tuple[str, ...]
    agenda: str  # may contain newlines, commas, semicolons, backslashes, Chinese
    attendees: tuple[CalendarAttendee, ...]
    organiser: str  # organising organisation, e.g. "Invest Region Leipzig GmbH"
    sequence: int  # SEQUENCE: changes of time, place and status (planner.calendar.stamps)
    last_modified: datetime  # aware UTC: the last change shown (planner.calendar.stamps)


@dataclass(frozen=True)
class CalendarLeg:
    leg_id: str
    trip_id: UUID
    trip_title: str
    city: str
    country: str
    arrives_on: date
    departs_on: date  # inclusive last day of the leg
    sequence: int
    last_modified: datetime  # aware UTC


@dataclass(frozen=True)
class CalendarOptions:
    domain: str  # calendar domain from config, used in UIDs
    base_url: str  # links back: {base_url}/meetings/{id}, {base_url}/trips/{id}
    refresh_minutes: int = 60
    language: str = "en"  # of the texts the calendar adds (planner.i18n): de, en or zh
