"""Generated input over every form of the web UI: no answer is a 5xx, and a refused request
writes no event.

The forms are not listed here: every POST route is found in `app.url_map` (so a form added
later is covered without touching this file), its URL is built from the test world's ids, and
its fields are read from the page that holds the form (every GET page of the world is crawled
once). Each route then gets generated submissions from the role its access rule admits:
random and huge text, out-of-range dates, unknown and legacy zones, odd numbers and ids,
missing and duplicated fields. Hypothesis runs derandomized, so CI sees the same inputs.
"""

from __future__ import annotations

import html
import re
import traceback
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import pytest
from flask import Flask, got_request_exception
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from werkzeug.datastructures import MultiDict
from werkzeug.routing import Rule

from planner.bootstrap import Planner
from planner.domain.account import account_id
from planner.passwords import hash_password
from tests.web.conftest import event_count, make_app, settle_background_verifications, signed_in
from tests.web.world import MEMBER, PASSWORD, SETUP, World, build_world
from web.access import access_rule

EXAMPLES_PER_ROUTE = 7
ROLE_FOR_RULE = {"public": "anonymous", "signed in": "organiser", "organiser": "organiser",
                 "own preferences": "member", "reader": "organiser", "auditor": "auditor",
                 "trip reader": "organiser", "history reader": "auditor"}

_FORM = re.compile(r"<form\b([^>]*)>(.*?)</form>", re.S | re.I)
_ATTR = re.compile(r'([\w-]+)="([^"]*)"')
_INPUT = re.compile(r"<input\b([^>]*)>", re.I)
_TEXTAREA = re.compile(r"<textarea\b([^>]*)>(.*?)</textarea>", re.S | re.I)
_SELECT = re.compile(r"<select\b([^>]*)>(.*?)</select>", re.S | re.I)
_OPTION = re.compile(r'<option\b[^>]*value="([^"]*)"', re.I)


@dataclass
class FormField:
    name: str
    kind: str
    values: list[str] = field(default_factory=list)
    """The values the page offers: the field's own value, or the options of a choice."""


@dataclass
class Tally:
    requests: int = 0
    server_errors: list[str] = field(default_factory=list)
    refused_writes: list[str] = field(default_factory=list)
    statuses: dict[int, int] = field(default_factory=dict)
    last_failure: str = ""


TALLY = Tally()


@dataclass
class Fuzz:
    app: Flask
    planner: Planner
    world: World
    forms: dict[str, list[list[FormField]]]
    id_sets: list[dict[str, Any]]
    """URL arguments: the world's, and a second set (the held meeting, the other leg...)."""


# -- the world ------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def fuzz_world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Fuzz]:
    """A world of its own (the generated posts change it), with parts for every form, and
    the forms its pages show before any generated post changed it."""
    app, planner = make_app(tmp_path_factory.mktemp("generated-forms"))
    world = build_world(planner, hash_=hash_password(PASSWORD))
    app.extensions["test_world"] = world
    commands = planner.app
    agreement = world.ids["agreement_id"]
    commands.add_contact(world.profile_id, actor=SETUP, name="Lena Körner",
                         email="lena@koerner.example")
    koerner_party = commands.add_party(agreement, actor=SETUP, name="Invest Region Leipzig")
    commands.add_party(agreement, actor=SETUP, name="Nanjing Investment Promotion Commission",
                       profile_id=world.profile_id)
    commands.add_signatory(agreement, actor=SETUP, name="Michael Körner", party_id=koerner_party)
    commands.add_milestone(agreement, actor=SETUP, title="Joint working group",
                           due_on=date(2019, 9, 1))
    commands.schedule_meeting(
        world.trip_id, actor=SETUP, kind="dinner", title="Welcome dinner", venue="Jinling",
        city="Nanjing", timezone="Asia/Shanghai", starts=datetime(2019, 6, 26, 19),
        ends=datetime(2019, 6, 26, 21), leg_id=world.nanjing_leg)
    commands.add_member(world.trip_id, actor=SETUP, person_id=world.han, role="interpreter")
    second = commands.register_profile(actor=SETUP, name="Nanjing Xingang Logistics",
                                       kind="company", country="China", city="Nanjing")
    other = {**world.ids, "meeting_id": world.held_meeting_id, "leg_id": world.jining_leg,
             "person_id": world.han, "profile_id": second, "record_id": agreement,
             "account_id": account_id(MEMBER), "version": 2}
    id_sets = [world.ids, other]
    forms: dict[str, list[list[FormField]]] = {}
    for ids in id_sets:
        for action, variants in crawl(app, ids).items():
            forms.setdefault(action, []).extend(variants)
    yield Fuzz(app, planner, world, forms, id_sets)
    planner.close()


def _build(rule: Rule, ids: dict[str, Any]) -> str | None:
    if not set(rule.arguments) <= set(ids):
        return None
    return rule.build({name: ids[name] for name in rule.arguments}, append_unknown=False)[1]


def _role(app: Flask, rule: Rule) -> str:
    return ROLE_FOR_RULE.get(access_rule(app, rule.endpoint), "organiser")


def _forms(page: str, address: str) -> Iterator[tuple[str, list[FormField]]]:
    """('METHOD action', fields) of every form of a page (search forms use GET)."""
    for attributes, body in _FORM.findall(page):
        attrs = dict(_ATTR.findall(attributes))
        method = attrs.get("method", "get").upper()
        action = html.unescape(attrs.get("action") or address).split("?")[0].split("#")[0]
        action = f"{method} {action}"
        found: dict[str, FormField] = {}
        for tag in _INPUT.findall(body):
            a = {k: html.unescape(v) for k, v in _ATTR.findall(tag)}
            if "name" in a:
                entry = found.setdefault(a["name"], FormField(a["name"], a.get("type", "text")))
                entry.values.append(a.get("value", ""))
        for tag, text in _TEXTAREA.findall(body):
            name = dict(_ATTR.findall(tag)).get("name")
            if name:
                found.setdefault(name, FormField(name, "textarea")).values.append(
                    html.unescape(text))
        for tag, options in _SELECT.findall(body):
            name = dict(_ATTR.findall(tag)).get("name")
            if name:
                found.setdefault(name, FormField(name, "select")).values.extend(
                    html.unescape(v) for v in _OPTION.findall(options))
        yield action, list(found.values())


def crawl(app: Flask, ids: dict[str, Any]) -> dict[str, list[list[FormField]]]:
    """Every form on every GET page the world's ids reach, by 'METHOD address'."""
    forms: dict[str, list[list[FormField]]] = {}
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods or rule.endpoint == "static":
            continue
        address = _build(rule, ids)
        if address is None:
            continue
        role = _role(app, rule)
        response = signed_in(app, "organiser" if role == "anonymous" else role).get(address)
        if response.status_code != 200 or "html" not in response.content_type:
            continue
        for action, fields in _forms(response.get_data(as_text=True), address):
            forms.setdefault(action, []).append(fields)
    return forms


# -- generated values -----------------------------------------------------------------------
HUGE = st.sampled_from(["Ω" * 5_000, "A" * 70_000, "9" * 400])
DATES = st.one_of(
    st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31)).map(date.isoformat),
    st.sampled_from(["0001-01-01", "9999-12-31", "2019-02-30", "2019-06-26", "1899-12-31",
                     "2201-01-01", "-2019-06-26", "2019-6-26", "２０１９-06-26"]))
DATETIMES = st.one_of(
    st.datetimes(min_value=datetime(1, 1, 1), max_value=datetime(9999, 12, 31, 23, 59))
    .map(lambda d: d.strftime("%Y-%m-%dT%H:%M").rjust(16, "0")),
    st.sampled_from(["0001-01-01T00:00", "0001-01-01 00:30", "9999-12-31T23:59",
                     "2019-06-26T25:00", "2019-06-26T09:00", "2019-06-26T10:00",
                     "2019-03-31T02:30", "2019-06-26T09:00:61"]))
ZONES = st.sampled_from(["localtime", "posixrules", "Factory", "Asia/Chongqing", "US/Eastern",
                         "Mars/Olympus", "UTC", "Etc/UTC", "Europe/Berlin", "Asia/Shanghai",
                         "../../etc/passwd", "Europe/Berlin\n", " "])
NUMBERS = st.one_of(st.integers(min_value=-10**30, max_value=10**30).map(str),
                    st.sampled_from(["1e309", "NaN", "-0", "٣", "0x10", "", "1" * 5000]))
IDS = st.one_of(st.uuids().map(str),
                st.sampled_from(["not-a-uuid", "00000000-0000-0000-0000-000000000000",
                                 "{12345678-1234-5678-1234-567812345678}", "x" * 100_000]))
TEXT = st.text(st.characters(codec="utf-8"), max_size=60)


def _value(field_: FormField) -> st.SearchStrategy[str]:
    name, offered = field_.name, [v for v in field_.values if v is not None]
    generated: list[st.SearchStrategy[str]] = [TEXT, HUGE, IDS, NUMBERS]
    if field_.kind == "date" or name.endswith("_on"):
        generated.append(DATES)
    if field_.kind == "datetime-local" or name.endswith("_at"):
        generated.append(DATETIMES)
    if "zone" in name:
        generated.append(ZONES)
    if offered:
        # The values the page offers come first half of the time: a mostly valid form
        # reaches the rules deep in the domain, not just the parsers.
        return st.one_of(st.sampled_from(offered), st.one_of(*generated))
    return st.one_of(*generated)


@st.composite
def submissions(draw: st.DrawFn, fields: list[FormField], csrf: str) -> MultiDict[str, str]:
    data: MultiDict[str, str] = MultiDict()
    for field_ in fields:
        if field_.name == "csrf_token":
            data.add("csrf_token", draw(st.sampled_from([csrf] * 9 + ["forged"])))
            continue
        how = draw(st.sampled_from(["one"] * 6 + ["missing", "twice"]))
        if how == "missing":
            continue
        for _ in range(2 if how == "twice" else 1):
            data.add(field_.name, draw(_value(field_)))
    if "csrf_token" not in data and draw(st.booleans()):
        data.add("csrf_token", csrf)
    return data


# -- the test -------------------------------------------------------------------------------
def post_routes(app: Flask) -> list[Rule]:
    return sorted((r for r in app.url_map.iter_rules() if "POST" in r.methods),
                  key=lambda r: r.rule)


def _fallback_fields(forms: dict[str, list[list[FormField]]]) -> list[FormField]:
    """For a route whose form no page shows: every field name seen anywhere."""
    names: dict[str, FormField] = {}
    for variants in forms.values():
        for fields in variants:
            for field_ in fields:
                names.setdefault(field_.name, FormField(field_.name, field_.kind))
    return list(names.values())


ODD_PATH_PARTS = ["nope", "0", "x" * 300, "%00", "../x", "00000000-0000-0000-0000-000000000000"]


def addresses(rule: Rule, id_sets: list[dict[str, Any]]) -> list[str]:
    """The route's URL for each id set, and with odd values in its free-text parts
    (`leg_id`, `followup_id`...; a `uuid:` part only ever matches a UUID)."""
    built = [a for a in (_build(rule, ids) for ids in id_sets) if a]
    converters = getattr(rule, "_converters", {})
    for name in rule.arguments:
        if type(converters.get(name)).__name__ in ("UnicodeConverter", "PathConverter"):
            for odd in ODD_PATH_PARTS:
                address = _build(rule, {**id_sets[0], name: odd})
                if address:
                    built.append(address)
    return list(dict.fromkeys(built))


def check_route(app: Flask, planner: Planner, rule: Rule,
                targets: list[tuple[str, list[list[FormField]]]],
                method: str = "POST") -> None:
    role = _role(app, rule)

    @settings(max_examples=EXAMPLES_PER_ROUTE, deadline=None, derandomize=True,
              database=None, suppress_health_check=list(HealthCheck))
    @given(data=st.data())
    def submit(data: st.DataObject) -> None:
        address, variants = data.draw(st.sampled_from(targets), label="address")
        fields = data.draw(st.sampled_from(variants), label="form")
        client = signed_in(app, role)
        form = data.draw(submissions(fields, client.csrf), label="fields")  # type: ignore[attr-defined]
        before = event_count(planner)
        try:
            status = (client.post(address, data=form) if method == "POST"
                      else client.get(address, query_string=form)).status_code
        except Exception as error:  # noqa: BLE001 - an error page that failed itself
            status, TALLY.last_failure = 500, "".join(traceback.format_exception(error)[-4:])
        settle_background_verifications()
        written = event_count(planner) - before
        TALLY.requests += 1
        TALLY.statuses[status] = TALLY.statuses.get(status, 0) + 1
        what = f"{rule.endpoint} {address} {dict(form.lists())!r:.300}"
        if status >= 500:
            TALLY.server_errors.append(f"{what}\n{TALLY.last_failure}")
        if 400 <= status < 500 and written:
            TALLY.refused_writes.append(f"{status} wrote {written}: {what}")

    submit()


def _remember(sender: Flask, exception: BaseException, **_: Any) -> None:
    """The last frames of an exception that became a 5xx, for the failure message."""
    lines = traceback.format_exception(exception)
    TALLY.last_failure = "".join(lines[-6:])


def test_no_form_answers_5xx_and_no_refused_request_writes(fuzz_world: Fuzz) -> None:
    app, planner, forms = fuzz_world.app, fuzz_world.planner, fuzz_world.forms
    fallback = [_fallback_fields(forms)]
    got_request_exception.connect(_remember, app)
    routes = post_routes(app)
    assert len(routes) >= 40, "the POST routes were not found in app.url_map"
    unbuilt = []
    for rule in routes:
        targets = [(a, forms.get(f"POST {a}") or fallback)
                   for a in addresses(rule, fuzz_world.id_sets)]
        if not targets:
            unbuilt.append(rule.rule)
            continue
        check_route(app, planner, rule, targets)
    searches = 0
    for rule in app.url_map.iter_rules():
        if "GET" not in rule.methods:
            continue
        targets = [(a, forms[f"GET {a}"]) for a in addresses(rule, fuzz_world.id_sets)
                   if f"GET {a}" in forms]
        if targets:
            searches += 1
            check_route(app, planner, rule, targets, method="GET")
    print(f"\ngenerated forms: {TALLY.requests} requests to {len(routes)} POST routes and "
          f"{searches} search forms, "
          f"{len(TALLY.server_errors)} answered 5xx, {len(TALLY.refused_writes)} refused "
          f"requests wrote events; statuses {sorted(TALLY.statuses.items())}")
    assert not unbuilt, f"no URL arguments in the test world for {unbuilt}"
    assert not TALLY.server_errors, "\n\n".join(TALLY.server_errors[:20])
    assert not TALLY.refused_writes, "\n".join(TALLY.refused_writes[:20])
    assert TALLY.requests >= EXAMPLES_PER_ROUTE * len(routes) // 2


def test_the_crawl_finds_the_forms_of_the_planning_pages(fuzz_world: Fuzz) -> None:
    world, forms = fuzz_world.world, fuzz_world.forms
    trip = f"/trips/{world.trip_id}"
    for action in (f"{trip}/legs/new", f"{trip}/profiles", f"{trip}/members",
                   f"/meetings/{world.meeting_id}/change", "/trips/new"):
        assert f"POST {action}" in forms, action
    assert {"GET /trips", "GET /companies", "GET /audit/log"} <= set(forms)
    fields = {f.name for f in forms[f"POST {trip}/legs/new"][0]}
    assert {"csrf_token", "city", "timezone", "arrives_on", "expected_version"} <= fields


