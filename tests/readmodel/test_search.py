"""The search box's query (issue 15, "Finding things"), on a SQLite file and on PostgreSQL:
every kind is found by its name, Chinese names by two of their characters, Latin names
without their accents, and never a record of an organisation the viewer may not see."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy import text

from planner.domain.errors import ValidationError
from planner.domain.organisation import DEFAULT_ORGANISATION_ID
from planner.organisations.access import Viewer
from tests.readmodel.plan import ACTOR, Plan

ORGANISER = Viewer(role="organiser", organisation_id=str(DEFAULT_ORGANISATION_ID))


def found(plan: Plan, query: str, viewer: Viewer = ORGANISER) -> set[tuple[str, str]]:
    page = plan.q.search(query, viewer=viewer, per_page=200)
    return {(hit.kind, hit.title) for hit in page.items}


@pytest.fixture
def records(plan: Plan) -> dict[str, object]:
    app = plan.app
    trip = plan.trip("Delegation trip to Nanjing and Jining",
                     starts=date(2019, 6, 24), ends=date(2019, 6, 30))
    plan.meeting(trip, "Talks at 南京市人民政府", "Nanjing", "Asia/Shanghai",
                 datetime(2019, 6, 25, 10), datetime(2019, 6, 25, 11))
    person = plan.person("Jürgen Körner")
    plan.person("王小明")
    app.register_organisation(actor=ACTOR, name="南京市人民政府", latin_name="Nanjing Municipal "
                              "People's Government", kind="government", country="CN",
                              timezone="Asia/Shanghai")
    app.register_profile(actor=ACTOR, name="南京天加环境科技有限公司", kind="company",
                         country="China")
    app.draft_agreement(actor=ACTOR, title="Memorandum on Jining logistics",
                        kind="memorandum of understanding", trip_id=trip)
    return {"trip": trip, "person": person}


def test_each_kind_is_found_by_its_name(plan: Plan, records: dict[str, object]) -> None:
    assert found(plan, "nanjing") == {
        ("trip", "Delegation trip to Nanjing and Jining"),
        ("organisation", "南京市人民政府 (Nanjing Municipal People's Government)"),
    }
    assert ("agreement", "Memorandum on Jining logistics") in found(plan, "memorandum jining")
    assert ("profile", "南京天加环境科技有限公司") in found(plan, "有限公司")
    assert ("person", "Jürgen Körner") in found(plan, "Körner")


def test_two_chinese_characters_find_the_chinese_name(plan: Plan,
                                                      records: dict[str, object]) -> None:
    assert found(plan, "南京") == {
        ("meeting", "Talks at 南京市人民政府"),
        ("organisation", "南京市人民政府 (Nanjing Municipal People's Government)"),
        ("profile", "南京天加环境科技有限公司"),
    }
    assert found(plan, "天加") == {("profile", "南京天加环境科技有限公司")}
    assert found(plan, "小明") == {("person", "王小明")}
    assert found(plan, "人民政府") == found(plan, "政府")  # three and more: the trigram index
    assert found(plan, "北京") == set()


def test_results_come_grouped_by_kind(plan: Plan, records: dict[str, object]) -> None:
    kinds = [hit.kind for hit in plan.q.search("南京", viewer=ORGANISER).items]
    assert kinds == ["meeting", "organisation", "profile"]


def test_accents_and_case_are_ignored(plan: Plan, records: dict[str, object]) -> None:
    assert found(plan, "korner") == {("person", "Jürgen Körner")}
    assert found(plan, "JURGEN") == {("person", "Jürgen Körner")}
    assert found(plan, "jü kö") == {("person", "Jürgen Körner")}


def test_a_renamed_record_is_found_by_its_new_name_only(plan: Plan,
                                                         records: dict[str, object]) -> None:
    plan.app.change_person(records["person"], actor=ACTOR, name="Jürgen Wagner",  # type: ignore[arg-type]
                           home_timezone="Europe/Berlin")
    assert found(plan, "körner") == set()
    assert found(plan, "wagner") == {("person", "Jürgen Wagner")}


def test_an_erased_person_is_never_found(plan: Plan, records: dict[str, object]) -> None:
    plan.app.erase_person(records["person"], actor=ACTOR, reason="asked to be forgotten")  # type: ignore[arg-type]
    assert found(plan, "körner") == set()
    assert found(plan, "erased") == set()


def test_another_organisations_records_never_appear(plan: Plan) -> None:
    app = plan.app
    other = app.register_organisation(actor=ACTOR, name="Changsha Bureau of Commerce",
                                      kind="government", country="CN", timezone="Asia/Shanghai")
    trip = app.create_trip(actor=ACTOR, title="长沙 secret visit", organiser="Changsha",
                           direction="inbound", home_timezone="Asia/Shanghai",
                           starts_on=date(2023, 2, 13), ends_on=date(2023, 2, 16),
                           owner_org_id=other)
    plan.meeting(trip, "长沙 secret meeting", "Changsha", "Asia/Shanghai",
                 datetime(2023, 2, 14, 10), datetime(2023, 2, 14, 11))
    app.register_person(actor=ACTOR, name="长沙 secret person", home_timezone="Asia/Shanghai",
                        owner_org_id=other)
    app.register_profile(actor=ACTOR, name="长沙 secret company", kind="company",
                         country="China", owner_org_id=other)
    app.draft_agreement(actor=ACTOR, title="长沙 secret memorandum", kind="contract",
                        owner_org_id=other)
    theirs = Viewer(role="organiser", organisation_id=str(other))
    everything = {("trip", "长沙 secret visit"), ("meeting", "长沙 secret meeting"),
                  ("person", "长沙 secret person"), ("profile", "长沙 secret company"),
                  ("agreement", "长沙 secret memorandum")}
    assert found(plan, "长沙", theirs) == everything
    assert found(plan, "长沙") == set()
    assert found(plan, "secret") == set()
    auditor = Viewer(role="auditor", organisation_id=str(DEFAULT_ORGANISATION_ID),
                     global_auditor=True)
    assert found(plan, "长沙 secret", auditor) == everything
    assert found(plan, "changsha") == {("organisation", "Changsha Bureau of Commerce")}
    participant = Viewer(role="participant", organisation_id=str(other))
    assert found(plan, "长沙", participant) == set()


def test_pages_and_bad_input(plan: Plan) -> None:
    for number in range(1, 8):
        plan.person(f"Delegate {number}")
    first = plan.q.search("delegate", viewer=ORGANISER, per_page=5)
    second = plan.q.search("delegate", viewer=ORGANISER, per_page=5, page=2)
    assert (first.total, len(first.items), len(second.items)) == (7, 5, 2)
    assert plan.q.search("   ", viewer=ORGANISER).total == 0
    assert plan.q.search("100%_", viewer=ORGANISER).total == 0  # wildcards taken literally
    with pytest.raises(ValidationError, match="q"):
        plan.q.search("x" * 201, viewer=ORGANISER)


def test_the_index_is_rebuilt_exactly(plan: Plan, records: dict[str, object]) -> None:
    planner = plan.planner
    before = found(plan, "南京")
    assert planner.projector is not None
    planner.projector.rebuild()
    assert found(plan, "南京") == before
    with planner.engine.connect() as conn:
        count = conn.execute(text("SELECT count(*) FROM rm_search")).scalar_one()
        if conn.dialect.name == "sqlite":  # the FTS5 trigram index holds the keys
            indexed = conn.execute(text("SELECT count(*) FROM rm_search_fts "
                                        "WHERE rm_search_fts MATCH '\"人民政\"'")).scalar_one()
        else:  # the full-text index, and the pg_trgm one where pg_trgm can be used here
            # (the test schemas share a database: pg_trgm lives in the first one's schema)
            indexed = conn.execute(text(
                "SELECT count(*) FROM pg_indexes WHERE indexname IN "
                "('rm_search_words', 'rm_search_trigrams') "
                "AND schemaname = current_schema()")).scalar_one()
            indexed += not conn.execute(text(
                "SELECT count(*) FROM pg_opclass WHERE opcname = 'gin_trgm_ops' "
                "AND pg_opclass_is_visible(oid)")).scalar_one()
    assert count == 7  # trip, meeting, two people, organisation, profile, agreement
    assert indexed == 2
