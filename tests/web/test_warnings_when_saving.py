"""Warnings at the moment of saving: the page the organiser lands on names what got worse."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from uuid import UUID

import pytest
from flask import Flask
from flask.testing import FlaskClient

from planner.bootstrap import Planner
from planner.passwords import hash_password
from tests.web.conftest import make_app, open_session, post, text_of, visible
from tests.web.world import PASSWORD

SETUP = "test:setup"
WARNING = 'class="alert warning"'


@dataclass
class TwoCities:
    app: Flask
    planner: Planner
    trip_id: UUID
    nanjing: str
    chengdu: str
    wang: UUID
    zhao: UUID
    visit: UUID  # Nanjing, 5 May 10:00-11:00, Wang


@pytest.fixture
def two_cities(tmp_path: Path) -> Iterator[TwoCities]:
    app, planner = make_app(tmp_path)
    cmd = planner.app
    cmd.open_account(actor=SETUP, email="anna@ours.example", name="Anna", role="organiser",
                     password_hash=hash_password(PASSWORD))
    trip_id = cmd.create_trip(actor=SETUP, title="Leipzig to Nanjing and Chengdu",
                              organiser="IRL", direction="outbound",
                              home_timezone="Europe/Berlin", starts_on=date(2027, 5, 4),
                              ends_on=date(2027, 5, 9))
    nanjing = cmd.add_leg(trip_id, actor=SETUP, city="Nanjing", country="China",
                          timezone="Asia/Shanghai", arrives_on=date(2027, 5, 4),
                          departs_on=date(2027, 5, 6))
    chengdu = cmd.add_leg(trip_id, actor=SETUP, city="Chengdu", country="China",
                          timezone="Asia/Shanghai", arrives_on=date(2027, 5, 6),
                          departs_on=date(2027, 5, 9))
    wang = cmd.register_person(actor=SETUP, name="Wang Lei", home_timezone="Asia/Shanghai")
    zhao = cmd.register_person(actor=SETUP, name="Zhao Min", home_timezone="Asia/Shanghai")
    for person in (wang, zhao):
        cmd.add_member(trip_id, actor=SETUP, person_id=person, role="official")
    visit = cmd.schedule_meeting(trip_id, actor=SETUP, kind="company visit",
                                 title="Visit to Nanjing Steel", venue="Works", city="Nanjing",
                                 timezone="Asia/Shanghai", leg_id=nanjing,
                                 starts=datetime(2027, 5, 6, 10), ends=datetime(2027, 5, 6, 11),
                                 attendees=[wang])
    yield TwoCities(app, planner, trip_id, nanjing, chengdu, wang, zhao, visit)
    planner.close()


@pytest.fixture
def anna(two_cities: TwoCities) -> FlaskClient:
    client = two_cities.app.test_client()
    client.csrf = open_session(client, "anna@ours.example")  # type: ignore[attr-defined]
    return client


def _schedule(world: TwoCities, client: FlaskClient, *attendees: UUID, starts: str,
              ends: str, title: str = "Chengdu investment forum"):  # noqa: ANN202
    return post(client, f"/trips/{world.trip_id}/meetings/new", kind="official meeting",
                title=title, venue="Tianfu Hall", city="Chengdu",
                timezone="Asia/Shanghai", leg_id=world.chengdu, starts_at=starts,
                ends_at=ends, attendees=[str(a) for a in attendees])


def test_a_double_booking_is_named_on_the_page_after_saving(two_cities: TwoCities,
                                                            anna: FlaskClient) -> None:
    saved = _schedule(two_cities, anna, two_cities.wang, two_cities.zhao,
                      starts="2027-05-06T10:30", ends="2027-05-06T11:30")
    assert saved.status_code == 302
    landed = anna.get(saved.headers["Location"])
    html, text = text_of(landed), visible(landed)
    assert "The meeting is scheduled." in text
    assert WARNING in html
    assert "Warning (double booked): Wang Lei would be in Nanjing for ‘Visit to Nanjing " \
           "Steel’" in text
    assert "in Chengdu for ‘Chengdu investment forum’" in text
    assert "Zhao Min" not in text.split("Warning (double booked)")[1].split(".")[0]
    assert f'href="/meetings/{two_cities.visit}/change"' in html, "a link to fix it"
    assert "To fix it: change ‘Visit to Nanjing Steel’ or change ‘Chengdu investment forum’" \
        in text
    # shown once: the next page has no flash any more, the trip page lists it once
    trip_page = visible(anna.get(f"/trips/{two_cities.trip_id}"))
    assert trip_page.count("at the same time") == 1
    assert "Warning (double booked)" not in trip_page


def test_no_flash_when_nothing_got_worse(two_cities: TwoCities, anna: FlaskClient) -> None:
    calm = _schedule(two_cities, anna, two_cities.zhao, starts="2027-05-06T10:30",
                     ends="2027-05-06T11:30")
    assert WARNING not in text_of(anna.get(calm.headers["Location"]))
    clash = _schedule(two_cities, anna, two_cities.wang, starts="2027-05-06T10:00",
                      ends="2027-05-06T11:00", title="Lunch in Chengdu")
    assert WARNING in text_of(anna.get(clash.headers["Location"]))
    # moving the clashing meeting within the clash: the same warning, not a worse one
    forum = two_cities.planner.queries.itinerary(two_cities.trip_id).items
    lunch = next(i for i in forum if i.title == "Lunch in Chengdu")
    moved = post(anna, f"/meetings/{lunch.meeting_id}/move", starts_at="2027-05-06T10:15",
                 ends_at="2027-05-06T11:15", reason="host asked", expected_version="1")
    assert moved.status_code == 302
    assert WARNING not in text_of(anna.get(moved.headers["Location"]))


def test_attendees_and_leg_changes_flash_too(two_cities: TwoCities, anna: FlaskClient) -> None:
    forum = _schedule(two_cities, anna, two_cities.zhao, starts="2027-05-06T10:30",
                      ends="2027-05-06T11:30")
    meeting_id = forum.headers["Location"].rsplit("/", 1)[1]
    anna.get(forum.headers["Location"])  # the success flash is read
    added = post(anna, f"/meetings/{meeting_id}/attendees", person_id=str(two_cities.wang),
                 expected_version="1")
    assert added.status_code == 302
    text = visible(anna.get(added.headers["Location"]))
    assert "Warning (double booked): Wang Lei would be in Nanjing" in text
    trip = two_cities.planner.queries.trip(two_cities.trip_id)
    shortened = post(anna, f"/trips/{two_cities.trip_id}/legs/{two_cities.nanjing}",
                     city="Nanjing", country="China", timezone="Asia/Shanghai",
                     arrives_on="2027-05-04", departs_on="2027-05-05", reason="earlier flight",
                     expected_version=str(trip.version))
    assert shortened.status_code == 302
    text = visible(anna.get(shortened.headers["Location"]))
    assert "Warning (outside leg): ‘Visit to Nanjing Steel’" in text


def test_the_one_meeting_page_flashes_a_clash_it_made(two_cities: TwoCities,
                                                     anna: FlaskClient) -> None:
    forum = _schedule(two_cities, anna, two_cities.zhao, starts="2027-05-06T14:00",
                      ends="2027-05-06T15:00")
    meeting_id = forum.headers["Location"].rsplit("/", 1)[1]
    anna.get(forum.headers["Location"])  # the success flash is read
    saved = post(anna, f"/meetings/{meeting_id}/change", kind="official meeting",
                 title="Chengdu investment forum", venue="Tianfu Hall", city="Chengdu",
                 timezone="Asia/Shanghai", leg_id=two_cities.chengdu,
                 starts_at="2027-05-06 10:30", ends_at="2027-05-06 11:30",
                 attendees=[str(two_cities.zhao), str(two_cities.wang)],
                 status="proposed", reason="the host's only free hour", expected_version="1")
    assert saved.status_code == 302, visible(saved)
    text = visible(anna.get(saved.headers["Location"]))
    assert "Warning (double booked): Wang Lei would be in Nanjing" in text


def test_a_refused_save_flashes_nothing(two_cities: TwoCities, anna: FlaskClient) -> None:
    refused = _schedule(two_cities, anna, two_cities.wang, starts="2027-05-06T12:30",
                        ends="2027-05-06T11:30")
    assert refused.status_code == 422
    assert WARNING not in text_of(refused)


@pytest.mark.parametrize(("language", "named"), [
    ("de", "Warnung (Doppelbuchung): Für Wang Lei fallen „Visit to Nanjing Steel“ (Do., 6. Mai "
           "2027, 10:00–11:00 Ortszeit Nanjing) in Nanjing und „Chengdu investment forum“ "
           "(Do., 6. Mai 2027, 10:30–11:30 Ortszeit Chengdu) in Chengdu zeitlich zusammen."),
    ("zh", "警告（重复安排）： Wang Lei需要同时在Nanjing参加“Visit to Nanjing Steel”"
           "（Nanjing当地时间2027年5月6日周四 10:00–11:00）和在Chengdu参加"
           "“Chengdu investment forum”（Chengdu当地时间2027年5月6日周四 10:30–11:30）。"),
])
def test_the_warning_after_saving_is_written_in_the_readers_language(
        two_cities: TwoCities, anna: FlaskClient, language: str, named: str) -> None:
    with anna.session_transaction() as session:
        session["language"] = language
    saved = _schedule(two_cities, anna, two_cities.wang,
                      starts="2027-05-06T10:30", ends="2027-05-06T11:30")
    text = visible(anna.get(saved.headers["Location"]))
    assert named in text
    assert "at the same time" not in text and "double booked" not in text
