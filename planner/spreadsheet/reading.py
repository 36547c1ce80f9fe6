"""Reading an uploaded CSV or XLSX file into rows of text, numbered as the spreadsheet shows
them (the header is row 1). Blank rows are skipped but keep their numbers."""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from datetime import date, datetime

from planner.domain.errors import ValidationError

MAX_ROWS = 5000
MAX_BYTES = 5 * 1024 * 1024


@dataclass(frozen=True)
class SheetRow:
    number: int
    cells: dict[str, str]  # column heading -> text


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[SheetRow, ...]


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _table(lines: list[tuple[int, list[str]]], max_rows: int) -> Table:
    if not lines:
        raise ValidationError("file", "the file is empty: its first row must name the columns")
    _, header = lines[0]
    columns = [h.strip() for h in header]
    named = [c for c in columns if c]
    if not named:
        raise ValidationError("file", "the first row must name the columns")
    if len(set(named)) != len(named):
        twice = sorted({c for c in named if named.count(c) > 1})
        raise ValidationError("file", "column names must differ; twice: %(value)s",
                              value=', '.join(twice))
    rows = []
    for number, cells in lines[1:]:
        values = {col: (cells[i].strip() if i < len(cells) else "")
                  for i, col in enumerate(columns) if col}
        if any(values.values()):
            rows.append(SheetRow(number, values))
    if len(rows) > max_rows:
        raise ValidationError("file", "at most %(max_rows)s rows can be imported at once; "
                                      "this file has %(count)s", max_rows=format(max_rows, ","),
                                      count=format(len(rows), ","))
    return Table(tuple(named), tuple(rows))


def read_csv(data: bytes, max_rows: int = MAX_ROWS) -> Table:
    """UTF-8 with or without a byte-order mark; `;`, `,` or tab between cells (sniffed)."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError("file", "a CSV file must be UTF-8 encoded (save it as "
                                      "'CSV UTF-8')") from None
    first = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        lines = [(reader.line_num, row) for row in reader]
    except csv.Error as error:
        raise ValidationError("file", "not a readable CSV file: %(error)s", error=error) from None
    return _table(lines, max_rows)


def read_xlsx(data: bytes, max_rows: int = MAX_ROWS) -> Table:
    """The first sheet of an Excel workbook (values, not formulas)."""
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise ValidationError("file", "not a readable XLSX workbook") from None
    try:
        sheet = book.worksheets[0]
        lines = []
        for number, row in enumerate(sheet.iter_rows(values_only=True), start=1):
            lines.append((number, [_cell_text(c) for c in row]))
    finally:
        book.close()
    return _table(lines, max_rows)


def read_table(data: bytes, filename: str, max_rows: int = MAX_ROWS) -> Table:
    """A CSV or XLSX file by its name's ending (or, failing that, by its content)."""
    if len(data) > MAX_BYTES:
        raise ValidationError("file", "the file is larger than %(value)s MB",
                              value=MAX_BYTES // (1024 * 1024))
    name = (filename or "").lower()
    if name.endswith(".xlsx") or (not name.endswith(".csv") and data[:2] == b"PK"):
        return read_xlsx(data, max_rows)
    if name.endswith((".xls", ".ods", ".numbers")):
        raise ValidationError("file", "only CSV and XLSX files can be imported; save the "
                                      "sheet as .xlsx or .csv")
    return read_csv(data, max_rows)
