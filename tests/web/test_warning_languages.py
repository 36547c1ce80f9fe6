"""A trip's warnings in the reader's language: on the trip page, the schedule and the API, each
kind of warning is a German or Chinese sentence with the dates and times of that language."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from flask import Flask

from tests.web.api.kit import ApiClient
from tests.web.conftest import make_app, signed_in, visible
from tests.web.warning_world import add_warnings
from tests.web.world import ORGANISER, SETUP, World, build_world


@pytest.fixture(scope="module")
def warned(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Flask, World]]:
    app, planner = make_app(Path(tmp_path_factory.mktemp("warned")))
    world = build_world(planner)
    add_warnings(planner, world)
    yield app, world
    planner.close()


def trip_page(app: Flask, world: World, language: str) -> str:
    client = signed_in(app, "organiser")
    with client.session_transaction() as session:
        session["language"] = language
    response = client.get(f"/trips/{world.trip_id}")
    assert response.status_code == 200
    return visible(response)


GERMAN = [
    "10 Warnungen",
    "Doppelbuchung : Für Michael Körner fallen „Meeting with the vice mayor“ (Di., 25. Juni "
    "2019, 10:00–11:30 Ortszeit Nanjing) in Nanjing und „Jining harbour call“ (Di., 25. Juni "
    "2019, 10:30–10:45 Ortszeit Jining) in Jining zeitlich zusammen.",
    "Überschneidung : Michael Körner nimmt an „Meeting with the vice mayor“ (Di., 25. Juni "
    "2019, 10:00–11:30 Ortszeit Nanjing) und „Qinhuai lunch talk“ (Di., 25. Juni 2019, "
    "11:00–12:30 Ortszeit Nanjing) teil, die sich überschneiden.",
    "„Weishan lake visit“ auf der Reise „Berlin partners in Jining“ (Di., 25. Juni 2019, "
    "12:00–13:00 Ortszeit Jining)",
    "Reisezeit : Lena Vogt und Michael Körner haben 30 Minuten, um von Nanjing („Xuanwu "
    "breakfast talk“, Mi., 26. Juni 2019, 08:30–09:30 Ortszeit Nanjing) nach Jining („Jining "
    "port tour“, Mi., 26. Juni 2019, 10:00–11:00 Ortszeit Jining) zu kommen; nötig sind "
    "mindestens 300 Minuten.",
    "Reisezeit : Michael Körner hat 15 Minuten",
    "findet in Jining statt, die Delegation ist am 26. Juni aber in Nanjing.",
    "außerhalb der Arbeitszeit : „Xuanwu evening reception“ (Do., 27. Juni 2019, 20:30–22:00 "
    "Ortszeit Nanjing) liegt außerhalb der Arbeitszeit (08:00–20:00 Ortszeit).",
    "außerhalb der Reise : „Jining farewell banquet“ (So., 30. Juni 2019, 19:00–21:00 Ortszeit "
    "Jining) liegt außerhalb der Reise (25. Juni 2019 bis 29. Juni 2019).",
    "liegt außerhalb seiner Etappe in Jining (28. Juni bis 29. Juni).",
]
CHINESE = [
    "10 条警告",
    "重复安排 : Michael Körner需要同时在Nanjing参加“Meeting with the vice mayor”（Nanjing当地时间"
    "2019年6月25日周二 10:00–11:30）和在Jining参加“Jining harbour call”（Jining当地时间"
    "2019年6月25日周二 10:30–10:45）。",
    "时间重叠 : Michael Körner参加的“Meeting with the vice mayor”",
    "行程“Berlin partners in Jining”中的“Weishan lake visit”",
    "路程时间 : Lena Vogt和Michael Körner从Nanjing（“Xuanwu breakfast talk”，Nanjing当地时间"
    "2019年6月26日周三 08:30–09:30）前往Jining（“Jining port tour”，Jining当地时间"
    "2019年6月26日周三 10:00–11:00）只有30分钟，至少需要300分钟。",
    "在Jining举行，但6月26日代表团在Nanjing。",
    "工作时间以外 : “Xuanwu evening reception”（Nanjing当地时间2019年6月27日周四 20:30–22:00）"
    "不在工作时间（当地时间08:00–20:00）之内。",
    "超出行程日期 : “Jining farewell banquet”（Jining当地时间2019年6月30日周日 19:00–21:00）"
    "不在行程日期（2019年6月25日至2019年6月29日）之内。",
    "不在其所属的Jining行程段（6月28日至6月29日）之内。",
]
# what the English sentences say around their names, dates and times
ENGLISH = ["would be in", "at the same time", "which overlap", "minutes to get from",
           "minutes are needed", "is outside working hours", "local time", "falls outside",
           "the delegation is in", "on the trip", "Nanjing time", "double booked",
           "travel time", "outside working hours", "Tue, 25 Jun"]


@pytest.mark.parametrize(("language", "sentences"), [("de", GERMAN), ("zh", CHINESE)])
def test_every_kind_of_warning_is_written_in_the_readers_language_on_the_trip_page(
        warned: tuple[Flask, World], language: str, sentences: list[str]) -> None:
    app, world = warned
    page = trip_page(app, world, language)
    assert [s for s in sentences if s not in page] == []
    assert [s for s in ENGLISH if s in page] == []


def test_the_trip_page_keeps_its_warnings_apart_for_each_language(
        warned: tuple[Flask, World]) -> None:
    app, world = warned
    english = trip_page(app, world, "en")
    german, chinese, again = (trip_page(app, world, language) for language in ("de", "zh", "en"))
    assert "10 warnings" in english and again == english
    assert "Lena Vogt and Michael Körner have 30 minutes to get from Nanjing (‘Xuanwu " \
           "breakfast talk’, Wed, 26 Jun 2019, 08:30–09:30 Nanjing time)" in english
    assert "Michael Körner has 15 minutes" in english
    assert "haben 30 Minuten" in german and "只有30分钟" in chinese


def test_the_itinerary_names_the_kinds_of_its_meetings_warnings_in_the_readers_language(
        warned: tuple[Flask, World]) -> None:
    app, world = warned
    client = signed_in(app, "organiser")
    with client.session_transaction() as session:
        session["language"] = "de"
    page = visible(client.get(f"/trips/{world.trip_id}"))
    assert "Reisezeit : siehe Warnung" in page or "Reisezeit" in page.split("10 Warnungen")[1]
    assert "travel time" not in page and "outside leg" not in page


def test_the_api_gives_each_warning_in_the_requests_language_with_its_details(
        warned: tuple[Flask, World]) -> None:
    app, world = warned
    planner = app.extensions["planner"]
    api = ApiClient(app, planner.app.issue_api_token(ORGANISER, actor=SETUP, name="test")[1])
    url = f"trips/{world.trip_id}/warnings?limit=50"  # each answer checked against the schema
    chinese = api.get(url, headers={"Accept-Language": "zh-CN,zh;q=0.9"}).get_json()
    english = api.get(url).get_json()
    german = api.get(url, headers={"Accept-Language": "de"}).get_json()
    assert len(chinese["items"]) == len(english["items"]) == 10
    hours = next(w for w in chinese["items"] if w["kind"] == "outside-working-hours")
    assert hours["message"].endswith("不在工作时间（当地时间08:00–20:00）之内。")
    assert hours["details"]["meeting"] == {
        "title": "Xuanwu evening reception", "city": "Nanjing", "zone": "Asia/Shanghai",
        "start": "2019-06-27T12:30:00+00:00", "end": "2019-06-27T14:00:00+00:00"}
    assert hours["details"]["day_start"] == "08:00"
    travel = [w for w in english["items"] if w["kind"] == "travel-time"]
    assert travel[1]["message"].startswith("Lena Vogt and Michael Körner have 30 minutes")
    assert travel[1]["details"]["names"] == ["Lena Vogt", "Michael Körner"]
    assert travel[1]["details"]["minutes"] == 30 and travel[1]["details"]["needed"] == 300
    assert all("Ortszeit" in w["message"] for w in german["items"])
