"""A participant's schedule starts with what is next: today and the next meeting while a trip
is under way, then that trip and the coming one, and past trips folded away at the end."""

from __future__ import annotations

import re
from datetime import timedelta

from flask import Flask
from flask.testing import FlaskClient

from planner.itinerary.order import order_schedule
from tests.itinerary.conftest import Trips
from web import create_app


def _schedule(trips: Trips, person):  # noqa: ANN001, ANN202
    q = trips.planner.queries
    return order_schedule(q.person_schedule(person), q.trips_of_person(person), trips.clock())


def test_while_a_trip_is_under_way_today_and_next_come_first(trips: Trips) -> None:
    schedule = _schedule(trips, trips.koerner)

    assert [item.meeting_id for item in schedule.today] == [trips.today]
    assert schedule.next.meeting_id == trips.today  # 14:00 in Munich is still to come
    assert [plan.trip_id for plan in schedule.coming] == [trips.current, trips.coming]
    assert schedule.under_way.trip_id == trips.current
    assert [plan.trip_id for plan in schedule.past] == [trips.past]


def test_the_days_of_the_trip_under_way_before_today_are_folded(trips: Trips) -> None:
    current = _schedule(trips, trips.koerner).coming[0]
    assert [day.isoformat() for day, _ in current.earlier] == ["2026-10-24"]
    assert [day.isoformat() for day, _ in current.days] == ["2026-10-25", "2026-10-26"]


def test_after_todays_last_meeting_next_is_tomorrows(trips: Trips) -> None:
    trips.clock.now += timedelta(hours=8)  # 17:00 UTC, 18:00 in Munich
    schedule = _schedule(trips, trips.koerner)
    assert schedule.next.meeting_id == trips.tomorrow
    assert [item.meeting_id for item in schedule.today] == [trips.today]


def test_the_order_holds_until_the_next_meeting_starts_or_the_date_changes(
        trips: Trips) -> None:
    """The page keeps the order for this span (web/schedule.py): it ends at the next
    meeting's start, or at the next midnight at a trip's venues when that comes first."""
    schedule = _schedule(trips, trips.koerner)
    assert schedule.until == schedule.next.starts_at  # 14:00 in Munich, today
    trips.clock.now += timedelta(hours=8)  # 18:00 in Munich: midnight comes before tomorrow's
    later = _schedule(trips, trips.koerner)
    assert later.until < later.next.starts_at
    trips.clock.now = later.until
    assert _schedule(trips, trips.koerner).today != later.today  # the next day in Munich


def test_with_no_trip_under_way_the_coming_trip_is_first(trips: Trips) -> None:
    trips.clock.now += timedelta(days=30)
    schedule = _schedule(trips, trips.koerner)
    assert schedule.today == () and schedule.under_way is None
    assert [plan.trip_id for plan in schedule.coming] == [trips.coming]
    assert [plan.trip_id for plan in schedule.past] == [trips.current, trips.past]
    assert schedule.next.title == "Chengdu high-tech zone"


def _client(trips: Trips) -> FlaskClient:
    """Körner's participant account, signed in (through the session)."""
    from web.access import session_values

    planner = trips.planner
    app: Flask = create_app(planner.settings, planner=planner)
    app.config.update(TESTING=True)
    planner.app.open_account(actor="setup@itinerary.test", email="koerner@it.test",
                             name="Michael Körner", role="participant", password_hash="x",
                             person_id=trips.koerner)
    client = app.test_client()
    with app.app_context():
        values = session_values("koerner@it.test")
    with client.session_transaction() as session:
        session.update(values)
    return client


def _page(trips: Trips) -> str:
    response = _client(trips).get("/schedule", headers={"Accept-Language": "en"})
    assert response.status_code == 200
    return response.get_data(as_text=True)


def test_the_page_reads_today_my_calendar_the_trips_then_past_trips(trips: Trips) -> None:
    page = _page(trips)
    marks = ["<h2 id=\"now-heading\">Today</h2>", 'id="my-calendar"', "南京市长访问慕尼黑",
             "Leipzig → Chengdu, May 2027", '<details class="past-trips card">', "Nanjing 2019"]
    positions = [page.find(mark) for mark in marks]
    assert -1 not in positions, dict(zip(marks, positions, strict=True))
    assert positions == sorted(positions)
    today = page[positions[0]:positions[1]]
    assert "Visit to Stadtwerke München" in today and "Chamber of commerce" not in today
    assert re.search(r'<details class="earlier"><summary>1 earlier day of this trip', page)
    assert page.index('href="#my-calendar"') < positions[0], "a link to it at the very top"


def test_the_pdf_download_speaks_the_browsers_language(trips: Trips) -> None:
    from io import BytesIO

    from pypdf import PdfReader

    client = _client(trips)
    response = client.get(f"/schedule/trips/{trips.current}/itinerary.pdf",
                          headers={"Accept-Language": "zh-CN,zh;q=0.9"})
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    assert "attachment" in response.headers["Content-Disposition"]
    text = "".join(p.extract_text() for p in PdfReader(BytesIO(response.data)).pages)
    assert "行程单" in text and "Visit to Stadtwerke München" in text
    elsewhere = client.get(f"/schedule/trips/{trips.past}/itinerary.pdf")
    assert elsewhere.status_code == 200, "a past trip prints too"
