"""The trip page's parts, kept per read-model position (web.fragments): the itinerary, the
warnings and the side column as rendered HTML, the trip's details and owner as rows. Looked up
while the page is read; rendered and kept only when missing. The page's weak ETag comes from
the same key."""

from __future__ import annotations

from functools import partial
from typing import Any, NamedTuple
from uuid import UUID

from flask import g, request
from flask_babel import get_locale
from markupsafe import Markup

from planner.organisations.access import TripAccess, may_plan
from web import conditional, fragments
from web.feedwatch import member_calendars_of
from web.wiring import database_key, found, queries

PARTS = (("itinerary", "itinerary"), ("warnings", "warnings_list"), ("side", "trip_side"))
"""Each kept part of the page and the block of trips/show.html it is rendered from."""


class TripView(NamedTuple):
    context: dict[str, Any]  # trip, staff, owner
    parts: dict[str, Markup]  # each part's HTML by part name
    etag: str | None


def trip_page(trip_id: UUID, level: TripAccess) -> TripView:
    staff = level >= TripAccess.VIEW
    # everything the itinerary block shows besides the rows: the rights it links by (the
    # level decides may_plan and the warnings), the language and the links' root
    itinerary_key = ("trip-itinerary", str(trip_id), int(level), str(get_locale()),
                     request.script_root, database_key())
    kept: dict[str, Any] = {}

    def held(position: int) -> bool:
        for part, _ in PARTS:
            kept[part] = ((*itinerary_key, position, part),
                          fragments.lookup((*itinerary_key, position, part)))
        return all(html is not None for _, html in kept.values())

    detail = ("trip-detail", str(trip_id), database_key())  # kept by position like the rest
    page = found(queries().trip_page(trip_id, with_warnings=staff, held=held, kept_trip=partial(
        fragments.kept_rows, detail)), "trip", trip_id)
    fragments.keep_rows(detail, page.position, page.trip)
    g.rm_position = page.position  # the page's boxes may keep what they read by it
    etag = conditional.page_etag(itinerary_key, page.position, g.user.viewer.plans,
                                 member_calendars_of(trip_id) if may_plan(level) else ())
    owner = fragments.rows_at(page.position, (*detail, "owner"), partial(
        queries().organisation, page.trip.owner_org_id)) if staff else None
    context: dict[str, Any] = {"trip": page.trip, "staff": staff, "owner": owner}
    if page.itinerary is not None:  # not kept: render the blocks and keep them
        by_meeting: dict[str, list[Any]] = {}  # each meeting's warnings, by their number on top
        for number, warning in enumerate(page.warnings, 1):
            for meeting_id in warning.meeting_ids:
                by_meeting.setdefault(str(meeting_id), []).append((number, warning))
        blocks = {**context, "itinerary": page.itinerary, "warnings": page.warnings,
                  "by_meeting": by_meeting}
        for part, block in PARTS:
            kept[part] = (kept[part][0], fragments.keep(
                kept[part][0], fragments.render_block("trips/show.html", block, **blocks)))
    return TripView(context, {part: html for part, (_, html) in kept.items()}, etag)
