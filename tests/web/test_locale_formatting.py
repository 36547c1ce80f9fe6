"""Dates, times and zones on the itinerary in English, German and Chinese, across Berlin's
clock change (27 October 2019: CEST, UTC+2, becomes CET, UTC+1).

A Chinese delegation's trip to Berlin with a meeting at 10:00 local time on the Saturday
before the change and one on the Monday after it: the local time stays 10:00 on both pages
and in every language; the delegation's home time (Shanghai, no daylight saving) moves from
16:00 to 17:00. Dates are written as each language writes them.
"""

from __future__ import annotations

from datetime import date, datetime

import pytest
from flask import Flask

from tests.web.conftest import signed_in, visible
from tests.web.world import SETUP, World

EXPECTED = {
    "en": ["Sat 26 Oct 2019", "Mon 28 Oct 2019", "10:00–11:30 CEST", "16:00–17:30 CST home",
           "10:00–11:30 CET", "17:00–18:30 CST home"],
    "de": ["Sa., 26. Okt. 2019", "Mo., 28. Okt. 2019", "10:00–11:30 Mitteleuropäische Zeit",
           "16:00–17:30 Chinesische Zeit", "17:00–18:30 Chinesische Zeit"],
    "zh": ["2019年10月26日周六", "2019年10月28日周一", "10:00–11:30 中欧时间",
           "16:00–17:30 中国时间", "17:00–18:30 中国时间"],
}


@pytest.fixture(scope="module")
def berlin_trip(app: Flask, world: World) -> str:
    planner = app.extensions["planner"].app
    trip_id = planner.create_trip(
        actor=SETUP, title="Shanghai delegation to Berlin", organiser="Shanghai Commerce",
        direction="inbound", home_timezone="Asia/Shanghai", starts_on=date(2019, 10, 25),
        ends_on=date(2019, 10, 29))
    leg = planner.add_leg(trip_id, actor=SETUP, city="Berlin", country="Germany",
                          timezone="Europe/Berlin", arrives_on=date(2019, 10, 25),
                          departs_on=date(2019, 10, 29))
    for day in (26, 28):
        planner.schedule_meeting(
            trip_id, actor=SETUP, kind="company visit", title=f"Visit {day}", venue="Siemensstadt",
            city="Berlin", timezone="Europe/Berlin", starts=datetime(2019, 10, day, 10),
            ends=datetime(2019, 10, day, 11, 30), leg_id=leg)
    return str(trip_id)


@pytest.mark.parametrize("language", ("en", "de", "zh"))
def test_the_itinerary_across_the_clock_change_in_each_language(
        app: Flask, berlin_trip: str, language: str) -> None:
    client = signed_in(app, "organiser")
    with client.session_transaction() as session:
        session["language"] = language
    page = visible(client.get(f"/trips/{berlin_trip}"))
    missing = [text for text in EXPECTED[language] if text not in page]
    assert missing == [], page[page.find("Visit 26") - 400:][:1200]


@pytest.mark.parametrize(("language", "expected"), [
    ("en", "Thu 27 Jun 2019, 14:30 CST"),
    ("de", "Do., 27. Juni 2019, 14:30 Chinesische Zeit"),
    ("zh", "2019年6月27日周四 14:30 中国时间"),
])
def test_a_moment_is_written_as_the_language_writes_it(app: Flask, language: str,
                                                      expected: str) -> None:
    from web.filters import moment

    with app.test_request_context(headers={"Accept-Language": language}):
        assert moment(datetime(2019, 6, 27, 6, 30), "Asia/Shanghai") == expected
