"""The interface in German, English and Chinese: a complete catalogue, and pages without English.

The catalogue test extracts every message of web/ as `make translations` does (babel.cfg) and
fails on a message missing from the German or Chinese catalogue, an empty or fuzzy entry, and
a translation whose %(placeholders)s differ from the message's. The page test renders every
page of the authorisation matrix's world in each language, for the accounts that see most of
it, and fails when a German or Chinese page shows a sentence of the English interface; again
on a copy of the world whose plan gives every kind of warning, where it also fails on the
words of an English warning.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir, extract_from_file
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po
from flask import Flask
from sqlalchemy import select

from planner.passwords import hash_password
from tests.web.conftest import make_app, signed_in, visible
from tests.web.test_authorisation_matrix import RULES, url
from tests.web.warning_world import add_warnings
from tests.web.world import PASSWORD, World, build_world

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ("de", "zh")
KEYWORDS = {"_": None, "gettext": None, "lazy_gettext": None, "ngettext": (1, 2), "N_": None}
PLACEHOLDER = re.compile(r"%\((\w+)\)s")
WARNING_PLACEHOLDER = re.compile(r"%\(\w+\)[sd]")


def extracted() -> dict[str, tuple[str, ...]]:
    """Every message of web/ (its msgid, and its plural): what `make translations` finds."""
    with (ROOT / "babel.cfg").open() as config:
        method_map, options_map = parse_mapping_cfg(config)
    found: dict[str, tuple[str, ...]] = {}
    for _file, _line, message, _comments, _context in extract_from_dir(
            ROOT / "web", method_map, options_map, keywords=KEYWORDS):
        forms = (message,) if isinstance(message, str) else tuple(message)
        found[forms[0]] = forms
    return found


def catalogue(language: str):  # noqa: ANN201 - babel Catalog
    path = ROOT / "web" / "translations" / language / "LC_MESSAGES" / "messages.po"
    with path.open("rb") as po:
        return read_po(po, locale=language)


def test_the_sources_have_messages_to_translate() -> None:
    messages = extracted()
    assert len(messages) > 800
    assert "Sign in" in messages and "Delegation Planner" in messages


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated_without_fuzzy_or_empty_entries(language: str) -> None:
    messages, translated = extracted(), catalogue(language)
    problems = []
    for msgid, forms in messages.items():
        entry = translated.get(msgid)
        if entry is None:
            problems.append(f"missing: {msgid!r}")
            continue
        strings = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        if entry.fuzzy:
            problems.append(f"fuzzy: {msgid!r}")
        if not all(s.strip() for s in strings):
            problems.append(f"empty: {msgid!r}")
        wanted = set(PLACEHOLDER.findall(" ".join(forms))) - {"num"}
        for string in strings:
            if set(PLACEHOLDER.findall(string)) - {"num"} != wanted:
                problems.append(f"placeholders differ: {msgid!r} -> {string!r}")
    assert problems == [], "\n".join(problems)


# Messages that are also record data the world was built with in English (a name or a
# follow-up is shown as it was entered, never translated): "Send company profiles…".
RECORD_TEXT = {"Leipzig delegation to Nanjing and Jining", "Nanjing Municipal People's Government",
               "company profiles"}


def english_sentences() -> list[str]:
    """English interface text that must not appear on a German or Chinese page: every message
    of two words or more without placeholders that both catalogues translate differently."""
    german, chinese = catalogue("de"), catalogue("zh")
    found = []
    for msgid in extracted():
        if PLACEHOLDER.search(msgid) or len(msgid.split()) < 2 or len(msgid) < 10:
            continue
        de, zh = german.get(msgid), chinese.get(msgid)
        if de and zh and de.string != msgid and zh.string != msgid \
                and msgid not in RECORD_TEXT:
            found.append(msgid)
    return sorted(found, key=len, reverse=True)


# The API's reference (Swagger UI over the OpenAPI document) is for programmers and stays in
# English, as the API's problem texts do; every other page follows the reader's language.
ENGLISH_ONLY = {"api.docs_page"}
PAGES = sorted(endpoint for (endpoint, method) in RULES
               if method == "GET" and endpoint not in ENGLISH_ONLY)
READERS = ("organiser", "member", "auditor")


def in_language(app: Flask, role: str, language: str):  # noqa: ANN201 - FlaskClient
    client = signed_in(app, role)
    with client.session_transaction() as session:
        session["language"] = language
    return client


def english_warnings() -> list[str]:
    """What the English warnings say around their names, dates and times ("which overlap",
    "minutes to get from", "double booked"): the pieces of two words or more between the
    placeholders of every message of planner.readmodel.warning_text."""
    found = set()
    for _line, message, _comments, _context in extract_from_file(
            "python", ROOT / "planner" / "readmodel" / "warning_text.py",
            keywords={"tr": None, "N_": None}):
        for piece in WARNING_PLACEHOLDER.split(message):
            piece = piece.strip(" ().,;‘’")
            if len(piece.split()) >= 2 and len(piece) >= 8:
                found.add(piece)
    return sorted(found, key=len, reverse=True)


def mails_as_sent(app: Flask) -> list[str]:
    """The subjects of the mails in the outbox: the Mail pages show each as it was sent, in its
    recipient's language (other tests sharing the world send some to English readers)."""
    from planner.mail.tables import outbox

    engine = app.extensions["planner"].engine
    with engine.connect() as conn:
        return sorted({row.subject for row in conn.execute(select(outbox.c.subject))},
                      key=len, reverse=True)


def english_on_pages(app: Flask, world: World, language: str) -> tuple[int, list[str], int]:
    """Every page for each reader in `language`: how many were shown, the English found on
    them (interface text and warnings' words, not the mails shown as they were sent), and how
    many listed warnings."""
    english = english_sentences() + english_warnings() if language != "en" else []
    sent = mails_as_sent(app)
    shown, leaks, warned = 0, [], 0
    for role in READERS:
        client = in_language(app, role, language)
        for endpoint in PAGES:
            response = client.get(url(app, world, endpoint))
            assert response.status_code < 500, f"{endpoint} as {role} in {language}"
            if response.status_code != 200 or not response.mimetype == "text/html":
                continue
            shown += 1
            page = visible(response)
            for subject in sent:
                page = page.replace(subject, " ")
            assert f'lang="{language}"' in response.get_data(as_text=True)
            warned += response.get_data(as_text=True).count('id="warning-')
            leaks += [f"{endpoint} ({role}): {s!r}" for s in english
                      if s in page and re.search(rf"(?<!\w){re.escape(s)}(?!\w)", page)]
    return shown, sorted(set(leaks)), warned


@pytest.mark.parametrize("language", ("de", "zh", "en"))
def test_every_page_renders_in_each_language_without_english_interface_text(
        app: Flask, world: World, language: str) -> None:
    shown, leaks, _ = english_on_pages(app, world, language)
    assert shown > 60, "most pages are shown to one of the readers"
    assert leaks == [], "\n".join(["English interface text on a translated page:", *leaks])


@pytest.fixture(scope="module")
def warned_world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Flask, World]]:
    """The test world on its own database, with a plan that gives every kind of warning."""
    app, planner = make_app(tmp_path_factory.mktemp("warned"))
    world = build_world(planner, hash_=hash_password(PASSWORD))
    add_warnings(planner, world)
    yield app, world
    planner.close()


@pytest.mark.parametrize("language", ("de", "zh"))
def test_every_page_with_warnings_renders_them_without_english(
        warned_world: tuple[Flask, World], language: str) -> None:
    shown, leaks, warned = english_on_pages(*warned_world, language)
    assert shown > 60 and warned >= 10, "the trip page lists the world's warnings"
    assert leaks == [], "\n".join(["English on a translated page with warnings:", *leaks])


def test_the_warnings_words_are_what_an_english_warning_would_leak() -> None:
    words = english_warnings()
    assert {"which overlap", "minutes to get from", "falls outside the trip", "local time",
            "double booked", "outside working hours", "the delegation is in"} <= set(words)


def test_the_login_page_has_the_language_switcher_and_follows_the_browser(app: Flask) -> None:
    client = app.test_client()
    german = visible(client.get("/login", headers={"Accept-Language": "de-DE,de;q=0.9"}))
    assert "Anmelden" in german and "Deutsch" in german and "中文" in german
    chinese = visible(client.get("/login", headers={"Accept-Language": "zh-CN,zh;q=0.9"}))
    assert "登录" in chinese and "Sign in" not in chinese


def test_the_configured_language_is_the_fallback_and_bad_values_are_refused(
        tmp_path: Path) -> None:
    from planner.bootstrap import build
    from planner.settings import SettingsError, load_settings
    from web import create_app

    settings = load_settings(environ={"PLANNER_PLANNER_LANGUAGE": "zh"},
                             instance_path=str(tmp_path / "instance"))
    assert settings.language == "zh"
    planner = build(settings, database_url=f"sqlite:///{tmp_path / 'planner.sqlite3'}")
    try:
        client = create_app(settings, planner=planner).test_client()
        assert "登录" in visible(client.get("/login"))  # no Accept-Language: the setting
        assert "Anmelden" in visible(client.get("/login", headers={"Accept-Language": "de"}))
    finally:
        planner.close()
    with pytest.raises(SettingsError, match=r"PLANNER_PLANNER_LANGUAGE: must be one of de, en, zh"):
        load_settings(environ={"PLANNER_PLANNER_LANGUAGE": "fr"})


def test_choosing_a_language_signed_in_is_kept_for_the_next_sign_in(fresh_app: Flask) -> None:
    from planner.passwords import hash_password
    from tests.web.conftest import form_token

    planner = fresh_app.extensions["planner"].app
    planner.open_account(actor="test", email="li@test.example", name="Li Na", role="organiser",
                         password_hash=hash_password("a long enough pass phrase 42"))
    client = fresh_app.test_client()
    token = form_token(client.get("/login").get_data(as_text=True))
    client.post("/login", data={"csrf_token": token, "email": "li@test.example",
                                "password": "a long enough pass phrase 42"})
    token = form_token(client.get("/").get_data(as_text=True))
    chosen = client.post("/language", data={"csrf_token": token, "language": "zh",
                                            "next": "/me"})
    assert chosen.status_code == 302 and chosen.headers["Location"].endswith("/me")
    assert planner.account_language("li@test.example") == "zh"
    assert "语言" in visible(client.get("/me"))

    again = fresh_app.test_client()  # another browser, asking for German
    token = form_token(again.get("/login").get_data(as_text=True))
    again.post("/login", data={"csrf_token": token, "email": "li@test.example",
                               "password": "a long enough pass phrase 42"},
               headers={"Accept-Language": "de"})
    landing = again.get("/", headers={"Accept-Language": "de"}, follow_redirects=True)
    assert "概览" in visible(landing), "the account's choice, not the browser's"
    refused = again.post("/language", data={"csrf_token": form_token(
        again.get("/me").get_data(as_text=True)), "language": "fr"})
    assert refused.status_code == 422
    assert planner.account_language("li@test.example") == "zh"
