"""Warnings at the moment of saving: a route reads the trip's warnings before its command
and, after it, flashes each warning the command made new or worse ("warning" category), with
links to the forms that fix it. One helper for every route that changes a trip's plan."""

from __future__ import annotations

from uuid import UUID

from flask import flash, url_for
from flask_babel import get_locale, gettext
from markupsafe import Markup

from planner.readmodel.rows import Warning
from planner.readmodel.warning_changes import new_or_worse
from web.wiring import queries

Before = tuple[Warning, ...]


def before(trip_id: UUID | str) -> Before:
    """The trip's warnings now, to compare with those after the change."""
    return tuple(queries().warnings(trip_id))


def flash_new(trip_id: UUID | str, earlier: Before) -> None:
    """Flash each warning the change made new or worse, naming the people and meetings
    (the message does) and linking each meeting of this trip it concerns to the one page
    where it is changed (meeting_page)."""
    for warning in new_or_worse(earlier, queries().warnings(trip_id)):
        flash(_message(trip_id, warning), "warning")


def _message(trip_id: UUID | str, warning: Warning) -> Markup:
    language = str(get_locale() or "en")
    links = []
    for meeting_id in warning.meeting_ids:
        row = queries().meeting(meeting_id)
        if row is not None and str(row.trip_id) == str(trip_id):
            links.append(Markup('<a href="{}">{}</a>').format(
                url_for("meeting_page.form", meeting_id=meeting_id),
                gettext("change ‘%(title)s’", title=row.title)))
    fix = (Markup(" ") + gettext("To fix it:") + Markup(" ")
           + Markup(" ").join(_joined(links))) if links else ""
    return Markup("<strong>{}</strong> {}{}").format(
        gettext("Warning (%(kind)s):", kind=warning.kind_name(language)),
        warning.text(language), fix)


def _joined(links: list[Markup]) -> list[Markup]:
    """'a or b or c' in the reader's language."""
    out: list[Markup] = []
    for index, link in enumerate(links):
        out += [Markup(gettext("or")), link] if index else [link]
    return out
