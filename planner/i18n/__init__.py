"""Texts that planner/ writes for people outside a web page (PDF itineraries, calendars,
mails), in German, English or Chinese, with dates and times formatted by Babel for the language.

The catalogues are `planner/translations/<lang>/LC_MESSAGES/planner.po`, read with Babel's .po
reader when first needed (no compiled .mo: nothing to build at install, nothing to go stale).
Messages are marked for extraction as `tr("...")`, with named placeholders.
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from functools import cache, lru_cache
from pathlib import Path

from babel import Locale
from babel.dates import format_date, format_skeleton, format_time, get_timezone_name
from babel.lists import format_list
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po

LANGUAGES: tuple[str, ...] = ("de", "en", "zh")
SOURCE_LANGUAGE = "en"
CATALOGUES = Path(__file__).resolve().parent.parent / "translations"
_LOCALES = {"de": "de_DE", "en": "en_GB", "zh": "zh_Hans_CN"}


def language_of(value: str | None) -> str:
    """One of LANGUAGES for a preference or Accept-Language-like tag ("zh-CN" -> "zh");
    English when unknown."""
    tag = (value or "").replace("_", "-").split("-")[0].lower()
    return tag if tag in LANGUAGES else SOURCE_LANGUAGE


@cache
def catalogue(language: str) -> Catalog | None:
    path = CATALOGUES / language / "LC_MESSAGES" / "planner.po"
    if language == SOURCE_LANGUAGE or not path.exists():
        return None
    with path.open("rb") as po:
        return read_po(po, locale=language)


class Translator:
    """`tr("Day %(number)d", number=2)` in one language, plus Babel's formats for it."""

    def __init__(self, language: str) -> None:
        self.language = language_of(language)
        self.locale = Locale.parse(_LOCALES[self.language])
        self._catalogue = catalogue(self.language)

    def __call__(self, message: str, **params: object) -> str:
        text = message
        if self._catalogue is not None:
            entry = self._catalogue.get(message)
            if entry is not None and entry.string and not entry.fuzzy:
                text = str(entry.string)
        return text % params if params else text

    def day(self, value: date) -> str:
        """"Donnerstag, 27. Juni 2019" / "2019年6月27日星期四" / "Thursday, 27 June 2019"."""
        return format_date(value, format="full", locale=self.locale)

    def short_day(self, value: date) -> str:
        return format_date(value, format="medium", locale=self.locale)

    def weekday_date(self, value: date) -> str:
        """"Mi., 20. Nov. 2024" / "2024年11月20日周三" / "Wed, 20 Nov 2024"."""
        return format_skeleton("yMMMEd", value, locale=self.locale)

    def clock(self, value: datetime) -> str:
        """The wall-clock time of an aware datetime in its own zone ("14:30")."""
        return format_time(value, format="HH:mm", locale=self.locale)

    def moment(self, value: datetime) -> str:
        """Date and time ("27. Juni 2019, 14:30" / "2019年6月27日 14:30")."""
        pattern = str(self.locale.datetime_formats["medium"])
        return pattern.replace("{1}", format_date(value, format="long", locale=self.locale)) \
            .replace("{0}", self.clock(value))

    def weekday_moment(self, value: datetime, *, year: bool = True) -> str:
        """Weekday, date and wall-clock time ("Mi., 12. Mai 2027, 19:00" / "2027年5月12日周三
        19:00" / "Wed, 12 May 2027, 19:00"); without the year: "Mi., 12. Mai, 19:00"."""
        pattern = str(self.locale.datetime_formats["medium"])
        day = format_skeleton("yMMMEd" if year else "MMMEd", value, locale=self.locale)
        return pattern.replace("{1}", day).replace("{0}", self.clock(value))

    def day_month(self, value: date, *, year: bool = False) -> str:
        """"12. Mai" / "5月12日" / "12 May"; with the year "12. Mai 2027" / "2027年5月12日"."""
        return format_skeleton("yMMMd" if year else "MMMd", value, locale=self.locale)

    def listing(self, items: list[str]) -> str:
        """"Anna, Bo und Cai" / "Anna、Bo和Cai" / "Anna, Bo and Cai"."""
        return format_list(items, locale=self.locale)

    def zone(self, zone: tzinfo | str) -> str:
        """A zone by its generic name, never an ambiguous abbreviation such as "CST":
        "Chinesische Zeit", "中国时间", "Central European Time"."""
        return get_timezone_name(zone, width="long", locale=self.locale)


def translator(language: str | None) -> Translator:
    return _translator(language_of(language))


@lru_cache(maxsize=8)
def _translator(language: str) -> Translator:
    return Translator(language)
