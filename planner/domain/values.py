"""Enumerations and validation of values shared by the aggregates.

Events store plain values (str, int, date, UTC datetime, UUID, lists and dicts of those): the
enums below are checked on the way in and stored as their string values.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from uuid import UUID
from zoneinfo import ZoneInfo

from planner.domain.errors import ValidationError, Word, Words
from planner.domain.zones import canonical_zone, known_zone
from planner.i18n.words import N_

SHORT_TEXT = 200
LONG_TEXT = 20_000
FIRST_YEAR, LAST_YEAR = 1900, 2200
_WEB = re.compile(r"https?://[^\s/?#]+\.[^\s/?#]+([/?#].*)?", re.IGNORECASE)
# C0 and C1 control characters (tab and line breaks are allowed in multi-line text only);
# single-line fields also refuse the Unicode line and paragraph separators.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_CONTROL_SINGLE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


class Direction(StrEnum):
    OUTBOUND = "outbound"
    INBOUND = "inbound"


class TripStatus(StrEnum):
    DRAFT = "draft"
    PLANNED = "planned"
    CONFIRMED = "confirmed"
    COMPLETED = "completed"
    CANCELLED = "cancelled"


class MemberRole(StrEnum):
    HEAD = "head of delegation"
    STAFF = "agency staff"
    OFFICIAL = "official"
    COMPANY = "company representative"
    INTERPRETER = "interpreter"
    ADVISER = "adviser"


class MeetingKind(StrEnum):
    OFFICIAL = "official meeting"
    COMPANY_VISIT = "company visit"
    SESSION = "conference session"
    SIGNING = "signing ceremony"
    SITE_VISIT = "site visit"
    DINNER = "dinner"
    TRAVEL = "travel"
    MATCHMAKING = "matchmaking"


class MeetingStatus(StrEnum):
    PROPOSED = "proposed"
    CONFIRMED = "confirmed"
    HELD = "held"
    CANCELLED = "cancelled"


class Answer(StrEnum):
    """An attendee's answer to a meeting (iTIP PARTSTAT ACCEPTED / DECLINED)."""

    ACCEPTED = "accepted"
    DECLINED = "declined"


class ProfileKind(StrEnum):
    COMPANY = "company"
    GOVERNMENT = "government body"
    CHAMBER = "chamber"
    NGO = "ngo"
    FINANCIAL = "financial institution"
    RESEARCH = "research institution"
    LAW_FIRM = "law firm"


class Interest(StrEnum):
    COOPERATE = "cooperate with Chinese firms"
    EXPAND_CHINA = "expand into China"
    COOPERATE_GERMAN = "cooperate with German firms"
    EXPAND_GERMANY = "expand into Germany"
    INVESTORS = "find investors"
    SALES_PARTNERS = "find sales partners"
    SUPPLIERS = "find suppliers"
    TECHNOLOGY = "technology partnership"
    TALENT = "talent exchange"


class CompanySize(StrEnum):
    UNKNOWN = ""
    MICRO = "micro"
    SMALL = "small"
    MEDIUM = "medium"
    LARGE = "large"


class AgreementKind(StrEnum):
    MOU = "memorandum of understanding"
    LOI = "letter of intent"
    COOPERATION = "cooperation agreement"
    CONTRACT = "contract"
    DONATION = "donation"


class AgreementStatus(StrEnum):
    DRAFTED = "drafted"
    SIGNED = "signed"
    IN_FORCE = "in force"
    EXPIRED = "expired"
    TERMINATED = "terminated"


def choice(field: str, value: str, enum: type[StrEnum]) -> str:
    """Return the enum's value for `value`, or raise naming the allowed values."""
    try:
        return enum(str(value).strip()).value
    except ValueError:
        allowed = Words(m.value for m in enum)
        raise ValidationError(field, "must be one of %(allowed)s; got %(value)r",
                              allowed=allowed, value=value) from None


def text(field: str, value: object, *, max_len: int = SHORT_TEXT, required: bool = True,
         multiline: bool = False) -> str:
    """Validate a free-text value: trimmed, within length, no control characters."""
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(field, "must be text, got %(type)s", type=type(value).__name__)
    cleaned = unicodedata.normalize("NFC", value.replace("\r\n", "\n")).strip()
    if required and not cleaned:
        raise ValidationError(field, "must not be empty")
    if len(cleaned) > max_len:
        raise ValidationError(field, "must be at most %(max_len)s characters (got %(count)s)",
                              max_len=max_len, count=len(cleaned))
    pattern = _CONTROL if multiline else _CONTROL_SINGLE_LINE
    if pattern.search(cleaned):
        if multiline:
            raise ValidationError(field, "must not contain control characters")
        raise ValidationError(field, "must not contain line breaks or control characters")
    return cleaned


def text_list(field: str, values: object, *, max_items: int = 100,
              max_len: int = SHORT_TEXT) -> list[str]:
    """Validate a list of short texts; blanks are dropped, duplicates kept once, order kept."""
    if values is None:
        return []
    if isinstance(values, str) or not isinstance(values, list | tuple):
        raise ValidationError(field, "must be a list of texts")
    result: list[str] = []
    for item in values:
        cleaned = text(field, item, max_len=max_len, required=False)
        if cleaned and cleaned not in result:
            result.append(cleaned)
    if len(result) > max_items:
        raise ValidationError(field, "must have at most %(max_items)s entries", max_items=max_items)
    return result


def zone(field: str, value: object, *, keep: str | None = None) -> str:
    """Validate a canonical IANA time zone name such as 'Asia/Shanghai' (new input).

    `keep` is the value already stored: re-submitting it unchanged is not new input, so a
    record written with a legacy name by an older release can still be edited.
    """
    return canonical_zone(field, text(field, value, max_len=64), keep=keep)


def record_id(field: str, value: object, *, required: bool = True) -> str:
    """A record's or a part's id (a UUID), in its canonical text form; '' when optional."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if required:
            raise ValidationError(field, "must not be empty: give a record id")
        return ""
    if isinstance(value, UUID):
        return str(value)
    if not isinstance(value, str):
        raise ValidationError(field, "must be a record id (UUID), got %(type)s",
                              type=type(value).__name__)
    try:
        if len(value) > 64:
            raise ValueError(value)
        return str(UUID(value.strip()))
    except ValueError:
        shown = value if len(value) <= 40 else value[:40] + "..."
        raise ValidationError(field, "must be a record id (UUID); got %(shown)r",
                              shown=shown) from None


def whole_number(field: str, value: object, *, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field, "must be a whole number, got %(type)s",
                              type=type(value).__name__)
    if not low <= value <= high:
        raise ValidationError(field, "must be between %(low)s and %(high)s; got %(value)s",
                              low=low, high=high, value=value)
    return value


def utc_instant(field: str, value: object) -> datetime:
    """Validate an aware datetime and return it in UTC (whole seconds)."""
    if not isinstance(value, datetime):
        raise ValidationError(field, "must be a date and time")
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValidationError(field, "must carry a time zone (naive times are ambiguous)")
    _check_year(field, value)
    return value.astimezone(UTC).replace(microsecond=0)


def _check_year(field: str, value: date) -> None:
    """Dates and times lie in 1900-2200: far enough for any trip, and no overflow when a
    time near year 1 or 9999 is moved into another zone."""
    if not FIRST_YEAR <= value.year <= LAST_YEAR:
        raise ValidationError(field, "must be between %(first_year)s and %(last_year)s; "
                                     "got the year %(year)s",
                                     first_year=FIRST_YEAR, last_year=LAST_YEAR, year=value.year)


def local_to_utc(field: str, local: datetime, zone_name: str) -> datetime:
    """Convert a wall-clock time at a place to UTC, refusing times that do not exist there.

    On the spring-forward night (e.g. 02:30 in Berlin on the last Sunday of March) the wall
    clock skips an hour; such a time is refused instead of being silently shifted.
    """
    if not isinstance(local, datetime):
        raise ValidationError(field, "must be a date and time")
    _check_year(field, local)
    tz = ZoneInfo(known_zone(f"{field} zone", text(f"{field} zone", zone_name, max_len=64)))
    naive = local.replace(tzinfo=None)
    aware = naive.replace(tzinfo=tz)
    back = aware.astimezone(UTC).astimezone(tz).replace(tzinfo=None)
    if back != naive:
        raise ValidationError(field, "%(naive)s does not exist in %(zone_name)s "
                                     "(the clocks skip that hour)",
                              naive=naive.strftime("%Y-%m-%d %H:%M"), zone_name=zone_name)
    return aware.astimezone(UTC).replace(microsecond=0)


def local_date(instant: datetime, zone_name: str) -> date:
    return instant.astimezone(ZoneInfo(zone_name)).date()


def calendar_date(field: str, value: object) -> date:
    if isinstance(value, datetime) or not isinstance(value, date):
        raise ValidationError(field, "must be a date (YYYY-MM-DD)")
    _check_year(field, value)
    return value


def date_range(start_field: str, start: object, end_field: str, end: object) -> tuple[date, date]:
    first = calendar_date(start_field, start)
    last = calendar_date(end_field, end)
    if last < first:
        raise ValidationError(end_field, "must not be before %(start_field)s (%(first)s)",
                              start_field=start_field, first=first.isoformat())
    if last - first > timedelta(days=366):
        raise ValidationError(end_field, "a trip or leg may span at most one year")
    return first, last


def optional_email(field: str, value: object) -> str:
    address = text(field, value, max_len=254, required=False)
    if address and not re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", address):
        raise ValidationError(field, "must be an e-mail address; got %(address)r", address=address)
    return address.lower()


def web_address(field: str, value: object, *, keep: str | None = None) -> str:
    """An optional http(s) address (`keep`: the value already stored, accepted unchanged)."""
    address = text(field, value, max_len=500, required=False)
    if address and address != keep and not _WEB.fullmatch(address):
        raise ValidationError(field, "must be a web address starting with https:// or "
                                     "http://; got %(address)r", address=address[:60])
    return address


def reason_text(value: object, *, required: bool, what: str = N_("a change")) -> str:
    """The free-text reason of a correction, move or cancellation (required where it says;
    `what` is marked with N_ where it is given, so the refusal can be translated)."""
    reason = text("reason", value, max_len=1000, required=False, multiline=True)
    if required and not reason:
        raise ValidationError("reason", "%(what)s must give a reason", what=Word(what))
    return reason
