"""Calendar mails (iTIP): REQUEST and CANCEL objects field by field, and the words around them."""

from __future__ import annotations

import dataclasses

from ical_testkit import OPTIONS, at, meeting, read

from planner.calendar.events import meeting_uid
from planner.calendar.itip import itip_calendar
from planner.calendar.model import CalendarAttendee
from planner.itip.messages import Before, calendar_mail

ANNA = CalendarAttendee("Anna Körner", "anna.koerner@example.org")
LI = CalendarAttendee("Li Na", "li.na@example.cn")


def _row(**changes):
    return meeting(attendees=(ANNA, LI), timezone="Europe/Berlin",
                   starts_at=at(2024, 11, 20, 9), ends_at=at(2024, 11, 20, 10), **changes)


def _addresses(event) -> list[str]:
    found = event.get("ATTENDEE")
    return [str(a) for a in (found if isinstance(found, list) else [found])]


def test_a_request_carries_the_feeds_uid_sequence_and_time_and_the_recipient_as_attendee():
    row = _row(sequence=3)
    calendar = read(itip_calendar(row, ANNA, "REQUEST", OPTIONS))
    event = calendar.icalendar.events[0]

    assert str(calendar.icalendar["METHOD"]) == "REQUEST"
    assert str(event["UID"]) == meeting_uid(row.meeting_id, OPTIONS.domain)
    assert int(event["SEQUENCE"]) == 3
    assert event["DTSTART"].dt == at(2024, 11, 20, 9)
    assert str(event["DTSTART"].params["TZID"]) == "Europe/Berlin"
    assert str(event["ORGANIZER"]) == f"mailto:noreply@{OPTIONS.domain}"
    assert "mailto:anna.koerner@example.org" in _addresses(event)
    assert "DTSTAMP" in event and "SUMMARY" in event


def test_other_attendees_addresses_are_written_only_when_the_organiser_shares_them():
    private = itip_calendar(_row(), ANNA, "REQUEST", OPTIONS)
    shared = itip_calendar(_row(), ANNA, "REQUEST", OPTIONS, disclose=True)

    assert b"li.na@example.cn" not in private.replace(b"\r\n ", b"")
    assert "Li Na" in private.replace(b"\r\n ", b"").decode()
    assert b"li.na@example.cn" in shared.replace(b"\r\n ", b"")


def test_a_cancelled_meeting_is_cancelled_for_everyone():
    calendar = read(itip_calendar(_row(status="cancelled", sequence=2), ANNA, "CANCEL", OPTIONS))
    event = calendar.icalendar.events[0]

    assert str(calendar.icalendar["METHOD"]) == "CANCEL"
    assert str(event["STATUS"]) == "CANCELLED"
    assert int(event["SEQUENCE"]) == 2
    assert len(_addresses(event)) == 2


def test_a_removed_attendee_is_uninvited_alone_and_the_meeting_stays_on_for_the_others():
    calendar = read(itip_calendar(_row(status="confirmed"), LI, "CANCEL", OPTIONS))
    event = calendar.icalendar.events[0]

    assert str(calendar.icalendar["METHOD"]) == "CANCEL"
    assert "STATUS" not in event
    assert _addresses(event) == ["mailto:li.na@example.cn"]


def test_a_moved_meeting_mail_states_the_old_and_new_local_times():
    before = Before(at(2024, 11, 20, 9), at(2024, 11, 20, 10), "Europe/Berlin", "Rathaus",
                    "Munich")
    row = dataclasses.replace(_row(venue="Rathaus", city="Munich", sequence=1),
                              starts_at=at(2024, 11, 20, 13), ends_at=at(2024, 11, 20, 14))
    mail = calendar_mail("moved", row, ANNA, OPTIONS, before=before,
                         answer_url="https://planner.example.org/answer/abc")

    assert mail.method == "REQUEST"
    assert "Time before: Wed, 20 Nov 2024, 10:00–11:00 (Central European Time)" in mail.text
    assert "Time now: Wed, 20 Nov 2024, 14:00–15:00 (Central European Time)" in mail.text
    assert "14:00–15:00" in mail.subject
    assert "https://planner.example.org/answer/abc" in mail.text
    assert "Wed, 20 Nov 2024, 10:00–11:00 (Central European Time)" in mail.html
    assert "li.na@example.cn" not in mail.text + mail.html
    event = read(mail.calendar).icalendar.events[0]
    assert event["DTSTART"].dt == at(2024, 11, 20, 13)


def test_a_cancellation_mail_offers_no_answer_link():
    mail = calendar_mail("cancelled", _row(status="cancelled"), ANNA, OPTIONS,
                         answer_url="https://planner.example.org/answer/abc")

    assert mail.method == "CANCEL"
    assert "answer/abc" not in mail.text + mail.html
    assert mail.subject.startswith("Cancelled: ")
