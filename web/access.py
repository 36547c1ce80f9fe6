"""Who may do what: every view carries exactly one of the decorators below.

Roles: an *organiser* plans their organisation's trips and those shared with it for planning;
an *administrator* plans like one and manages organisations and accounts; a *participant* sees
only the trips they take part in and changes only their own preferences; an *auditor* reads
their organisation's records and what is shared with it (a *global* one: everything) and
changes nothing. The organisation rules are planner.organisations'; the trip guards below
answer 404 for a trip the user may not read and 403 for one they may read but not change as
asked (web.record_access does the same for the other records). Anonymous visitors are sent to
the login page. `check_every_view_is_guarded` refuses to start an app with a view that forgot
its decorator.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any, TypeVar
from urllib.parse import urlencode

from flask import Flask, g, redirect, request, session, url_for
from flask_babel import gettext, lazy_gettext
from werkzeug.exceptions import Forbidden, NotFound

from planner.domain.errors import ValidationError
from planner.organisations.access import TripAccess, Viewer, may_read
from web.wiring import found, queries
from web.words import word

ORGANISER, PARTICIPANT, AUDITOR = "organiser", "participant", "auditor"
SESSION_VERSION = "account_version"
F = TypeVar("F", bound=Callable[..., Any])


@dataclass(frozen=True)
class User:
    """The signed-in account, as the read model knows it."""

    email: str
    name: str
    role: str
    person_id: str
    organisation_id: str = ""
    global_auditor: bool = False

    @property
    def viewer(self) -> Viewer:
        """The account as planner.organisations' rules see it."""
        return Viewer(role=self.role, organisation_id=self.organisation_id,
                      person_id=self.person_id, global_auditor=self.global_auditor)

    @property
    def plans(self) -> bool:
        """Organisers and administrators (which trips: planner.organisations says)."""
        return self.viewer.plans


def register(app: Flask) -> None:
    app.before_request(load_user)
    app.context_processor(lambda: {"user": g.get("user")})


def load_user() -> None:
    """Look the session's account up in the read model, so role changes apply at once.

    A session is valid only while the account stays at the version it was signed in at:
    signing out, a password or role change and disabling all move the version on, which ends
    every session of the account, also copies of its cookie (one small indexed read).
    """
    g.user = None
    email = session.get("email")
    if not email:
        return
    row = queries().account(email)
    if row is None or not row.active or row.version != session.get(SESSION_VERSION):
        session.clear()
        return
    g.user = user_of(row)


def user_of(row: Any) -> User:
    """The User an active account row (AccountRow) acts as: a session's or an API token's."""
    return User(email=row.email, name=row.name, role=row.role,
                person_id=str(row.person_id or ""), organisation_id=row.organisation_id,
                global_auditor=row.global_auditor)


def session_values(email: str) -> dict[str, Any]:
    """What a signed-in session holds: the account and the version it was signed in at."""
    row = queries().account(email)
    if row is None:
        raise LookupError(f"no account for {email}")
    return {"email": row.email, SESSION_VERSION: row.version}


def _mark(view: F, rule: str) -> F:
    view._access = rule  # type: ignore[attr-defined]
    return view


def _login_redirect() -> Any:
    target = request.full_path if request.method == "GET" else request.path
    return redirect(url_for("auth.login") + "?" + urlencode({"next": target.rstrip("?")}))


def guard(rule: str, allow: Callable[[User, dict[str, Any]], bool],
          refusal: str | None = None) -> Callable[[F], F]:
    """A decorator admitting the signed-in users `allow(user, view_args)` accepts; the others
    get 403 with `refusal` (by default a message for `rule`), anonymous visitors the login."""
    def decorate(view: F) -> F:
        @wraps(view)
        def guarded(*args: Any, **kwargs: Any) -> Any:
            user = g.get("user")
            if user is None:
                return _login_redirect()
            if not allow(user, kwargs):
                raise Forbidden(refusal or _refusal(user, rule))
            return view(*args, **kwargs)
        return _mark(guarded, rule)  # type: ignore[return-value]
    return decorate


def _refusal(user: User, rule: str) -> str:
    if rule == "organiser":
        return gettext("Only organisers can change plans; you are signed in as %(role)s.",
                       role=gettext(user.role))
    if rule == "own preferences":
        return gettext("Auditors see everything and change nothing, not even preferences.")
    if rule == "reader":
        return gettext("Only organisers and auditors can see every record.")
    return gettext("You can only see trips you take part in.")


def public(view: F) -> F:
    """No sign-in needed (login page, calendar feeds with their own secret token)."""
    return _mark(view, "public")


signed_in = guard("signed in", lambda user, _: True)
"""Any role: pages that show each role its own slice (dashboard, my schedule, preferences)."""

own_preferences = guard("own preferences", lambda user, _: user.role != AUDITOR)
"""A user's own settings (home zone, feed link): everyone but auditors, who change nothing."""


def trip_level(user: User, trip_id: str) -> TripAccess:
    """The user's access to a trip (planner.organisations.access), once per request; NONE
    also for a trip that does not exist."""
    cache: dict[str, TripAccess] = g.setdefault("_trip_access", {})
    key = str(trip_id)
    if key not in cache:
        try:
            level = queries().trip_access(user.viewer, key)
        except ValidationError:
            level = None
        cache[key] = TripAccess.NONE if level is None else level
    return cache[key]


def member_of_trip(user: User, trip_id: str) -> bool:
    """Whether the user may read the trip: its organisation's staff, partners it is shared
    with, global auditors, and the participants on it."""
    return may_read(trip_level(user, trip_id))


def _trip(trip_id: str) -> Any:
    return found(queries().trip(str(trip_id)), "trip", trip_id)


def trip_of_meeting(meeting_id: str) -> str:
    return str(found(queries().meeting(str(meeting_id)), "meeting", meeting_id).trip_id)


_NEEDS = {TripAccess.MEMBER: "trip reader", TripAccess.VIEW: "trip staff reader",
          TripAccess.PLAN: "trip planner",
          TripAccess.OWN: "trip owner"}
_TOO_LOW = {
    TripAccess.VIEW: lazy_gettext("Only staff who may read the whole trip (its organisation's, "
                                  "or a partner's it is shared with) can see this page."),
    TripAccess.PLAN: lazy_gettext("Only organisers of the trip's organisation, or of a partner "
                                  "it is shared with for planning, can change its programme."),
    TripAccess.OWN: lazy_gettext("Only organisers of the organisation that owns the trip can "
                                 "change its details, dates, status, profiles or sharing."),
}


def trip_guard(needed: TripAccess, trip_of: Callable[[dict[str, Any]], str],
               what: str = "trip_id") -> Callable[[F], F]:
    """A decorator for the pages of one trip (`trip_of(view_args)` names it): a trip the
    user may not read is 404, as if it did not exist; one they may read but not change as
    asked is 403; anonymous visitors get the login page."""
    def allow(user: User, kwargs: dict[str, Any]) -> bool:
        if needed > TripAccess.VIEW and not user.viewer.plans:
            # auditors and participants never change a trip: refused by role, before any
            # record is looked at (which reveals nothing about it)
            raise Forbidden(_refusal(user, "organiser"))
        level = trip_level(user, trip_of(kwargs))
        if not may_read(level):  # the same answer as for a record that does not exist
            raise NotFound(gettext("There is no %(kind)s with id %(record_id)s.",
                                   kind=word(what.removesuffix("_id")),
                                   record_id=kwargs.get(what)))
        if level < needed:
            raise Forbidden(_TOO_LOW.get(needed) or _refusal(user, "organiser"))
        return True
    return guard(_NEEDS[needed], allow)


def _meeting_trip(kwargs: dict[str, Any]) -> str:
    """The meeting's trip, with the user's access to it kept for trip_level (one read)."""
    user, meeting_id = g.user, kwargs["meeting_id"]
    try:
        found_ = queries().meeting_access(user.viewer, str(meeting_id))
    except ValidationError:
        found_ = None
    if found_ is None:
        raise NotFound(gettext("There is no %(kind)s with id %(record_id)s.",
                               kind=gettext("meeting"), record_id=meeting_id))
    trip_id, level = found_
    g.setdefault("_trip_access", {})[str(trip_id)] = level
    return str(trip_id)


trip_reader = trip_guard(TripAccess.MEMBER, lambda kw: kw["trip_id"])
"""Pages of one trip (`trip_id` in the URL) for everyone who may read it."""
trip_staff = trip_guard(TripAccess.VIEW, lambda kw: kw["trip_id"])
"""Working pages of one trip that show every participant's data (matchmaking): staff who may
read the whole trip, not its participants."""
trip_planner = trip_guard(TripAccess.PLAN, lambda kw: kw["trip_id"])
"""The trip's programme: legs, members, meetings (organisers of the owner or a plan partner)."""
trip_owner = trip_guard(TripAccess.OWN, lambda kw: kw["trip_id"])
"""The trip's details, dates, status, profiles and sharing (organisers of the owner)."""
meeting_reader = trip_guard(TripAccess.MEMBER, _meeting_trip, "meeting_id")
"""Pages of one meeting (`meeting_id` in the URL) for everyone who may read its trip."""
meeting_planner = trip_guard(TripAccess.PLAN, _meeting_trip, "meeting_id")
"""Changing one meeting: organisers who may plan its trip."""


def check_every_view_is_guarded(app: Flask) -> None:
    """Refuse to start when a view has no access decorator (a forgotten check is a hole)."""
    unguarded = sorted(endpoint for endpoint, view in app.view_functions.items()
                       if not endpoint.endswith("static") and not hasattr(view, "_access"))
    if unguarded:
        raise RuntimeError("views without an access decorator from web.access: "
                           + ", ".join(unguarded))


def access_rule(app: Flask, endpoint: str) -> str:
    """The decorator a view carries ('public', 'organiser', ...), for tests and docs."""
    return getattr(app.view_functions[endpoint], "_access", "static")
