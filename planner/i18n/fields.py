"""The domain's field keys (`starts_at`, `signed_on`) as people read them in refusals.

A DomainError names its field by key, which the API and the CLI show as it is; pages show
the field's label in the reader's language instead, the same words the forms use.
"""

from __future__ import annotations

from collections.abc import Callable

from planner.i18n.words import N_

LABELS: dict[str, str] = {
    "access": N_("Access"), "action": N_("Action"), "agenda": N_("Agenda"),
    "arrives_on": N_("Arrives on"), "attendees": N_("Attendees"), "city": N_("City"),
    "city_a": N_("From"), "city_b": N_("To"), "counterparts": N_("Counterparts"),
    "country": N_("Country"), "current_password": N_("Current password"),
    "departs_on": N_("Departs on"), "description": N_("Description"),
    "direction": N_("Direction"), "due_on": N_("Due on"), "email": N_("E-mail address"),
    "ends_at": N_("Ends (local time)"), "ends_on": N_("Last day"),
    "home_timezone": N_("Home time zone"), "ideas": N_("Cooperation ideas"),
    "interests": N_("Interests"), "kind": N_("Kind"), "latin_name": N_("Latin name"),
    "leg_id": N_("Leg"), "meeting_id": N_("Meeting"), "minutes": N_("Minutes"),
    "name": N_("Name"), "new_password": N_("New password"), "objectives": N_("Objectives"),
    "organisation_id": N_("Organisation"), "owner": N_("Owner"), "password": N_("Password"),
    "person_id": N_("Person"), "phone": N_("Phone"), "place": N_("Place"),
    "profile_id": N_("Company profile"), "purpose": N_("Purpose"), "reason": N_("Reason"),
    "role": N_("Role"), "sectors": N_("Sectors"), "signed_on": N_("Signed on"),
    "size": N_("Size"), "starts_at": N_("Starts (local time)"), "starts_on": N_("First day"),
    "status": N_("Status"), "subject": N_("Subject"), "summary": N_("Summary"),
    "timezone": N_("Time zone"), "title": N_("Title"), "trip_id": N_("Trip"),
    "venue": N_("Venue"), "website": N_("Website"), "party_id": N_("Party"),
    "signatory_id": N_("Signatory"), "file": N_("File"), "version": N_("Version"),
}


def field_label(tr: Callable[..., str], field: str) -> str:
    """The label of a field key in the reader's language; an unknown key made readable
    ("party name"), since some refusals name a field no form shows."""
    label = LABELS.get(field)
    return tr(label) if label else field.replace("_", " ")
