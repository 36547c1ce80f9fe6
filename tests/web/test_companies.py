"""Company profiles through the screens: register, find, edit, contacts, history, versions."""

from __future__ import annotations

import re
from typing import Any

from flask import Flask
from flask.testing import FlaskClient
from markupsafe import Markup, escape

from tests.web.conftest import new_trip, post, signed_in, text_of
from tests.web.test_injection_and_scripts import PAYLOADS, assert_inert

TIANJIA = "南京天加环境科技有限公司"


def form_fields(page: str) -> dict[str, str]:
    """What a browser sends back from the page's first POST form (text, hidden, selects)."""
    main = page[page.index('<main id="main"'):]
    form = re.search(r'<form method="post".*?</form>', main, re.S)[0]
    fields = dict(re.findall(r'<input id="[^"]*" name="([^"]+)" type="(?:text|email|date|tel)"'
                             r' value="([^"]*)"', form))
    fields.update(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)"', form))
    fields.update(re.findall(r'<textarea[^>]*name="([^"]+)"[^>]*>([^<]*)</textarea>', form))
    for name, options in re.findall(r'<select[^>]*name="([^"]+)"[^>]*>(.*?)</select>',
                                    form, re.S):
        chosen = re.search(r'<option value="([^"]*)" selected', options)
        fields[name] = chosen[1] if chosen else ""
    return {k: Markup(v).unescape() for k, v in fields.items()}


def register(client: FlaskClient, **fields: Any) -> str:
    """Register a profile through the form; the new profile's address."""
    data = {"kind": "company", "country": "Germany", **fields}
    response = post(client, "/companies/new", **data)
    assert response.status_code == 302, text_of(response)
    return response.headers["Location"]


def profile_id(address: str) -> str:
    return address.rstrip("/").rsplit("/", 1)[1]


def test_an_organiser_registers_a_profile_and_finds_it_without_typing_accents(
        organiser: FlaskClient) -> None:
    address = register(organiser, name="Körner Logistik Süd GmbH", city="Leipzig",
                       size="medium", sectors="Logistics\nCold chain",
                       interests=["expand into China", "find sales partners"],
                       website="https://logistik.example", description="Family business")
    page = text_of(organiser.get(address))
    assert "Körner Logistik Süd GmbH" in page and "Logistics, Cold chain" in page
    assert "expand into China" in page and "find sales partners" in page

    for query in ("korner logistik", "KÖRNER LOGISTIK", "logistik sud"):
        found = text_of(organiser.get("/companies", query_string={"name": query}))
        assert "Körner Logistik Süd GmbH" in found, query
    filters = {"kind": "company", "sector": "cold chain", "interest": "find sales partners",
               "country": "germany"}
    assert "Körner Logistik Süd GmbH" in text_of(organiser.get("/companies",
                                                               query_string=filters))
    for other in ({"kind": "chamber"}, {"sector": "automotive"}, {"country": "China"},
                  {"interest": "find investors"}):
        page = text_of(organiser.get("/companies", query_string={"name": "korner", **other}))
        assert "Körner Logistik Süd GmbH" not in page, other


def test_a_chinese_name_round_trips_through_the_form_the_search_and_the_page(
        organiser: FlaskClient, app: Flask) -> None:
    address = register(organiser, name=TIANJIA, country="China", city="南京",
                       sectors="环境技术", kind="company")
    assert TIANJIA in text_of(organiser.get(address))
    found = text_of(organiser.get("/companies", query_string={"name": "天加环境"}))
    assert TIANJIA in found and "南京" in found
    edit = text_of(organiser.get(f"{address}/edit"))
    assert f'value="{TIANJIA}"' in edit
    assert app.extensions["planner"].queries.profile(profile_id(address)).name == TIANJIA


def test_the_register_pages_with_the_filters_kept(app: Flask, organiser: FlaskClient) -> None:
    commands = app.extensions["planner"].app
    for number in range(27):
        commands.register_profile(actor="test", name=f"Paging Probe Firm {number:02}",
                                  kind="company", country="Germany")
    first = text_of(organiser.get("/companies", query_string={"name": "paging probe"}))
    assert "Page 1 of 2 (27 in all)" in first
    assert first.count("Paging Probe Firm") == 25
    link = re.search(r'href="([^"]*page=2[^"]*)" rel="next"', first)[1].replace("&amp;", "&")
    assert "name=paging" in link, "the next page keeps the search"
    second = text_of(organiser.get(link))
    assert second.count("Paging Probe Firm") == 2 and "Paging Probe Firm 26" in second


def test_a_bad_filter_is_explained_not_a_server_error(organiser: FlaskClient) -> None:
    response = organiser.get("/companies?kind=shipyard")
    assert response.status_code == 422
    assert "Kind: must be one of" in text_of(response) and "shipyard" in text_of(response)


def test_an_edit_is_a_new_version_with_who_when_why_and_what_changed(
        app: Flask, organiser: FlaskClient) -> None:
    address = register(organiser, name="Versioned Maschinen AG", city="Leipzig")
    trip_id, _ = new_trip(app, title="Trip handing over the versioned profile")
    commands = app.extensions["planner"].app
    commands.attach_profile(trip_id, profile_id(address), actor="test")

    form = form_fields(text_of(organiser.get(f"{address}/edit")))
    assert form["expected_version"] == "1" and form["name"] == "Versioned Maschinen AG"
    form.update(city="Dresden", reason="moved its headquarters", csrf_token=organiser.csrf)
    assert organiser.post(f"{address}/edit", data=form).status_code == 302

    page = text_of(organiser.get(address))
    assert "Dresden" in page and "Version 2" in page
    assert "Trip handing over the versioned profile" in page
    assert f'href="{address}/versions/1">version 1</a>' in page, "the version handed over"
    history = text_of(organiser.get(f"{address}/history"))
    assert "Version 2</a>: details changed" in history
    assert "organiser@test.example" in history and "moved its headquarters" in history
    assert "city: Leipzig -&gt; Dresden" in history
    then = text_of(organiser.get(f"{address}/versions/1"))
    assert "Leipzig" in then and "Dresden" not in then
    assert "handed over on" in then and "Trip handing over the versioned profile" in then
    assert organiser.get(f"{address}/versions/9").status_code == 404


def test_a_stale_profile_edit_shows_the_change_and_keeps_the_input(
        app: Flask, organiser: FlaskClient) -> None:
    address = register(organiser, name="Contested Werkzeuge GmbH", city="Leipzig")
    anna, ben = signed_in(app, "organiser"), signed_in(app, "organiser")
    annas = form_fields(text_of(anna.get(f"{address}/edit")))
    bens = form_fields(text_of(ben.get(f"{address}/edit")))
    annas.update(city="Halle", reason="Anna checked the register", csrf_token=anna.csrf)
    assert anna.post(f"{address}/edit", data=annas).status_code == 302

    bens.update(description="Ben's notes from the fair", csrf_token=ben.csrf)
    response = ben.post(f"{address}/edit", data=bens)
    assert response.status_code == 409
    page = text_of(response)
    assert "Someone changed this company profile while you were editing" in page
    assert "Anna checked the register" in page and "organiser@test.example" in page
    assert re.search(r"<th>city</th>\s*<td[^>]*>Leipzig</td><td[^>]*>Halle</td>", page), \
        "Ben's (old) city beside the current one"
    kept = form_fields(page)
    assert kept["description"] == "Ben's notes from the fair", "Ben's input is kept"
    assert kept["expected_version"] == "2"

    kept.update(city="Halle", csrf_token=ben.csrf)
    assert ben.post(f"{address}/edit", data=kept).status_code == 302
    row = app.extensions["planner"].queries.profile(profile_id(address))
    assert (row.city, row.description, row.version) == ("Halle", "Ben's notes from the fair", 3)


def test_contacts_are_added_and_removed_and_earlier_versions_still_show_them(
        organiser: FlaskClient) -> None:
    address = register(organiser, name="Contactful Elektronik GmbH")
    added = post(organiser, f"{address}/contacts", name="王伟", title="Sales director",
                 email="wang.wei@example.cn", phone="+86 25 1234 5678")
    assert added.status_code == 302
    assert "王伟" in text_of(organiser.get(address))
    contacts = text_of(organiser.get(f"{address}/contacts"))
    contact_id = re.search(r'name="contact_id" value="([^"]+)"', contacts)[1]
    removed = post(organiser, f"{address}/contacts/remove", contact_id=contact_id,
                   remove_reason="left the company", expected_version="2")
    assert removed.status_code == 302
    assert "王伟" not in text_of(organiser.get(address))
    assert "王伟" in text_of(organiser.get(f"{address}/versions/2"))
    assert "left the company" in text_of(organiser.get(f"{address}/history"))


def test_bad_input_is_named_beside_its_field_and_changes_nothing(
        app: Flask, organiser: FlaskClient) -> None:
    queries = app.extensions["planner"].queries
    position = queries.position()
    response = post(organiser, "/companies/new", name="  ", kind="company", country="Germany")
    assert response.status_code == 422
    assert re.search(r'<p class="error-text" id="e-name">must not be empty</p>',
                     text_of(response))
    address = register(organiser, name="Validated Optik GmbH")
    position = queries.position()
    bad = post(organiser, f"{address}/contacts", name="Li Na", email="not-an-address")
    assert bad.status_code == 422
    page = text_of(bad)
    assert 'id="e-email"' in page and 'value="not-an-address"' in page
    empty = post(organiser, f"{address}/contacts", name="", email="")
    assert re.search(r'id="e-name">must not be empty', text_of(empty)), "beside the name input"
    assert queries.position() == position, "nothing was written"


def test_a_form_without_its_csrf_token_is_refused(app: Flask, organiser: FlaskClient) -> None:
    response = organiser.post("/companies/new", data={"name": "Forged GmbH", "kind": "company",
                                                      "country": "Germany"})
    assert response.status_code == 400
    assert app.extensions["planner"].queries.profiles(name="Forged GmbH").total == 0


def test_participants_are_refused_and_auditors_only_read(app: Flask, member: FlaskClient,
                                                         auditor: FlaskClient) -> None:
    address = register(signed_in(app, "organiser"), name="Read Only Textil GmbH")
    assert member.get("/companies").status_code == 403
    assert member.get(address).status_code == 403
    page = text_of(auditor.get(address))
    assert "Read Only Textil GmbH" in page and "/history" in page
    assert "/edit" not in page and "/contacts" not in page, "no edit forms for auditors"
    assert "New profile" not in text_of(auditor.get("/companies"))
    assert auditor.get(f"{address}/edit").status_code == 403
    assert post(auditor, f"{address}/contacts", name="x").status_code == 403


def test_html_in_every_text_field_is_shown_as_text(app: Flask, organiser: FlaskClient) -> None:
    for p in PAYLOADS:
        address = register(organiser, name=f"Firm {p}", country=f"Land {p}", city=f"City {p}",
                           sectors=f"Sector {p}", description=f"About {p}",
                           website=f"https://x.example/{p}")
        assert post(organiser, f"{address}/contacts", name=f"Contact {p}", title=f"Title {p}",
                    phone=f"Phone {p}").status_code == 302
        form = form_fields(text_of(organiser.get(f"{address}/edit")))
        form.update(reason=f"Reason {p}", csrf_token=organiser.csrf)
        assert organiser.post(f"{address}/edit", data=form).status_code == 302
        pages = [address, f"{address}/edit", f"{address}/contacts", f"{address}/history",
                 f"{address}/versions/1", f"{address}/versions/3",
                 f"/companies?name=Firm {p}", f"/companies?sector={p}&country={p}"]
        for page in pages:
            response = organiser.get(page)
            assert response.status_code == 200, page
            assert_inert(text_of(response), p, page)
        assert str(escape(f"Firm {p}")) in text_of(organiser.get(address))
