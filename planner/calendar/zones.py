"""VTIMEZONE components computed from the IANA time zone database (tzdata).

Why not ``icalendar.Timezone.from_tzid``: icalendar 7.3 writes the onset of a DAYLIGHT
observance as the new local time (Berlin, 31 March 2024: ``DTSTART:20240331T030000`` with
``TZOFFSETFROM:+0100``). RFC 5545 section 3.6.5 reads an observance's DTSTART as local time in
the TZOFFSETFROM offset, so that onset means 02:00 UTC, an hour after the clocks really change
(01:00 UTC). Here every onset is the instant of the change written in the offset in force just
before it (``...0331T020000`` in spring, ``...1027T030000`` in autumn).

Range: every calendar made with the same tzdata carries the same VTIMEZONE for a zone, whatever
its events (Radicale/vobject caches a zone's definition by TZID across calendars, so two files
defining one TZID differently conflict there). The fixed range is ``COVERED_YEARS`` = 1970-2037:
tzdata vouches for clock history only from 1970 on, and 2037 is the end of the explicit
transitions in TZif files (32-bit time); a rule still in force in 2037 is left open-ended, so
later years follow it exactly as tzdata's own POSIX footer does. An instant outside these years
(the domain accepts 1900-2200) is written in UTC by planner.calendar.events, never as wall time.

Shape: the transitions from the year before the first covered year onwards are found by
scanning tzdata, then consecutive yearly changes that follow one weekday rule are written as one
observance with ``RRULE:FREQ=YEARLY;BYMONTH=..;BYDAY=..`` (the shape Google, Apple, Outlook and
tzurl.org publish, and the one clients read most reliably). A rule still in force at the end of
the range is left open, as tzdata's own rules are. A zone with no changes in the range (such as
Asia/Shanghai) gets one STANDARD observance starting on 1 January of the year before.

A one-off observance (no RRULE) repeats its DTSTART as an RDATE. RFC 5545 already counts DTSTART
as the onset, but some readers only look at RRULE/RDATE occurrences (the ``ical`` package today,
ical4j before 2026) and would otherwise find no observance at all; the repetition is valid and
means the same thing to everyone else.
"""

from __future__ import annotations

import calendar as gregorian
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from icalendar import Timezone, TimezoneDaylight, TimezoneStandard

#: The years every VTIMEZONE covers (see the module docstring); instants outside go in UTC.
COVERED_YEARS = (1970, 2037)

# Offsets never change twice within six hours in any modern tzdata zone.
_SCAN_STEP = timedelta(hours=6)
_ONE_SECOND = timedelta(seconds=1)
_WEEKDAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")


@dataclass(frozen=True)
class Transition:
    """A change of a zone's rules; ``onset`` is naive wall time in ``offset_from``."""

    onset: datetime
    offset_from: timedelta
    offset_to: timedelta
    name: str
    daylight: bool

    def rule_key(self) -> tuple:
        """What two yearly changes must share to be one RRULE observance."""
        return (
            self.daylight,
            self.offset_from,
            self.offset_to,
            self.name,
            self.onset.month,
            self.onset.weekday(),
            self.onset.time(),
        )

    def ordinals(self) -> frozenset[int]:
        """The BYDAY ordinals naming this date: its week of the month, and -1 if the last."""
        day = self.onset.day
        last_day = gregorian.monthrange(self.onset.year, self.onset.month)[1]
        found = {(day - 1) // 7 + 1}
        if day + 7 > last_day:
            found.add(-1)
        return frozenset(found)


@dataclass
class _Rule:
    """Consecutive yearly transitions sharing one weekday rule."""

    transitions: list[Transition]
    ordinals: frozenset[int]
    open_ended: bool = field(default=False)


def load_zone(tzid: str, field_name: str = "timezone") -> ZoneInfo:
    """The tzdata zone for ``tzid``, or a ValueError naming the field and the rule."""
    try:
        return ZoneInfo(tzid)
    except (ZoneInfoNotFoundError, ValueError) as error:
        raise ValueError(
            f"{field_name}: {tzid!r} is not an IANA time zone name (such as 'Europe/Berlin')"
        ) from error


def _state(instant: datetime, zone: ZoneInfo) -> tuple[timedelta, str, bool]:
    local = instant.astimezone(zone)
    return local.utcoffset(), local.tzname() or "", bool(local.dst())


def _first_change(before: datetime, after: datetime, zone: ZoneInfo) -> datetime:
    """The first whole second in (before, after] whose rules differ from those at ``before``."""
    state = _state(before, zone)
    while after - before > _ONE_SECOND:
        middle = (before + (after - before) // 2).replace(microsecond=0)
        if _state(middle, zone) == state:
            before = middle
        else:
            after = middle
    return after


@lru_cache(maxsize=256)
def transitions(tzid: str, first_year: int, last_year: int) -> tuple[Transition, ...]:
    """Every change of ``tzid`` from 1 January ``first_year`` to 1 January ``last_year + 1``."""
    zone = load_zone(tzid)
    instant = datetime(first_year, 1, 1, tzinfo=zone).astimezone(UTC)
    stop = datetime(last_year + 1, 1, 1, tzinfo=zone).astimezone(UTC)
    state = _state(instant, zone)
    found = []
    while instant < stop:
        probe = min(instant + _SCAN_STEP, stop)
        if _state(probe, zone) == state:
            instant = probe
            continue
        change = _first_change(instant, probe, zone)
        new = _state(change, zone)
        onset = (change + state[0]).replace(tzinfo=None)
        found.append(Transition(onset, state[0], new[0], new[1], new[2]))
        state, instant = new, change
    return tuple(found)


def _yearly_rules(changes: tuple[Transition, ...], last_year: int) -> list[_Rule]:
    open_rules: dict[tuple, _Rule] = {}
    rules: list[_Rule] = []
    for change in changes:
        rule = open_rules.get(change.rule_key())
        shared = rule.ordinals & change.ordinals() if rule else frozenset()
        if rule and shared and rule.transitions[-1].onset.year == change.onset.year - 1:
            rule.transitions.append(change)
            rule.ordinals = shared
        else:
            rule = _Rule([change], change.ordinals())
            open_rules[change.rule_key()] = rule
            rules.append(rule)
    for rule in rules:
        rule.open_ended = len(rule.transitions) > 1 and rule.transitions[-1].onset.year == last_year
    return rules


def _observance(rule: _Rule) -> TimezoneStandard | TimezoneDaylight:
    first = rule.transitions[0]
    part = TimezoneDaylight() if first.daylight else TimezoneStandard()
    part.add("DTSTART", first.onset)
    if len(rule.transitions) > 1:
        ordinal = -1 if -1 in rule.ordinals else min(rule.ordinals)
        recurrence = {"FREQ": "YEARLY"}
        if not rule.open_ended:
            recurrence["COUNT"] = len(rule.transitions)
        recurrence["BYMONTH"] = first.onset.month
        recurrence["BYDAY"] = f"{ordinal}{_WEEKDAYS[first.onset.weekday()]}"
        part.add("RRULE", recurrence)
    else:
        part.add("RDATE", first.onset)  # the DTSTART again: see the module docstring
    part.add("TZOFFSETFROM", first.offset_from)
    part.add("TZOFFSETTO", first.offset_to)
    part.add("TZNAME", first.name)
    return part


@lru_cache(maxsize=256)
def zone_component(tzid: str) -> Timezone:
    """The one VTIMEZONE of ``tzid`` for every calendar: exact for ``COVERED_YEARS``.

    Shared between calendars (adding a component does not change it); never mutate it.
    """
    return vtimezone(tzid, *COVERED_YEARS)


def covers(local_year: int) -> bool:
    """Whether a wall time of that year can be written against ``zone_component``."""
    return COVERED_YEARS[0] <= local_year <= COVERED_YEARS[1]


def vtimezone(tzid: str, first_year: int, last_year: int) -> Timezone:
    """A VTIMEZONE for ``tzid`` exact for every instant of the years ``first_year``..``last_year``.

    Coverage starts a year early so that the first event of the calendar is always preceded by
    an onset, whatever the weekday rules of that year.
    """
    start_year = first_year - 1
    changes = transitions(tzid, start_year, last_year)
    component = Timezone()
    component.add("TZID", tzid)
    if not changes or changes[0].onset.year > start_year:
        start = datetime(start_year, 1, 1)
        zone = load_zone(tzid)
        offset, name, daylight = _state(start.replace(tzinfo=zone), zone)
        initial = _Rule([Transition(start, offset, offset, name, daylight)], frozenset())
        component.add_component(_observance(initial))
    for rule in _yearly_rules(changes, last_year):
        component.add_component(_observance(rule))
    return component
