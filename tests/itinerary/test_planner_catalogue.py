"""Every text planner/ writes for people (`tr("...")`, `N_("...")`) is translated into German
and Chinese: no missing, empty or fuzzy entry, and the same placeholders as the English."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir

from planner.i18n import CATALOGUES, catalogue
from planner.matchmaking import nace

PLANNER = Path(__file__).resolve().parents[2] / "planner"
PLACEHOLDER = re.compile(r"%\((\w+)\)[sdr]")
# The domain's refusals: the rule is the second argument (ExchangeError: the first).
REFUSALS = {"DomainError": (2,), "ValidationError": (2,), "InvariantError": (2,),
            "ExchangeError": (1,)}
# Matchmaking's explanations and reasons: `part(template, points, **params)`.
KEYWORDS = {"tr": None, "N_": None, "part": (1,), "_part": (1,), **REFUSALS}


def nace_names() -> set[str]:
    """NACE Rev. 2 section and division names and their short forms (data tables in
    planner.matchmaking.nace, too many to wrap one by one in N_)."""
    return ({name for name, _divisions in nace.SECTIONS.values()} | set(nace.DIVISIONS.values())
            | set(nace.SHORT.values()))


def extracted() -> set[str]:
    found = extract_from_dir(str(PLANNER), method_map=[("**.py", "python")],
                             keywords=KEYWORDS)
    return {message for _file, _line, message, _comments, _context in found} | nace_names()


def test_the_sources_mark_texts_for_translation() -> None:
    assert {"Itinerary", "Changes since the last print (%(moment)s)", "signing ceremony",
            "must not be empty", "must be at most %(max_len)s characters (got %(count)s)",
            "no %(kind)s with id %(record_id)s", "moving a meeting", "both %(sector)s",
            "every slot is blocked for %(name)s", "supply chain", "would like",
            "Manufacture of motor vehicles, trailers and semi-trailers",
            "automotive"} <= extracted()


@pytest.mark.parametrize("language", ["de", "zh"])
def test_every_marked_text_is_translated(language: str) -> None:
    assert (CATALOGUES / language / "LC_MESSAGES" / "planner.po").exists()
    entries = catalogue(language)
    problems = []
    for message in sorted(extracted()):
        entry = entries.get(message)
        if entry is None or not entry.string:
            problems.append(f"missing: {message!r}")
        elif entry.fuzzy:
            problems.append(f"fuzzy: {message!r}")
        elif set(PLACEHOLDER.findall(message)) != set(PLACEHOLDER.findall(entry.string)):
            problems.append(f"placeholders differ: {message!r} -> {entry.string!r}")
    assert not problems, "\n".join(problems)
