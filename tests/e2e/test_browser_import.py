"""In a real browser: an organiser imports 200 people from an XLSX file with 5 bad rows.

Nothing is saved while the bad rows are in the file; leaving them out imports the others,
the fixed file adds the 5, and importing the fixed file again adds nothing.
"""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from openpyxl import Workbook

from tests.e2e.conftest import new_page, screenshot, sign_in

pytestmark = pytest.mark.browser

ORGANISER = "organiser@demo.changsha.example"  # no other browser test imports or counts
BAD = {17: ("email", "not-an-address"), 42: ("home_timezone", "Asia/Chengdu"),
       99: ("name", ""), 150: ("home_timezone", "Mars/Olympus"), 188: ("email", "x@y")}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def people_xlsx(*, fixed: bool) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(["Name", "E-mail", "Organisation", "Title", "Zone"])
    for n in range(1, 201):
        row = {"name": f"Import Delegate {n:03d}", "email": f"delegate{n:03d}@import.example",
               "home_timezone": "Asia/Shanghai" if n % 2 else "Europe/Berlin"}
        if not fixed and n in BAD:
            field, value = BAD[n]
            row[field] = value
        sheet.append([row["name"], row["email"], "Hunan Import Co.", "Engineer",
                      row["home_timezone"]])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def people_count(page: Any, base: str) -> int:
    page.goto(f"{base}/people")
    return int(re.search(r"(\d+) in all", page.locator("main").inner_text())[1])


def upload(page: Any, base: str, data: bytes) -> None:
    page.goto(f"{base}/people")
    page.get_by_role("link", name="Import from a spreadsheet").click()
    page.locator("#f-file").set_input_files(
        {"name": "delegates.xlsx", "mimeType": XLSX, "buffer": data})
    page.get_by_role("button", name="Upload and preview").click()
    page.wait_for_load_state()


def test_import_200_people_with_5_bad_rows_all_or_nothing_and_again_adds_nothing(
        browser: Any, live_server: str) -> None:
    page = new_page(browser)
    sign_in(page, live_server, ORGANISER)
    before = people_count(page, live_server)

    upload(page, live_server, people_xlsx(fixed=False))
    assert page.locator("#c4").input_value() == "home_timezone"  # "Zone", prefilled
    assert page.locator("#summary").inner_text() == (
        "195 new, 0 there already (skipped), 5 with errors.")
    errors = page.locator("#row-errors tbody tr")
    assert errors.count() == 5
    shown = [errors.nth(i).locator("td").first.inner_text() for i in range(5)]
    assert shown == [str(n + 1) for n in sorted(BAD)]  # the header is row 1
    assert "email: must be an e-mail address" in errors.nth(0).inner_text()
    screenshot(page, "import-preview")

    page.get_by_role("button", name="Import 195 people").click()
    page.wait_for_load_state()
    assert "Nothing was imported: 5 rows have errors" in page.locator("#refused").inner_text()
    assert people_count(page, live_server) == before

    page.goto(f"{live_server}/imports/people/preview")
    page.locator("#drop_refused").check()
    page.get_by_role("button", name="Import 195 people").click()
    page.wait_for_load_state()
    assert "Imported 195 people; 0 were there already; 5 rows with errors were left out " \
           "(rows 18, 43, 100, 151, 189)." in page.locator(".alert.success").inner_text()
    assert people_count(page, live_server) == before + 195

    upload(page, live_server, people_xlsx(fixed=True))
    assert page.locator("#summary").inner_text() == (
        "5 new, 195 there already (skipped), 0 with errors.")
    page.get_by_role("button", name="Import 5 people").click()
    page.wait_for_load_state()
    assert "Imported 5 people; 195 were there already" in page.locator(
        ".alert.success").inner_text()
    assert people_count(page, live_server) == before + 200

    upload(page, live_server, people_xlsx(fixed=True))
    assert page.locator("#summary").inner_text() == (
        "0 new, 200 there already (skipped), 0 with errors.")
    page.get_by_role("button", name="Import 0 people").click()
    page.wait_for_load_state()
    assert "Imported 0 people; 200 were there already" in page.locator(
        ".alert.success").inner_text()
    assert people_count(page, live_server) == before + 200
    page.context.close()
