"""Issue 15, items 3 and 5: a place's zone is proposed from its country (or refused with the
country's zones and similar names, writing nothing), and adding people to a delegation takes
sensible defaults."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient

from tests.web.conftest import event_count, new_trip, post, text_of, visible


def _planner(app: Flask):  # noqa: ANN202
    return app.extensions["planner"]


def _version(app: Flask, trip_id: object) -> str:
    return str(_planner(app).queries.trip(trip_id).version)


def _legs(app: Flask, trip_id: object) -> dict[str, str]:
    return {leg.city: leg.timezone for leg in _planner(app).queries.trip(trip_id).legs}


def test_a_legs_empty_zone_is_filled_in_from_a_one_zone_country(
        app: Flask, organiser: FlaskClient) -> None:
    trip_id, _ = new_trip(app, title="Chengdu without typing a zone")
    added = post(organiser, f"/trips/{trip_id}/legs/new", city="Chengdu", country="China",
                 timezone="", arrives_on="2024-11-22", departs_on="2024-11-22",
                 expected_version=_version(app, trip_id))
    assert added.status_code == 302
    assert _legs(app, trip_id)["Chengdu"] == "Asia/Shanghai"
    page = visible(organiser.get(added.headers["Location"]))
    assert "China uses one time zone: Asia/Shanghai" in page and "it is filled in" in page


def test_the_leg_form_says_the_zone_may_be_left_empty(app: Flask,
                                                      organiser: FlaskClient) -> None:
    trip_id, _ = new_trip(app, title="Leg form hint")
    page = text_of(organiser.get(f"/trips/{trip_id}/legs/new"))
    assert 'id="f-timezone" name="timezone" type="text" value=""' in page
    assert "Leave it empty for a country with one time zone" in page


def test_an_unknown_zone_is_refused_with_the_countrys_zone_and_nothing_is_written(
        app: Flask, organiser: FlaskClient) -> None:
    trip_id, _ = new_trip(app, title="Chengdu with a zone that does not exist")
    before = event_count(_planner(app))
    refused = post(organiser, f"/trips/{trip_id}/legs/new", city="Chengdu", country="中国",
                   timezone="Asia/Chengdu", arrives_on="2024-11-22", departs_on="2024-11-22",
                   expected_version=_version(app, trip_id))
    assert refused.status_code == 422
    page = visible(refused)
    assert "Asia/Chengdu is unknown; China uses one time zone: Asia/Shanghai" in page
    assert 'value="Asia/Chengdu"' in text_of(refused), "what was typed stays in the form"
    assert event_count(_planner(app)) == before
    assert "Chengdu" not in _legs(app, trip_id)


def test_a_misspelt_zone_names_the_nearest_zone(app: Flask, organiser: FlaskClient) -> None:
    trip_id, _ = new_trip(app, title="Berlin misspelt")
    before = event_count(_planner(app))
    refused = post(organiser, f"/trips/{trip_id}/legs/new", city="Berlin", country="Narnia",
                   timezone="Europe/Berln", arrives_on="2024-11-22", departs_on="2024-11-22",
                   expected_version=_version(app, trip_id))
    assert refused.status_code == 422
    assert "Europe/Berln is unknown; similar names: Europe/Berlin" in visible(refused)
    assert event_count(_planner(app)) == before


def test_a_country_of_several_zones_asks_for_one_unless_the_city_names_it(
        app: Flask, organiser: FlaskClient) -> None:
    trip_id, _ = new_trip(app, title="Two American cities")
    before = event_count(_planner(app))
    refused = post(organiser, f"/trips/{trip_id}/legs/new", city="Springfield",
                   country="United States", timezone="", arrives_on="2024-11-22",
                   departs_on="2024-11-22", expected_version=_version(app, trip_id))
    assert refused.status_code == 422
    assert ("must not be empty: United States uses several time zones: "
            "America/New_York (Eastern (most areas)); America/Chicago") in visible(refused)
    assert event_count(_planner(app)) == before
    added = post(organiser, f"/trips/{trip_id}/legs/new", city="Chicago", country="USA",
                 timezone="", arrives_on="2024-11-22", departs_on="2024-11-22",
                 expected_version=_version(app, trip_id))
    assert added.status_code == 302
    assert _legs(app, trip_id)["Chicago"] == "America/Chicago"


# -- item 5: sensible defaults ------------------------------------------------------------
def _person(app: Flask, name: str, **fields: object) -> object:
    return _planner(app).app.register_person(actor="test", name=name,
                                             home_timezone="Europe/Berlin", **fields)


def _selected_roles(page: str) -> list[str]:
    import re
    return re.findall(r'<option value="([^"]+)" selected>', page)


def test_the_role_defaults_to_the_most_common_role_never_the_head(
        app: Flask, organiser: FlaskClient) -> None:
    trip_id, _ = new_trip(app, title="Officials by default")   # two officials
    page = text_of(organiser.get(f"/trips/{trip_id}/members"))
    assert _selected_roles(page) == ["official", "official"], "both add forms"
    assert "head of delegation\" selected" not in page

    trip_id, _ = new_trip(app, title="Mostly interpreters")   # and two officials
    for name in ("Interpreter One", "Interpreter Two", "Interpreter Three"):
        _planner(app).app.add_member(trip_id, actor="test", person_id=_person(app, name),
                                     role="interpreter")
    page = text_of(organiser.get(f"/trips/{trip_id}/members"))
    assert _selected_roles(page) == ["interpreter", "interpreter"]


def test_adding_a_known_person_fills_in_their_organisation(
        app: Flask, organiser: FlaskClient) -> None:
    trip_id, _ = new_trip(app, title="Organisations carried over")
    written = _person(app, "Wang Fang", organisation="ECMDC Nanjing")
    added = post(organiser, f"/trips/{trip_id}/members", person_id=str(written),
                 role="official", organisation="")
    assert added.status_code == 302
    assert "Their organisation, ECMDC Nanjing, is filled in." in visible(
        organiser.get(added.headers["Location"]))

    planner_app = _planner(app).app
    office = planner_app.register_organisation(
        actor="test", name="Jining Trade Office", kind="government", country="CN",
        timezone="Asia/Shanghai")
    belongs = _person(app, "Zhao Lei")
    planner_app.name_person_organisation(belongs, actor="test", organisation_id=office)
    assert post(organiser, f"/trips/{trip_id}/members", person_id=str(belongs),
                role="official").status_code == 302
    typed = _person(app, "Sun Mei", organisation="Somewhere Else")
    assert post(organiser, f"/trips/{trip_id}/members", person_id=str(typed),
                role="official", organisation="For this trip: the city").status_code == 302
    members = {m.name: m.organisation for m in _planner(app).queries.trip(trip_id).members}
    assert members["Wang Fang"] == "ECMDC Nanjing"
    assert members["Zhao Lei"] == "Jining Trade Office", "their organisation record's name"
    assert members["Sun Mei"] == "For this trip: the city", "what was typed wins"


def test_a_new_persons_home_zone_is_their_organisations_or_the_trips(
        app: Flask, organiser: FlaskClient) -> None:
    trip_id, _ = new_trip(app, title="Home zones by default")   # home zone Asia/Shanghai
    _planner(app).app.register_organisation(
        actor="test", name="Tokyo Liaison Office", kind="government", country="JP",
        timezone="Asia/Tokyo")
    page = text_of(organiser.get(f"/trips/{trip_id}/members"))
    assert "else the trip's home zone, Asia/Shanghai." in page
    added = post(organiser, f"/trips/{trip_id}/people", name="Sato Ken", home_timezone="",
                 new_role="adviser", new_organisation="Tokyo Liaison Office")
    assert added.status_code == 302
    assert ("Their home time zone is Asia/Tokyo, the zone of Tokyo Liaison Office"
            in visible(organiser.get(added.headers["Location"])))
    assert post(organiser, f"/trips/{trip_id}/people", name="Liu Yang", home_timezone="",
                new_role="adviser", new_organisation="Not registered here").status_code == 302
    assert post(organiser, f"/trips/{trip_id}/people", name="Anna Typed",
                home_timezone="Europe/Vienna", new_role="adviser",
                new_organisation="Tokyo Liaison Office").status_code == 302
    zones = {p.name: p.home_timezone for p in _planner(app).queries.people()}
    assert zones["Sato Ken"] == "Asia/Tokyo"
    assert zones["Liu Yang"] == "Asia/Shanghai"
    assert zones["Anna Typed"] == "Europe/Vienna"


def test_a_refused_new_person_writes_nothing_and_keeps_the_empty_zone(
        app: Flask, organiser: FlaskClient) -> None:
    trip_id, _ = new_trip(app, title="New person refused")
    before = event_count(_planner(app))
    refused = post(organiser, f"/trips/{trip_id}/people", name="", home_timezone="",
                   new_role="adviser", new_organisation="")
    assert refused.status_code == 422
    assert event_count(_planner(app)) == before
    assert 'id="f-home_timezone" name="home_timezone" type="text" value=""' in text_of(refused)


def test_a_person_registered_without_a_zone_takes_their_organisations(
        app: Flask, organiser: FlaskClient) -> None:
    office = _planner(app).app.register_organisation(
        actor="test", name="Seoul Trade Desk", kind="government", country="KR",
        timezone="Asia/Seoul")
    form = text_of(organiser.get("/people/new"))
    assert 'id="f-home_timezone" name="home_timezone" type="text" value=""' in form
    registered = post(organiser, "/people/new", name="Kim Min-jun", home_timezone="",
                      organisation_id=str(office))
    assert registered.status_code == 302
    assert "Their home time zone is Asia/Seoul, the zone of Seoul Trade Desk" in visible(
        organiser.get(registered.headers["Location"]))
    alone = post(organiser, "/people/new", name="Nobody's Member", home_timezone="")
    assert alone.status_code == 302
    zones = {p.name: p.home_timezone for p in _planner(app).queries.people()}
    assert zones["Kim Min-jun"] == "Asia/Seoul"
    assert zones["Nobody's Member"] == app.extensions["planner"].settings.default_timezone


def test_a_meetings_unknown_zone_names_the_zone_of_its_legs_country(
        app: Flask, organiser: FlaskClient) -> None:
    trip_id, munich = new_trip(app, title="A meeting in a zone that does not exist")
    before = event_count(_planner(app))
    refused = post(organiser, f"/trips/{trip_id}/meetings/new", title="Breakfast",
                   kind="dinner", leg_id=str(munich), venue="Hotel", city="Munich",
                   timezone="Europe/Munich", starts_at="2024-11-20T08:00",
                   ends_at="2024-11-20T09:00")
    assert refused.status_code == 422
    assert ("Europe/Munich is unknown; Germany uses one time zone: Europe/Berlin"
            in visible(refused))
    assert event_count(_planner(app)) == before


def _in(client: FlaskClient, language: str) -> FlaskClient:
    with client.session_transaction() as session:
        session["language"] = language
    return client


def test_a_filled_in_zone_is_announced_in_german(app: Flask, organiser: FlaskClient) -> None:
    trip_id, _ = new_trip(app, title="Chengdu auf Deutsch")
    added = post(_in(organiser, "de"), f"/trips/{trip_id}/legs/new", city="Chengdu",
                 country="China", timezone="", arrives_on="2024-11-22",
                 departs_on="2024-11-22", expected_version=_version(app, trip_id))
    page = visible(organiser.get(added.headers["Location"]))
    assert ("China: eine einzige Zeitzone, Asia/Shanghai (Asia/Urumqi nur für Ürümqi); "
            "sie wurde eingetragen.") in page
    assert "uses one time zone" not in page


def test_an_unknown_zone_is_refused_in_chinese_with_the_countrys_zone(
        app: Flask, organiser: FlaskClient) -> None:
    trip_id, _ = new_trip(app, title="成都")
    before = event_count(_planner(app))
    refused = post(_in(organiser, "zh"), f"/trips/{trip_id}/legs/new", city="成都",
                   country="中国", timezone="Asia/Chengdu", arrives_on="2024-11-22",
                   departs_on="2024-11-22", expected_version=_version(app, trip_id))
    page = visible(refused)
    assert ("Asia/Chengdu 未知；中国只使用一个时区：Asia/Shanghai"
            "（Asia/Urumqi 仅用于乌鲁木齐）") in page
    assert "uses one time zone" not in page and "similar names" not in page
    assert refused.status_code == 422 and event_count(_planner(app)) == before
