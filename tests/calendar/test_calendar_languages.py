"""Calendars in their reader's language: a person's feed in the language of the person's
account, a trip's calendar in the trip's own setting, a meeting download in the one asked for.
The records' own texts (titles, names, agendas) stay as they were entered; English stays as it
was (the goldens)."""

from __future__ import annotations

import pytest

from planner.calendar.files import meeting_ics, person_ics, trip_ics
from planner.domain.errors import ValidationError
from tests.calendar.kit import leg_day_uid, read
from tests.calendar.scenario import SETUP, World

CHOSEN = {"han@calendar.test": "zh", "koerner@calendar.test": "de"}


@pytest.fixture
def account_languages(world: World) -> None:
    """Han's and Körner's accounts chose Chinese and German (the language switcher's event)."""
    for email, language in CHOSEN.items():
        world.planner.app.choose_language(email, actor=email, language=language)


def _legs(world: World) -> tuple:
    return world.planner.queries.trip(world.leipzig).legs


def test_a_chinese_participants_feed_is_in_chinese(world: World, account_languages: None):
    feed = person_ics(world.planner, world.han)
    calendar = read(feed.body)
    nanjing, _ = _legs(world)

    days = [str(calendar.event(leg_day_uid(nanjing.leg_id, n))["SUMMARY"]) for n in (1, 2, 3)]
    # the city as entered (here in Latin letters), the words around it in Chinese
    assert days == ["Nanjing（第 1 天，共 3 天）", "Nanjing（第 2 天，共 3 天）",
                    "Nanjing（第 3 天，共 3 天）"]
    unfolded = feed.body.decode().replace("\r\n ", "")
    assert "DESCRIPTION:行程：" in unfolded
    assert "出席人员：" in unfolded and "详情：" in unfolded
    assert "Attendees:" not in unfolded and "Trip:" not in unfolded
    assert "CATEGORIES:官方会见" in unfolded  # the kind, in the reader's words
    assert "Welcome\\; cooperation\\, investment" in unfolded  # the agenda as entered
    assert feed.filename == "韩立明的日程 – Delegation Planner.ics"


def test_a_german_participants_feed_is_german_and_an_english_ones_unchanged(
        world: World, account_languages: None):
    german = read(person_ics(world.planner, world.koerner).body)
    english = person_ics(world.planner, world.schuelke).body.decode().replace("\r\n ", "")
    nanjing, _ = _legs(world)

    assert str(german.event(leg_day_uid(nanjing.leg_id, 2))["SUMMARY"]) == \
        "Nanjing (Tag 2 von 3)"
    assert "Trip: " in english and "Reise:" not in english


def test_a_trip_calendar_follows_the_trips_language(world: World):
    english = trip_ics(world.planner, world.leipzig)
    world.planner.app.set_trip_language(world.leipzig, actor=SETUP, language="de")
    german = trip_ics(world.planner, world.leipzig)
    calendar = read(german.body)
    nanjing, _ = _legs(world)

    assert str(calendar.event(leg_day_uid(nanjing.leg_id, 3))["SUMMARY"]) == \
        "Nanjing (Tag 3 von 3)"
    unfolded = german.body.decode().replace("\r\n ", "")
    assert "Tagesordnung:" in unfolded and "Teilnehmende:" in unfolded
    assert "CATEGORIES:Offizielles Treffen" in unfolded
    assert german.etag != english.etag
    # and back to the configured language: the same texts as before
    world.planner.app.set_trip_language(world.leipzig, actor=SETUP, language="")
    again = trip_ics(world.planner, world.leipzig).body.decode().replace("\r\n ", "")
    assert "Nanjing (day 3 of 3)" in again and "Tagesordnung:" not in again


def test_a_trip_language_must_be_one_the_planner_speaks(world: World):
    version = world.planner.queries.trip(world.leipzig).version
    with pytest.raises(ValidationError, match="language: must be one of de, en, zh"):
        world.planner.app.set_trip_language(world.leipzig, actor=SETUP, language="fr")
    assert world.planner.queries.trip(world.leipzig).version == version


def test_a_meeting_download_is_in_the_language_asked_for(world: World):
    chinese = meeting_ics(world.planner, world.vice_mayor, language="zh").body.decode()
    english = meeting_ics(world.planner, world.vice_mayor).body.decode()

    assert "议程：" in chinese.replace("\r\n ", "")
    assert "Agenda:" in english.replace("\r\n ", "")


def test_a_feed_as_it_was_is_in_the_persons_language_too(world: World, account_languages: None):
    now = person_ics(world.planner, world.han)
    assert person_ics(world.planner, world.han, as_of=world.clock.now) == now
    assert "（第 2 天，共 3 天）" in now.body.decode()
