"""Calendar mails in the recipient's language: a German recipient's REQUEST has a German
subject and body with German dates and times (Babel), the same calendar part as everyone's; an
English recipient's mail of the same change stays English."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from tests.mail.conftest import SmtpServer
from tests.mail.test_calendar_mails import ACTOR, ANNA, LI, _deliver, _invitation, _meeting, _to
from tests.mail.test_calendar_mails import _world as _munich


@pytest.mark.parametrize("sql_database_url", ["sqlite"], indirect=True)
def test_a_german_recipient_gets_a_german_request(
        sql_database_url: str, make_planner: Any, smtp_server: SmtpServer) -> None:
    planner = make_planner(sql_database_url)
    world = _munich(planner)
    planner.app.choose_language(ANNA, actor=ANNA, language="de")  # her account's choice
    meeting = _meeting(planner, world, "Treffen im Bayerischen Wirtschaftsministerium")
    _deliver(planner, smtp_server)
    planner.app.move_meeting(meeting, actor=ACTOR, starts=datetime(2024, 11, 20, 14),
                             ends=datetime(2024, 11, 20, 15), reason="the minister is late")
    messages = _deliver(planner, smtp_server)
    [german], [english] = _to(messages, ANNA), _to(messages, LI)

    assert german["Subject"] == ("Verschoben: Treffen im Bayerischen Wirtschaftsministerium, "
                                 "jetzt Mi., 20. Nov. 2024, 14:00–15:00 "
                                 "(Mitteleuropäische Zeit)")
    text = german.get_body(("plain",)).get_content().replace("\r\n", "\n")
    assert text.startswith("Guten Tag Anna Weiß,\n\nDieser Termin wurde verschoben.")
    assert "Bisherige Zeit: Mi., 20. Nov. 2024, 10:00–11:00 (Mitteleuropäische Zeit)" in text
    assert "Neue Zeit: Mi., 20. Nov. 2024, 14:00–15:00 (Mitteleuropäische Zeit)" in text
    assert "Zusagen oder absagen: " in text and "Time" not in text
    html = german.get_body(("html",)).get_content()
    assert '<html lang="de">' in html and "Bisherige Zeit" in html
    method, event = _invitation(german)
    assert method == "REQUEST"
    assert event["DTSTART"].dt.astimezone(UTC) == datetime(2024, 11, 20, 13, tzinfo=UTC)
    assert "Reise: Nanjing mayor's study visit to Munich" in str(event["DESCRIPTION"])

    assert english["Subject"].startswith("Moved: Treffen im Bayerischen Wirtschaftsministerium")
    assert "Time before: Wed, 20 Nov 2024, 10:00–11:00 (Central European Time)" in \
        english.get_body(("plain",)).get_content()


@pytest.mark.parametrize("sql_database_url", ["sqlite"], indirect=True)
def test_a_recipient_who_chose_no_language_gets_the_trips_language(
        sql_database_url: str, make_planner: Any, smtp_server: SmtpServer) -> None:
    planner = make_planner(sql_database_url)
    world = _munich(planner)
    planner.app.set_trip_language(world["trip"], actor=ACTOR, language="zh")
    planner.app.choose_language(ANNA, actor=ANNA, language="de")  # her own choice comes first
    meeting = _meeting(planner, world, "Treffen im Bayerischen Wirtschaftsministerium")
    _deliver(planner, smtp_server)
    planner.app.move_meeting(meeting, actor=ACTOR, starts=datetime(2024, 11, 20, 14),
                             ends=datetime(2024, 11, 20, 15), reason="the minister is late")
    messages = _deliver(planner, smtp_server)
    [german], [chinese] = _to(messages, ANNA), _to(messages, LI)

    assert german["Subject"].startswith("Verschoben: ")
    assert chinese["Subject"].startswith("时间变更：Treffen im Bayerischen Wirtschaftsministerium")
    text = chinese.get_body(("plain",)).get_content()
    assert "2024年11月20日" in text and "Time before" not in text
