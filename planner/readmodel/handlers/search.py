"""rm_search from the rows a batch changed: each changed trip, meeting, person, organisation,
profile and agreement row is indexed again by its title, just before the batch is written.

Working from the changed rows rather than from events keeps one rule per kind, whatever event
changed the name. An erased person leaves the index (they are never found by a name).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from planner.domain.person import ERASED_PERSON
from planner.readmodel import tables as t
from planner.readmodel.handlers.batch import Batch, Row
from planner.readmodel.keys import fold
from planner.readmodel.search_tables import search


def _trip(r: Row) -> Row:
    return dict(title=r["title"], owner_org_id=r["owner_org_id"], trip_id=r["id"])


def _meeting(r: Row) -> Row:
    return dict(title=r["title"], trip_id=r["trip_id"])


def _person(r: Row) -> Row | None:
    if r["name"] == ERASED_PERSON:
        return None
    return dict(title=r["name"], owner_org_id=r["owner_org_id"],
                organisation_id=r["organisation_id"])


def _organisation(r: Row) -> Row:
    both = r["name"] if r["latin_name"] in ("", r["name"]) else f"{r['name']} ({r['latin_name']})"
    return dict(title=both, organisation_id=r["id"])


def _profile(r: Row) -> Row:
    return dict(title=r["name"], owner_org_id=r["owner_org_id"])


def _agreement(r: Row) -> Row:
    return dict(title=r["title"], owner_org_id=r["owner_org_id"], trip_id=r["trip_id"])


_SOURCES: tuple[tuple[str, Any, Callable[[Row], Row | None]], ...] = (
    ("trip", t.trips, _trip), ("meeting", t.meetings, _meeting), ("person", t.people, _person),
    ("organisation", t.organisations, _organisation), ("profile", t.profiles, _profile),
    ("agreement", t.agreements, _agreement),
)


def index(b: Batch) -> None:
    """Index the records this batch changed (call before `Batch.flush`)."""
    for kind, table, values in _SOURCES:
        stored = b.before[table]  # a row new in this batch has no entry yet
        for (record_id,), row in b.changed(table):
            found = values(row) if row is not None else None
            if (record_id,) in stored:
                if found is not None and found == values(stored[(record_id,)]):
                    continue  # moved, confirmed...: its entry stays as it is
                b.delete(search, kind=kind, record_id=record_id)
            if found is None:
                continue
            entry = {"kind": kind, "record_id": record_id, "owner_org_id": "",
                     "organisation_id": "", "trip_id": "", **found}
            entry["title_key"] = fold(entry["title"])
            b.insert(search, entry)
