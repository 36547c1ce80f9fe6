"""Template filters: dates and times as people read them, in the zone they belong to.

Instants arrive from the read model as aware datetimes already in the right zone (the venue's
or the viewer's home zone); these filters only format them, they never convert silently.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from functools import lru_cache
from zoneinfo import ZoneInfo

from flask import Flask, request, url_for

from planner.domain import values as v
from planner.domain.zones import canonical_zones


def day(value: date | datetime | None) -> str:
    """'Tue 25 Jun 2019'."""
    if value is None:
        return ""
    return f"{value:%a} {value.day} {value:%b %Y}"


def short_day(value: date | datetime | None) -> str:
    """'25 Jun'."""
    return "" if value is None else f"{value.day} {value:%b}"


def clock(value: datetime | None) -> str:
    """'09:30 CST': the wall clock and the zone's abbreviation."""
    if value is None:
        return ""
    return f"{value:%H:%M} {_abbr(value)}".strip()


def hours(start: datetime, end: datetime) -> str:
    """'09:30–11:00': the wall clock from start to end (a filter: cheaper per itinerary row
    than two strftime calls in the template)."""
    return f"{start:%H:%M}–{end:%H:%M}"


def other_day(value: datetime, than: datetime) -> str:
    """' (25 Jun)' when `value` falls on another date than `than`, else ''."""
    return f" ({short_day(value)})" if value.date() != than.date() else ""


def moment(value: datetime | None, zone: str | None = None) -> str:
    """'Tue 25 Jun 2019, 09:30 CST'; naive values are taken as UTC."""
    if value is None:
        return ""
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    if zone:
        value = value.astimezone(ZoneInfo(zone))
    return f"{day(value)}, {clock(value)}"


def zone_name(value: datetime | None) -> str:
    """'CST', 'CEST' or 'UTC+05' for an aware datetime."""
    return "" if value is None else _abbr(value)


def _abbr(value: datetime) -> str:
    name = value.tzname() or ""
    # Zones without an abbreviation report an offset like '+08'; say UTC+08 instead.
    return f"UTC{name}" if name[:1] in "+-" and name else name


def date_range(first: date | None, last: date | None) -> str:
    if first is None or last is None:
        return ""
    if first == last:
        return day(first)
    if first.year == last.year:
        return f"{first:%a} {short_day(first)} – {day(last)}"
    return f"{day(first)} – {day(last)}"


def page_url(page: int) -> str:
    """The current list with the same filters, on another page."""
    args = request.args.to_dict()
    args["page"] = str(page)
    return url_for(request.endpoint or "", **(request.view_args or {}), **args)


def register(app: Flask) -> None:
    app.jinja_env.filters.update(day=day, short_day=short_day, clock=clock, moment=moment,
                                 date_range=date_range, zone_name=zone_name, hours=hours,
                                 other_day=other_day)
    app.jinja_env.globals.update(
        page_url=page_url, zones=_zones, trip_statuses=[s.value for s in v.TripStatus],
        directions=[d.value for d in v.Direction], member_roles=[r.value for r in v.MemberRole],
        meeting_kinds=[k.value for k in v.MeetingKind],
        meeting_statuses=[s.value for s in v.MeetingStatus])
    app.jinja_env.trim_blocks = True
    app.jinja_env.lstrip_blocks = True


@lru_cache(maxsize=1)
def _zones() -> list[str]:
    """IANA zone names for the zone pickers, common delegation zones first."""
    return sorted(canonical_zones(),
                  key=lambda name: (not name.startswith(("Europe/", "Asia/")), name))
