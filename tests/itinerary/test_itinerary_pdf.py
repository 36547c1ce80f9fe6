"""The printed itinerary: parsed back from the PDF, it holds the person's meetings with the
right local and home times (across Berlin's autumn clock change), in the reader's language
(Chinese too), the host side's contacts, and on a second print what changed since the first."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from io import BytesIO
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from planner.itinerary.printing import Itineraries
from tests.itinerary.conftest import Trips

BASE = "http://127.0.0.1:5077"


def text_of(pdf: bytes) -> str:
    reader = PdfReader(BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def _print(trips: Trips, person, language: str) -> str:  # noqa: ANN001
    body, _ = Itineraries(trips.planner).person_pdf(person, trips.current, language=language,
                                                    base_url=BASE)
    assert body.startswith(b"%PDF-")
    return text_of(body)


def test_a_chinese_participant_reads_their_itinerary_in_chinese(trips: Trips) -> None:
    text = _print(trips, trips.han, "zh")
    assert "行程单" in text and "南京市长访问慕尼黑" in text and "韩立明" in text
    assert "2026年10月24日星期六" in text and "2026年10月26日星期一" in text
    # 10:00 in Munich is 16:00 in Shanghai in summer time, 17:00 after the clock change
    assert "10:00–11:00" in text
    assert "本国时间 16:00–17:00" in text and "本国时间 17:00–18:00" in text
    assert "Visit to Stadtwerke München" in text and "官方会见" in text


def test_a_german_reader_gets_german_dates_and_words(trips: Trips) -> None:
    text = _print(trips, trips.koerner, "de")
    assert "Reiseprogramm" in text and "Samstag, 24. Oktober 2026" in text
    assert "14:00–15:00" in text and "Mitteleuropäische Zeit" in text
    assert not re.search(r"Heimatzeit \d", text), "home and venue agree: no home time"
    assert "Offizielles Treffen" in text


def test_the_pack_names_the_venues_and_the_host_contacts(trips: Trips) -> None:
    text = _print(trips, trips.koerner, "en")
    assert "SWM Zentrale, Emmy-Noether-Straße 2, Munich" in text
    assert "Contacts on the host side" in text
    assert "Eva Huber" in text and "+49 89 1234" in text
    assert "Your organisers" in text and "Michael Körner" in text
    assert f"{BASE}/schedule#my-calendar" in text, "the QR code's address, written out"


def test_a_second_print_lists_what_changed_since_the_first(trips: Trips) -> None:
    first = _print(trips, trips.koerner, "en")
    assert "Changes since the last print" not in first
    trips.clock.now += timedelta(hours=1)
    trips.planner.app.move_meeting(trips.tomorrow, actor="setup@itinerary.test",
                                   starts=datetime(2026, 10, 26, 15),
                                   ends=datetime(2026, 10, 26, 16), reason="Chamber asked")
    trips.planner.app.cancel_meeting(trips.today, actor="setup@itinerary.test",
                                     reason="SWM closed")
    trips.clock.now += timedelta(hours=1)
    second = _print(trips, trips.koerner, "en")
    changes = second.split("Changes since the last print", 1)[1].split("Sunday", 1)[0]
    assert "moved" in changes and "Chamber of commerce" in changes
    assert "15:00–16:00 (was" in changes and "10:00–11:00)" in changes
    assert "cancelled" in changes and "Visit to Stadtwerke München" in changes
    third = _print(trips, trips.koerner, "en")
    assert "Changes since the last print" not in third
    assert "Nothing has changed since the last print" in third


def test_the_whole_trip_prints_with_every_attendee(trips: Trips) -> None:
    body, _ = Itineraries(trips.planner).trip_pdf(trips.current, language="en", base_url=BASE)
    text = text_of(body)
    assert "The whole delegation" in text and "Attending: Michael Körner, 韩立明" in text


def test_the_cli_writes_the_pdf_and_refuses_an_unknown_person(
        trips: Trips, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from planner.cli import main

    settings = trips.planner.settings
    monkeypatch.setenv("PLANNER_DATABASE_URL", str(trips.planner.engine.url))
    monkeypatch.setenv("PLANNER_INSTANCE_PATH", str(settings.instance_path))
    out = tmp_path / "han.pdf"
    result = CliRunner().invoke(main, ["itinerary", "person", "han@it.test", "--trip",
                                       str(trips.current), "--out", str(out), "--lang", "zh"])
    assert result.exit_code == 0, result.output
    assert "行程单" in text_of(out.read_bytes())
    refused = CliRunner().invoke(main, ["itinerary", "person", "nobody@it.test", "--trip",
                                        str(trips.current), "--out", str(out)])
    assert refused.exit_code != 0
    assert "email: no person has the e-mail address 'nobody@it.test'" in refused.output
    elsewhere = CliRunner().invoke(main, ["itinerary", "person", "han@it.test", "--trip",
                                          str(trips.past) + "x", "--out", str(out)])
    assert elsewhere.exit_code != 0 and "trip" in elsewhere.output
