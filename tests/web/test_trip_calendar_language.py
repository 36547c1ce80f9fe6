"""An organiser chooses the language of a trip's calendar on the trip's edit form; the trip's
calendar download then speaks it. A language the planner does not speak is refused, naming the
field, and nothing is written."""

from __future__ import annotations

from flask import Flask

from tests.web.conftest import new_trip, signed_in, text_of
from tests.web.test_stale_edits import _form_fields
from tests.web.world import World


def test_an_organiser_sets_the_trip_calendar_to_chinese(app: Flask) -> None:
    trip_id, _ = new_trip(app)
    organiser = signed_in(app, "organiser")
    edit = f"/trips/{trip_id}/edit"
    fields = _form_fields(text_of(organiser.get(edit)))
    assert fields["language"] == ""

    fields["language"] = "zh"
    assert organiser.post(edit, data=fields).status_code == 302

    assert _form_fields(text_of(organiser.get(edit)))["language"] == "zh"
    calendar = organiser.get(f"/trips/{trip_id}/calendar.ics").data.decode()
    assert "Munich（第 2 天，共 4 天）" in calendar.replace("\r\n ", "")


def test_an_unknown_language_is_refused_and_nothing_written(app: Flask) -> None:
    trip_id, _ = new_trip(app)
    organiser = signed_in(app, "organiser")
    edit = f"/trips/{trip_id}/edit"
    version = app.extensions["planner"].queries.trip(trip_id).version
    fields = _form_fields(text_of(organiser.get(edit)))

    response = organiser.post(edit, data={**fields, "language": "fr"})

    assert response.status_code in (400, 422)
    assert "must be one of de, en, zh" in text_of(response)
    assert app.extensions["planner"].queries.trip(trip_id).version == version


def test_a_meeting_download_speaks_the_language_of_the_page(app: Flask, world: World) -> None:
    organiser = signed_in(app, "organiser")
    address = f"/meetings/{world.meeting_id}/calendar.ics"

    chinese = organiser.get(address, headers={"Accept-Language": "zh-CN,zh;q=0.9"})
    english = organiser.get(address, headers={"Accept-Language": "en"})

    assert "CATEGORIES:官方会见" in chinese.data.decode()
    assert "CATEGORIES:official meeting" in english.data.decode()
