"""Trips, people and accounts as the lists and detail pages read them."""

from __future__ import annotations

from dataclasses import fields
from datetime import date

import pytest

from planner.commands.people import feed_token_hash
from planner.domain.errors import ValidationError
from tests.readmodel.conftest import World
from tests.readmodel.plan import ACTOR, Plan, leipzig_trip


def test_trips_are_listed_newest_first_with_their_cities(world: World) -> None:
    page = world.q.trips()
    assert [row.id for row in page.items] == [
        world["munich_trip"], world["new_year_trip"], world["trip"]]
    leipzig = page.items[2]
    assert leipzig.cities == ("Leipzig", "Nanjing", "Jining")
    assert (leipzig.starts_on, leipzig.ends_on) == (date(2019, 6, 24), date(2019, 6, 30))
    assert page.items[0].status == "planned" and page.total == 3


def test_trips_are_filtered_by_status_year_city_country_and_organiser(world: World) -> None:
    leipzig, munich, new_year = world["trip"], world["munich_trip"], world["new_year_trip"]

    def ids(**filters: object) -> set[object]:
        return {row.id for row in world.q.trips(**filters).items}

    assert ids(status="planned") == {munich}
    assert ids(status="draft") == {leipzig, new_year}
    assert ids(year=2019) == {leipzig, new_year}
    assert ids(year="2020") == {new_year}  # a trip over New Year belongs to both years
    assert ids(city="munchen") == {munich}  # accents and case do not matter
    assert ids(city="NANJING") == {leipzig}
    assert ids(country="deutschland") == {munich}
    assert ids(organiser="invest region") == {leipzig, new_year}
    assert ids(city="Nanjing", year=2023) == set()
    assert ids(city="  ", organiser="") == {leipzig, munich, new_year}  # blank: no filter


def test_trips_are_paginated(world: World) -> None:
    first = world.q.trips(per_page=2)
    last = world.q.trips(per_page=2, page=2)
    assert [r.id for r in first.items] == [world["munich_trip"], world["new_year_trip"]]
    assert (first.total, first.pages, first.has_next, first.has_previous) == (3, 2, True, False)
    assert [r.id for r in last.items] == [world["trip"]] and not last.has_next
    assert world.q.trips(per_page=2, page=9).items == ()


BAD_FILTERS = [
    (dict(status="finished"), "status"), (dict(year="last year"), "year"),
    (dict(year=1066), "year"), (dict(page=0), "page"), (dict(per_page=1000), "per_page"),
    (dict(page="2"), "page"),
]


def test_bad_trip_filters_are_refused_naming_the_field(world: World) -> None:
    for filters, field in BAD_FILTERS:
        with pytest.raises(ValidationError) as refused:
            world.q.trips(**filters)
        assert refused.value.field == field, filters
    with pytest.raises(ValidationError, match="trip_id"):
        world.q.trip("not-an-id")


def test_a_trip_shows_legs_members_and_the_profile_version_handed_over(world: World) -> None:
    detail = world.q.trip(world["trip"])
    assert detail is not None
    assert [leg.city for leg in detail.legs] == ["Leipzig", "Nanjing", "Jining"]
    assert detail.legs[1].timezone == "Asia/Shanghai"
    assert [(m.name, m.role) for m in detail.members] == [
        ("Michael Körner", "agency staff"), ("Clemens Schülke", "agency staff"),
        ("Li Wei", "agency staff")]
    assert detail.members[0].email == "koerner@invest-leipzig.example"
    handed = {p.name: p for p in detail.profiles}
    logistics = handed["Körner Logistics GmbH"]
    assert (logistics.version, logistics.current_version) == (2, 3)  # a contact, then a rename
    assert logistics.name_at_handover == "Körner Logistik GmbH"
    assert handed["Straße & Söhne KG"].version == handed["Straße & Söhne KG"].current_version
    assert detail.objectives == ("Promote Leipzig companies in China",
                                 "Strengthen the twin-town partnership")
    assert detail.last_changed_by == ACTOR
    assert detail.version == world.plan.app.get_trip(world["trip"])["version"]
    assert world.q.trip("7f1d4c52-0000-4000-8000-000000000000") is None


def test_trips_of_a_person_are_those_they_travel_with(world: World) -> None:
    assert [t.id for t in world.q.trips_of_person(world["koerner"])] == [world["trip"]]
    assert world.q.trips_of_person(world["anna"]) == ()


def test_a_cancelled_trip_returns_to_its_earlier_status_when_reinstated(plan: Plan) -> None:
    trip = plan.trip()
    plan.app.change_trip_status(trip, actor=ACTOR, status="planned")
    plan.app.cancel_trip(trip, actor=ACTOR, reason="Flights cancelled")
    assert plan.q.trip(trip).status == "cancelled"
    plan.app.reinstate_trip(trip, actor=ACTOR, reason="Flights rebooked")
    assert plan.q.trip(trip).status == "planned"


def test_removed_legs_and_members_disappear(plan: Plan) -> None:
    ids = leipzig_trip(plan)
    plan.app.remove_leg(ids["trip"], ids["leipzig"], actor=ACTOR, reason="Flying from Berlin")
    plan.app.remove_member(ids["trip"], ids["li"], actor=ACTOR, reason="Stays in Nanjing")
    detail = plan.q.trip(ids["trip"])
    assert detail.cities == ("Nanjing", "Jining")
    assert [m.name for m in detail.members] == ["Michael Körner", "Clemens Schülke"]
    assert plan.q.trips_of_person(ids["li"]) == ()
    assert [t.id for t in plan.q.trips_of_person(ids["koerner"])] == [ids["trip"]]


def test_people_are_found_by_id_and_email(world: World) -> None:
    assert [p.name for p in world.q.people()] == [
        "Anna Bauer", "Clemens Schülke", "Li Wei", "Michael Körner"]
    assert world.q.person(world["li"]).home_timezone == "Asia/Shanghai"
    assert world.q.person_by_email("KOERNER@invest-leipzig.example").id == world["koerner"]
    assert world.q.person_by_email("nobody@example.org") is None
    assert world.q.person_by_email("") is None


def test_a_feed_token_finds_its_person_until_it_is_reset(plan: Plan) -> None:
    koerner = plan.person("Michael Körner")
    assert not plan.q.person(koerner).has_feed
    first = plan.app.reset_feed_token(koerner, actor=ACTOR)
    assert plan.q.person_by_feed_token_hash(plan.app.feed_key(first)).id == koerner
    second = plan.app.reset_feed_token(koerner, actor=ACTOR, reason="Phone lost")
    assert plan.q.person_by_feed_token_hash(plan.app.feed_key(first)) is None
    assert plan.q.person_by_feed_token_hash(plan.app.feed_key(second)).has_feed
    assert plan.q.person_by_feed_token_hash(feed_token_hash(second)) is None, "not the hash"
    assert plan.q.person_by_feed_token_hash("") is None


def test_accounts_are_listed_without_password_hashes(world: World) -> None:
    app = world.plan.app
    rows = world.q.accounts()
    assert [(a.email, a.role, a.active) for a in rows] == [
        ("koerner@invest-leipzig.example", "participant", True),
        ("organiser@invest-leipzig.example", "organiser", True)]
    assert rows[0].person_id == world["koerner"] and rows[1].person_id is None
    assert "password_hash" not in {f.name for f in fields(rows[0])}
    assert "scrypt" not in repr(rows)
    assert app.find_account("koerner@invest-leipzig.example")["version"] == rows[0].version
    assert world.q.account("Koerner@Invest-Leipzig.example") == rows[0]
    assert world.q.account("nobody@example.org") is None and world.q.account("") is None


def test_disabling_an_account_and_changing_a_password_show_in_the_list(plan: Plan) -> None:
    plan.app.open_account(actor=ACTOR, email="audit@example.org", name="Audit", role="auditor",
                          password_hash="scrypt$other")
    plan.app.change_password("audit@example.org", actor=ACTOR, password_hash="scrypt$new")
    plan.app.disable_account("audit@example.org", actor=ACTOR, reason="Left the agency")
    (row,) = plan.q.accounts()
    assert (row.active, row.version) == (False, 3)
    plan.app.enable_account("audit@example.org", actor=ACTOR, reason="Back")
    plan.app.change_role("audit@example.org", actor=ACTOR, role="organiser", reason="Promoted")
    (row,) = plan.q.accounts()
    assert (row.active, row.role) == (True, "organiser")
