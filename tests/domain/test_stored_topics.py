"""The Trip's and the Meeting's events are declared in several modules (legs, delegation,
calendar mails, outcome...), but each is still stored, and found again, under its aggregate's
`module:Aggregate.Name`: a log written before the split loads, and new events keep the old
topics."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any
from uuid import uuid4

from eventsourcing.utils import get_topic, resolve_topic
from sqlalchemy import text

from planner.bootstrap import Planner
from planner.domain.meeting import Meeting
from planner.domain.trip import Trip

ACTOR = "import@invest-region-leipzig.example"
LEG = str(uuid4())
PERSON = str(uuid4())
PROFILE = str(uuid4())
MOVED_EVENTS = ("LegAdded", "LegChanged", "LegRemoved", "MemberAdded", "MemberChanged",
                "MemberRemoved", "ProfileAttached", "ProfileDetached", "AttendeeAddressesShared",
                "SharingChanged", "LanguageSet")
MOVED_MEETING_EVENTS = ("OutcomeRecorded", "FollowUpAdded", "FollowUpCompleted",
                        "AgreementLinked")


def _day(day: str) -> dict[str, str]:
    return {"_type_": "date_iso", "_data_": day}


def _stored(minute: int, **state: Any) -> dict[str, Any]:
    moment = f"2019-04-08T07:{minute:02}:00+00:00"
    return {"timestamp": {"_type_": "datetime_iso", "_data_": moment}, "actor": ACTOR,
            "reason": "", **state}


def _old_rows() -> list[tuple[str, dict[str, Any]]]:
    leg = dict(leg_id=LEG, city="Nanjing", country="China", timezone="Asia/Shanghai",
               arrives_on=_day("2019-06-25"), departs_on=_day("2019-06-27"))
    return [
        ("Created", _stored(10, originator_topic="planner.domain.trip:Trip",
                            title="Delegation trip to Nanjing", purpose="",
                            organiser="Invest Region Leipzig GmbH", direction="outbound",
                            home_timezone="Europe/Berlin", starts_on=_day("2019-06-25"),
                            ends_on=_day("2019-06-30"))),
        ("LegAdded", _stored(11, **leg)),
        ("LegChanged", _stored(12, **{**leg, "departs_on": _day("2019-06-28")})),
        ("MemberAdded", _stored(13, person_id=PERSON, role="delegate", organisation="")),
        ("MemberChanged", _stored(14, person_id=PERSON, role="head", organisation="IRL")),
        ("ProfileAttached", _stored(15, profile_id=PROFILE, profile_version=2)),
        ("AttendeeAddressesShared", _stored(16, shared=True)),
    ]


def test_a_trip_stored_before_its_events_moved_into_mixins_still_loads(
        sqlite_url: str, make_planner: Callable[..., Planner]) -> None:
    planner = make_planner(sqlite_url)
    assert planner.engine is not None
    trip_id = uuid4()
    with planner.engine.begin() as conn:
        for version, (name, state) in enumerate(_old_rows(), start=1):
            conn.execute(text("INSERT INTO planner_events (originator_id, originator_version, "
                              "topic, state) VALUES (:id, :version, :topic, :state)"),
                         {"id": trip_id.bytes, "version": version,
                          "topic": f"planner.domain.trip:Trip.{name}",
                          "state": json.dumps(state).encode("utf-8")})
    trip = planner.app.repository.get(trip_id)
    assert [(leg["city"], str(leg["departs_on"])) for leg in trip.legs] == [
        ("Nanjing", "2019-06-28")]
    assert [(m["person_id"], m["role"]) for m in trip.members] == [(PERSON, "head")]
    assert trip.profiles == [{"profile_id": PROFILE, "profile_version": 2}]
    assert trip.attendee_addresses_shared is True


def test_the_trip_events_declared_in_mixins_keep_their_stored_topics() -> None:
    for name in MOVED_EVENTS:
        topic = f"planner.domain.trip:Trip.{name}"
        assert get_topic(getattr(Trip, name)) == topic
        assert resolve_topic(topic) is getattr(Trip, name)


def test_the_meeting_events_declared_in_mixins_keep_their_stored_topics() -> None:
    for name in MOVED_MEETING_EVENTS:
        topic = f"planner.domain.meeting:Meeting.{name}"
        assert get_topic(getattr(Meeting, name)) == topic
        assert resolve_topic(topic) is getattr(Meeting, name)
