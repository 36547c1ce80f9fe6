"""Text with punctuation, line breaks, Chinese and German arrives exactly as typed."""

from ical_testkit import OPTIONS, SIGNING_ID, meeting, read

from planner.calendar.ics import meeting_calendar, trip_calendar
from planner.calendar.model import CalendarAttendee

UID = f"meeting-{SIGNING_ID}@planner.example.org"
MOU = "南京市人民政府 与 莱比锡市 签署 经济合作谅解备忘录"
GERMAN = "Begrüßung durch Frau Körner und Herrn Schülke, Treffpunkt Straße des 17. Juni; "


def _physical_lines(body: bytes) -> list[bytes]:
    return body.split(b"\r\n")[:-1]


def test_every_line_ends_with_crlf():
    body = trip_calendar("Trip", [meeting()], [], OPTIONS)

    assert body.endswith(b"\r\n")
    assert body.count(b"\n") == body.count(b"\r\n") == body.count(b"\r")


def test_long_chinese_text_is_folded_at_75_octets_without_splitting_a_character():
    row = meeting(title=MOU * 3, agenda="\n".join([MOU * 4] * 3))
    body = meeting_calendar(row, OPTIONS)
    read(body)

    lines = _physical_lines(body)
    assert max(len(line) for line in lines) <= 75
    assert sum(line.startswith(b" ") for line in lines) > 10  # it really was folded
    for line in lines:
        line.decode("utf-8")  # each physical line is whole UTF-8 on its own


def test_long_german_text_is_folded_at_75_octets_without_splitting_an_umlaut():
    row = meeting(title=GERMAN * 2, agenda=GERMAN * 6, venue="Körnerstraße " * 8)
    body = meeting_calendar(row, OPTIONS)
    read(body)

    for line in _physical_lines(body):
        assert len(line) <= 75
        line.decode("utf-8")


def test_folded_chinese_and_german_text_reads_back_exactly():
    row = meeting(title=MOU * 3, agenda=(MOU + "\n" + GERMAN) * 4, city="Nanjing 南京")
    calendar = read(meeting_calendar(row, OPTIONS))
    event = calendar.event(UID)

    assert str(event["SUMMARY"]) == MOU * 3
    assert calendar.ical.events[0].summary == MOU * 3
    assert ((MOU + "\n" + GERMAN) * 4).strip() in str(event["DESCRIPTION"])
    assert ((MOU + "\n" + GERMAN) * 4).strip() in calendar.ical.events[0].description
    assert str(event["LOCATION"]) == "Jinling Hotel, Nanjing 南京"


def test_commas_semicolons_backslashes_and_line_breaks_are_escaped():
    row = meeting(title="MoU, phase 2; draft \\ final", agenda="Line one\nLine two, three; four")
    calendar = read(meeting_calendar(row, OPTIONS))
    lines = calendar.lines_of(UID)

    assert "SUMMARY:MoU\\, phase 2\\; draft \\\\ final" in lines
    description = next(line for line in lines if line.startswith("DESCRIPTION:"))
    assert "Agenda:\\nLine one\\nLine two\\, three\\; four" in description


def test_punctuation_reads_back_exactly_in_both_readers():
    title = 'MoU, phase 2; draft \\ final: "signed" 签署'
    agenda = "a,b;c\\d\n\ne:f"
    calendar = read(meeting_calendar(meeting(title=title, agenda=agenda), OPTIONS))

    assert str(calendar.event(UID)["SUMMARY"]) == title
    assert calendar.ical.events[0].summary == title
    assert f"Agenda:\n{agenda}\n\n" in str(calendar.event(UID)["DESCRIPTION"])
    assert f"Agenda:\n{agenda}\n\n" in calendar.ical.events[0].description


def test_a_windows_path_in_the_agenda_keeps_its_backslashes():
    agenda = "Slides in C:\\Nutzer\\neu\\Nanjing.pptx"
    calendar = read(meeting_calendar(meeting(agenda=agenda), OPTIONS))

    description = next(line for line in calendar.lines_of(UID) if line.startswith("DESCRIPTION"))
    assert "C:\\\\Nutzer\\\\neu\\\\Nanjing.pptx" in description
    assert agenda in calendar.ical.events[0].description


def test_windows_line_breaks_and_stray_control_characters_in_an_agenda_are_cleaned():
    agenda = "Welcome\r\nSigning\rPress\x00\x07 conference\tQ&A"
    calendar = read(meeting_calendar(meeting(agenda=agenda), OPTIONS))

    assert "Agenda:\nWelcome\nSigning\nPress conference\tQ&A\n\n" in (
        calendar.ical.events[0].description
    )
    assert b"\x00" not in calendar.body and b"\x07" not in calendar.body


def test_the_calendar_name_is_escaped_like_any_other_text():
    calendar = read(trip_calendar("Leipzig, Nanjing; 2019", [meeting()], [], OPTIONS))

    assert "NAME:Leipzig\\, Nanjing\\; 2019" in calendar.content_lines()
    assert "X-WR-CALNAME:Leipzig\\, Nanjing\\; 2019" in calendar.content_lines()
    assert calendar.ical.name == ["Leipzig, Nanjing; 2019"]


def test_names_with_commas_quotes_and_line_breaks_stay_readable_in_attendee_entries():
    people = (CalendarAttendee('Körner, Anna "AK"\nInvest Region', "anna@example.org"),)
    organiser = "Stadt Leipzig; Amt für Wirtschaftsförderung"
    calendar = read(meeting_calendar(meeting(attendees=people, organiser=organiser), OPTIONS))
    event = calendar.ical.events[0]

    assert [a.common_name for a in event.attendees] == ['Körner, Anna "AK" Invest Region']
    assert event.organizer.common_name == organiser
    assert str(calendar.event(UID)["ORGANIZER"].params["CN"]) == organiser
