"""What changed in a record since a version, as someone who lost an edit race may see it.

The conflict page (409) names the events since the version the user loaded. It shows only the
fields allowed here, per record kind: an explicit list, so a field added later (or a secret
such as a password hash) is never shown until someone decides it may be.
"""

from __future__ import annotations

from typing import Any
from uuid import UUID

from planner.audit.history import HistoryEntry, record_history
from planner.domain.errors import NotFoundError, Translate

ALLOWED: dict[str, frozenset[str]] = {
    "Trip": frozenset({"title", "purpose", "organiser", "direction", "home_timezone",
                       "starts_on", "ends_on", "status", "legs", "members", "profiles",
                       "objectives"}),
    "Meeting": frozenset({"title", "kind", "trip_id", "leg_id", "counterparts", "venue", "city",
                          "timezone", "starts_at", "ends_at", "agenda", "status", "attendees",
                          "outcome", "followups", "agreement_ids"}),
    "CompanyProfile": frozenset({"name", "kind", "country", "city", "sectors", "size",
                                 "description", "interests", "website", "contacts"}),
    "Agreement": frozenset({"title", "kind", "subject", "trip_id", "meeting_id", "parties",
                            "signatories", "signed_on", "signed_place", "status", "milestones"}),
    "Person": frozenset({"name", "title", "organisation", "email", "home_timezone"}),
    "Account": frozenset({"name", "email", "role", "person_id", "active"}),
}
"""Never: password hashes, feed-token hashes, anything not listed."""


def allowed_fields(kind: str) -> frozenset[str]:
    return ALLOWED.get(kind, frozenset())


def changes_since(planner: Any, record_id: UUID | str, version: int,
                  tr: Translate | None = None) -> tuple[HistoryEntry, ...]:
    """The record's events after `version`, each with its allowed changed fields (in the
    language of `tr`)."""
    try:
        history = record_history(planner, record_id, after_version=version,
                                 fields=allowed_fields, tr=tr)
    except NotFoundError:
        return ()
    return history.entries
