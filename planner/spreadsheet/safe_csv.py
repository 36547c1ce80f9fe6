"""Formula-safe CSV (OWASP "CSV injection"): a text cell that begins with `=`, `+`, `-`, `@`,
a tab or a carriage return is a formula to Excel, LibreOffice and Google Sheets. Such a cell
gets a leading single quote (shown as text, not evaluated), and every cell is quoted.

Numbers written as numbers are left alone: they are what the column says, not user input.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from typing import IO, Any

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: Any) -> Any:
    """The cell as a spreadsheet must show it: text that would start a formula is quoted."""
    if isinstance(cell, str) and cell.lstrip(" ").startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


class SafeWriter:
    """A csv.writer whose every row is neutralised and every cell quoted."""

    def __init__(self, out: IO[str]) -> None:
        self._writer = csv.writer(out, quoting=csv.QUOTE_ALL)

    def writerow(self, row: Iterable[Any]) -> None:
        self._writer.writerow([neutralise(cell) for cell in row])


def writer(out: IO[str]) -> SafeWriter:
    return SafeWriter(out)
