"""Calendars over HTTP: the personal feed by secret address, downloads, conditional requests,
and the "My calendar" box where participants create and reset their address."""

from __future__ import annotations

import html
import re
from collections.abc import Callable
from urllib.parse import unquote, urlsplit

import pytest
from flask import Flask
from flask.testing import FlaskClient

from planner.calendar.files import person_ics, trip_ics
from tests.calendar.kit import meeting_instants, model_instants, read, uid_of
from tests.calendar.scenario import AUDITOR, ORGANISER, SETUP, World
from web import create_app

CSRF = "calendar-test-csrf"
"""The raw token in every test client's session; forms send it signed (`csrf_of`)."""
ADDRESS = re.compile(r'<textarea id="feed-address" readonly[^>]*>([^<]+)</textarea>')


def client_for(web: Flask, email: str | None = None) -> FlaskClient:
    """A client signed in as `email` (through the session, not a password round trip)."""
    from web.access import session_values

    client = web.test_client()
    values = {}
    if email:
        with web.app_context():
            values = session_values(email)
    with client.session_transaction() as session:
        session.update(values, csrf_token=CSRF)
    return client


def csrf_of(web: Flask) -> str:
    """The form token that goes with the session's raw CSRF token, as the page would give it."""
    from itsdangerous import URLSafeTimedSerializer

    return URLSafeTimedSerializer(web.secret_key, salt="wtf-csrf-token").dumps(CSRF)


def new_address(client: FlaskClient, action: str = "create") -> str:
    """Press the button in the "My calendar" box; returns the feed path shown once."""
    response = client.post("/my/calendar/address",
                           data={"csrf_token": csrf_of(client.application), "action": action})
    assert response.status_code == 200, response.get_data(as_text=True)
    address = html.unescape(ADDRESS.search(response.get_data(as_text=True))[1])
    return urlsplit(address).path


def test_a_participant_creates_their_address_and_sees_it_once_to_subscribe(web: Flask):
    client = client_for(web, "koerner@calendar.test")
    response = client.post("/my/calendar/address", base_url="http://localhost:5077",
                           data={"csrf_token": csrf_of(web), "action": "create"})
    page = html.unescape(response.get_data(as_text=True))
    address = ADDRESS.search(page)[1]

    assert re.fullmatch(r"http://localhost:5077/feeds/[A-Za-z0-9_-]{32}\.ics", address)
    assert "webcal://localhost:5077/feeds/" in page
    assert ("https://calendar.google.com/calendar/render?cid=webcal%3A%2F%2Flocalhost%3A5077"
            "%2Ffeeds%2F") in page
    assert "<svg" in page and "QR code of your calendar address" in page
    assert "shown only this once" in page
    assert response.headers["Cache-Control"] == "no-store"
    assert client.get(urlsplit(address).path).status_code == 200


def test_the_address_is_neither_in_the_log_nor_its_hash(web: Flask, world: World) -> None:
    from planner.commands.people import feed_token_hash

    token = new_address(client_for(web, "koerner@calendar.test")).rsplit("/", 1)[1][:-4]

    reset = world.app.history(world.koerner)[-1]
    assert type(reset).__name__ == "FeedTokenReset"
    assert reset.actor == "koerner@calendar.test"
    assert token not in repr(vars(reset))
    assert feed_token_hash(token) not in repr(vars(reset)) and reset.token_hash == ""
    assert reset.token_ref, "a reference into the credential store instead"


def test_the_feed_needs_no_login_and_serves_the_calendar_uncompressed(web: Flask, world: World):
    feed = new_address(client_for(web, "han@calendar.test"))
    response = web.test_client().get(feed, headers={"Accept-Encoding": "gzip, br"})

    assert response.status_code == 200
    assert response.headers["Content-Type"] == "text/calendar; charset=utf-8"
    assert "Content-Encoding" not in response.headers
    assert response.headers["ETag"] == person_ics(world.planner, world.han, base_url="http://localhost").etag
    assert response.headers["Last-Modified"].endswith(" GMT")
    assert "no-cache" in response.headers["Cache-Control"]
    calendar = read(response.data)
    assert meeting_instants(calendar) == model_instants(
        world.app, world.vice_mayor, world.shanghai_briefing, world.berlin_sunday)


def test_one_participants_feed_never_shows_another_participants_meetings(web: Flask,
                                                                          world: World):
    schuelke = web.test_client().get(new_address(client_for(web, "schuelke@calendar.test")))
    han = web.test_client().get(new_address(client_for(web, "han@calendar.test")))

    assert set(meeting_instants(read(schuelke.data))) == {uid_of(world.signing),
                                                          uid_of(world.jining_visit)}
    assert uid_of(world.signing) not in read(han.data).uids()


def test_a_matching_if_none_match_gets_304_and_a_change_gets_a_new_etag(web: Flask,
                                                                         world: World):
    feed = new_address(client_for(web, "schuelke@calendar.test"))
    reader = web.test_client()
    first = reader.get(feed)

    again = reader.get(feed, headers={"If-None-Match": first.headers["ETag"]})
    assert (again.status_code, again.data) == (304, b"")
    assert again.headers["ETag"] == first.headers["ETag"]

    world.app.cancel_meeting(world.jining_visit, actor=SETUP, reason="factory closed")
    changed = reader.get(feed, headers={"If-None-Match": first.headers["ETag"]})
    assert changed.status_code == 200
    assert changed.headers["ETag"] != first.headers["ETag"]
    assert "STATUS:CANCELLED" in read(changed.data).lines_of(uid_of(world.jining_visit))


def test_the_same_log_serves_byte_identical_feeds_with_the_same_etag(web: Flask) -> None:
    feed = new_address(client_for(web, "koerner@calendar.test"))
    first, second = web.test_client().get(feed), web.test_client().get(feed)

    assert first.data == second.data
    assert first.headers["ETag"] == second.headers["ETag"]


def test_a_person_taken_off_a_meeting_gets_a_new_etag_even_with_an_old_if_modified_since(
        web: Flask, world: World) -> None:
    feed = new_address(client_for(web, "han@calendar.test"))
    first = web.test_client().get(feed)
    world.app.remove_attendee(world.vice_mayor, actor=SETUP, person_id=world.han,
                              reason="another interpreter goes")

    after = web.test_client().get(feed, headers={
        "If-Modified-Since": first.headers["Last-Modified"]})
    assert after.status_code == 200
    assert uid_of(world.vice_mayor) not in read(after.data).uids()


def test_resetting_the_address_stops_the_old_one_at_once_and_the_new_one_works(web: Flask):
    owner = client_for(web, "koerner@calendar.test")
    old = new_address(owner)
    new = new_address(owner, "reset")

    assert web.test_client().get(old).status_code == 404
    assert web.test_client().get(new).status_code == 200
    assert old != new


def test_an_unknown_or_revoked_address_gets_the_same_bare_404(web: Flask) -> None:
    owner = client_for(web, "han@calendar.test")
    revoked = new_address(owner)
    new_address(owner, "reset")

    answers = [web.test_client().get(path) for path in (
        revoked, "/feeds/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics", "/feeds/x.ics")]
    assert {(a.status_code, a.data, a.mimetype) for a in answers} == {
        (404, b"Not found\n", "text/plain")}
    assert all("ETag" not in a.headers and "Set-Cookie" not in a.headers for a in answers)


def test_an_organiser_resets_a_members_address_from_the_trips_calendar_screen(
        web: Flask, world: World) -> None:
    old = new_address(client_for(web, "schuelke@calendar.test"))
    organiser = client_for(web, ORGANISER)
    screen = organiser.get(f"/trips/{world.leipzig}/calendars").get_data(as_text=True)
    assert "Clemens Schülke" in screen and "Reset address" in screen

    response = organiser.post(f"/trips/{world.leipzig}/calendars/{world.schuelke}",
                              data={"csrf_token": csrf_of(web), "action": "reset"})
    new = urlsplit(html.unescape(ADDRESS.search(response.get_data(as_text=True))[1])).path

    assert web.test_client().get(old).status_code == 404
    assert web.test_client().get(new).status_code == 200
    reset = world.app.history(world.schuelke)[-1]
    assert (reset.actor, reset.reason) == (ORGANISER, "calendar address reset by an organiser")


def test_an_organiser_creates_an_address_from_the_persons_screen(web: Flask, world: World):
    response = client_for(web, ORGANISER).post(
        f"/people/{world.han}/calendar/address",
        data={"csrf_token": csrf_of(web), "action": "create"})
    page = html.unescape(response.get_data(as_text=True))

    assert "Calendar address for 韩立明" in page
    assert web.test_client().get(urlsplit(ADDRESS.search(page)[1]).path).status_code == 200
    assert world.app.history(world.han)[-1].reason == "calendar address created by an organiser"


def test_a_reset_without_the_button_or_the_form_token_changes_nothing(web: Flask,
                                                                       world: World):
    owner = client_for(web, "koerner@calendar.test")
    feed = new_address(owner)
    versions = len(world.app.history(world.koerner))

    no_button = owner.post("/my/calendar/address", data={"csrf_token": csrf_of(web)})
    forged = owner.post("/my/calendar/address", data={"action": "reset"})

    assert no_button.status_code == 422 and "action" in no_button.get_data(as_text=True)
    assert forged.status_code == 400
    assert len(world.app.history(world.koerner)) == versions
    assert web.test_client().get(feed).status_code == 200


def test_the_trip_download_has_a_readable_file_name_and_honours_if_modified_since(
        web: Flask, world: World) -> None:
    client = client_for(web, "koerner@calendar.test")
    response = client.get(f"/trips/{world.leipzig}/calendar.ics")

    assert response.headers["Content-Disposition"] == (
        'attachment; filename="Leipzig delegation to Nanjing and Jining.ics"')
    assert response.data == trip_ics(world.planner, world.leipzig, base_url="http://localhost").body
    again = client.get(f"/trips/{world.leipzig}/calendar.ics",
                       headers={"If-Modified-Since": response.headers["Last-Modified"]})
    assert again.status_code == 304
    world.app.confirm_meeting(world.signing, actor=SETUP)
    changed = client.get(f"/trips/{world.leipzig}/calendar.ics",
                         headers={"If-Modified-Since": response.headers["Last-Modified"]})
    assert changed.status_code == 200


def test_renaming_an_attendee_is_a_change_for_if_modified_since_on_downloads(
        web: Flask, world: World) -> None:
    """The attendees' names and addresses are in the calendar: a rename must not get a 304."""
    client = client_for(web, "koerner@calendar.test")
    downloads = [f"/trips/{world.leipzig}/calendar.ics",
                 f"/meetings/{world.signing}/calendar.ics"]
    first = [client.get(url) for url in downloads]
    world.app.change_person(world.schuelke, actor=SETUP, name="Clemens Schülke-Weber",
                            email="schuelke@calendar.test", home_timezone="Europe/Berlin")

    for url, response in zip(downloads, first, strict=True):
        again = client.get(url, headers={"If-Modified-Since": response.headers["Last-Modified"]})
        assert again.status_code == 200, url
        assert "Schülke-Weber" in again.data.decode()


def test_a_download_named_in_chinese_gets_an_ascii_fallback_and_a_utf8_file_name(web: Flask):
    response = client_for(web, "han@calendar.test").get("/my/calendar.ics")
    disposition = response.headers["Content-Disposition"]

    assert disposition.startswith('attachment; filename="Delegation Planner.ics"; ')
    assert unquote(disposition.split("filename*=UTF-8''")[1]) == (
        "韩立明 – Delegation Planner.ics")


def test_downloading_once_gives_the_same_calendar_as_the_feed(web: Flask) -> None:
    owner = client_for(web, "koerner@calendar.test")
    feed = web.test_client().get(new_address(owner))
    download = owner.get("/my/calendar.ics")

    assert download.data == feed.data
    assert download.headers["Content-Disposition"].startswith("attachment;")


def test_a_meeting_download_is_offered_on_the_meeting_page(web: Flask, world: World) -> None:
    client = client_for(web, "koerner@calendar.test")
    page = client.get(f"/meetings/{world.signing}").get_data(as_text=True)
    response = client.get(f"/meetings/{world.signing}/calendar.ics")

    assert f"/meetings/{world.signing}/calendar.ics" in page
    assert read(response.data).uids() == [uid_of(world.signing)]
    assert 'filename="Signing of the MoU 2019-06-26.ics"' in response.headers[
        "Content-Disposition"]


def test_the_my_calendar_box_explains_subscribing_and_importing_without_javascript(
        web: Flask) -> None:
    client = client_for(web, "koerner@calendar.test")
    before = client.get("/schedule").get_data(as_text=True)
    new_address(client)
    after = client.get("/schedule").get_data(as_text=True)
    box = before[before.index('id="my-calendar"'):]

    assert "Create my calendar address" in box and "Download once (.ics)" in box
    assert "never updates them" in box and "every few hours" in box
    assert "Reset address (the old one stops working at once)" in after
    assert "<script" not in before + after
    assert not re.search(r"\son[a-z]+=", before + after)


def test_an_auditor_without_a_person_has_no_calendar_to_download(web: Flask) -> None:
    response = client_for(web, AUDITOR).get("/my/calendar.ics")

    assert response.status_code == 404
    assert "not linked to a person" in response.get_data(as_text=True)


@pytest.mark.postgres
def test_the_feed_round_trip_works_on_postgresql(make_world: Callable[[str], World],
                                                 postgres_url: str) -> None:
    world = make_world(postgres_url)
    app = create_app(world.planner.settings, planner=world.planner)
    token = world.app.reset_feed_token(world.koerner, actor=SETUP)
    feed = f"/feeds/{token}.ics"

    response = app.test_client().get(feed)
    assert response.status_code == 200
    assert meeting_instants(read(response.data)) == model_instants(
        world.app, world.vice_mayor, world.signing, world.shanghai_briefing)
    again = app.test_client().get(feed, headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304
    world.app.reset_feed_token(world.koerner, actor=SETUP)
    assert app.test_client().get(feed).status_code == 404


def test_a_change_in_the_current_second_sends_no_last_modified_so_no_wrong_304_can_follow():
    """HTTP dates are whole seconds: until a change's second is over only the ETag validates."""
    from datetime import UTC, datetime, timedelta

    from web.feeds import _settled

    just_now = datetime.now(UTC)
    assert _settled(just_now) is None
    earlier = just_now - timedelta(seconds=2)
    assert _settled(earlier) == earlier.replace(microsecond=0)
    assert _settled(None) is None
