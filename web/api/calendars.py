"""A person's schedule and calendar links in the API.

A personal feed address holds a secret of which only the hash is kept, so it can be shown
only when it is made: asking for one creates or resets it (an event; an earlier address stops
working), as the web UI's "calendar address" buttons do. A trip's calendar is served here for
the token (`/api/v1/trips/<id>/calendar.ics`), so a program needs no web session for it.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import Response, g, url_for
from pydantic import BaseModel, Field
from werkzeug.exceptions import NotFound

from web import access
from web.api.blueprint import bp
from web.api.meeting_models import MeetingSummary, summary
from web.api.operation import OPERATIONS, operation, reply
from web.api.values import Moment, Page, PageQuery, moment, page_of
from web.feeds import calendar_response, subscribe_links
from web.wiring import actor, calendars, commands, public_base, queries

TAGS = ["schedule and calendars"]


class ScheduleItem(MeetingSummary):
    trip_title: str
    home: Moment | None = Field(description="The same start in the person's home zone, "
                                            "where it differs.")


class CalendarLink(BaseModel):
    address: str = Field(description="The calendar's https address.")
    webcal: str | None = Field(description="The same as webcal:// (calendar apps subscribe).")
    google: str | None = Field(description="Subscribe in Google Calendar.")
    needs_token: bool = Field(description="Whether fetching it needs the API token (a trip's "
                                          "calendar) or the address alone is the key (a "
                                          "person's feed: keep it secret).")


def _schedule_item(item: Any) -> ScheduleItem:
    home = (moment(item.starts_at, item.home_timezone)
            if item.home_start is not None and item.home_timezone else None)
    return ScheduleItem(**summary(item).model_dump(), trip_title=item.trip_title, home=home)


def _sees_person(user: access.User, kwargs: dict[str, Any]) -> bool:
    """The person themself, or staff whose organisation may see the person (else 404)."""
    person_id = str(kwargs["person_id"])
    if user.person_id == person_id:
        return True
    found = queries().person_access(user.viewer, person_id) if user.viewer.is_staff else None
    if found is None or not found[1]:
        raise NotFound(f"There is no person with id {person_id}.")
    return True


person_reader = access.guard("person reader", _sees_person)


@bp.get("/people/<uuid:person_id>/schedule")
@person_reader
@operation(reply=Page[ScheduleItem], query=PageQuery, tags=TAGS)
def person_schedule(person_id: UUID, query: PageQuery) -> Response:
    """Every meeting the person attends on trips the account may read, in time order (start,
    then id), with local time at the venue and the person's home time."""
    items = [i for i in queries().person_schedule(person_id)
             if access.member_of_trip(g.user, str(i.trip_id))]
    items.sort(key=lambda i: (i.starts_at, str(i.meeting_id)))
    start = (query.page - 1) * query.limit
    return reply(page_of(query, len(items), items[start:start + query.limit],
                         _schedule_item))


def _feed_link(person_id: UUID | str, reason: str) -> Response:
    token = commands().reset_feed_token(person_id, actor=actor(), reason=reason)
    links = subscribe_links(f"{public_base()}/feeds/{token}.ics")
    response = reply(CalendarLink(address=links["address"], webcal=links["webcal"],
                                  google=links["google"], needs_token=False))
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.post("/me/calendar-link")
@access.own_preferences
@operation(reply=CalendarLink, tags=TAGS, refusals=(403,))
def reset_my_calendar_link() -> Response:
    """Create or reset the account's own feed address (shown this once; the old one stops)."""
    if not g.user.person_id:
        raise NotFound("This account is not linked to a person, so it has no calendar.")
    return _feed_link(g.user.person_id, "calendar address reset by its owner (API)")


@bp.post("/trips/<uuid:trip_id>/members/<uuid:person_id>/calendar-link")
@access.trip_planner
@operation(reply=CalendarLink, tags=TAGS, refusals=(403,))
def reset_member_calendar_link(trip_id: UUID, person_id: UUID) -> Response:
    """Create or reset a delegation member's feed address, to hand it over (shown once)."""
    trip = queries().trip(trip_id)
    if trip is None or not any(m.person_id == person_id for m in trip.members):
        raise NotFound(f"{person_id} is not a member of this trip's delegation.")
    return _feed_link(person_id, "calendar address reset by an organiser (API)")


@bp.get("/trips/<uuid:trip_id>/calendar-link")
@access.trip_reader
@operation(reply=CalendarLink, tags=TAGS)
def trip_calendar_link(trip_id: UUID) -> Response:
    """The address of the trip's calendar (fetched with the token)."""
    address = url_for("api.trip_calendar", trip_id=trip_id, _external=True)
    return reply(CalendarLink(address=address, webcal=None, google=None, needs_token=True))


@bp.get("/trips/<uuid:trip_id>/calendar.ics")
@access.trip_reader
@operation(tags=TAGS, refusals=(304,))
def trip_calendar(trip_id: UUID) -> Response:
    """The trip's meetings as an iCalendar file (ETag; If-None-Match gives 304)."""
    return calendar_response(calendars().trip(trip_id), "attachment")


OPERATIONS["calendars_trip_calendar"]["media"] = "text/calendar"
