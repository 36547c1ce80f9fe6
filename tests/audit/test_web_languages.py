"""The history and as-of pages in German and Chinese: what each change did, the fields it
changed and the words values are shown with are in the reader's language; no English sentence
of the interface or of the history is left on them. Instants keep the form the as-of field
reads back ("2019-06-29 10:00 Asia/Shanghai (02:00 UTC)")."""

from __future__ import annotations

import re

import pytest

from planner.audit.labels import KNOWN
from tests.web.conftest import signed_in, visible
from tests.web.test_translations import english_sentences

# The scenario's own data that is also an example in the interface (a form's placeholder).
RECORD_TEXT = {"City of Leipzig"}
HISTORY_ENGLISH = sorted((w for w in KNOWN if " " in w or w.startswith("(")), key=len,
                         reverse=True)


def _in(site, role: str, language: str):  # noqa: ANN001, ANN202 - a FlaskClient
    client = signed_in(site[0], role)
    with client.session_transaction() as session:
        session["language"] = language
    return client


def _english_on(page: str) -> list[str]:
    return [s for s in [*english_sentences(), *HISTORY_ENGLISH]
            if s in page and s not in RECORD_TEXT
            and re.search(rf"(?<!\w){re.escape(s)}(?!\w)", page)]


@pytest.mark.parametrize(("language", "moved", "starts", "added"), [
    ("de", "verschoben", "Beginn", "Teilnehmer/in hinzugefügt"),
    ("zh", "已改期", "开始时间", "已添加参会者"),
])
def test_a_meetings_history_is_in_the_readers_language(
        site, language: str, moved: str, starts: str, added: str) -> None:
    _, s = site
    page = visible(_in(site, "organiser", language).get(f"/audit/records/{s.meeting}/history"))
    assert moved in page and added in page
    assert (f"{starts} 2019-06-29 10:00 Asia/Shanghai (02:00 UTC) "
            "2019-06-28 15:00 Asia/Shanghai (07:00 UTC)") in page
    assert _english_on(page) == []
    assert not re.search(r"\b(moved|attendee added|starts at|cancelled|reinstated)\b", page)


@pytest.mark.parametrize(("language", "words"), [
    ("de", ["angelegt", "Etappe hinzugefügt", "Mitglied hinzugefügt", "Ankunft", "Stadt"]),
    ("zh", ["已创建", "已添加行程段", "已添加成员", "抵达日期", "城市"]),
])
def test_a_trips_history_is_in_the_readers_language(site, language: str,
                                                    words: list[str]) -> None:
    _, s = site
    page = visible(_in(site, "organiser", language).get(f"/audit/records/{s.trip}/history"))
    assert all(word in page for word in words), [w for w in words if w not in page]
    assert _english_on(page) == []
    assert not re.search(r"\b(created|leg added|member added|arrives on|departs on)\b", page)


@pytest.mark.parametrize(("language", "field", "status"), [
    ("de", "Beginn", "Status abgesagt"), ("zh", "开始时间", "状态 已取消")])
def test_a_record_as_of_a_version_is_in_the_readers_language(
        site, language: str, field: str, status: str) -> None:
    _, s = site
    client = _in(site, "auditor", language)
    page = visible(client.get(f"/audit/records/{s.meeting}/as-of?version=4"))
    assert f"{field} 2019-06-28 15:00 Asia/Shanghai (07:00 UTC)" in page
    assert status in page
    assert _english_on(page) == []


@pytest.mark.parametrize(("language", "words"), [
    ("de", ["Land", "Branchen", "Größe", "mittel", "Behörde"]),
    ("zh", ["国家", "行业", "规模", "中型", "政府机构"]),
])
def test_a_company_profiles_history_is_in_the_readers_language(
        site, language: str, words: list[str]) -> None:
    app = site[0].extensions["planner"].app
    profile_id = app.register_profile(actor="test:setup", name="Jining Machinery Park",
                                      kind="government body", country="CN", city="Jining",
                                      sectors=["machinery"], size="large")
    app.change_profile(profile_id, actor="test:setup", name="Jining Machinery Park",
                       kind="government body", country="CN", city="Jining",
                       sectors=["machinery", "logistics"], size="medium",
                       reason="now a mid-sized park")
    page = visible(_in(site, "organiser", language).get(f"/companies/{profile_id}/history"))
    assert all(word in page for word in words), [w for w in words if w not in page]
    assert _english_on(page) == []
    assert not re.search(r"\b(country|sectors|size|medium|government body|owner org):", page)
