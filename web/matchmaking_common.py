"""What the matchmaking pages share: the conference of the URL (checked to belong to the
URL's trip), the pair a form names, venue-local times read from a form."""

from __future__ import annotations

from datetime import datetime, time
from typing import Any
from uuid import UUID

from flask import g
from flask_babel import gettext as _
from werkzeug.exceptions import NotFound

from planner.domain.errors import ValidationError
from web.forms import Form
from web.trips import trip
from web.wiring import queries, read_once


def conference(trip_id: UUID, matchmaking_id: UUID) -> Any:
    """The conference, or 404 when it does not exist or belongs to another trip (the guard
    has checked the URL's trip)."""
    def read() -> Any:
        row = queries().matchmaking(g.user.viewer, matchmaking_id)
        if row is None or str(row.trip_id) != str(trip_id):
            raise NotFound(_("There is no matchmaking with id %(id)s.", id=matchmaking_id))
        return row
    return read_once("matchmaking", matchmaking_id, read)


def page(trip_id: UUID, matchmaking_id: UUID, **extra: Any) -> dict[str, Any]:
    """The context every page of a conference starts with."""
    return {"trip": trip(trip_id), "mm": conference(trip_id, matchmaking_id), **extra}


def pair(form: Form) -> tuple[str, str]:
    """The two companies a form names: fields `first` and `second`, or `pair` ('a/b')."""
    if "pair" in form.data:
        raw = form.required("pair", _("a one-to-one"))
        first, _slash, second = raw.partition("/")
        if not second:
            raise ValidationError("pair", _("must name two companies; got %(raw)s", raw=repr(raw)))
        return first, second
    return (form.required("first", _("a company of the first side")),
            form.required("second", _("a company of the second side")))


def clock(form: Form, name: str, *, required: bool = True) -> time | None:
    """A time of day at the venue, typed as HH:MM."""
    raw = form.text(name).strip()
    if not raw:
        if required:
            raise ValidationError(name, _("must not be empty: give a time as HH:MM, e.g. 14:00"))
        return None
    try:
        return datetime.strptime(raw, "%H:%M").time()
    except ValueError:
        raise ValidationError(name, _("must be a time as HH:MM, e.g. 14:00; got %(raw)s",
                                      raw=repr(raw))) from None


def local_instant(form: Form, name: str, *, required: bool = True) -> datetime | None:
    """A date and time at the venue ('2023-02-14 15:40'), naive: the commands read it in the
    conference's zone."""
    if not required and not form.text(name).strip():
        return None
    return form.local_datetime(name)
