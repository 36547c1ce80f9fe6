"""Where new record ids come from.

Normally random (uuid4). The demo loader switches to deterministic ids so that the same demo
data gives the same ids, calendar UIDs and golden files on every machine.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from itertools import count
from uuid import NAMESPACE_URL, UUID, uuid4, uuid5

_generator: list[Iterator[UUID]] = []
#: A UUID as str(UUID(...)) writes it: `shown` returns it as it is, without parsing it.
_CANONICAL = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")


def new_id() -> UUID:
    return next(_generator[-1]) if _generator else uuid4()


@contextmanager
def deterministic_ids(seed: str) -> Iterator[None]:
    """Within this block, new ids are uuid5(seed, n) for n = 1, 2, 3, ..."""
    _generator.append(uuid5(NAMESPACE_URL, f"{seed}:{n}") for n in count(1))
    try:
        yield
    finally:
        _generator.pop()


def stand_in(odd: str) -> str:
    """The stable id shown for a stored id that is not a UUID (an older release wrote some
    unchecked): the read models store it, and the commands find the part by it."""
    return str(uuid5(NAMESPACE_URL, f"delegation-planner:odd-id:{odd}"))


is_canonical = _CANONICAL.fullmatch
"""A match (truthy) when a str is a UUID as `shown` returns it, else None: a C call."""


def shown(stored: str) -> str:
    """A stored id as the read models and pages show it: canonical, or its stand-in."""
    if is_canonical(stored):  # nearly every id: a tenth of a rebuild was parsing them
        return stored
    try:
        return str(UUID(stored)) if len(stored) <= 64 else stand_in(stored)
    except ValueError:
        return stand_in(stored)


def same(stored: str, wanted: str) -> bool:
    """Whether a stored part id is the one a command names (by its id or its stand-in)."""
    return stored == wanted or shown(stored) == wanted
