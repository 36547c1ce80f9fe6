"""A meeting's edit forms read the meeting once, from the read models, and the trip only where
the form shows more of it than its title (issue 10: the move form ran 21 statements)."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import pytest
from flask import Flask
from sqlalchemy import event

from tests.web.conftest import signed_in

# statement counts measured before -> after: move, edit, status, outcome, follow-ups 21 -> 9;
# relocate (legs) and attendees (members) 21 -> 14, 15 with the trip's partner organisations;
# each one more since the guard asks who may plan the meeting's trip (one statement).
# The one meeting page (issue 15: details, time, place, attendees, status) reads what relocate
# and attendees read together, the meeting once and the trip (legs, members) once: 16.
# Since the one change page, the old edit, move, relocate, status and attendees addresses lead
# there (a redirect that reads the account, the meeting's trip and who may plan it: 3).
LIMITS = {"outcome": 10, "followups": 10, "change": 16}
REDIRECTED = ("move", "edit", "status", "relocate", "attendees")


@contextmanager
def statements(app: Flask) -> Iterator[list[str]]:
    engine = app.extensions["planner"].engine
    seen: list[str] = []

    def count(_conn, _cursor, statement, *_args) -> None:  # noqa: ANN001
        seen.append(statement)

    event.listen(engine, "before_cursor_execute", count)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", count)


@pytest.mark.parametrize("form", sorted(LIMITS))
def test_a_meeting_form_reads_only_what_it_shows(app, world, form):
    client = signed_in(app, "organiser")
    url = f"/meetings/{world.meeting_id}/{form}"
    assert client.get(url).status_code == 200  # the first request may fill caches
    with statements(app) as seen:
        page = client.get(url)
    assert page.status_code == 200
    assert "Leipzig delegation to Nanjing and Jining" in page.get_data(as_text=True)
    assert not [s for s in seen if "planner_events" in s or "planner_snapshots" in s]
    assert len(seen) <= LIMITS[form], "\n".join(seen)


@pytest.mark.parametrize("form", REDIRECTED)
def test_an_old_meeting_form_leads_to_the_change_page_reading_almost_nothing(app, world, form):
    client = signed_in(app, "organiser")
    url = f"/meetings/{world.meeting_id}/{form}"
    client.get(url)
    with statements(app) as seen:
        page = client.get(url)
    assert page.status_code == 302
    assert page.headers["Location"].startswith(f"/meetings/{world.meeting_id}/change#")
    assert len(seen) <= 3, "\n".join(seen)
