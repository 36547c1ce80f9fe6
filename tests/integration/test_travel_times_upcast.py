"""A snapshot of a trip from before trips kept their own travel times (Trip version 2) loads
through the upcaster: no travel times of its own, and new ones can be set."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date

from eventsourcing.domain import Snapshot
from eventsourcing.persistence import StoredEvent

from planner.bootstrap import Planner
from planner.snapshots.verify import verify_snapshots

ACTOR = "organiser@invest-region-leipzig.example"


def test_a_snapshot_of_a_version_2_trip_loads_through_the_upcaster(
        sql_database_url: str, make_planner: Callable[..., Planner]) -> None:
    app = make_planner(sql_database_url).app
    trip_id = app.create_trip(actor=ACTOR, title="Leipzig → Chengdu, May 2027",
                              organiser="Invest Region Leipzig GmbH", direction="outbound",
                              home_timezone="Europe/Berlin", starts_on=date(2027, 5, 10),
                              ends_on=date(2027, 5, 15))
    for city, first, last in (("Chengdu", 10, 12), ("Shanghai", 12, 15)):
        app.add_leg(trip_id, actor=ACTOR, city=city, country="China", timezone="Asia/Shanghai",
                    arrives_on=date(2027, 5, first), departs_on=date(2027, 5, last))
    stored = app.snapshots.mapper.to_stored_event(Snapshot.take(app.repository.get(trip_id)))
    snapshot = json.loads(stored.state)
    assert snapshot["state"].pop("class_version") == 3
    snapshot["state"]["class_version"] = 2
    del snapshot["state"]["travel_times"]  # as the older release's Trip held it
    app.repository.seal.put(StoredEvent(
        originator_id=stored.originator_id, originator_version=stored.originator_version,
        topic=stored.topic, state=json.dumps(snapshot, ensure_ascii=False).encode("utf-8")))

    again = make_planner(sql_database_url)
    assert again.app.get_trip(trip_id)["travel_times"] == []
    report = verify_snapshots(again)
    assert report.ok, report
    again.app.set_travel_time(trip_id, actor=ACTOR, city_a="Chengdu", city_b="Shanghai",
                              minutes=180, reason="a flight")
    assert again.app.get_trip(trip_id)["travel_times"] == [
        dict(city_a="Chengdu", city_b="Shanghai", minutes=180)]
