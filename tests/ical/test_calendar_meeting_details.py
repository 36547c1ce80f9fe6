"""A meeting's event tells people what, where, with whom, and links back to the planner."""

import pytest
from ical_testkit import OPTIONS, SIGNING_ID, meeting, read

from planner.calendar.ics import meeting_calendar, meeting_uid, trip_calendar
from planner.calendar.model import CalendarAttendee

UID = f"meeting-{SIGNING_ID}@planner.example.org"
LINK = f"http://127.0.0.1:5000/meetings/{SIGNING_ID}"


def test_a_meetings_uid_is_made_of_its_id_and_the_calendar_domain():
    assert meeting_uid(SIGNING_ID, "planner.example.org") == UID
    assert read(meeting_calendar(meeting(), OPTIONS)).uids() == [UID]


def test_the_summary_is_the_meeting_title_and_nothing_else():
    event = read(meeting_calendar(meeting(), OPTIONS)).event(UID)

    assert str(event["SUMMARY"]) == "Signing of the MoU on economic cooperation"


def test_the_location_is_venue_and_city():
    event = read(meeting_calendar(meeting(), OPTIONS)).event(UID)

    assert str(event["LOCATION"]) == "Jinling Hotel, Nanjing"


def test_a_venue_that_already_names_its_city_does_not_name_it_twice():
    event = read(meeting_calendar(meeting(venue="Jinling Hotel, nanjing"), OPTIONS)).event(UID)
    only_city = read(meeting_calendar(meeting(venue="Nanjing"), OPTIONS)).event(UID)

    assert str(event["LOCATION"]) == "Jinling Hotel, nanjing"
    assert str(only_city["LOCATION"]) == "Nanjing"


def test_a_meeting_with_only_a_city_is_located_in_that_city():
    event = read(meeting_calendar(meeting(venue=""), OPTIONS)).event(UID)

    assert str(event["LOCATION"]) == "Nanjing"


def test_the_description_lists_trip_counterparts_agenda_attendees_and_a_link_back():
    event = read(meeting_calendar(meeting(), OPTIONS)).event(UID)

    assert str(event["DESCRIPTION"]) == (
        "Trip: Leipzig-Nanjing 2019\n\n"
        "Counterparts: Nanjing Municipal People's Government\n\n"
        "Agenda:\nWelcome\nSigning\nPress\n\n"
        "Attendees: Anna Körner <anna.koerner@example.org>, Jens Schülke\n\n"
        f"Details: {LINK}"
    )


def test_the_event_links_back_to_the_meeting_page():
    event = read(meeting_calendar(meeting(), OPTIONS)).event(UID)

    assert str(event["URL"]) == LINK


def test_a_trailing_slash_in_the_base_url_does_not_double_the_slash_in_links():
    options = type(OPTIONS)(domain=OPTIONS.domain, base_url="http://127.0.0.1:5000/")
    event = read(meeting_calendar(meeting(), options)).event(UID)

    assert str(event["URL"]) == LINK


def test_the_meeting_kind_is_its_category():
    calendar = read(meeting_calendar(meeting(kind="official meeting"), OPTIONS))

    assert "CATEGORIES:official meeting" in calendar.lines_of(UID)
    assert calendar.ical.events[0].categories == ["official meeting"]


def test_the_organiser_is_the_organising_body_with_a_no_reply_address():
    calendar = read(meeting_calendar(meeting(), OPTIONS))
    organizer = calendar.ical.events[0].organizer

    assert organizer.common_name == "Invest Region Leipzig GmbH"
    assert organizer.uri == "mailto:noreply@planner.example.org"


def test_attendees_with_an_email_address_are_listed_with_name_and_address():
    calendar = read(meeting_calendar(meeting(), OPTIONS))
    attendees = {a.common_name: a.uri for a in calendar.ical.events[0].attendees}

    assert attendees["Anna Körner"] == "mailto:anna.koerner@example.org"


def test_attendees_without_email_are_listed_by_name_with_a_stable_non_mail_address():
    first = read(meeting_calendar(meeting(), OPTIONS))
    again = read(trip_calendar("Trip", [meeting(title="Renamed")], [], OPTIONS))
    address = {a.common_name: a.uri for a in first.ical.events[0].attendees}["Jens Schülke"]

    assert address.startswith("urn:uuid:")
    assert {a.common_name: a.uri for a in again.ical.events[0].attendees}["Jens Schülke"] == address


def test_attendees_are_listed_in_name_order_whatever_order_the_rows_come_in():
    people = (CalendarAttendee("Zhang Wei", ""), CalendarAttendee("anna Körner", ""))
    calendar = read(meeting_calendar(meeting(attendees=people), OPTIONS))

    assert [a.common_name for a in calendar.ical.events[0].attendees] == [
        "anna Körner",
        "Zhang Wei",
    ]


def test_an_attendee_without_name_or_email_is_left_out():
    people = (CalendarAttendee("", ""), CalendarAttendee("Zhang Wei", ""))
    calendar = read(meeting_calendar(meeting(attendees=people), OPTIONS))

    assert [a.common_name for a in calendar.ical.events[0].attendees] == ["Zhang Wei"]


@pytest.mark.parametrize(
    ("status", "written"),
    [
        ("proposed", "TENTATIVE"),
        ("confirmed", "CONFIRMED"),
        ("held", "CONFIRMED"),
        ("cancelled", "CANCELLED"),
    ],
)
def test_the_meeting_status_is_shown_as_the_calendar_status(status, written):
    calendar = read(meeting_calendar(meeting(status=status), OPTIONS))

    assert f"STATUS:{written}" in calendar.lines_of(UID)
    assert calendar.ical.events[0].status.value == written
