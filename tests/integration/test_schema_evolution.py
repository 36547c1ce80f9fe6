"""Events stored by an older release still load: a version-1 CompanyProfile.Registered,
written as raw JSON straight into the events table, comes back through the upcaster."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from uuid import UUID, uuid4

from sqlalchemy import text

from planner.bootstrap import MEMORY, Planner
from planner.domain.organisation import DEFAULT_ORGANISATION_ID
from tests.application.scenarios import ORGANISER, leipzig_trip

TOPIC = "planner.domain.company:CompanyProfile.Registered"


def _version_1_state() -> dict[str, object]:
    """As release 1 wrote it: no `fictitious` field and no `class_version`."""
    return {
        "timestamp": {"_type_": "datetime_iso", "_data_": "2019-05-06T08:00:00+00:00"},
        "originator_topic": "planner.domain.company:CompanyProfile",
        "actor": "import@invest-region-leipzig.example",
        "reason": "",
        "name": "Körner & Schülke GmbH",
        "kind": "company",
        "country": "Germany",
        "city": "Leipzig",
        "sectors": ["Maschinenbau"],
        "size": "small",
        "description": "Sondermaschinen für die Verpackungsindustrie",
        "interests": ["expand into China"],
        "website": "",
    }


def _insert_raw(planner: Planner, record_id: UUID, state: dict[str, object]) -> None:
    assert planner.engine is not None
    raw_id: object = record_id.bytes if planner.engine.dialect.name == "sqlite" else record_id
    with planner.engine.begin() as conn:
        conn.execute(text("INSERT INTO planner_events (originator_id, originator_version, "
                          "topic, state) VALUES (:id, 1, :topic, :state)"),
                     {"id": raw_id, "topic": TOPIC,
                      "state": json.dumps(state, ensure_ascii=False).encode("utf-8")})


def test_the_raw_event_has_the_shape_the_transcoder_writes(
        make_planner: Callable[..., Planner]) -> None:
    """Guard for the test below: today's event is the old one plus the three new keys."""
    app = make_planner(MEMORY).app
    profile_id = app.register_profile(actor=ORGANISER, name="Saxonia Sensorik GmbH",
                                      kind="company", country="Germany")
    stored = app.mapper.to_stored_event(app.history(profile_id)[0])
    assert stored.topic == TOPIC
    today = json.loads(stored.state)
    assert set(today) - set(_version_1_state()) == {"fictitious", "class_version",
                                                           "owner_org_id"}
    assert today["class_version"] == 3
    assert today["timestamp"]["_type_"] == "datetime_iso"


def test_a_version_1_profile_event_loads_through_the_upcaster(
        sql_database_url: str, make_planner: Callable[..., Planner]) -> None:
    writer = make_planner(sql_database_url)
    record_id = uuid4()
    _insert_raw(writer, record_id, _version_1_state())

    app = make_planner(sql_database_url).app
    profile = app.get_profile(record_id)
    assert profile["fictitious"] is False
    assert profile["owner_org_id"] == DEFAULT_ORGANISATION_ID, "owned by the default one"
    assert (profile["name"], profile["sectors"], profile["interests"], profile["version"]) == (
        "Körner & Schülke GmbH", ["Maschinenbau"], ["expand into China"], 1)
    assert app.history(record_id)[0].actor == "import@invest-region-leipzig.example"

    # The old record goes on living: it is edited and handed over on a trip as usual.
    app.change_profile(record_id, actor=ORGANISER, name="Körner & Schülke GmbH",
                       kind="company", country="Germany", city="Leipzig",
                       sectors=["Maschinenbau", "Verpackung"], interests=["expand into China"],
                       reason="sector added after the trip")
    trip = leipzig_trip(app)
    app.attach_profile(trip.trip_id, record_id, actor=ORGANISER)
    assert app.get_trip(trip.trip_id)["profiles"][0]["profile_version"] == 2
    assert app.get_profile(record_id, version=1)["sectors"] == ["Maschinenbau"]
    assert app.get_trip(trip.trip_id)["starts_on"] == date(2019, 6, 25)
