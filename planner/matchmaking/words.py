"""Whether an offer answers a request: shared word stems, after dropping words that say
nothing about the business ('supplier', 'partner', 'products'...).

Our own few lines instead of a stemming library: the rule has to be one a person can
follow from the explanation ('seeks a machine-tool supplier, offers CNC machining' share
'machin'), and the profiles are short phrases, mostly English.
"""

from __future__ import annotations

import re
from functools import lru_cache

_WORD = re.compile(r"[^\W_]+")
_SUFFIXES = ("ings", "ing", "ery", "ers", "er", "ies", "es", "s", "e", "y")
_GENERIC = frozenset("""
a an the and or of for in on with to from by at as our we new high quality key
partner partners supplier suppliers service services solution solutions product products
company companies firm firms china chinese german germany european market markets customer
customers cooperation business local global international provider providers
""".split())


def stem(word: str) -> str:
    word = word.casefold()
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


@lru_cache(maxsize=8192)
def stems(phrase: str) -> frozenset[str]:
    """The meaningful stems of a phrase (words of three letters or more, or CJK runs)."""
    words = [w for w in _WORD.findall(phrase.casefold()) if w not in _GENERIC]
    return frozenset(stem(w) for w in words if len(w) >= 3 or not w.isascii())


def answers(request: str, offer: str) -> bool:
    return bool(stems(request) & stems(offer))
