"""Reading the moment an auditor asks about: what the history shows can be pasted back.

Accepted (seconds and fractions optional, 'T' or a space between date and time):
  2019-06-20 14:00:00 UTC   2019-06-20T14:00Z         UTC
  2019-06-20T22:00+08:00                               with an offset
  2019-06-20 22:00 Asia/Shanghai                       local time in the zone named
  2019-06-20 22:00                                     local time in the zone of the page
  2019-06-20                                           the START of that day in that zone
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from planner.domain.errors import ValidationError
from planner.domain.values import zone as valid_zone

_MOMENT = re.compile(
    r"^(?P<date>\d{4}-\d{2}-\d{2})"
    r"(?:[T ](?P<time>\d{1,2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?))?"
    r"\s*(?:(?P<utc>Z|UTC)|(?P<offset>[+-]\d{2}:?\d{2})|(?:in\s+)?(?P<zone>[A-Za-z][\w+\-/]*))?$")


def parse_as_of(field: str, text: str, zone: str) -> datetime | None:
    """The UTC instant `text` names ('' is none); bad input names `field` and the rule."""
    raw = " ".join((text or "").split())
    if not raw:
        return None
    match = _MOMENT.match(raw)
    if not match:
        raise ValidationError(
            field, "must be a date (YYYY-MM-DD: the start of that day) or a date and time "
            "(YYYY-MM-DD HH:MM[:SS]) followed by Z or UTC, an offset (+08:00) or a zone name "
            "(Asia/Shanghai); without one the time is read in %(zone)s; got %(text)r",
            zone=zone, text=text)
    try:
        day = date.fromisoformat(match["date"])
        clock = time.fromisoformat(_padded(match["time"])) if match["time"] else time()
    except ValueError:
        raise ValidationError(field, "is not a real date or time; got %(text)r",
                              text=text) from None
    try:
        return _instant(field, datetime.combine(day, clock), match, zone)
    except OverflowError:
        raise ValidationError(field, "is too far in the past or future; got %(text)r",
                              text=text) from None


def _instant(field: str, local: datetime, match: re.Match[str], zone: str) -> datetime:
    if match["utc"]:
        return local.replace(tzinfo=UTC)
    if match["offset"]:
        sign, digits = match["offset"][0], match["offset"][1:].replace(":", "")
        hours, minutes = int(digits[:2]), int(digits[2:])
        if hours > 23 or minutes > 59:
            raise ValidationError(field, "the offset %(offset)s is not a real offset",
                                  offset=match['offset'])
        delta = timedelta(hours=hours, minutes=minutes)
        return local.replace(tzinfo=timezone(delta if sign == "+" else -delta)).astimezone(UTC)
    named = valid_zone(field, match["zone"]) if match["zone"] else zone
    return local.replace(tzinfo=ZoneInfo(named)).astimezone(UTC)


def _padded(clock: str) -> str:
    """'9:05' -> '09:05'; fractions padded to microseconds."""
    head, _, fraction = clock.partition(".")
    head = head.zfill(len(head) + 1) if len(head.split(":")[0]) == 1 else head
    return f"{head}.{fraction.ljust(6, '0')}" if fraction else head


def just_before(instant: datetime) -> str:
    """The moment a microsecond before `instant`, as the as-of form reads it (UTC, 'Z')."""
    before = instant.astimezone(UTC) - timedelta(microseconds=1)
    return before.strftime("%Y-%m-%dT%H:%M:%S.%fZ")
