"""Finding things (issue 15): the search box in the header of staff pages, and the trip's
profile picker as a searchable list. The query itself is tested on SQLite and PostgreSQL in
tests/readmodel/test_search.py; these are the pages, on a database of their own."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient

from planner.passwords import hash_password
from tests.web.conftest import event_count, make_app, open_session, text_of, visible

SETUP = "setup@test.example"
ORGANISER, PARTICIPANT = "olga@agency.example", "pia@agency.example"
OTHER = "otto@other.example"


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    app, planner = make_app(Path(tmp_path_factory.mktemp("search")))
    commands = planner.app
    secret = hash_password("correct horse battery")
    other = commands.register_organisation(actor=SETUP, name="Changsha Bureau of Commerce",
                                           kind="government", country="CN",
                                           timezone="Asia/Shanghai")
    commands.open_account(actor=SETUP, email=ORGANISER, name="Olga", role="organiser",
                          password_hash=secret)
    commands.open_account(actor=SETUP, email=OTHER, name="Otto", role="organiser",
                          password_hash=secret, organisation_id=other)
    person = commands.register_person(actor=SETUP, name="Pia Participant",
                                      home_timezone="Europe/Berlin", email=PARTICIPANT)
    commands.open_account(actor=SETUP, email=PARTICIPANT, name="Pia", role="participant",
                          password_hash=secret, person_id=person)
    trip = commands.create_trip(actor=SETUP, title="Delegation to 南京 and Jining",
                                organiser="Invest Region Leipzig", direction="outbound",
                                home_timezone="Europe/Berlin", starts_on=date(2030, 6, 1),
                                ends_on=date(2030, 6, 5))
    tianjia = commands.register_profile(actor=SETUP, name="南京天加环境科技有限公司",
                                        kind="company", country="China")
    for number in range(1, 31):
        commands.register_profile(actor=SETUP, name=f"Körner Werkzeug {number:02d} GmbH",
                                  kind="company", country="Germany")
    commands.register_profile(actor=SETUP, name="长沙 secret company", kind="company",
                              country="China", owner_org_id=other)
    yield {"app": app, "planner": planner, "trip": str(trip), "tianjia": str(tianjia)}
    planner.close()


def client_of(app: Flask, email: str) -> FlaskClient:
    client = app.test_client()
    client.csrf = open_session(client, email)  # type: ignore[attr-defined]
    return client


def boxes(html: str) -> list[tuple[str, bool]]:
    """The picker's checkboxes: (profile name, ticked)."""
    return [(re.sub(r"\s+", " ", name).strip(), bool(ticked)) for ticked, name in re.findall(
        r'<input type="checkbox" name="profile_id" value="[^"]+"( checked)?>([^<]*)<', html)]


def test_every_staff_page_has_the_search_box(site: dict[str, Any]) -> None:
    organiser = client_of(site["app"], ORGANISER)
    for address in ("/", "/trips", f"/trips/{site['trip']}", "/companies"):
        assert 'role="search"' in text_of(organiser.get(address)), address
    participant = client_of(site["app"], PARTICIPANT)
    assert 'action="/search"' not in text_of(participant.get("/schedule"))
    assert participant.get("/search?q=x").status_code == 403


def test_two_chinese_characters_find_the_trip_and_the_profile(site: dict[str, Any]) -> None:
    page = client_of(site["app"], ORGANISER).get("/search?q=南京")
    shown = visible(page)
    assert page.status_code == 200
    assert shown.index("Trips") < shown.index("Delegation to 南京 and Jining")
    assert shown.index("Company profiles") < shown.index("南京天加环境科技有限公司")
    html = text_of(page)
    assert f'href="/trips/{site["trip"]}"' in html
    assert f'href="/companies/{site["tianjia"]}"' in html
    assert "天加" not in visible(client_of(site["app"], ORGANISER).get("/search?q=北京"))


def test_accents_are_ignored_and_results_are_paginated(site: dict[str, Any]) -> None:
    organiser = client_of(site["app"], ORGANISER)
    first = visible(organiser.get("/search?q=korner+werkzeug"))
    assert "Körner Werkzeug 01 GmbH" in first and "Körner Werkzeug 30 GmbH" in first
    assert "30 in all." in first  # one page of 50
    for number in range(31, 61):
        site["planner"].app.register_profile(actor=SETUP, name=f"Koerner Zange {number}",
                                             kind="company", country="Germany")
    assert "Koerner Zange 60" in visible(organiser.get("/search?q=zange"))
    many = visible(organiser.get("/search?q=o"))  # 60 profiles, the trip, an organisation
    assert "Page 1 of 2 (62 in all)" in many
    assert many.index("Delegation to 南京") < many.index("Changsha Bureau") < many.index("Koerner")
    assert "Page 2 of 2" in visible(organiser.get("/search?q=o&page=2"))
    only = visible(organiser.get("/search?q=werkzeug&kind=trip"))
    assert "Körner Werkzeug" not in only


def test_another_organisations_records_never_appear(site: dict[str, Any]) -> None:
    mine = visible(client_of(site["app"], ORGANISER).get("/search?q=长沙"))
    assert "secret" not in mine
    theirs = visible(client_of(site["app"], OTHER).get("/search?q=长沙"))
    assert "长沙 secret company" in theirs
    other = visible(client_of(site["app"], OTHER).get("/search?q=南京"))
    assert "天加" not in other and "Delegation to" not in other
    assert "Nothing you may see is named like" in other


def test_a_too_long_query_is_refused_naming_the_field(site: dict[str, Any]) -> None:
    page = client_of(site["app"], ORGANISER).get("/search?q=" + "x" * 201)
    assert page.status_code == 422
    assert "q" in visible(page) and "200" in visible(page)


def test_the_profile_picker_narrows_keeps_the_ticks_and_attaches(site: dict[str, Any]) -> None:
    app, trip = site["app"], site["trip"]
    organiser = client_of(app, ORGANISER)
    address = f"/trips/{trip}/profiles"
    everything = text_of(organiser.get(address))
    assert len(boxes(everything)) == 20  # not 32 boxes: at most 20, and a note
    assert "narrow your search" in everything
    assert "长沙" not in everything  # another organisation's profile is never offered

    narrowed = text_of(organiser.get(address + "?name=天加"))
    assert boxes(narrowed) == [("南京天加环境科技有限公司", False)]
    assert "narrow your search" not in narrowed

    # Tick Tianjia, then search again for Körner's tools: the tick is kept.
    before = event_count(site["planner"])
    searched = organiser.post(address, data={"csrf_token": organiser.csrf, "name": "werkzeug 07",
                                             "profile_id": site["tianjia"], "find": "1"})
    assert searched.status_code == 303
    assert event_count(site["planner"]) == before  # a search writes nothing
    page = text_of(organiser.get(searched.headers["Location"]))
    ticked = boxes(page)
    assert ticked[0][1] and ticked[0][0].startswith("南京天加")
    assert ticked[1:] == [("Körner Werkzeug 07 GmbH", False)]
    werkzeug = re.search(r'value="([^"]+)"> Körner Werkzeug 07', page)[1]

    attached = organiser.post(address, data={"csrf_token": organiser.csrf,
                                             "profile_id": [site["tianjia"], werkzeug]})
    assert attached.status_code == 302
    shown = visible(organiser.get(address))
    assert "南京天加环境科技有限公司 handed over at version" in shown
    assert "Körner Werkzeug 07 GmbH handed over at version" in shown
