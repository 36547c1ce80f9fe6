"""Which of a trip's warnings a change made new or worse: compare the warnings read before
the change with those read after it (the read model is refreshed in the change's own
transaction, so reading after the save is current)."""

from __future__ import annotations

from collections.abc import Iterable

from planner.readmodel.rows import Warning


def new_or_worse(before: Iterable[Warning], after: Iterable[Warning]) -> list[Warning]:
    """The warnings of `after` that `before` had not, in `after`'s order.

    A warning is the same one when its kind and meetings are the same; it got worse when it
    now concerns someone it did not concern before (a clash that lost a person, or whose
    meetings moved but still clash with the same people, is not reported again).
    """
    seen: dict[tuple[str, frozenset[str]], set[str]] = {}
    for warning in before:
        seen.setdefault(_key(warning), set()).update(str(p) for p in warning.person_ids)
    return [w for w in after
            if _key(w) not in seen or not {str(p) for p in w.person_ids} <= seen[_key(w)]]


def _key(warning: Warning) -> tuple[str, frozenset[str]]:
    return warning.kind, frozenset(str(m) for m in warning.meeting_ids)
