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
from typing import Any

from planner.domain.ids import shown, stand_in

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
    # The fields as stored: a decoded event keeps them in its __dict__, and a class-level
    # default (a field an older event lacks) is never an odd id. Looking them up there, not
    # with getattr(event, name, None), spares a raised AttributeError per absent field.
    state = vars(event)
    changes: dict[str, Any] = {}
    for name in ID_FIELDS:
        value = state.get(name)
        if value and isinstance(value, str):
            fixed = shown(value)
            if fixed != value:
                optional = OPTIONAL.get(type(event).__qualname__, set())
                changes[name] = "" if name in optional and fixed == stand_in(value) else fixed
    for name in LIST_FIELDS:
        values = state.get(name)
        if isinstance(values, list) and any(isinstance(v, str) and shown(v) != v
                                            for v in values):
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


def _short(value: object) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:60] + "..."
