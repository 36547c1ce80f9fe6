"""`planner import people|profiles FILE`, as an operator types it, on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from planner.bootstrap import Planner
from planner.domain.organisation import DEFAULT_ORGANISATION_ID
from tests.cli_kit import events, planner_beside, run
from tests.imports.test_reading import xlsx


@pytest.fixture
def env(sql_database_url: str, tmp_path: Path) -> dict[str, str]:
    return {"PLANNER_DATABASE_URL": sql_database_url,
            "PLANNER_INSTANCE_PATH": str(tmp_path / "instance")}


@pytest.fixture
def planner(env: dict[str, str]) -> Iterator[Planner]:
    yield from planner_beside(env)


def people_file(tmp_path: Path, *rows: str) -> Path:
    path = tmp_path / "people.csv"
    text = "\ufeffname;email;organisation;title;home_timezone\n" + "".join(
        r + "\n" for r in rows)
    path.write_text(text, encoding="utf-8")
    return path


def test_people_are_imported_in_one_save_and_again_adds_nothing(
        env: dict[str, str], planner: Planner, tmp_path: Path) -> None:
    file = people_file(tmp_path, "Anna Körner;anna@example.org;Bosch;CEO;Europe/Berlin",
                       "王伟;;Sany;;Asia/Shanghai")
    done = run(env, "import", "people", str(file))
    assert done.exit_code == 0, done.output
    assert "imported 2 people" in done.output
    people = {p.name: p for p in planner.queries.people()}
    assert set(people) == {"Anna Körner", "王伟"}
    assert people["王伟"].owner_org_id == DEFAULT_ORGANISATION_ID
    assert people["Anna Körner"].email == "anna@example.org"
    saved = events(planner)
    again = run(env, "import", "people", str(file))
    assert again.exit_code == 0, again.output
    assert "imported 0 people" in again.output and "2 already there" in again.output
    assert events(planner) == saved


def test_a_bad_row_refuses_the_whole_file_naming_each_row(
        env: dict[str, str], planner: Planner, tmp_path: Path) -> None:
    file = people_file(tmp_path, "Anna;anna@example.org;;;Europe/Berlin",
                       "Ben;ben@;;;Europe/Berlin", "Chen;;;;Asia/Chengdu",
                       "Dora;anna@example.org;;;Europe/Berlin")
    refused = run(env, "import", "people", str(file))
    assert refused.exit_code != 0
    assert "row 3: email: must be an e-mail address" in refused.output
    assert "row 4: home_timezone:" in refused.output
    assert "row 5: email: the same person as row 2" in refused.output
    assert "nothing imported: 3 rows have errors" in refused.output
    assert "Traceback" not in refused.output
    assert events(planner) == 0
    dropped = run(env, "import", "people", str(file), "--drop-refused")
    assert dropped.exit_code == 0, dropped.output
    assert "imported 1 people" in dropped.output and "3 rows with errors left out" in dropped.output
    assert [p.name for p in planner.queries.people()] == ["Anna"]


def test_profiles_from_xlsx_with_mapped_columns_for_an_organisation(
        env: dict[str, str], planner: Planner, tmp_path: Path) -> None:
    added = run(env, "org", "add", "Messe München GmbH")
    assert added.exit_code == 0, added.output
    messe = added.output.strip().rsplit(" ", 1)[-1]
    file = tmp_path / "firms.xlsx"
    file.write_bytes(xlsx([["Firma", "Art", "Land", "Branchen", "Notiz"],
                           ["Acme GmbH", "company", "Germany", "Auto; Chemicals", "x"],
                           ["ACME gmbh", "company", "germany", "", ""]]))
    maps = ["--map", "Firma=name", "--map", "Art=kind", "--map", "Land=country",
            "--map", "Branchen=sectors", "--map", "Notiz="]
    refused = run(env, "import", "profiles", str(file), *maps, "--org", "Messe München GmbH")
    assert refused.exit_code != 0
    assert "row 3: name: the same profile as row 2" in refused.output
    done = run(env, "import", "profiles", str(file), *maps, "--org", "Messe München GmbH",
               "--drop-refused")
    assert done.exit_code == 0, done.output
    [profile] = planner.queries.profiles().items
    assert (profile.name, profile.sectors) == ("Acme GmbH", ("Auto", "Chemicals"))
    assert planner.app.get_profile(profile.id)["owner_org_id"] == messe


@pytest.mark.parametrize(("args", "message"), [
    (("--map", "nope=name"), "map: the file has no column 'nope'"),
    (("--map", "title"), "give COLUMN=FIELD"),
    (("--org", "Nowhere Ltd"), "--org: no single organisation is named 'Nowhere Ltd'"),
])
def test_bad_options_are_refused_and_write_nothing(
        env: dict[str, str], planner: Planner, tmp_path: Path, args: tuple[str, ...],
        message: str) -> None:
    file = people_file(tmp_path, "Anna;;;;Europe/Berlin")
    refused = run(env, "import", "people", str(file), *args)
    assert refused.exit_code != 0
    assert message in refused.output
    assert events(planner) == 0


def test_a_person_only_another_organisation_sees_is_not_a_match(
        env: dict[str, str], planner: Planner, tmp_path: Path) -> None:
    """The import neither reveals nor changes another organisation's record: the importer's
    organisation gets its own."""
    assert run(env, "org", "add", "Messe München GmbH").exit_code == 0
    file = people_file(tmp_path, "Anna;anna@example.org;;;Europe/Berlin")
    assert "imported 1 people" in run(env, "import", "people", str(file),
                                      "--org", "Messe München GmbH").output
    mine = run(env, "import", "people", str(file))
    assert "imported 1 people" in mine.output and "0 already there" in mine.output
    owners = sorted(p.owner_org_id == DEFAULT_ORGANISATION_ID for p in planner.queries.people())
    assert owners == [False, True]
