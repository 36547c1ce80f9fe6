"""Reading spreadsheets (real CSV and XLSX bytes), mapping columns and checking rows."""

from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from planner.domain.errors import ValidationError
from planner.imports.checking import EXISTING, NEW, REFUSED, check
from planner.imports.fields import PEOPLE, PROFILES, column_map, identity
from planner.spreadsheet.reading import read_table


def xlsx(rows: list[list[object]]) -> bytes:
    book = Workbook()
    sheet = book.active
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_csv_with_bom_and_semicolons_keeps_row_numbers_and_skips_blank_rows() -> None:
    data = "\ufeffName;E-mail;Home timezone\nAnna Körner;anna@example.org;Europe/Berlin\n" \
           ";;\n王伟;wang@example.cn;Asia/Shanghai\n"
    table = read_table(data.encode("utf-8"), "people.csv")
    assert table.columns == ("Name", "E-mail", "Home timezone")
    assert [r.number for r in table.rows] == [2, 4]
    assert table.rows[1].cells["Name"] == "王伟"
    assert column_map(PEOPLE, table.columns) == {
        "Name": "name", "E-mail": "email", "Home timezone": "home_timezone"}


def test_csv_with_commas_and_quotes() -> None:
    table = read_table(b'name,kind,country,sectors\n"Bosch, Robert",company,Germany,"a;b"\n',
                       "p.csv")
    assert table.rows[0].cells == {"name": "Bosch, Robert", "kind": "company",
                                   "country": "Germany", "sectors": "a;b"}


def test_xlsx_made_with_openpyxl_is_read_from_its_first_sheet() -> None:
    table = read_table(xlsx([["name", "home_timezone", "title"],
                             ["Li Na", "Asia/Shanghai", 42], [None, None, None],
                             ["Max", "Europe/Berlin", None]]), "people.xlsx")
    assert [(r.number, r.cells["name"], r.cells["title"]) for r in table.rows] == [
        (2, "Li Na", "42"), (4, "Max", "")]


@pytest.mark.parametrize(("data", "name", "message"), [
    (b"", "x.csv", "the file is empty"),
    (b"\xff\xfen\x00a\x00", "x.csv", "UTF-8"),
    (b"PK\x03\x04 not a zip", "x.xlsx", "not a readable XLSX"),
    (b"a,a\n1,2\n", "x.csv", "column names must differ"),
    (b"anything", "x.xls", "only CSV and XLSX"),
])
def test_unreadable_files_are_refused_naming_the_file(data: bytes, name: str,
                                                      message: str) -> None:
    with pytest.raises(ValidationError) as refused:
        read_table(data, name)
    assert refused.value.field == "file" and message in refused.value.rule


def test_a_row_limit_is_stated() -> None:
    data = ("name\n" + "x\n" * 11).encode()
    with pytest.raises(ValidationError, match="at most 10 rows.*this file has 11"):
        read_table(data, "x.csv", max_rows=10)


def test_mapping_given_columns_and_its_refusals() -> None:
    columns = ("Full name", "Mail", "Notes")
    assert column_map(PEOPLE, columns, {"Full name": "name", "Mail": "email"}) == {
        "Full name": "name", "Mail": "email"}
    with pytest.raises(ValidationError, match="no column is mapped to name"):
        column_map(PEOPLE, columns)
    with pytest.raises(ValidationError, match="'phone' is not a field of people"):
        column_map(PEOPLE, columns, {"Notes": "phone"})
    with pytest.raises(ValidationError, match="the file has no column 'Nope'"):
        column_map(PEOPLE, columns, {"Nope": "name"})
    with pytest.raises(ValidationError, match="name is mapped from more than one column"):
        column_map(PEOPLE, columns, {"Full name": "name", "Mail": "name"})


def test_every_bad_field_of_a_row_is_named_with_the_row_number() -> None:
    table = read_table(b"name;email;home_timezone\nAnna;anna@example.org;Europe/Berlin\n"
                       b";not-an-address;Asia/Chengdu\nAnna again;ANNA@example.org;UTC\n"
                       b"Ben;;Europe/Berlin\n", "p.csv")
    preview = check(PEOPLE, table, column_map(PEOPLE, table.columns),
                    known={identity(PEOPLE, {"name": "Ben", "organisation": ""})})
    assert [r.state for r in preview.rows] == [NEW, REFUSED, REFUSED, EXISTING]
    assert [(e.number, e.field) for e in preview.rows[1].errors] == [
        (3, "name"), (3, "email"), (3, "home_timezone")]
    assert str(preview.rows[2].errors[0]) == "row 4: email: the same person as row 2"


def test_profiles_check_kind_size_interests_and_split_sectors() -> None:
    table = read_table(xlsx([["name", "kind", "country", "sectors", "interests", "size"],
                             ["Acme", "company", "Germany", "Auto; Chemicals, Auto",
                              "find investors", "small"],
                             ["Bad", "club", "Germany", "", "get rich", "huge"]]), "p.xlsx")
    preview = check(PROFILES, table, column_map(PROFILES, table.columns))
    assert preview.rows[0].state == NEW
    assert [e.field for e in preview.rows[1].errors] == ["kind", "size", "interests"]


def test_the_command_saves_every_row_or_none(memory_planner) -> None:  # noqa: ANN001
    from planner.commands.imports import ImportRefused

    app = memory_planner.app
    good = {"name": "Anna", "home_timezone": "Europe/Berlin"}
    with pytest.raises(ImportRefused) as refused:
        app.import_records(PEOPLE, [(2, good), (3, {"name": "Ben", "home_timezone": "Mars"})],
                           actor="test")
    assert [(e.number, e.field) for e in refused.value.errors] == [(3, "home_timezone")]
    assert app.recorder.max_notification_id() in (None, 0)
    ids = app.import_records(PEOPLE, [(2, good), (3, {**good, "name": "Ben"})], actor="test")
    assert [app.get_person(i)["name"] for i in ids] == ["Anna", "Ben"]


def test_keys_for_many_people_are_made_at_once_and_never_for_an_erased_one(
        tmp_path) -> None:  # noqa: ANN001
    from sqlalchemy import create_engine

    from planner.privacy.keys import ErasedError, SqlKeyStore

    store = SqlKeyStore(create_engine(f"sqlite:///{tmp_path / 'keys.sqlite3'}"))
    kept = store.key_for_sealing("a")
    with store.reading():
        store.keys_for_sealing(["a", "b", "c", "b"])
        assert store.key("a") == kept and store.key("b") and store.key("c")
    store.erase(["c"])
    with pytest.raises(ErasedError):
        store.keys_for_sealing(["d", "c"])
    assert store.key("a") == kept and not store.is_erased("b") and store.is_erased("c")
