"""What an agreement may be linked to by a viewer: the trip and meeting where it is signed,
and its parties. One rule for the web forms and the JSON API: a trip, meeting or profile the
viewer may not read is answered as if it did not exist ("no such ..."), so that linking
cannot be used to find out what another organisation plans.
"""

from __future__ import annotations

from typing import Any

from planner.domain.errors import ValidationError
from planner.organisations.access import Viewer


def signing_place(queries: Any, viewer: Viewer, trip_id: str | None, meeting_id: str | None,
                  kept: object = None) -> tuple[str | None, str | None]:
    """The trip and meeting where an agreement is signed; a meeting implies (and must match)
    its trip, and only a trip the viewer may read (or the one the agreement is linked to
    already, `kept`) can be linked."""
    trip_id, meeting_id = trip_id or None, meeting_id or None
    readable = {i for i, _ in queries.trip_choices(viewer)} | ({str(kept)} if kept else set())
    if meeting_id:
        meeting = queries.meeting(meeting_id)
        if meeting is None or str(meeting.trip_id) not in readable:
            raise ValidationError("meeting_id", "there is no meeting with id %(meeting_id)s",
                                  meeting_id=meeting_id)
        if trip_id and trip_id != str(meeting.trip_id):
            raise ValidationError("meeting_id", "the meeting belongs to another trip: choose "
                                                "one of the chosen trip's meetings or none")
        trip_id = str(meeting.trip_id)
    if trip_id and trip_id not in readable:
        raise ValidationError("trip_id", "there is no trip with id %(trip_id)s", trip_id=trip_id)
    return trip_id, meeting_id


def party(queries: Any, viewer: Viewer, name: str, profile_id: str | None,
          organisation_id: str | None, *,
          name_field: str = "name") -> tuple[str, str | None, str | None]:
    """A party is a registered profile (named as in the profile unless renamed), one of the
    planner's organisations (named as it is), or a name; the profile must be one the viewer
    may see. Returns (name, profile id, organisation id)."""
    profile_id, organisation_id = profile_id or None, organisation_id or None
    if profile_id:
        chosen = queries.profile(profile_id, viewer=viewer)
        if chosen is None:
            raise ValidationError("profile_id", "there is no company profile %(profile_id)s",
                                  profile_id=profile_id)
        name = name if name.strip() else chosen.name
    if organisation_id:
        organisation = queries.organisation(organisation_id)
        if organisation is None:
            raise ValidationError("organisation_id",
                                  "there is no organisation with id %(organisation_id)s",
                                  organisation_id=organisation_id)
        name = name if name.strip() else organisation.display_name
    if not name.strip():
        raise ValidationError(name_field, "must not be empty: give the party's name or "
                                          "choose a registered profile or organisation")
    return name, profile_id, organisation_id
