"""VTIMEZONE components computed from the IANA time zone database.

Why not ``icalendar.Timezone.from_tzid``: icalendar 7.3 writes the onset of a DAYLIGHT
observance as the new local time (Berlin, 31 March 2024: ``DTSTART:20240331T030000`` with
``TZOFFSETFROM:+0100``). RFC 5545 section 3.6.5 reads an observance's DTSTART as local time in
the TZOFFSETFROM offset, so that onset means 02:00 UTC, an hour after the clocks really change
(01:00 UTC). Here every onset is the instant of the change written in the offset in force just
before it (``20240331T020000`` for spring, ``20241027T030000`` for autumn), and a reader that
converts an onset back with TZOFFSETFROM lands exactly on the tzdata transition.

Each observance is its own STANDARD/DAYLIGHT subcomponent (no RRULE, no RDATE): the calendar only
needs the whole years its events fall in, and a flat list is what every client reads the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

# Offsets never change twice within six hours in any modern tzdata zone.
_SCAN_STEP = timedelta(hours=6)
_ONE_SECOND = timedelta(seconds=1)


@dataclass(frozen=True)
class Observance:
    """One period of a zone's rules, starting at ``onset``.

    ``onset`` is naive local wall time in ``offset_from``, as RFC 5545 wants a VTIMEZONE
    DTSTART; the first observance of a zone starts the covered range with ``offset_from ==
    offset_to``.
    """

    onset: datetime
    offset_from: timedelta
    offset_to: timedelta
    name: str
    daylight: bool


@dataclass(frozen=True)
class _State:
    offset: timedelta
    name: str
    daylight: bool


def load_zone(tzid: str, field: str = "timezone") -> ZoneInfo:
    """The tzdata zone for ``tzid``, or a ValueError naming the field and the rule."""
    try:
        return ZoneInfo(tzid)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ValueError(
            f"{field}: {tzid!r} is not an IANA time zone name (such as 'Europe/Berlin')"
        ) from error


def _state(instant: datetime, zone: ZoneInfo) -> _State:
    local = instant.astimezone(zone)
    return _State(local.utcoffset(), local.tzname() or "", bool(local.dst()))


def _first_change(before: datetime, after: datetime, zone: ZoneInfo) -> datetime:
    """The first whole second in (before, after] whose rules differ from those at ``before``."""
    state = _state(before, zone)
    while after - before > _ONE_SECOND:
        middle = before + (after - before) // 2
        middle = middle.replace(microsecond=0)
        if _state(middle, zone) == state:
            before = middle
        else:
            after = middle
    return after


@lru_cache(maxsize=256)
def observances(tzid: str, first_year: int, last_year: int) -> tuple[Observance, ...]:
    """All observances of ``tzid`` from 1 January ``first_year`` to 1 January ``last_year + 1``."""
    zone = load_zone(tzid)
    start_local = datetime(first_year, 1, 1, tzinfo=zone)
    instant = start_local.astimezone(UTC)
    stop = datetime(last_year + 1, 1, 1, tzinfo=zone).astimezone(UTC)
    state = _state(instant, zone)
    found = [
        Observance(
            start_local.replace(tzinfo=None), state.offset, state.offset, state.name, state.daylight
        )
    ]
    while instant < stop:
        probe = min(instant + _SCAN_STEP, stop)
        if _state(probe, zone) == state:
            instant = probe
            continue
        change = _first_change(instant, probe, zone)
        new = _state(change, zone)
        onset = (change + state.offset).replace(tzinfo=None)
        found.append(Observance(onset, state.offset, new.offset, new.name, new.daylight))
        state, instant = new, change
    return tuple(found)


def vtimezone(tzid: str, first_year: int, last_year: int) -> Timezone:
    """A VTIMEZONE for ``tzid`` valid for the whole years ``first_year`` to ``last_year``."""
    component = Timezone()
    component.add("TZID", tzid)
    for observance in observances(tzid, first_year, last_year):
        part = TimezoneDaylight() if observance.daylight else TimezoneStandard()
        part.add("DTSTART", observance.onset)
        part.add("TZOFFSETFROM", observance.offset_from)
        part.add("TZOFFSETTO", observance.offset_to)
        part.add("TZNAME", observance.name)
        component.add_component(part)
    return component
