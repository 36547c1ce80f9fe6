"""Matchmaking on the web: an organiser takes a small conference from profiles to a published
schedule; the representatives see their one-to-ones; outcomes and the report follow. Bad
input names the field and writes nothing; pages of a conference under another trip's address
do not exist; staff who may only view the trip see the pages without their forms."""

from __future__ import annotations

import re
from typing import Any

import pytest
from flask import Flask

from tests.web.conftest import event_count, post, signed_in, visible
from tests.web.matchmaking_kit import FIRMS, Conference, small_conference
from tests.web.world import World


def _base(conference: Conference) -> str:
    return f"/trips/{conference.trip_id}/matchmaking"


def _open(client: Any, conference: Conference, title: str = "One-to-ones") -> str:
    response = post(client, f"{_base(conference)}/open", title=title, side_a="German firms",
                    side_b="Changsha firms", venue="Conference centre", city="Changsha",
                    timezone="Asia/Shanghai", leg_id=conference.leg_id)
    assert response.status_code == 302, visible(response)
    found = re.search(r"/matchmaking/([0-9a-f-]{36})/", response.headers["Location"])
    assert found
    return f"{_base(conference)}/{found.group(1)}"


def _enrol_all(client: Any, conference: Conference, mm: str) -> None:
    for key, (_name, _c, side, offers, requests, sectors, languages) in FIRMS.items():
        profile = conference.profiles[key]
        assert post(client, f"{mm}/companies", profile_id=profile, side=side,
                    people=str(conference.people[key])).status_code == 302
        assert post(client, f"{mm}/companies/{profile}", offers=offers, requests=requests,
                    sectors=sectors, languages=languages).status_code == 302


@pytest.fixture(scope="module")
def conference(app: Flask, world: World) -> Conference:
    return small_conference(app.extensions["planner"].app, world,
                            "B2B conference in Changsha, May 2027")


def test_an_organiser_takes_a_conference_from_profiles_to_a_published_schedule(
        app: Flask, world: World, conference: Conference) -> None:
    client = signed_in(app, "organiser")
    mm = _open(client, conference)
    _enrol_all(client, conference, mm)
    assert "Hunan Lugu Power Battery" in visible(client.get(f"{mm}/companies"))

    page = visible(client.get(f"{mm}/pairs"))
    baar = page.index("Baar Batteriesysteme GmbH seeks a battery-cell supplier, Hunan Lugu")
    assert page.index("Ammersee Werkzeugmaschinen GmbH seeks a service partner") < baar
    profiles = conference.profiles
    for a, b in (("baar", "lugu"), ("ammersee", "tianxin")):
        assert post(client, f"{mm}/pairs/accept", first=profiles[a],
                    second=profiles[b]).status_code == 302
    assert post(client, f"{mm}/pairs/add", first=profiles["ammersee"],
                second=profiles["lugu"]).status_code == 302

    assert post(client, f"{mm}/floor/slots", day="2027-05-11", first_start="14:00",
                last_end="15:00", minutes="20", break_start="14:20",
                break_end="14:40").status_code == 302
    floor = visible(client.get(f"{mm}/floor"))
    assert "14:00–14:20" in floor and "14:40–15:00" in floor and "14:20–14:40" not in floor
    assert post(client, f"{mm}/floor/tables", name="Table 1", seats="3").status_code == 302
    assert post(client, f"{mm}/floor/interpreters", person_id=conference.people["interpreter"],
                language_pairs="de-zh").status_code == 302

    assert post(client, f"{mm}/schedule/propose").status_code == 302
    grid = client.get(f"{mm}/schedule")
    text = visible(grid)
    assert "Provisional" in text and "Li Na" in text, text  # Baar (de) × Lugu (zh) needs her
    assert "Not placed (1)" in text  # one table, two slots, three pairs: one is left out
    version = re.search(r'name="expected_version" value="(\d+)"', grid.get_data(as_text=True))
    assert version
    assert post(client, f"{mm}/schedule/publish",
                expected_version=version.group(1)).status_code == 302
    assert "Published: 2 one-to-one meetings" in visible(client.get(f"{mm}/schedule"))

    programme = visible(client.get(f"/trips/{conference.trip_id}"))
    assert programme.count("One-to-one:") == 2
    mine = visible(signed_in(app, "member").get("/schedule"))
    assert "Baar Batteriesysteme GmbH × Hunan Lugu Power Battery Co., Ltd." in mine


def test_bad_input_names_the_field_and_writes_nothing(app: Flask, world: World,
                                                      conference: Conference) -> None:
    client = signed_in(app, "organiser")
    mm = _open(client, conference, "Second round")
    profile = conference.profiles["baar"]
    assert post(client, f"{mm}/companies", profile_id=profile, side="a").status_code == 302
    planner = app.extensions["planner"]
    cases = [
        ("/open", dict(title="", side_a="A", side_b="B", venue="V", city="C",
                       timezone="Asia/Shanghai"), "title"),
        ("/open", dict(title="T", side_a="Same", side_b="same", venue="V", city="C",
                       timezone="Asia/Shanghai"), "side_b"),
        (f"/{mm.rsplit('/', 1)[1]}/companies", dict(profile_id=profile, side="c"), "side"),
        (f"/{mm.rsplit('/', 1)[1]}/companies/{profile}",
         dict(offers="x", requests="", sectors="99x", languages="de"), "sectors"),
        (f"/{mm.rsplit('/', 1)[1]}/companies/{profile}",
         dict(offers="x", requests="", sectors="28", languages=""), "languages"),
        (f"/{mm.rsplit('/', 1)[1]}/floor/slots",
         dict(day="2027-05-11", first_start="25:00", last_end="15:00", minutes="20"),
         "first_start"),
        (f"/{mm.rsplit('/', 1)[1]}/floor/slots",
         dict(day="2027-05-11", first_start="14:00", last_end="15:00", minutes="many"),
         "minutes"),
        (f"/{mm.rsplit('/', 1)[1]}/floor/tables", dict(name="T", seats="1"), "seats"),
        (f"/{mm.rsplit('/', 1)[1]}/floor/blocks",
         dict(label="Keynote", starts_at="2027-05-11 15:00", ends_at=""), "ends_at"),
        (f"/{mm.rsplit('/', 1)[1]}/floor/interpreters",
         dict(person_id=conference.people["interpreter"], language_pairs=""),
         "language_pairs"),
        (f"/{mm.rsplit('/', 1)[1]}/pairs/accept", dict(first=profile, second=""), "second"),
        (f"/{mm.rsplit('/', 1)[1]}/schedule/publish", {}, "expected_version"),
    ]
    for path, data, field in cases:
        before = event_count(planner)
        response = post(client, _base(conference) + path, **data)
        assert response.status_code == 422, (path, data, visible(response)[:300])
        assert f'id="e-{field}"' in response.get_data(as_text=True) or \
            field.replace("_", " ") in visible(response), (path, field)
        assert event_count(planner) == before, f"{path} with bad {field} wrote events"


def test_a_conference_under_another_trips_address_is_not_found(
        app: Flask, world: World, conference: Conference) -> None:
    client = signed_in(app, "organiser")
    mm = _open(client, conference, "Third round")
    elsewhere = mm.replace(str(conference.trip_id), str(world.trip_id))
    assert client.get(elsewhere).status_code == 404
    assert client.get(f"{elsewhere}/schedule").status_code == 404


def test_staff_who_may_only_view_see_the_pages_without_forms(
        app: Flask, world: World, conference: Conference) -> None:
    mm = _open(signed_in(app, "organiser"), conference, "Fourth round")
    viewer = signed_in(app, "organiser:view")
    page = viewer.get(f"{mm}/companies")
    assert page.status_code == 200 and "Add the company" not in visible(page)
    assert post(viewer, f"{mm}/floor/tables", name="T", seats="2").status_code == 403
    assert signed_in(app, "member").get(mm).status_code == 403
    assert signed_in(app, "outsider").get(mm).status_code == 404


# The explanations' and reasons' English template words (the names and phrases in them are
# entered data and stay as they are).
ENGLISH = ("seeks", " offers ", "supplies", "along the", "both ", "'s interest", "fits",
           "shared language", "interpreter free", "in another meeting", "every possible slot",
           "slot is", "no table", "must meet", "would like", "machinery", "metal products",
           "electrical equipment", "supply chain", "organiser:")


@pytest.mark.parametrize("language, expected, reason", [
    ("de", ("sucht", "bietet", "beide: Maschinenbau", "entlang der Lieferkette",
            "Herstellung von Kraftwagen und Kraftwagenteilen"),
     "keine gemeinsame Sprache (Baar Batteriesysteme GmbH: de; Hunan Lugu Power Battery Co., "
     "Ltd.: zh) und kein Dolmetscher für diese Sprachen im Pool"),
    ("zh", ("寻求", "提供", "双方均属机械", "供应链", "汽车、挂车和半挂车制造"),
     "口译员库中也没有这些语言的口译员"),
])
def test_explanations_and_reasons_are_in_the_readers_language(
        app: Flask, world: World, conference: Conference, language: str,
        expected: tuple[str, ...], reason: str) -> None:
    client = signed_in(app, "organiser")
    mm = _open(client, conference, f"Round in {language}")
    _enrol_all(client, conference, mm)
    profiles = conference.profiles
    for a, b in (("baar", "lugu"), ("ammersee", "tianxin"), ("ammersee", "lugu")):
        assert post(client, f"{mm}/pairs/accept", first=profiles[a],
                    second=profiles[b]).status_code == 302
    assert post(client, f"{mm}/floor/slots", day="2027-05-11", first_start="14:00",
                last_end="14:40", minutes="20").status_code == 302
    assert post(client, f"{mm}/floor/tables", name="Table 1", seats="3").status_code == 302
    assert post(client, f"{mm}/schedule/propose").status_code == 302

    english_pairs = visible(client.get(f"{mm}/pairs"))
    english_schedule = visible(client.get(f"{mm}/schedule"))
    assert "both machinery" in english_pairs and "along the supply chain" in english_pairs
    assert "Hunan Lugu Power Battery Co., Ltd. offers battery cells" in english_pairs
    assert "must meet" not in english_schedule  # the organiser's accepting is not a must-meet
    reasons = ("no interpreter in the pool", "is in another meeting in")
    assert "no shared language (Baar Batteriesysteme GmbH: de; Hunan Lugu Power Battery Co., " \
        "Ltd.: zh) and no interpreter in the pool for these languages" in english_schedule

    header = {"Accept-Language": language}
    pairs = visible(client.get(f"{mm}/pairs", headers=header))
    baar = visible(client.get(f"{mm}/companies/{profiles['baar']}", headers=header))
    assert expected[-1] in baar  # Baar's sector 29, by its NACE name
    expected = expected[:-1]
    schedule = visible(client.get(f"{mm}/schedule", headers=header))
    assert all(word in pairs for word in expected), pairs
    assert "battery cells" in pairs  # an offer stays as entered
    assert [w for w in ENGLISH if w in pairs] == [], pairs
    assert reason in schedule, schedule
    assert [w for w in ENGLISH if w in schedule] == [], schedule
    assert not any(r in schedule for r in reasons)
