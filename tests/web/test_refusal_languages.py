"""A refused form speaks the reader's language: the rule in German or Chinese beside the
field, and the field named by its label in the list of what was not saved."""

from __future__ import annotations

import re

from flask import Flask
from flask.testing import FlaskClient

from tests.imports.test_reading import xlsx
from tests.web.conftest import event_count, new_trip, post, signed_in, text_of, visible
from tests.web.test_agreements import add_party, draft, party_ids, version_of
from tests.web.test_imports import PEOPLE, importer, upload  # noqa: F401 - a fixture


def _in(app: Flask, language: str) -> FlaskClient:
    client = signed_in(app, "organiser")
    with client.session_transaction() as session:
        session["language"] = language
    return client


def _beside(page: str, field: str) -> str:
    """The message shown directly under the input `field`."""
    match = re.search(rf'<p class="error-text" id="e-{field}">([^<]*)</p>', page)
    assert match, f"no error message beside {field}"
    return match[1]


def _listed(page: str) -> str:
    """The list of refusals at the head of the form, as read."""
    match = re.search(r'<div class="alert error" role="alert" id="form-errors">(.*?)</div>',
                      page, re.S)
    assert match, "no list of refusals at the head of the form"
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", match[1]))


def test_a_meeting_ending_before_it_starts_is_refused_in_german(app: Flask) -> None:
    trip_id, munich = new_trip(app, title="Reise mit einem rückwärts laufenden Termin")
    planner = app.extensions["planner"]
    before = event_count(planner)
    refused = post(_in(app, "de"), f"/trips/{trip_id}/meetings/new", title="Frühstück",
                   kind="dinner", leg_id=str(munich), venue="Hotel", city="Munich",
                   timezone="Europe/Berlin", starts_at="2024-11-20T09:00",
                   ends_at="2024-11-20T08:00")
    assert refused.status_code == 422
    page = text_of(refused)
    assert _beside(page, "ends_at") == "muss nach dem Beginn liegen"
    assert "Ende (Ortszeit): muss nach dem Beginn liegen" in _listed(page)
    assert "must be after the start" not in visible(refused)
    assert event_count(planner) == before


def test_a_signing_date_in_the_future_is_refused_in_chinese(app: Flask) -> None:
    organiser = signed_in(app, "organiser")
    address = draft(organiser, title="关于汽车产业合作的谅解备忘录")
    add_party(organiser, address, party_name="Invest Region Leipzig")
    add_party(organiser, address, party_name="南京市人民政府")
    leipzig, nanjing = party_ids(organiser, address)
    post(organiser, f"{address}/signatories", party_id=leipzig, signatory_name="Michael Körner")
    post(organiser, f"{address}/signatories", party_id=nanjing, signatory_name="韩立明")
    refused = post(_in(app, "zh"), f"{address}/sign", signed_on="2099-06-28", place="南京",
                   expected_version=version_of(app, address))
    assert refused.status_code == 422
    page = text_of(refused)
    assert _beside(page, "signed_on").startswith("不能是将来的日期；目前全球最晚的日期是 20")
    assert "签署日期: 不能是将来的日期" in _listed(page)
    assert app.extensions["planner"].queries.agreement(
        address.rsplit("/", 1)[1]).status == "drafted"


def test_english_stays_the_source_text(app: Flask) -> None:
    trip_id, munich = new_trip(app, title="Trip with a backwards meeting")
    refused = post(_in(app, "en"), f"/trips/{trip_id}/meetings/new", title="Breakfast",
                   kind="dinner", leg_id=str(munich), venue="Hotel", city="Munich",
                   timezone="Europe/Berlin", starts_at="2024-11-20T09:00",
                   ends_at="2024-11-20T08:00")
    page = text_of(refused)
    assert _beside(page, "ends_at") == "must be after the start"
    assert "Ends (local time): must be after the start" in _listed(page)


def test_an_imported_rows_refusal_reads_in_chinese(importer: FlaskClient) -> None:  # noqa: F811
    with importer.session_transaction() as session:
        session["language"] = "zh"
    assert upload(importer, xlsx(PEOPLE), "people.xlsx").status_code == 302
    page = visible(importer.get("/imports/people/preview"))
    assert "email: 必须是电子邮件地址；输入为 'ben@'" in page
