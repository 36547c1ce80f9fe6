"""Suggestions on hand-made profiles: the expected order and explanations a person can
check; NACE codes and supply-chain adjacency."""

from __future__ import annotations

import pytest

from planner.matchmaking import nace
from planner.matchmaking.chains import link
from planner.matchmaking.suggest import MatchProfile, score, suggest
from planner.matchmaking.words import answers

FORCAM = MatchProfile("g1", "a", "FORCAM", ("29", "62"), ("CNC machining",),
                      ("machine-tool supplier",), ("de", "en"))
KOERNER = MatchProfile("g2", "a", "Körner Solar", ("27",), ("solar inverters",),
                       ("investors",), ("de",), ("find investors",))
BAKERY = MatchProfile("g3", "a", "Backhaus Lenz", ("10",), ("bread",), ("flour",), ("de",))
SANY = MatchProfile("c1", "b", "Sany", ("29",), ("machine tools", "construction machinery"),
                    ("industrial software",), ("zh", "en"))
FUND = MatchProfile("c2", "b", "Xiangjiang Fund", ("64",), ("growth capital",), (),
                    ("zh",))
TEA = MatchProfile("c3", "b", "Hunan Tea", ("01",), ("green tea",), (), ("zh",))
EVERYONE = [FORCAM, KOERNER, BAKERY, SANY, FUND, TEA]


def test_pairs_come_best_first_with_their_reasons() -> None:
    found = suggest(EVERYONE)
    assert [(s.a, s.b, s.score) for s in found] == [
        ("g1", "c1", 30 + 20 + 25), ("g1", "c2", 20 + 20 - 5), ("g2", "c1", 10 + 20 - 5),
        ("g2", "c2", 20 + 10 - 5)]
    assert found[0].explanation() == (
        "both automotive; "
        "FORCAM (software and IT services) supplies Sany (automotive) along the industrial "
        "chain; "
        "FORCAM seeks machine-tool supplier, Sany offers machine tools")
    assert found[3].explanation() == (
        "Xiangjiang Fund (financial services) supplies Körner Solar (electrical equipment) "
        "along the financial chain; "
        "Körner Solar's interest 'find investors': Xiangjiang Fund fits; "
        "no shared language: needs an interpreter")


def test_nothing_or_little_in_common_is_not_suggested() -> None:
    pairs = {(s.a, s.b) for s in suggest(EVERYONE)}
    assert ("g3", "c3") not in pairs  # bread and tea: nothing
    assert ("g3", "c1") not in pairs  # bread and cars: only "both in manufacturing"
    assert score(BAKERY, SANY).explanation() == ("both in manufacturing; no shared language: "
                                                 "needs an interpreter")


def test_preferences_move_pairs_and_not_interested_removes_them() -> None:
    levels = {("g3", "c3"): {"organiser": "must meet"},
              ("g1", "c1"): {"b": "not interested"}}
    found = suggest(EVERYONE, levels)
    assert (found[0].a, found[0].b) == ("g3", "c3") and found[0].must
    assert found[0].explanation().startswith("organiser: must meet")
    assert ("g1", "c1") not in {(s.a, s.b) for s in found}
    shown = suggest(EVERYONE, levels, include_excluded=True)
    excluded = next(s for s in shown if (s.a, s.b) == ("g1", "c1"))
    assert excluded.excluded and "Sany: not interested" in excluded.explanation()


def test_each_side_that_would_like_to_meet_adds_to_the_score() -> None:
    plain = score(BAKERY, TEA)
    liked = score(BAKERY, TEA, {"a": "would like", "b": "would like"})
    assert (plain.score, liked.score) == (-5, 2 * 20 - 5)
    assert liked.explanation() == ("Backhaus Lenz: would like; Hunan Tea: would like; "
                                   "no shared language: needs an interpreter")
    assert (liked.a, liked.b) in {(s.a, s.b) for s in suggest(
        EVERYONE, {("g3", "c3"): {"a": "would like", "b": "would like"}})}


def test_explanations_can_be_translated_part_by_part() -> None:
    german = {"both %(sector)s": "beide %(sector)s"}
    text = score(FORCAM, SANY).explanation(lambda s: german.get(s, s))
    assert text.startswith("beide automotive;")


def test_the_same_profiles_give_the_same_order_whatever_their_order() -> None:
    assert suggest(EVERYONE) == suggest(list(reversed(EVERYONE)))


@pytest.mark.parametrize(("request_text", "offer", "expected"), [
    ("machine-tool supplier", "CNC machining", True),
    ("machine tools", "construction machinery", True),
    ("investors", "growth capital", False),
    ("sales partners in China", "products for the Chinese market", False),
])
def test_offers_answer_requests_by_shared_stems(request_text: str, offer: str,
                                                 expected: bool) -> None:
    assert answers(request_text, offer) is expected


def test_nace_codes_names_and_adjacency() -> None:
    assert nace.name("29") == "Manufacture of motor vehicles, trailers and semi-trailers"
    assert nace.name("C") == "Manufacturing" and nace.section("29.10") == "C"
    assert nace.label("29.1").startswith("29.1 Manufacture of motor vehicles")
    assert nace.problem("29.10") == "" and nace.problem("c") == ""
    assert "no NACE Rev. 2 division 04" in nace.problem("04")
    assert "not a NACE Rev. 2 code" in nace.problem("Autos")
    assert len([c for c, _ in nace.choices() if c.isdigit()]) == 88
    assert link("28", "29") == "industrial chain"
    assert link("29", "28") == ""  # cars do not supply machine builders
    assert link("64", "29.10") == "financial chain"  # a section letter covers its divisions
