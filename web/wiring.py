"""What a view needs from the wired Planner: commands, queries, the acting account.

Views get the application's commands and query objects (read models, calendars, a record's
history, settings), never the engine or the stored events: `planner()` is for this module
alone; tests/web/test_web_boundary.py checks it.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any, TypeVar

from flask import current_app, g, request
from flask_babel import gettext
from werkzeug.exceptions import NotFound

from planner.application import PlannerApplication
from planner.audit import history as audit_history
from planner.audit.changes import changes_since
from planner.audit.desk import AuditDesk
from planner.bootstrap import Planner
from planner.calendar.files import Calendars
from planner.changefeed.desk import FeedDesk
from planner.feedwatch.watch import FeedWatch
from planner.itinerary.printing import Itineraries
from planner.itip.choices import CalendarMailChoices
from planner.mail.desk import MailDesk
from planner.privacy.erase import erase_person as erase
from planner.settings import Settings
from planner.signin.attempts import SignInLog
from web.forms import whole_number
from web.words import word


def planner() -> Planner:
    return current_app.extensions["planner"]


T = TypeVar("T")


def commands() -> PlannerApplication:
    """The application: every write goes through one of its commands. Rows read so far in
    this request are forgotten, so what the request reads after a command shows its effect."""
    g.pop("rows_read", None)
    return planner().app


def read_once(kind: str, record_id: object, read: Callable[[], T]) -> T:
    """A read-model row read at most once per request (a form page needs the same row for
    its values and its context), until the request runs a command."""
    rows: dict[tuple[str, str], Any] = g.setdefault("rows_read", {})
    key = (kind, str(record_id))
    if key not in rows:
        rows[key] = read()
    return rows[key]


def queries() -> Any:
    """The read models (planner.readmodel.queries.Queries): every page reads from here."""
    return planner().queries


def calendars() -> Calendars:
    """Trip, person and meeting calendars (.ics bodies with their ETags)."""
    return Calendars(planner(), base_url=public_base())


def itineraries() -> Itineraries:
    """Printable PDF itineraries (planner.itinerary)."""
    return Itineraries(planner())


def record_history(record_id: object, zone: str | None = None,
                   tr: Any = None) -> audit_history.RecordHistory:
    """One record's events with actor, time, reason and before/after (`tr`: in the reader's
    language, web.refusals.request_translator)."""
    return audit_history.record_history(planner(), str(record_id), zone=zone, tr=tr)


def database_key() -> str:
    """Names this app's database in keys of kept page parts (tests run many in one process)."""
    engine = planner().engine
    return str(engine.url) if engine is not None else "memory"


def feed_watch() -> FeedWatch | None:
    """Feed fetches and members' calendars of this app's database (None on in-memory
    storage)."""
    engine = planner().engine
    if engine is None:
        return None
    found = current_app.extensions.get("feed_watch")
    if found is None or found.engine is not engine:
        found = current_app.extensions["feed_watch"] = FeedWatch(engine)
    return found


def calendar_mail_choices() -> CalendarMailChoices:
    """A participant's and a trip owner's calendar-mail choices."""
    return CalendarMailChoices(planner().engine)


def settings() -> Settings:
    return planner().settings


def public_base() -> str:
    """The address absolute links start with, without a trailing slash: `[planner] base_url`
    when set, else this request's scheme and host (see web.links for proxies)."""
    return settings().base_url.rstrip("/") or request.host_url.rstrip("/")


def signins() -> SignInLog | None:
    """The record of sign-in attempts (None on in-memory storage)."""
    return planner().signins


def signin_limiter() -> Any:
    """The per-address limiter of failed sign-ins (web.throttle makes it at start-up)."""
    return current_app.extensions["signin_limiter"]


def api_limiter() -> Any:
    """The per-token limiter of API requests (web.api.blueprint makes it at start-up)."""
    return current_app.extensions["api_limiter"]


def changes_after(record_id: Any, version: int, tr: Any = None) -> Any:
    """A record's changes after a version, as far as the conflict page may show them, in the
    language of `tr` (planner.i18n)."""
    return changes_since(planner(), record_id, version, tr)


def erase_person(person_id: Any, *, actor: str, reason: str) -> Any:
    """Erase a person's personal data (their key goes; the log and its chain stay)."""
    return erase(planner(), person_id, actor=actor, reason=reason)


def audit() -> AuditDesk:
    """The audit screens' queries and commands (built once per app from the wired Planner)."""
    desk = current_app.extensions.get("audit")
    if desk is None:
        desk = current_app.extensions["audit"] = AuditDesk(planner())
    return desk


def feed() -> FeedDesk:
    """The change feed, a record's history and its past states, for the API."""
    return FeedDesk(planner())
def mail_desk() -> MailDesk | None:
    """The outbox as the Mail and delegation pages read it (None on in-memory storage)."""
    wired = planner()
    if wired.engine is None:
        return None
    desk = current_app.extensions.get("mail_desk")
    if desk is None:
        desk = current_app.extensions["mail_desk"] = MailDesk(wired.engine, wired.settings)
    return desk


def today() -> date:
    """Today for the planner: the application's clock, so demo and tests can fix the date."""
    return now().date()


def now() -> datetime:
    """The application's clock (UTC): what the commands' time rules compare with."""
    return planner().app.now()


def actor() -> str:
    """Who the event log records as having made a change: the signed-in account."""
    return g.user.email


def my_person() -> Any:
    """The signed-in account's person record (PersonRow), or None when it is linked to none."""
    return queries().person(g.user.person_id) if g.user.person_id else None


def page_number() -> int:
    """The `page` query argument of a list; anything but a positive whole number is page 1."""
    return max(1, whole_number(request.args.get("page", "1"), digits=6) or 1)


def found(row: Any, what: str, record_id: object) -> Any:
    """The row, or a 404 naming what was not found."""
    if row is None:
        raise NotFound(gettext("There is no %(kind)s with id %(record_id)s.", kind=word(what),
                               record_id=record_id))
    return row
