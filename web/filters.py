"""Template filters: dates and times as people read them, in the zone they belong to.

Instants arrive from the read model as aware datetimes already in the right zone (the venue's
or the viewer's home zone); these filters only format them, they never convert silently.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, tzinfo
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from babel import Locale
from babel.dates import (
    format_date,
    format_interval,
    format_skeleton,
    get_timezone_name,
)
from babel.numbers import format_decimal
from babel.units import format_unit
from flask import Flask, has_request_context, request, url_for
from flask_babel import get_locale

from planner.domain import values as v
from planner.domain.zones import canonical_zones
from planner.readmodel.rows import Warning

_ENGLISH = {"day": "EEE d MMM y", "short_day": "d MMM"}
"""English keeps the house style ('Tue 25 Jun 2019'); other languages take the CLDR pattern
for the same fields ('Di., 25. Juni 2019', '2019年6月25日周二')."""
_SKELETONS = {"day": "yMMMEd", "short_day": "MMMd"}


def _locale() -> Locale:
    found = get_locale() if has_request_context() else None
    return found or Locale("en")


def _date_text(kind: str, value: date | datetime) -> str:
    locale = _locale()
    if locale.language == "en":
        return format_date(value, _ENGLISH[kind], locale=locale)
    return format_skeleton(_SKELETONS[kind], value, locale=locale)


def day(value: date | datetime | None) -> str:
    """'Tue 25 Jun 2019', 'Di., 25. Juni 2019', '2019年6月25日周二'."""
    return "" if value is None else _date_text("day", value)


def short_day(value: date | datetime | None) -> str:
    """'25 Jun', '25. Juni', '6月25日'."""
    return "" if value is None else _date_text("short_day", value)


def clock(value: datetime | None) -> str:
    """'09:30 CST' in English, '09:30 Chinesische Zeit' / '09:30 中国时间' elsewhere."""
    if value is None:
        return ""
    return f"{value:%H:%M} {zone_name(value)}".strip()


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
    separator = " " if _locale().language == "zh" else ", "  # '2019年6月27日周四 14:30'
    return f"{day(value)}{separator}{clock(value)}"


def zone_name(value: datetime | None) -> str:
    """The zone of an aware datetime as a person reads it: in English the abbreviation
    ('CST', 'CEST', 'UTC+05'), elsewhere Babel's localized name ('Chinesische Zeit',
    '中国时间'; the generic name, since the wall-clock time beside it says the rest)."""
    if value is None:
        return ""
    locale = _locale()
    if locale.language != "en" and value.tzinfo is not None:
        return _localized_zone(value.tzinfo, str(locale))
    return _abbr(value)


def zone_label(name: str | None) -> str:
    """An IANA zone name shown to a person: 'Asia/Shanghai' in English (what the pickers
    list), 'Chinesische Zeit (Asia/Shanghai)' / '中国时间 (Asia/Shanghai)' elsewhere."""
    if not name:
        return ""
    locale = _locale()
    if locale.language == "en":
        return name
    try:
        return f"{_localized_zone(ZoneInfo(name), str(locale))} ({name})"
    except (ZoneInfoNotFoundError, ValueError):
        return name


@lru_cache(maxsize=256)
def _localized_zone(zone: tzinfo, locale: str) -> str:
    return str(get_timezone_name(zone, width="long", locale=locale))


def _abbr(value: datetime) -> str:
    name = value.tzname() or ""
    # Zones without an abbreviation report an offset like '+08'; say UTC+08 instead.
    return f"UTC{name}" if name[:1] in "+-" and name else name


def date_range(first: date | None, last: date | None) -> str:
    if first is None or last is None:
        return ""
    if first == last:
        return day(first)
    locale = _locale()
    if locale.language != "en":
        return str(format_interval(first, last, _SKELETONS["day"], locale=locale))
    if first.year == last.year:
        return f"{first:%a} {short_day(first)} – {day(last)}"
    return f"{day(first)} – {day(last)}"


def number(value: int | float | None) -> str:
    """A count or amount as the language writes it ('1,234', '1.234')."""
    return "" if value is None else str(format_decimal(value, locale=_locale()))


def duration(minutes: int | float | None) -> str:
    """Minutes as the language writes them, exactly ('90 min', '90 Min.', '90分钟'): travel
    times are rules the warnings apply, so they are never rounded to hours."""
    if minutes is None:
        return ""
    return str(format_unit(minutes, "duration-minute", length="short", locale=_locale()))


def warning_text(warning: Warning) -> str:
    """A warning's sentence in the page's language."""
    return warning.text(_locale().language)


def warning_kind(warning: Warning) -> str:
    """A warning's kind as the page's language calls it."""
    return warning.kind_name(_locale().language)


def page_url(page: int) -> str:
    """The current list with the same filters, on another page."""
    args = request.args.to_dict()
    args["page"] = str(page)
    return url_for(request.endpoint or "", **(request.view_args or {}), **args)


def register(app: Flask) -> None:
    app.jinja_env.filters.update(day=day, short_day=short_day, clock=clock, moment=moment,
                                 date_range=date_range, zone_name=zone_name, hours=hours,
                                 other_day=other_day, zone_label=zone_label, number=number,
                                 duration=duration, warning_text=warning_text,
                                 warning_kind=warning_kind)
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
