"""Calendars over HTTP: personal subscription feeds, downloads, and calendar addresses.

- `GET /feeds/<token>.ics`: a person's feed. No login: the secret token is the key. Only its
  SHA-256 hash is in the log (`Person.FeedTokenReset`), so the address can be shown only once,
  right after it is created or reset. An unknown or revoked token gets the same bare 404.
- `GET /trips/<id>/calendar.ics`, `/meetings/<id>/calendar.ics`: downloads for those who may
  read the trip; `GET /my/calendar.ics`: the signed-in participant's own calendar, once.
- `POST /my/calendar/address` (the owner), `POST /trips/<id>/calendars/<person>` (an
  organiser, from the trip's calendar-address screen) and `POST /people/<id>/calendar/address`
  (an organiser, from the person's screen) create or reset an address; the page that answers
  shows it once, to copy or subscribe to at once. Resets are events in the log.

HTTP: bodies are sent as they are (no compression), with a strong ETag from the bytes and
Last-Modified from the data. A matching If-None-Match gets 304. If-Modified-Since is honoured
for trip and meeting calendars, whose last change only grows; a person's feed can lose a
meeting (taken off it) without any remaining row changing, so there only the ETag counts.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime, timedelta
from typing import Any
from urllib.parse import quote, urlencode
from uuid import UUID

import segno
from flask import Blueprint, Response, current_app, render_template, request, url_for
from flask_babel import get_locale, gettext, lazy_gettext
from markupsafe import Markup
from werkzeug.exceptions import NotFound
from werkzeug.http import unquote_etag

from planner.calendar.files import CalendarFile
from planner.domain.errors import ValidationError
from web import access
from web.feedwatch import record_fetch
from web.layout import add_slot
from web.trips import trip
from web.wiring import actor, calendars, commands, found, my_person, public_base, queries

bp = Blueprint("feeds", __name__)
add_slot("schedule", "calendar/_my_calendar.html")
add_slot("trip", "calendar/_trip_calendar.html")
add_slot("meeting", "calendar/_meeting_calendar.html")

CALENDAR_TYPE = "text/calendar; charset=utf-8"
CACHE = "private, no-cache"  # keep a copy, but ask every time: a 304 is cheap, stale is not
TOKEN = re.compile(r"[A-Za-z0-9_-]{22,128}")  # url-safe base64 of 128 bits or more
ACTIONS = {"create": "calendar address created", "reset": "calendar address reset"}


# -- feeds and downloads -------------------------------------------------------------------------
@bp.get("/feeds/<token>.ics")
@access.public
def feed(token: str) -> Response:
    """A person's subscription feed, found by the hash of its secret token."""
    person = None
    if TOKEN.fullmatch(token):
        person = queries().person_by_feed_token_hash(commands().feed_key(token))
    if person is None:
        return Response("Not found\n", 404, mimetype="text/plain",
                        headers={"Cache-Control": "no-store"})
    response = calendar_response(calendars().person(person.id), "inline",
                                 if_modified_since=False)
    record_fetch(person.id)  # when, and which kind of client (planner.feedwatch)
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["X-Robots-Tag"] = "noindex"
    return response


@bp.get("/trips/<uuid:trip_id>/calendar.ics")
@access.trip_reader
def trip_calendar(trip_id: UUID) -> Response:
    return calendar_response(calendars().trip(trip_id), "attachment")


@bp.get("/meetings/<uuid:meeting_id>/calendar.ics")
@access.meeting_reader
def meeting_calendar(meeting_id: UUID) -> Response:
    """A one-off download, its added texts in the language the page was shown in."""
    locale = get_locale()
    language = locale.language if locale else None
    return calendar_response(calendars().meeting(meeting_id, language), "attachment")


@bp.get("/my/calendar.ics")
@access.signed_in
def my_calendar() -> Response:
    """The signed-in participant's calendar as a file to import once."""
    return calendar_response(calendars().person(_my_person().id), "attachment",
                             if_modified_since=False)


def calendar_response(calendar: CalendarFile, disposition: str, *,
                      if_modified_since: bool = True) -> Response:
    headers = {"ETag": calendar.etag, "Cache-Control": CACHE,
               "Content-Disposition": content_disposition(disposition, calendar.filename),
               "X-Content-Type-Options": "nosniff"}
    last_modified = _settled(calendar.last_modified)
    if _not_modified(calendar.etag, last_modified if if_modified_since else None):
        response = Response(status=304, headers=headers)
    else:
        response = Response(calendar.body, 200, headers=headers, content_type=CALENDAR_TYPE)
    if last_modified is not None:
        response.last_modified = last_modified
    return response


def _settled(last_modified: datetime | None) -> datetime | None:
    """Last-Modified only once its second is over (as Apache does).

    HTTP dates have whole seconds: a date sent while its second is still running could not tell
    a copy made before a later change in that same second from one made after it, and the
    client's If-Modified-Since would then get a wrong 304. Until then the ETag alone validates.
    """
    if last_modified is None:
        return None
    whole = last_modified.replace(microsecond=0)
    return whole if datetime.now(UTC) >= whole + timedelta(seconds=1) else None


def _not_modified(etag: str, last_modified: Any) -> bool:
    """RFC 9110 13.2.2: If-None-Match decides when sent; else If-Modified-Since (for GET)."""
    if request.method not in ("GET", "HEAD"):
        return False
    if "If-None-Match" in request.headers:
        return request.if_none_match.contains_weak(unquote_etag(etag)[0])
    since = request.if_modified_since
    return bool(since and last_modified and last_modified <= since)


_ASCII_LOOKALIKES = str.maketrans({"ß": "ss", "–": "-", "—": "-", "’": "'", "„": '"'})


def content_disposition(kind: str, filename: str) -> str:
    """`attachment; filename="..."` with an ASCII fallback, and RFC 5987 `filename*` (UTF-8)
    whenever the real name is not plain ASCII (German and Chinese names)."""
    plain = unicodedata.normalize("NFKD", filename.translate(_ASCII_LOOKALIKES))
    plain = plain.encode("ascii", "ignore").decode("ascii").replace('"', "'").replace("\\", " ")
    stem, dot, extension = " ".join(plain.split()).rpartition(".")
    plain = f"{stem.strip(' -.')}{dot}{extension}" if stem.strip(" -.") else "calendar.ics"
    value = f'{kind}; filename="{plain}"'
    if plain != filename:
        value += "; filename*=UTF-8''" + quote(filename, safe="")
    return value


# -- calendar addresses ------------------------------------------------------------------------
def _my_person() -> Any:
    person = my_person()
    if person is None:
        raise NotFound(gettext("Your account is not linked to a person in a delegation, so it "
                               "has no calendar."))
    return person


def _action() -> str:
    """Which button was pressed: without one (a stray or forged post) nothing is reset."""
    action = request.form.get("action", "").strip()
    if action not in ACTIONS:
        raise ValidationError("action", gettext("press “Create my calendar address” or “Reset "
                                                "address”; nothing was changed"))
    return action


@bp.post("/my/calendar/address")
@access.own_preferences
def reset_mine() -> Any:
    """The owner creates or resets their own feed address, and sees it this once."""
    action = _action()
    person = _my_person()
    token = commands().reset_feed_token(person.id, actor=actor(),
                                        reason=f"{ACTIONS[action]} by its owner")
    return _address_page(person, token, back=url_for("schedule.mine"), own=True)


@bp.get("/trips/<uuid:trip_id>/calendars")
@access.trip_planner
def addresses(trip_id: UUID) -> Any:
    """Organisers: the delegation's calendar addresses (whether each has one; reset)."""
    row = trip(trip_id)
    people = {str(p.id): p for p in queries().people()}
    members = [(m, people.get(str(m.person_id))) for m in row.members]
    return render_template("calendar/members.html", trip=row, members=members)


@bp.post("/trips/<uuid:trip_id>/calendars/<uuid:person_id>")
@access.trip_planner
def reset_member(trip_id: UUID, person_id: UUID) -> Any:
    """An organiser creates or resets a delegation member's address, to hand it over."""
    action = _action()
    row = trip(trip_id)
    if not any(m.person_id == person_id for m in row.members):
        raise NotFound(gettext("%(id)s is not a member of this trip's delegation.", id=person_id))
    person = queries().person(person_id)
    token = commands().reset_feed_token(person_id, actor=actor(),
                                        reason=f"{ACTIONS[action]} by an organiser")
    return _address_page(person, token, back=url_for("feeds.addresses", trip_id=trip_id),
                         own=False)


def _owns_person(user: access.User, kwargs: dict[str, Any]) -> bool:
    """Organisers (and administrators) of the person's owner organisation; a person their
    organisation may not see is 404, as if there were none."""
    if not user.viewer.plans:
        return False
    person = queries().person_access(user.viewer, str(kwargs["person_id"]))
    if person is None or not person[1]:
        raise NotFound(gettext("There is no person with id %(id)s.", id=kwargs["person_id"]))
    return person[0] == user.organisation_id


person_owner = access.guard(
    "person owner", _owns_person,
    lazy_gettext("Only organisers of the organisation that registered this person can reset "
                 "their calendar address."))


@bp.post("/people/<uuid:person_id>/calendar/address")
@person_owner
def reset_person(person_id: UUID) -> Any:
    """An organiser creates or resets anyone's address from the person's screen
    (`{% include "calendar/_person_address.html" %}` there, with `person` in the context)."""
    action = _action()
    person = found(queries().person(person_id), "person", person_id)
    token = commands().reset_feed_token(person_id, actor=actor(),
                                        reason=f"{ACTIONS[action]} by an organiser")
    back = (url_for("people.show", person_id=person_id)
            if "people.show" in current_app.view_functions else url_for("dashboard.index"))
    return _address_page(person, token, back=back, own=False)


def _address_page(person: Any, token: str, *, back: str, own: bool) -> Response:
    base = public_base()
    address = f"{base}/feeds/{token}.ics"
    links = subscribe_links(address)
    html = render_template("calendar/address.html", person=person, back=back, own=own, **links)
    # The page holds a secret: never keep it in a cache or history snapshot.
    return Response(html, 200, headers={"Cache-Control": "no-store",
                                        "Referrer-Policy": "no-referrer"})


def subscribe_links(address: str) -> dict[str, Any]:
    """The https address, its webcal:// twin, a Google Calendar link and a QR code (SVG)."""
    webcal = "webcal://" + address.split("://", 1)[1]
    google = "https://calendar.google.com/calendar/render?" + urlencode({"cid": webcal})
    qr = segno.make(webcal, error="m").svg_inline(
        scale=4, title=gettext("QR code of your calendar address"), dark="#1d2733")
    return {"address": address, "webcal": webcal, "google": google, "qr": Markup(qr)}
