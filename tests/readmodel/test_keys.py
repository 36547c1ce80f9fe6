"""Search keys: accent-insensitive for Latin names, untouched for other scripts."""

from __future__ import annotations

import pytest

from planner.readmodel.keys import fold, like_pattern


@pytest.mark.parametrize(("name", "key"), [
    ("Körner", "korner"),
    ("Schülke", "schulke"),
    ("Straße", "strasse"),
    ("ÉCOLE  Supérieure", "ecole superieure"),
    ("Nguyễn Văn", "nguyen van"),
    ("南京天加环境科技有限公司", "南京天加环境科技有限公司"),
    ("ＡＢＣ１２３", "abc123"),  # full-width letters from CJK keyboards
    ("ガイド", "ガイド"),  # Japanese voiced marks change the word: kept
    ("Москва", "москва"),
])
def test_names_fold_to_search_keys(name: str, key: str) -> None:
    assert fold(name) == key


def test_like_patterns_take_wildcards_literally() -> None:
    assert like_pattern("100%_a\\b") == "%100\\%\\_a\\\\b%"
