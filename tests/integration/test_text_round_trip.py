"""Non-Latin text (Chinese, German umlauts and ß, emoji, right-to-left scripts) comes back
from a SQLite file and from PostgreSQL exactly as it was entered."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime

from planner.bootstrap import Planner
from tests.application.scenarios import ORGANISER, SHANGHAI, leipzig_trip

NAMES = [
    "南京天加环境科技有限公司",
    "Körner & Schülke GmbH – Straße der Einheit 5, Größe: groß",
    "Changsha 🚄 matchmaking 🤝 2023",
    "ЕС–Китай: муниципальная комиссия",
    "مؤسسة لايبزيغ للاستثمار",
    "𠀀𠀁 (CJK extension B) and 👩🏽‍💼 (a joined emoji)",
]


def test_non_latin_text_round_trips_intact(sql_database_url: str,
                                           make_planner: Callable[..., Planner]) -> None:
    app = make_planner(sql_database_url).app
    profiles = [app.register_profile(actor=ORGANISER, name=name, kind="company",
                                     country="中国", city="南京", sectors=[name[:20]],
                                     description=f"{name}\n第二行 – zweite Zeile 🙂")
                for name in NAMES]
    trip = leipzig_trip(app)
    meeting = app.schedule_meeting(
        trip.trip_id, actor="李明@例子.中国", kind="official meeting",
        title="与南京市领导会谈 – Gespräch mit der Stadtspitze 🇨🇳🇩🇪",
        venue="南京市人民政府", city="Nanjing", timezone=SHANGHAI,
        starts=datetime(2019, 6, 26, 10), ends=datetime(2019, 6, 26, 11),
        counterparts=["南京市人民政府", "Oberbürgermeister Burkhard Jung"],
        agenda="1. 欢迎 / Begrüßung\n2. Übergabe der Unternehmensprofile 📁")
    app.cancel_meeting(meeting, actor=ORGANISER, reason="市长出差 – Bürgermeister verreist")

    fresh = make_planner(sql_database_url).app
    for profile_id, name in zip(profiles, NAMES, strict=True):
        profile = fresh.get_profile(profile_id)
        assert profile["name"] == name
        assert profile["sectors"] == [name[:20]]
        assert profile["description"] == f"{name}\n第二行 – zweite Zeile 🙂"
        assert (profile["country"], profile["city"]) == ("中国", "南京")
    stored = fresh.get_meeting(meeting)
    assert stored["title"] == "与南京市领导会谈 – Gespräch mit der Stadtspitze 🇨🇳🇩🇪"
    assert stored["counterparts"] == ["南京市人民政府", "Oberbürgermeister Burkhard Jung"]
    assert stored["agenda"] == "1. 欢迎 / Begrüßung\n2. Übergabe der Unternehmensprofile 📁"
    first, last = fresh.history(meeting)[0], fresh.history(meeting)[-1]
    assert first.actor == "李明@例子.中国"
    assert last.reason == "市长出差 – Bürgermeister verreist"
    person = fresh.get_person(trip.schuelke)
    assert person["name"] == "Clemens Schülke"
    assert fresh.get_trip(trip.trip_id)["starts_on"] == date(2019, 6, 25)
