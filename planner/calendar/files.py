"""Calendar files for trips, people and meetings: read-model rows in, .ics bytes out.

Orchestration only (no Flask, no SQL of its own): the web feeds, the downloads and the CLI all
call these, so a feed, a download and `planner calendar ...` of the same data are the same
bytes. What a calendar contains is decided in planner.readmodel.queries_calendar; how it is
written in planner.calendar.ics.

Languages (planner.i18n): a person's feed is in the person's language, a trip's calendar in the
trip's, a meeting's download in the language asked for (the web: the request's).

`person_ics(..., as_of=moment)` gives the calendar a person's feed showed at a past moment,
from the event log (planner.calendar.asof).

A person's current feed is kept per process under (database, person, read-model position,
options): calendar clients fetch the same feed again and again, and while the position stands
still no row of it can have changed (every command moves the position in the transaction that
changes the rows), so a kept feed is served after one small read instead of the rows' query
and the serialisation. The position is read before the rows, so a kept feed is never older
than its key. cachetools.LRUCache bounds the kept bytes, not the count of feeds.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from datetime import datetime
from typing import Any, NamedTuple
from uuid import UUID

from cachetools import LRUCache

from planner.calendar.asof import person_rows_as_of
from planner.calendar.ics import (
    calendar_etag,
    calendar_last_modified,
    meeting_calendar,
    person_calendar,
    trip_calendar,
)
from planner.calendar.model import CalendarOptions
from planner.calendar.zones import load_zone
from planner.domain.errors import NotFoundError
from planner.i18n import translator
from planner.i18n.whose import person_language, trip_language
from planner.readmodel.languages import languages_of
from planner.settings import Settings

__all__ = ["CalendarFile", "Calendars", "calendar_options", "meeting_ics", "person_ics",
           "trip_ics"]

PERSON_CALENDAR_SUFFIX = "%(name)s – Delegation Planner"
FEED_BYTES_KEPT = 32 * 1024 * 1024  # per process; a feed of 100 meetings is about 100 kB


class CalendarFile(NamedTuple):
    """A calendar ready to serve: `etag` is quoted (HTTP), `last_modified` aware UTC or None,
    `filename` readable (any script; the web layer adds an ASCII fallback)."""

    body: bytes
    etag: str
    last_modified: datetime | None
    filename: str


class Calendars:
    """The calendars of one wired planner, as a query object: what web/ is given instead of
    the planner with its engine (see web.wiring.calendars)."""

    def __init__(self, planner: Any, base_url: str | None = None) -> None:
        self._planner = planner
        self._base_url = base_url

    def trip(self, trip_id: UUID | str) -> CalendarFile:
        return trip_ics(self._planner, trip_id, base_url=self._base_url)

    def person(self, person_id: UUID | str, as_of: datetime | None = None) -> CalendarFile:
        return person_ics(self._planner, person_id, as_of, base_url=self._base_url)

    def meeting(self, meeting_id: UUID | str, language: str | None = None) -> CalendarFile:
        return meeting_ics(self._planner, meeting_id, base_url=self._base_url,
                           language=language)


def calendar_options(settings: Settings, base_url: str | None = None,
                     language: str | None = None) -> CalendarOptions:
    """`base_url`: the address links point at (the request's, in the web); else configured.
    `language`: of the texts the calendar adds; else configured."""
    return CalendarOptions(domain=settings.calendar_domain,
                           base_url=base_url or settings.public_base_url,
                           refresh_minutes=settings.calendar_refresh_minutes,
                           language=language or settings.language)


def _queries(planner: Any) -> Any:
    if planner.queries is None:
        raise NotFoundError("calendar", "(calendars are read from a SQL database; "
                                        "in-memory storage has no read models)")
    return planner.queries


def trip_ics(planner: Any, trip_id: UUID | str, *, base_url: str | None = None) -> CalendarFile:
    """The trip's calendar (all its meetings and leg days); NotFoundError if no such trip."""
    rows = _queries(planner).calendar_for_trip(trip_id)
    if rows is None:
        raise NotFoundError("trip", trip_id)
    language = trip_language(rows.language, planner.settings)
    body = trip_calendar(rows.title, rows.meetings, rows.legs,
                         calendar_options(planner.settings, base_url, language))
    return CalendarFile(body, calendar_etag(body), rows.changed_at, file_name(rows.title))


def person_ics(planner: Any, person_id: UUID | str, as_of: datetime | None = None, *,
               base_url: str | None = None) -> CalendarFile:
    """A person's feed, in their language: now, or as it stood at the moment `as_of` (aware
    datetime; in the person's language of now, like the feed of now).

    `last_modified` is informational only: the feed can lose a meeting without any remaining
    row changing, so conditional requests must use the ETag. The feed of now is kept by the
    read models' position: a person's language is chosen by an event, so it moves the position
    too, and a kept feed is never one in an old language.
    """
    if as_of is not None:
        rows = person_rows_as_of(planner, person_id, as_of)
        account = planner.queries.account_email_of(person_id) if planner.queries else ""
        return _person_file(planner, rows, account, base_url)
    queries = _queries(planner)
    key = (str(queries.engine.url), str(person_id), queries.position(),
           calendar_options(planner.settings, base_url))
    with _lock:
        kept = _feeds.get(key)
    if kept is None:
        rows = queries.calendar_for_person(person_id)
        if rows is None:
            raise NotFoundError("person", person_id)
        kept = _person_file(planner, rows, rows.account_email, base_url)
        if len(kept.body) <= FEED_BYTES_KEPT:
            with _lock:
                _feeds[key] = kept
    return kept


_feeds: LRUCache[tuple[Any, ...], CalendarFile] = LRUCache(
    maxsize=FEED_BYTES_KEPT, getsizeof=lambda file: len(file.body))
_lock = threading.Lock()


def _person_file(planner: Any, rows: Any, account: str, base_url: str | None) -> CalendarFile:
    lookup = languages_of(planner.engine) if planner.engine is not None else None
    language = person_language(planner.settings, lookup, account, rows.email)
    name = translator(language)(PERSON_CALENDAR_SUFFIX, name=rows.title)
    body = person_calendar(name, rows.meetings, rows.legs,
                           calendar_options(planner.settings, base_url, language))
    return CalendarFile(body, calendar_etag(body), calendar_last_modified(rows.meetings, rows.legs),
                        file_name(name))


def meeting_ics(planner: Any, meeting_id: UUID | str, *, base_url: str | None = None,
                language: str | None = None) -> CalendarFile:
    """One meeting as a one-off download, in `language` (else configured); NotFoundError if
    there is no such meeting."""
    rows = _queries(planner).calendar_for_meeting(meeting_id)
    if rows is None:
        raise NotFoundError("meeting", meeting_id)
    meeting = rows.meetings[0]
    body = meeting_calendar(meeting, calendar_options(planner.settings, base_url, language))
    day = meeting.starts_at.astimezone(load_zone(meeting.timezone)).date()
    return CalendarFile(body, calendar_etag(body), rows.changed_at,
                        file_name(f"{meeting.title} {day.isoformat()}"))


_UNSAFE_IN_NAMES = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f;]+')


def file_name(title: str, extension: str = ".ics") -> str:
    """A readable file name from a title: characters file systems refuse become spaces."""
    text = unicodedata.normalize("NFC", _UNSAFE_IN_NAMES.sub(" ", title))
    text = " ".join(text.split()).strip(" .")[:100].strip(" .")
    return (text or "calendar") + extension
