"""Ids in stored events that are not UUIDs, as an older release could write them unchecked.

The read models keep ids in UUID-sized columns and turn them back into UUIDs for the pages: an
odd id would stop the projector (PostgreSQL refuses a value longer than its column) or fail
every page that shows it. Before an event reaches the handlers, such an id is replaced by a
stable stand-in (the same odd value always gives the same stand-in, so a later event naming it,
such as the removal of that party, still finds its row) and a warning is logged. A UUID spelt
otherwise (upper case, braces) is stored in its canonical form. The log itself is not touched.
"""

from __future__ import annotations

import copy
import logging
from functools import cache
from typing import Any

from planner.domain.ids import is_canonical, shown, stand_in

ID_FIELDS = ("trip_id", "meeting_id", "agreement_id", "profile_id", "person_id", "leg_id",
             "party_id", "signatory_id", "milestone_id", "followup_id", "contact_id")
LIST_FIELDS = ("attendees",)
# References that may be empty: an odd one is shown as none rather than as a dead link.
OPTIONAL = {"Agreement.PartyAdded": {"profile_id"},
            "Agreement.Drafted": {"trip_id", "meeting_id"},
            "Agreement.DetailsChanged": {"trip_id", "meeting_id"},
            "Account.Opened": {"person_id"}, "Account.RoleChanged": {"person_id"}}

log = logging.getLogger(__name__)


def checked(event: Any) -> Any:
    """The event itself, or a copy whose odd ids are replaced (the original is not changed)."""
    names, lists = _fields(type(event))
    # The fields as stored (a decoded event keeps them in its __dict__; a default on the
    # class is never an odd id): no getattr that raises for each absent field.
    state = vars(event)
    changes: dict[str, Any] = {}
    for name in names:
        value = state.get(name)
        if value and isinstance(value, str) and not is_canonical(value):
            fixed = shown(value)
            if fixed != value:
                optional = OPTIONAL.get(type(event).__qualname__, set())
                changes[name] = "" if name in optional and fixed == stand_in(value) else fixed
    for name in lists:
        values = state.get(name)
        if isinstance(values, list) and not _all_canonical(values):
            changes[name] = [shown(v) if isinstance(v, str) else v for v in values]
    if not changes:
        return event
    log.warning("read models: %s of record %s (version %s) has ids that are not UUIDs: "
                "%s; shown as ids that link to nothing (or as none)", type(event).__qualname__,
                event.originator_id, event.originator_version,
                ", ".join(f"{name}={_short(getattr(event, name))}" for name in changes))
    copied = copy.copy(event)
    for name, value in changes.items():
        object.__setattr__(copied, name, value)
    return copied


@cache
def _fields(cls: type) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The id fields and id lists this event class has (all, when it declares none)."""
    declared = getattr(cls, "__dataclass_fields__", None)
    return (tuple(n for n in ID_FIELDS if declared is None or n in declared),
            tuple(n for n in LIST_FIELDS if declared is None or n in declared))


def _all_canonical(values: list[Any]) -> bool:
    """Whether every str in the list is a canonical UUID (the others are not ids)."""
    try:
        return all(map(is_canonical, values))
    except TypeError:  # not all are str
        return not any(isinstance(v, str) and shown(v) != v for v in values)


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:60] + "..."
