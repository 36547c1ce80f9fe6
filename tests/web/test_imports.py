"""Importing people and profiles in the web UI: upload, map, preview, import all or nothing."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from planner.passwords import hash_password
from tests.imports.test_reading import xlsx
from tests.web.conftest import event_count, open_session, post, visible

EMAIL = "importer@example.org"


@pytest.fixture
def importer(fresh_app: Flask) -> FlaskClient:
    fresh_app.extensions["planner"].app.open_account(
        actor="test", email=EMAIL, name="Ina Importer", role="organiser",
        password_hash=hash_password("a long enough test password"))
    client = fresh_app.test_client()
    client.csrf = open_session(client, EMAIL)  # type: ignore[attr-defined]
    return client


def upload(client: FlaskClient, data: bytes, name: str, kind: str = "people"):  # noqa: ANN201
    return client.post(f"/imports/{kind}", content_type="multipart/form-data",
                       data={"csrf_token": client.csrf,  # type: ignore[attr-defined]
                             "file": (io.BytesIO(data), name)})


PEOPLE = [["Name", "E-mail", "Organisation", "Zone"],
          ["Anna Körner", "anna@example.org", "Bosch", "Europe/Berlin"],
          ["王伟", "", "Sany", "Asia/Shanghai"],
          ["Ben", "ben@", "", "Europe/Berlin"]]


def test_upload_map_preview_refuse_then_drop_then_again_adds_nothing(
        importer: FlaskClient, fresh_app: Flask) -> None:
    planner = fresh_app.extensions["planner"]
    before = event_count(planner)
    sent = upload(importer, xlsx(PEOPLE), "people.xlsx")
    assert sent.status_code == 302
    page = importer.get("/imports/people/preview")
    text = visible(page)
    assert page.status_code == 200
    assert "2 new, 0 there already (skipped), 1 with errors" in text
    assert "email: must be an e-mail address; got 'ben@'" in text
    # "Zone" is prefilled as the home zone, the rest by their names
    assert 'name="c3" value="home_timezone"' in page.get_data(as_text=True)
    refused = post(importer, "/imports/people/preview", c0="name", c1="email",
                   c2="organisation", c3="home_timezone")
    assert refused.status_code == 422
    assert "Nothing was imported: 1 rows have errors" in visible(refused)
    assert event_count(planner) == before
    done = post(importer, "/imports/people/preview", c0="name", c1="email",
                c2="organisation", c3="home_timezone", drop_refused="yes")
    assert done.status_code == 302
    listing = visible(importer.get(done.headers["Location"]))
    assert "Imported 2 people; 0 were there already; 1 rows with errors were left out " \
           "(rows 4)." in listing
    assert "Anna Körner" in listing and "王伟" in listing
    saved = event_count(planner)
    assert list((Path(fresh_app.instance_path) / "imports").glob("*.upload")) == []
    upload(importer, xlsx(PEOPLE[:3]), "people.xlsx")
    again = post(importer, "/imports/people/preview", c0="name", c1="email",
                 c2="organisation", c3="home_timezone")
    assert "Imported 0 people; 2 were there already" in visible(importer.get(
        again.headers["Location"]))
    assert event_count(planner) == saved


def test_a_mapping_chosen_in_the_preview_is_used(importer: FlaskClient) -> None:
    upload(importer, b"Firma;Art;Land\nAcme GmbH;company;Germany\n", "p.csv",
           "profiles")
    unmapped = importer.get("/imports/profiles/preview")
    assert unmapped.status_code == 422
    assert "map: no column is mapped to name" in visible(unmapped)
    mapped = importer.get("/imports/profiles/preview?c0=name&c1=kind&c2=country")
    assert "1 new, 0 there already (skipped), 0 with errors" in visible(mapped)
    done = post(importer, "/imports/profiles/preview", c0="name", c1="kind", c2="country")
    assert "Imported 1 company profiles" in visible(importer.get(done.headers["Location"]))


@pytest.mark.parametrize(("data", "name", "message"), [
    (b"name\n" + b"x\n" * 5001, "big.csv", "at most 5,000 rows can be imported at once; "
                                            "this file has 5,001"),
    (b"x" * (5 * 1024 * 1024 + 10), "huge.csv", "the file is larger than 5 MB"),
    (b"x" * (6 * 1024 * 1024), "huger.csv", "the file is larger than 5 MB"),
    (b"\x00\x01", "x.ods", "only CSV and XLSX files"),
])
def test_too_big_or_unreadable_files_are_refused_with_a_clear_message(
        importer: FlaskClient, fresh_app: Flask, data: bytes, name: str, message: str) -> None:
    before = event_count(fresh_app.extensions["planner"])
    refused = upload(importer, data, name)
    assert refused.status_code in (413, 422)
    assert message in visible(refused)
    assert event_count(fresh_app.extensions["planner"]) == before


def test_no_file_and_a_gone_upload_are_refused(importer: FlaskClient) -> None:
    assert "file: choose a CSV or XLSX file" in visible(post(importer, "/imports/people"))
    assert importer.get("/imports/people/preview").status_code == 302
    gone = post(importer, "/imports/people/preview")
    assert gone.status_code == 422 and "upload it again" in visible(gone)
