"""Countries typed as organisers type them, the zones they use (tzdata's own tables), and the
zone a place form proposes or the suggestions it gives for an unknown zone."""

from __future__ import annotations

import pytest

from planner.domain.errors import ValidationError
from planner.domain.zones import canonical_zone, nearest_zones
from planner.i18n import translator
from planner.places.countries import country_code
from planner.places.zones import country_zones, propose_zone


@pytest.mark.parametrize(("typed", "code"), [
    ("China", "CN"), ("china ", "CN"), ("CN", "CN"), ("cn", "CN"), ("中国", "CN"),
    ("Germany", "DE"), ("Deutschland", "DE"), ("德国", "DE"), ("United States", "US"),
    ("USA", "US"), ("the United States", "US"), ("UK", "GB"), ("Britain", "GB"),
    ("South Korea", "KR"), ("Österreich", "AT"), ("Osterreich", "AT"), ("Burma", "MM")])
def test_countries_are_known_by_english_german_and_chinese_names_and_codes(
        typed: str, code: str) -> None:
    assert country_code(typed) == code


@pytest.mark.parametrize("typed", ["Narnia", "", "XX", "Korea"])
def test_an_unknown_or_ambiguous_country_is_not_guessed(typed: str) -> None:
    assert country_code(typed) is None


def test_china_uses_one_time_zone() -> None:
    china = country_zones("China")
    assert china is not None and china.principal == "Asia/Shanghai"
    assert china.explain().startswith("China uses one time zone: Asia/Shanghai")


def test_germany_uses_one_time_zone_although_buesingen_has_its_own_row() -> None:
    germany = country_zones("Deutschland")
    assert germany is not None and germany.explain() == "Germany uses one time zone: Europe/Berlin"


def test_a_country_with_several_zones_lists_one_per_clock_with_its_comment() -> None:
    us = country_zones("US")
    assert us is not None and us.principal is None
    names = [z.name for z in us.zones]
    assert names[:2] == ["America/New_York", "America/Chicago"]
    assert "America/Detroit" not in names   # keeps Eastern time: New York stands for it
    assert us.explain().startswith("United States uses several time zones: "
                                   "America/New_York (Eastern (most areas)); America/Chicago")


def test_an_empty_zone_is_filled_in_from_a_one_zone_country() -> None:
    proposal = propose_zone("timezone", "", "China", "Chengdu")
    assert proposal.zone == "Asia/Shanghai"
    assert "China uses one time zone: Asia/Shanghai" in proposal.note
    assert propose_zone("timezone", " ", "Germany").zone == "Europe/Berlin"


def test_an_empty_zone_in_a_country_of_several_is_taken_from_the_city_or_asked_for() -> None:
    assert propose_zone("timezone", "", "United States", "Chicago").zone == "America/Chicago"
    with pytest.raises(ValidationError) as refused:
        propose_zone("timezone", "", "United States", "Springfield")
    assert refused.value.field == "timezone"
    assert "United States uses several time zones: America/New_York" in str(refused.value)


def test_a_typed_zone_is_kept() -> None:
    proposal = propose_zone("timezone", "Asia/Urumqi", "China")
    assert (proposal.zone, proposal.note) == ("Asia/Urumqi", "")


def test_an_unknown_zone_names_the_countrys_zone() -> None:
    with pytest.raises(ValidationError) as refused:
        propose_zone("timezone", "Asia/Chengdu", "China", "Chengdu")
    assert str(refused.value).startswith(
        "timezone: Asia/Chengdu is unknown; China uses one time zone: Asia/Shanghai")


def test_a_misspelt_zone_gets_the_nearest_name() -> None:
    assert nearest_zones("Europe/Berln")[0] == "Europe/Berlin"
    assert nearest_zones("chongqing") == ["Asia/Shanghai"]   # an old alias's city
    with pytest.raises(ValidationError) as refused:
        canonical_zone("home_timezone", "Europe/Berln")
    assert "'Europe/Berln' is unknown; similar names: Europe/Berlin" in str(refused.value)
    with pytest.raises(ValidationError) as refused:
        propose_zone("timezone", "Europe/Berln", "Narnia")
    assert "Europe/Berln is unknown; similar names: Europe/Berlin" in str(refused.value)


def test_a_refused_zone_is_explained_in_german_with_german_country_and_time_names() -> None:
    with pytest.raises(ValidationError) as refused:
        propose_zone("timezone", "Asia/Chengdu", "China", "Chengdu")
    assert refused.value.translated(translator("de")) == (
        "Asia/Chengdu ist unbekannt; China: eine einzige Zeitzone, Asia/Shanghai "
        "(Asia/Urumqi nur für Ürümqi); ähnliche Namen: Asia/Kuching")
    with pytest.raises(ValidationError) as refused:
        propose_zone("timezone", "", "USA", "Springfield")
    german = refused.value.translated(translator("de"))
    assert german.startswith("darf nicht leer sein: Vereinigte Staaten: mehrere Zeitzonen – "
                             "America/New_York (Nordamerikanische Ostküstenzeit); "
                             "America/Chicago")
    assert "America/Phoenix (Rocky-Mountains-Zeit, Phoenix)" in german
    assert "uses" not in german and "most areas" not in german


def test_a_refused_zone_is_explained_in_chinese() -> None:
    with pytest.raises(ValidationError) as refused:
        propose_zone("timezone", "Asia/Chengdu", "中国", "成都")
    assert refused.value.translated(translator("zh")) == (
        "Asia/Chengdu 未知；中国只使用一个时区：Asia/Shanghai（Asia/Urumqi 仅用于乌鲁木齐）；"
        "相近的名称：Asia/Kuching")
    with pytest.raises(ValidationError) as refused:
        canonical_zone("home_timezone", "Europe/Berln")
    assert refused.value.translated(translator("zh")).endswith(
        "'Europe/Berln' 未知；相近的名称：Europe/Berlin, Europe/Dublin")


def test_a_filled_in_zone_says_so_in_the_readers_language() -> None:
    proposal = propose_zone("timezone", "", "Deutschland")
    assert proposal.note_in(translator("de")) == (
        "Deutschland: eine einzige Zeitzone, Europe/Berlin; sie wurde eingetragen.")
    assert proposal.note_in(translator("zh")) == "德国只使用一个时区：Europe/Berlin；已自动填入。"
    assert proposal.note == "Germany uses one time zone: Europe/Berlin; it is filled in."
    by_city = propose_zone("timezone", "", "United States", "Chicago")
    assert by_city.note_in(translator("de")) == (
        "America/Chicago ist die Zeitzone von Chicago; sie wurde eingetragen.")
