"""The trip page's itinerary and warnings, kept as fragments (web.fragments) per read-model
position: looked up while the page is read, rendered and kept only when missing."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from flask import g, request
from flask_babel import get_locale
from markupsafe import Markup

from planner.organisations.access import TripAccess
from web import fragments
from web.wiring import database_key, found, queries

PARTS = (("itinerary", "itinerary"), ("warnings", "warnings_list"))
"""Each kept part of the page and the block of trips/show.html it is rendered from."""


def trip_page(trip_id: UUID, level: TripAccess) -> tuple[dict[str, Any], dict[str, Markup]]:
    """The page's context (trip, staff, owner) and its parts' HTML by part name."""
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

    page = found(queries().trip_page(trip_id, with_warnings=staff, held=held), "trip", trip_id)
    g.rm_position = page.position  # the page's boxes may keep what they read by it
    owner = queries().organisation(page.trip.owner_org_id) if staff else None
    context: dict[str, Any] = {"trip": page.trip, "staff": staff, "owner": owner}
    if page.itinerary is not None:  # not kept: render both blocks and keep them
        by_meeting: dict[str, list[Any]] = {}  # each meeting's warnings, by their number on top
        for number, warning in enumerate(page.warnings, 1):
            for meeting_id in warning.meeting_ids:
                by_meeting.setdefault(str(meeting_id), []).append((number, warning))
        blocks = {**context, "itinerary": page.itinerary, "warnings": page.warnings,
                  "by_meeting": by_meeting}
        for part, block in PARTS:
            kept[part] = (kept[part][0], fragments.keep(
                kept[part][0], fragments.render_block("trips/show.html", block, **blocks)))
    return context, {part: html for part, (_, html) in kept.items()}
