"""Generated data for the benchmarks: trips with legs, delegations and meetings, people.

Aggregates are saved in few large transactions with the save listeners (read models, audit
chain) held back and run once at the end, as the demo loader does: the same rows as after each
save, at a fraction of the time. Large logs (`replicated_log`) copy the stored events of one
generated trip and profile under new ids, without their domain objects. Figures are measured
on top of this data, never on its making.
"""

from __future__ import annotations

import logging
import re
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

from planner.audit.people_index import people_index_for
from planner.bootstrap import Planner, build
from planner.domain.company import CompanyProfile
from planner.domain.meeting import Meeting
from planner.domain.person import Person
from planner.domain.trip import Trip
from planner.settings import load_settings

ACTOR = "bench"
CITIES = [("Nanjing", "China", "Asia/Shanghai"), ("Jining", "China", "Asia/Shanghai"),
          ("München", "Germany", "Europe/Berlin"), ("Leipzig", "Germany", "Europe/Berlin")]
BATCH = 1000


def planner_on(url: str, folder: Path) -> Planner:
    settings = load_settings(environ={}, instance_path=str(folder / "instance"))
    return build(settings, database_url=url)


def log_size(planner: Planner) -> int:
    return planner.app.recorder.max_notification_id() or 0


@contextmanager
def bulk(planner: Planner, *, read_models: bool = True) -> Iterator[None]:
    """Hold back the save listeners, then let them catch up once (all but the read models'
    when `read_models` is False: for figures that read only the log and the audit index)."""
    app = planner.app
    listeners, app.saved_listeners = app.saved_listeners, []
    try:
        yield
    finally:
        app.saved_listeners = listeners
        projector = getattr(planner, "projector", None)
        for listener in listeners:
            if read_models or projector is None or listener != projector.listener:
                listener()


def people(planner: Planner, count: int, prefix: str = "Delegate") -> list[Person]:
    """`count` people, one event each, saved in batches."""
    made = [Person.register(actor=ACTOR, name=f"{prefix} {n} Körner", email="",
                            home_timezone="Europe/Berlin") for n in range(count)]
    for first in range(0, count, BATCH):
        planner.app.save(*made[first:first + BATCH])
    return made


def big_trip(planner: Planner, meetings: int, members: int) -> tuple[UUID, UUID]:
    """One trip with `members` delegation members and `meetings` meetings over two legs; each
    meeting has four attendees. Returns the trip and a member who attends a third of them."""
    delegation = people(planner, members)
    days = max(meetings // 6, 2)
    start = date(2030, 6, 1)
    trip = Trip.create(actor=ACTOR, title="Delegation to Nanjing and Jining", organiser="Invest",
                       direction="outbound", home_timezone="Europe/Berlin", starts_on=start,
                       ends_on=start + timedelta(days=days - 1))
    for person in delegation:
        trip.add_member(actor=ACTOR, person_id=person.id, role="company representative")
    half = days // 2
    legs = [trip.add_leg(actor=ACTOR, city=city, country="China", timezone="Asia/Shanghai",
                         arrives_on=first, departs_on=last)
            for city, first, last in (("Nanjing", start, start + timedelta(days=half - 1)),
                                      ("Jining", start + timedelta(days=half),
                                       start + timedelta(days=days - 1)))]
    made = []
    zone = ZoneInfo("Asia/Shanghai")
    for n in range(meetings):
        day, slot = divmod(n, 6)
        begins = datetime.combine(start + timedelta(days=day), datetime.min.time()).replace(
            hour=8 + 2 * slot, tzinfo=zone)
        leg = 0 if day < half else 1
        attendees = [str(delegation[0].id)] if n % 3 == 0 else []
        attendees += [str(delegation[1 + (n + k) % (members - 1)].id) for k in range(3)]
        made.append(Meeting.schedule(
            actor=ACTOR, window=trip.window(), kind="company visit", title=f"Visit {n}",
            venue=f"Factory {n}", city=("Nanjing", "Jining")[leg], timezone="Asia/Shanghai",
            starts_at=begins, ends_at=begins + timedelta(hours=1, minutes=30),
            leg_id=legs[leg], counterparts=[f"Partner {n} Co., Ltd."],
            agenda="Welcome; plant tour\nQuestions", attendees=attendees))
    planner.app.save(trip, *made)
    return trip.id, delegation[0].id


def week_trip(members: list[Person], start: date, city: int = 0) -> list[Any]:
    """A six-day trip from `start` (two legs of three days, from CITIES[city] on) with the
    members as its delegation and 24 meetings of four of them: the trip first."""
    trip = Trip.create(actor=ACTOR, title=f"Delegation {start}", organiser="Invest Region",
                       direction="outbound", home_timezone="Europe/Berlin",
                       starts_on=start, ends_on=start + timedelta(days=5))
    for person in members:
        trip.add_member(actor=ACTOR, person_id=person.id, role="agency staff")
    meetings = []
    for leg_no in range(2):
        city_name, country, zone = CITIES[(city + leg_no) % len(CITIES)]
        first, last = start + timedelta(days=3 * leg_no), start + timedelta(days=3 * leg_no + 2)
        leg = trip.add_leg(actor=ACTOR, city=city_name, country=country, timezone=zone,
                           arrives_on=first, departs_on=last)
        for day in range(3):
            for hour in (9, 11, 14, 16):
                local = datetime.combine(first + timedelta(days=day), datetime.min.time())
                begins = local.replace(hour=hour, tzinfo=ZoneInfo(zone))
                meetings.append(Meeting.schedule(
                    actor=ACTOR, window=trip.window(), kind="official meeting",
                    title=f"Meeting {hour}h", venue="Town hall", city=city_name, timezone=zone,
                    starts_at=begins, ends_at=begins + timedelta(hours=1, minutes=30),
                    leg_id=leg, attendees=[str(p.id) for p in members[hour % 3:][:4]]))
    return [trip, *meetings]


def profile(n: int) -> CompanyProfile:
    """A company profile with three contacts (four events)."""
    made = CompanyProfile.register(actor=ACTOR, name=f"Firma {n} Straße GmbH", kind="company",
                                   country="Germany", sectors=["Logistics", "Energy"][: 1 + n % 2],
                                   interests=["expand into China"])
    for c in range(3):
        made.add_contact(actor=ACTOR, name=f"Contact {c}")
    return made


def mixed_log(planner: Planner, events: int) -> tuple[Any, Any]:
    """About `events` events of every kind (trips, legs, delegations, meetings, profiles with
    contacts); returns a trip id and a person id."""
    app = planner.app
    delegates = people(planner, 40)
    profiles = [profile(n) for n in range(max(events // 40, 1))]
    for first in range(0, len(profiles), BATCH // 4):
        app.save(*profiles[first:first + BATCH // 4])
    first_trip = None
    start = date(2019, 1, 7)
    while log_size(planner) < events:
        trip, *meetings = week_trip(delegates[start.toordinal() % 30:][:8], start,
                                    start.toordinal())
        app.save(trip, *meetings)
        first_trip = first_trip or trip.id
        start += timedelta(days=7)
    return first_trip, delegates[0].id


_UUID = re.compile(rb"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def _renew(state: bytes, fresh: dict[bytes, bytes]) -> bytes:
    return _UUID.sub(lambda m: fresh.get(m[0], m[0]), state)


def replicated_log(planner: Planner, events: int, chunk: int = 5000) -> None:
    """Grow the log to about `events` events: copies of one generated trip (with legs,
    delegation and 24 meetings) and one profile, each copy under new ids, written straight
    into the events table in large transactions. Only trip, meeting and profile events are
    copied: people's events hold personal data and are always made by the domain."""
    app = planner.app
    # The rows copied by an earlier call are, by design, stored outside the planner: the audit
    # chain leaves them unlinked and logs one error per event when the next save comes (these
    # members). The bench knows; 200,000 such lines would only bury its output.
    chain_log = logging.getLogger("planner.audit.follower")
    quiet, chain_log.disabled = chain_log.disabled, True
    try:
        members = people(planner, 8, "Member")
    finally:
        chain_log.disabled = quiet
    template = [*week_trip(members, date(2019, 1, 7)), profile(0)]
    stored = [app.mapper.to_stored_event(e) for a in template for e in a.collect_events()]
    kept = {str(person.id).encode() for person in members}  # the people stay the same
    renewed = {m[0] for e in stored for m in _UUID.finditer(e.state)} - kept
    renewed |= {str(e.originator_id).encode() for e in stored}
    table = planner.events_table
    index = people_index_for(planner)
    while log_size(planner) < events:
        rows: list[dict[str, Any]] = []
        while len(rows) < chunk:
            fresh = {old: str(uuid.uuid4()).encode() for old in renewed}
            ids = {uuid.UUID(old.decode()): uuid.UUID(new.decode()) for old, new in
                   fresh.items()}
            rows += [dict(originator_id=ids[e.originator_id],
                          originator_version=e.originator_version, topic=e.topic,
                          state=_renew(e.state, fresh)) for e in stored]
        with app.recorder.transaction(commit=True) as session:
            session.execute(table.insert(), rows[: max(events - log_size(planner), 1)])
        if index is not None:  # as each save indexes its own events: the index stays current
            index.catch_up()
