"""Who is out of date: a feed fetch with a given User-Agent shows on the trip page, no address
is stored, and a member who has neither subscribed nor been reached is flagged."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from flask import Flask
from sqlalchemy import inspect

from planner.feedwatch.clients import client_kind
from planner.mail.sender import Sender
from planner.mail.transport import FolderTransport
from tests.web.conftest import new_trip, signed_in
from tests.web.world import SETUP, World

ADDRESS = "203.0.113.77"


def _members_box(app: Flask, trip_id: object) -> str:
    page = signed_in(app, "organiser").get(f"/trips/{trip_id}").get_data(as_text=True)
    start = page.index('id="member-calendars"')
    return page[start:page.index("</section>", start)]


def _person_line(box: str, person_id: object) -> str:
    start = box.index(f'data-person="{person_id}"')
    return box[start:box.index("</li>", start)]


def test_a_feed_fetch_shows_on_the_trip_page_with_its_client_and_no_address_is_kept(
        app: Flask, world: World, tmp_path: Path) -> None:
    planner = app.extensions["planner"]
    trip_id, munich = new_trip(app, title="Telemetry: study visit")
    meeting_id = planner.app.schedule_meeting(
        trip_id, actor=SETUP, kind="official meeting", title="Telemetry meeting",
        venue="Rathaus", city="Munich", timezone="Europe/Berlin",
        starts=datetime(2024, 11, 20, 10), ends=datetime(2024, 11, 20, 11), leg_id=munich,
        attendees=[world.koerner])
    token = planner.app.reset_feed_token(world.koerner, actor=SETUP, reason="test")

    fetched = app.test_client().get(
        f"/feeds/{token}.ics", environ_base={"REMOTE_ADDR": ADDRESS},
        headers={"User-Agent": "Google-Calendar-Importer"})

    assert fetched.status_code == 200
    box = _members_box(app, trip_id)
    koerner = _person_line(box, world.koerner)
    assert "Google Calendar" in koerner and "up to date" in koerner
    han = _person_line(box, world.han)
    assert "Neither subscribed nor reached" in han
    with planner.engine.connect() as conn:
        for name in inspect(conn).get_table_names():
            for row in conn.exec_driver_sql(f'SELECT * FROM "{name}"'):
                assert ADDRESS not in repr(tuple(row)), f"{name} holds the client's address"

    assert "Last mail not delivered yet" in koerner  # his invitation waits in the outbox
    Sender(planner.engine, planner.settings, outbox=planner.outbox,
           transport=FolderTransport(tmp_path / "mails")).run_once()
    assert "Last mail delivered" in _person_line(_members_box(app, trip_id), world.koerner)

    planner.app.move_meeting(meeting_id, actor=SETUP, starts=datetime(2024, 11, 20, 14),
                             ends=datetime(2024, 11, 20, 15), reason="the mayor is late")
    assert "not fetched since the last change" in _person_line(_members_box(app, trip_id),
                                                                world.koerner)


def test_user_agents_are_reduced_to_product_names() -> None:
    assert client_kind("Google-Calendar-Importer") == "Google Calendar"
    assert client_kind("iOS/17.4 (21E219) dataaccessd/1.0") == "Apple Calendar"
    assert client_kind("macOS/14.2 (23C64) CalendarAgent/988") == "Apple Calendar"
    assert client_kind("Microsoft Office/16.0 (Windows NT 10.0; Microsoft Outlook 16.0.17328; "
                       "Pro)") == "Outlook"
    assert client_kind("Mozilla/5.0 (X11; Linux x86_64; rv:115.0) Gecko/20100101 "
                       "Thunderbird/115.8.0") == "Thunderbird"
    assert client_kind("curl/8.5.0") == "other"
    assert client_kind(None) == "other"
