"""A record's history and its state at a moment (planner.changefeed.records): who may open
which record, the history in the feed's shape, the state as it stood."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from planner.changefeed.records import Reach, as_of, history, moment, reach
from planner.domain.errors import NotFoundError, ValidationError
from tests.changefeed.test_feed import _planner, viewer
from tests.web.org_world import EMAILS, OrgWorld
from tests.web.org_world import build as build_orgs


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OrgWorld]:
    planner = _planner(tmp_path_factory.mktemp("records"))
    yield build_orgs(planner)
    planner.close()


@pytest.mark.parametrize(("who", "kind", "record", "expected"), [
    ("leipzig organiser", "trip", "leipzig_trip", Reach.READ),
    ("leipzig organiser", "trip", "nanjing_trip", Reach.READ),  # shared at view
    ("jining organiser", "trip", "leipzig_trip", Reach.MISSING),
    ("leipzig organiser", "company profile", "nanjing_profile", Reach.MISSING),
    ("leipzig organiser", "company profile", "nanjing_handed", Reach.READ),
    ("leipzig organiser", "agreement", "nanjing_with_leipzig", Reach.READ),
    ("leipzig organiser", "agreement", "nanjing_agreement", Reach.MISSING),
    ("leipzig organiser", "person", "jining_leipziger", Reach.READ),
    ("leipzig organiser", "trip", "leipzig_profile", Reach.MISSING),  # the wrong kind
    ("nanjing participant", "trip", "nanjing_trip", Reach.REFUSED),
    ("leipzig auditor", "agreement", "leipzig_agreement", Reach.READ),
    ("nanjing auditor", "agreement", "leipzig_agreement", Reach.MISSING),
    ("global auditor", "agreement", "nanjing_agreement", Reach.READ),
])
def test_who_opens_which_record(world: OrgWorld, who: str, kind: str, record: str,
                                expected: Reach) -> None:
    assert reach(world.planner, viewer(world, who), kind, world.ids[record]) is expected


def test_a_malformed_or_unknown_id_is_missing(world: OrgWorld) -> None:
    me = viewer(world, "global auditor")
    assert reach(world.planner, me, "trip", "not-an-id") is Reach.MISSING
    assert reach(world.planner, me, "trip", "00000000-0000-4000-8000-000000000000") \
        is Reach.MISSING


def test_history_is_the_records_own_events_in_order(world: OrgWorld) -> None:
    page = history(world.planner, viewer(world, "leipzig organiser"), str(world.nanjing_trip))
    assert [c.record_version for c in page.changes] == list(range(1, len(page.changes) + 1))
    assert {c.record_id for c in page.changes} == {str(world.nanjing_trip)}
    assert [c.event_type for c in page.changes][:2] == ["Trip.Created", "Trip.SharingChanged"]


def test_a_record_as_it_stood_before_a_change(world: OrgWorld) -> None:
    planner = world.planner
    before = datetime.now(UTC)
    planner.app.change_profile(world.leipzig_profile, actor=EMAILS["leipzig organiser"],
                               name="Körner Maschinenbau AG", kind="company",
                               country="Germany")
    then = as_of(planner, str(world.leipzig_profile), before)
    now = as_of(planner, str(world.leipzig_profile), datetime.now(UTC))
    assert then.fields["name"] == "Körner Maschinenbau GmbH"
    assert now.fields["name"] == "Körner Maschinenbau AG"
    assert now.version == then.version + 1 == now.latest_version
    shown = then.as_json()
    assert shown["record_type"] == "company profile" and shown["as_of"].endswith("+00:00")
    with pytest.raises(NotFoundError):
        as_of(planner, str(world.leipzig_profile), before - timedelta(days=3650))


@pytest.mark.parametrize("text", ["", "2025-06-02", "2025-06-02T10:00", "yesterday",
                                  "2025-13-02T10:00+02:00", "9" * 60, "２０２５-06-02T10:00Z"])
def test_a_moment_needs_a_date_time_and_offset(text: str) -> None:
    with pytest.raises(ValidationError) as error:
        moment("as_of", text)
    assert error.value.field == "as_of"


def test_a_moment_with_an_offset_is_read_as_utc() -> None:
    assert moment("as_of", "2025-06-02T10:00:00+02:00") == datetime(2025, 6, 2, 8, tzinfo=UTC)
    assert moment("as_of", "2025-06-02T08:00:00Z") == datetime(2025, 6, 2, 8, tzinfo=UTC)
