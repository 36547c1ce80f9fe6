"""Organisations and trip sharing: registering, changing details, sharing a trip at plan or
view with a reason, and every refusal (which names its field and writes nothing)."""

from __future__ import annotations

from datetime import date
from uuid import UUID, uuid4

import pytest

from planner.application import PlannerApplication
from planner.domain.organisation import DEFAULT_ORGANISATION_ID
from tests.application.scenarios import ORGANISER, LeipzigTrip, event_types, refused

ADMIN = "admin@invest-region-leipzig.example"


def _nanjing(app: PlannerApplication) -> UUID:
    return app.register_organisation(
        actor=ADMIN, name="南京市人民政府", latin_name="Nanjing Municipal People's Government",
        kind="government", country="cn", timezone="Asia/Shanghai")


def test_an_organisation_is_registered_with_both_names_kind_country_and_zone(
        app: PlannerApplication) -> None:
    nanjing = _nanjing(app)
    found = app.get_organisation(nanjing)
    assert (found["name"], found["latin_name"], found["kind"], found["country"],
            found["timezone"]) == ("南京市人民政府", "Nanjing Municipal People's Government",
                                   "government", "CN", "Asia/Shanghai")
    assert event_types(app, nanjing) == ["Organisation.Registered"]
    assert app.history(nanjing)[0].actor == ADMIN


@pytest.mark.parametrize("change, field, says", [
    ({"country": "China"}, "country", "must be a two-letter ISO country code"),
    ({"country": "D1"}, "country", "must be a two-letter ISO country code"),
    ({"country": ""}, "country", "must not be empty"),
    ({"kind": "ministry"}, "kind", "must be one of"),
    ({"timezone": "China/Nanjing"}, "timezone", "China/Nanjing"),
    ({"timezone": "CST"}, "timezone", "CST"),
    ({"name": "  "}, "name", "must not be empty"),
])
def test_bad_details_are_refused_naming_the_field_and_nothing_is_written(
        app: PlannerApplication, change: dict[str, str], field: str, says: str) -> None:
    details = dict(name="Jining Municipal People's Government", kind="government",
                   country="CN", timezone="Asia/Shanghai") | change
    refused(app, lambda: app.register_organisation(actor=ADMIN, **details), field, says)


def test_the_unknown_kind_message_names_the_kinds(app: PlannerApplication) -> None:
    error = refused(app, lambda: app.register_organisation(
        actor=ADMIN, name="Stadtwerke", kind="ministry", country="DE",
        timezone="Europe/Berlin"), "kind")
    for kind in ("agency", "government", "chamber", "company", "other"):
        assert kind in str(error)


def test_the_default_organisation_is_registered_once_with_its_fixed_id(
        app: PlannerApplication) -> None:
    default = app.register_organisation(
        actor=ADMIN, organisation_id=DEFAULT_ORGANISATION_ID, name="Invest Region Leipzig GmbH",
        kind="agency", country="DE", timezone="Europe/Berlin")
    assert str(default) == DEFAULT_ORGANISATION_ID
    refused(app, lambda: app.register_organisation(
        actor=ADMIN, organisation_id=DEFAULT_ORGANISATION_ID, name="Someone else",
        kind="agency", country="DE", timezone="Europe/Berlin"), "organisation_id",
        "already registered")


def test_changing_details_is_an_event_and_an_unchanged_form_is_refused(
        app: PlannerApplication) -> None:
    nanjing = _nanjing(app)
    app.change_organisation(nanjing, actor=ADMIN, name="南京市人民政府",
                            latin_name="Nanjing Municipal Government", kind="government",
                            country="CN", timezone="Asia/Shanghai",
                            reason="the name it uses in English")
    found = app.get_organisation(nanjing)
    assert (found["latin_name"], found["version"]) == ("Nanjing Municipal Government", 2)
    assert app.history(nanjing)[-1].reason == "the name it uses in English"
    refused(app, lambda: app.change_organisation(
        nanjing, actor=ADMIN, name="南京市人民政府", latin_name="Nanjing Municipal Government",
        kind="government", country="cn", timezone="Asia/Shanghai"), "name", "nothing changed")
    refused(app, lambda: app.change_organisation(
        nanjing, actor=ADMIN, name="南京市人民政府", kind="government", country="CHN",
        timezone="Asia/Shanghai"), "country", "two-letter")
    assert app.get_organisation(nanjing, version=1)["latin_name"] == (
        "Nanjing Municipal People's Government")


def test_a_trip_is_shared_at_plan_then_view_then_not_each_time_with_a_reason(
        app: PlannerApplication, trip: LeipzigTrip) -> None:
    nanjing = str(_nanjing(app))
    assert app.get_trip(trip.trip_id)["owner_org_id"] == DEFAULT_ORGANISATION_ID
    app.share_trip(trip.trip_id, actor=ORGANISER, organisation_id=nanjing, access="plan",
                   reason="Nanjing sets the programme of its leg")
    assert app.get_trip(trip.trip_id)["shares"] == {nanjing: "plan"}
    app.share_trip(trip.trip_id, actor=ORGANISER, organisation_id=nanjing, access="view",
                   reason="the programme is fixed")
    assert app.get_trip(trip.trip_id)["shares"] == {nanjing: "view"}
    app.share_trip(trip.trip_id, actor=ORGANISER, organisation_id=nanjing, access="none",
                   reason="the trip is over")
    assert app.get_trip(trip.trip_id)["shares"] == {}
    changes = [e for e in app.history(trip.trip_id) if type(e).__name__ == "SharingChanged"]
    assert [(e.organisation_id, e.access, e.reason, e.actor) for e in changes] == [
        (nanjing, "plan", "Nanjing sets the programme of its leg", ORGANISER),
        (nanjing, "view", "the programme is fixed", ORGANISER),
        (nanjing, "none", "the trip is over", ORGANISER)]
    shared_version = changes[0].originator_version
    assert app.get_trip(trip.trip_id, version=shared_version)["shares"] == {nanjing: "plan"}


def test_sharing_refusals_name_the_field_and_write_nothing(
        app: PlannerApplication, trip: LeipzigTrip) -> None:
    nanjing = str(_nanjing(app))

    def share(organisation_id: str = nanjing, access: str = "plan",
              reason: str = "Nanjing sets the programme") -> object:
        return lambda: app.share_trip(trip.trip_id, actor=ORGANISER,
                                      organisation_id=organisation_id, access=access,
                                      reason=reason)

    refused(app, share(reason=""), "reason", "must give a reason")
    refused(app, share(reason="   "), "reason", "must give a reason")
    refused(app, share(access="edit"), "access", "must be one of")
    refused(app, share(organisation_id=DEFAULT_ORGANISATION_ID), "organisation_id",
            "the trip's own organisation always has full access")
    refused(app, share(access="none"), "access", "not shared with that organisation")
    refused(app, share(organisation_id=str(uuid4())), "organisation_id",
            "there is no organisation with id")
    refused(app, share(organisation_id="Nanjing"), "organisation_id")
    refused(app, share(organisation_id=""), "organisation_id", "must not be empty")
    app.share_trip(trip.trip_id, actor=ORGANISER, organisation_id=nanjing, access="plan",
                   reason="Nanjing sets the programme")
    refused(app, share(), "access", "already shared at 'plan'")
    assert app.get_trip(trip.trip_id)["shares"] == {nanjing: "plan"}


def test_a_trip_owned_by_a_partner_is_shared_with_the_default_organisation(
        app: PlannerApplication) -> None:
    nanjing = str(_nanjing(app))
    munich = app.create_trip(actor=ORGANISER, title="Nanjing delegation to Munich",
                             organiser="Nanjing", direction="outbound",
                             home_timezone="Asia/Shanghai", starts_on=date(2023, 11, 19),
                             ends_on=date(2023, 11, 22), owner_org_id=nanjing)
    refused(app, lambda: app.share_trip(munich, actor=ORGANISER, organisation_id=nanjing,
                                        access="view", reason="x"),
            "organisation_id", "own organisation")
    app.share_trip(munich, actor=ORGANISER, organisation_id=DEFAULT_ORGANISATION_ID,
                   access="view", reason="Leipzig follows the visit")
    assert app.get_trip(munich)["shares"] == {DEFAULT_ORGANISATION_ID: "view"}
    refused(app, lambda: app.create_trip(
        actor=ORGANISER, title="x", organiser="x", direction="outbound",
        home_timezone="Asia/Shanghai", starts_on=date(2023, 11, 19),
        ends_on=date(2023, 11, 22), owner_org_id=str(uuid4())), "owner_org_id",
        "there is no organisation")
