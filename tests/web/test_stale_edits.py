"""No lost edits: two people edit the same record; the second is told, shown, and can re-submit."""

from __future__ import annotations

import re
from datetime import datetime

from flask import Flask

from tests.web.conftest import form_token, new_trip, signed_in, text_of


def _form_fields(page: str) -> dict[str, str]:
    """The values a browser would send back from the page's first POST form (not sign-out)."""
    main = page[page.index('<main id="main"'):]
    form = re.search(r'<form method="post".*?</form>', main, re.S)[0]
    fields = dict(re.findall(r'<input[^>]*name="([^"]+)"[^>]*value="([^"]*)"', form))
    fields.update(re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)</textarea>', form))
    for name, options in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>',
                                    form, re.S):
        chosen = re.search(r'<option value="([^"]*)" selected', options)
        fields[name] = chosen[1] if chosen else ""
    return fields


def test_a_second_editor_of_a_trip_sees_who_changed_what_and_keeps_their_input(
        app: Flask) -> None:
    trip_id, _ = new_trip(app, title="Shared trip")
    anna, ben = signed_in(app, "organiser"), signed_in(app, "organiser")
    edit = f"/trips/{trip_id}/edit"
    annas_form, bens_form = _form_fields(text_of(anna.get(edit))), _form_fields(
        text_of(ben.get(edit)))
    assert annas_form["expected_version"] == bens_form["expected_version"] == "4"

    annas_form.update(title="Shared trip (Anna's title)", reason="clearer title")
    assert anna.post(edit, data=annas_form).status_code == 302
    bens_form.update(purpose="Ben's purpose: industrial cooperation")
    response = ben.post(edit, data=bens_form)

    assert response.status_code == 409
    page = text_of(response)
    assert "Someone changed this trip while you were editing" in page
    assert "details changed" in page and "organiser@test.example" in page
    assert "clearer title" in page, "the reason given for the change"
    assert "Shared trip (Anna&#39;s title)" in page, "the current value"
    kept = _form_fields(page)
    assert kept["purpose"] == "Ben&#39;s purpose: industrial cooperation", "Ben's input is kept"
    assert kept["expected_version"] == "5", "the form now carries the current version"

    kept = {k: v.replace("&#39;", "'") for k, v in kept.items()}
    kept["title"] = "Shared trip (Anna's title)"
    resubmitted = ben.post(edit, data=kept)
    assert resubmitted.status_code == 302
    row = app.extensions["planner"].queries.trip(trip_id)
    assert row.purpose == "Ben's purpose: industrial cooperation"
    assert row.title == "Shared trip (Anna's title)"


def test_moving_a_meeting_someone_just_moved_shows_both_times(app: Flask) -> None:
    trip_id, munich = new_trip(app, title="Trip with a contested meeting")
    meeting_id = app.extensions["planner"].app.schedule_meeting(
        trip_id, actor="test", kind="official meeting", title="Contested", venue="",
        city="Munich", timezone="Europe/Berlin", leg_id=munich,
        starts=datetime(2024, 11, 20, 9), ends=datetime(2024, 11, 20, 10))
    anna, ben = signed_in(app, "organiser"), signed_in(app, "organiser")
    move = f"/meetings/{meeting_id}/move"
    token_a, token_b = (form_token(text_of(who.get(move, follow_redirects=True)))
                        for who in (anna, ben))
    assert anna.post(move, data=dict(csrf_token=token_a, starts_at="2024-11-20T11:00",
                                     ends_at="2024-11-20T12:00", reason="host is late",
                                     expected_version="1")).status_code == 302
    response = ben.post(move, data=dict(csrf_token=token_b, starts_at="2024-11-20T15:00",
                                        ends_at="2024-11-20T16:00", reason="afternoon",
                                        expected_version="1"))
    assert response.status_code == 409
    page = text_of(response)
    assert "moved" in page and "host is late" in page
    assert re.search(r"<td[^>]*>2024-11-20T15:00</td><td[^>]*>2024-11-20 11:00</td>", page), \
        "Ben's start beside the current start"
    fields = _form_fields(page)
    assert fields["starts_at"] == "2024-11-20T15:00" and fields["expected_version"] == "2"
    assert ben.post(move, data=fields).status_code == 302
    assert "15:00 CET" in text_of(ben.get(f"/meetings/{meeting_id}"))


def test_a_button_on_a_stale_page_gets_the_409_page_not_a_silent_overwrite(app: Flask) -> None:
    trip_id, munich = new_trip(app, title="Trip with a stale button")
    meeting_id = app.extensions["planner"].app.schedule_meeting(
        trip_id, actor="test", kind="official meeting", title="Stale", venue="",
        city="Munich", timezone="Europe/Berlin", leg_id=munich,
        starts=datetime(2024, 11, 20, 9), ends=datetime(2024, 11, 20, 10))
    app.extensions["planner"].app.change_meeting_details(
        meeting_id, actor="colleague@test.example", kind="official meeting", title="Renamed",
        counterparts=[], agenda="")
    client = signed_in(app, "organiser")
    response = client.post(f"/meetings/{meeting_id}/confirm",
                           data={"csrf_token": client.csrf, "expected_version": "1"})
    assert response.status_code == 409
    assert "colleague@test.example" in text_of(response)
    assert app.extensions["planner"].queries.meeting(meeting_id).status == "proposed"
