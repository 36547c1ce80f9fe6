"""Field values as an auditor reads them: instants in UTC and local time, ids as names."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

from babel import Locale

from planner.audit.labels import say
from planner.domain.errors import Translate
from planner.i18n.words import WORDS, word

Names = Callable[[str], str | None]
"""How to show a record id: its name (perhaps with the id), or None to show the id."""
SECRET_FIELDS = frozenset({"password_hash", "feed_token_hash", "token_hash",
                           "password_ref", "feed_token_ref", "token_ref"})
HIDDEN_FIELDS = frozenset({"id", "version", "created_on", "modified_on"})
_ID_KEYS = ("leg_id", "person_id", "profile_id", "party_id", "signatory_id", "contact_id",
            "milestone_id", "followup_id")
_UUID_IN_TEXT = re.compile(r"\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b")
_UUID = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")


def no_names(_: str) -> str | None:
    return None


def local_and_utc(instant: datetime, zone: str) -> str:
    """'2019-06-29 10:00 Asia/Shanghai (02:00 UTC)'; the date of the UTC time when it differs."""
    utc = instant.astimezone(UTC)
    local = utc.astimezone(ZoneInfo(zone))
    shown = f"{utc:%H:%M}" if utc.date() == local.date() else f"{utc:%Y-%m-%d %H:%M}"
    if zone == "UTC":
        return f"{utc:%Y-%m-%d %H:%M} UTC"
    return f"{local:%Y-%m-%d %H:%M} {zone} ({shown} UTC)"


def describe(value: Any, *, zone: str = "UTC", names: Names = no_names,
             tr: Translate | None = None) -> str:
    """One value as text; nested lists and records are flattened readably; the few words
    of its own in the language of `tr` (English without it)."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return say(tr, "yes" if value else "no")
    if isinstance(value, datetime):
        return local_and_utc(value, zone)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, UUID) or (isinstance(value, str) and _UUID.match(value)):
        return names(str(value)) or str(value)
    if isinstance(value, str) and tr is not None and value in WORDS:  # "head of delegation"
        return word(tr, value)  # type: ignore[arg-type]
    if isinstance(value, str):  # "history of meeting <id>": the id by name
        return (_UUID_IN_TEXT.sub(lambda m: names(m[0]) or m[0], value) if value
                else say(tr, "(empty)"))
    if isinstance(value, dict):
        return describe_item(value, zone=zone, names=names, tr=tr)
    if isinstance(value, list | tuple):
        return ("; ".join(describe(item, zone=zone, names=names, tr=tr) for item in value)
                or say(tr, "(none)"))
    return str(value)


def describe_item(item: dict[str, Any], *, zone: str = "UTC", names: Names = no_names,
                  tr: Translate | None = None) -> str:
    """A record inside a list (a leg, a member, a party...): its values without internal ids,
    except ids that name another record (a person, a profile), which are shown by name."""
    parts = []
    for key, value in item.items():
        if key in _ID_KEYS and key not in ("person_id", "profile_id"):
            continue
        if value in (None, "", [], {}):
            continue
        label = key.removesuffix("_id") if key in ("person_id", "profile_id") else key
        if _UUID.match(label):  # a record as the key (a trip's shares: partner -> access)
            label = names(label) or label
        parts.append(f"{say(tr, label.replace('_', ' '))}: "
                     f"{describe(value, zone=zone, names=names, tr=tr)}")
    return ", ".join(parts) or say(tr, "(empty)")


def item_key(item: Any) -> Any:
    """What identifies an entry of a list across versions (its id, else the value itself)."""
    if isinstance(item, dict):
        for key in _ID_KEYS:
            if key in item:
                return (key, item[key])
        return tuple(sorted((k, repr(v)) for k, v in item.items()))
    return repr(item)


def words(name: str) -> str:
    """'DetailsChanged' -> 'details changed'; 'starts_at' -> 'starts at'."""
    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name).replace("_", " ")
    return spaced.lower()


def _name(names: Names, record_id: str) -> str:
    return names(record_id) or record_id


def summary(event: Any, names: Names = no_names, tr: Translate | None = None) -> str:
    """What an event did, in words ("shared with Jining Commerce Bureau at plan"), for the
    events whose fields alone do not say it; else the event's name ("details changed"); in
    the language of `tr` (English without it)."""
    said = _SUMMARIES.get(type(event).__qualname__)
    return said(event, names, tr or _english) if said else say(tr, words(type(event).__name__))


def _english(message: str, **params: object) -> str:
    return message % params if params else message


def _shared(event: Any, names: Names, tr: Translate) -> str:
    partner = _name(names, str(event.organisation_id))
    if event.access == "none":
        return tr("stopped sharing with %(partner)s", partner=partner)
    return tr("shared with %(partner)s at %(access)s", partner=partner,
              access=word(tr, event.access))  # type: ignore[arg-type]


def _travel_time_set(event: Any, names: Names, tr: Translate) -> str:
    return tr("set the travel time between %(city_a)s and %(city_b)s to %(minutes)s minutes "
              "for this trip", city_a=event.city_a, city_b=event.city_b, minutes=event.minutes)


def _travel_time_cleared(event: Any, names: Names, tr: Translate) -> str:
    return tr("removed this trip's travel time between %(city_a)s and %(city_b)s: the "
              "configured default applies again", city_a=event.city_a, city_b=event.city_b)


def _language_set(event: Any, names: Names, tr: Translate) -> str:
    if not event.language:
        return tr("set the trip calendar's language to the configured one")
    locale = getattr(tr, "locale", None)
    name = Locale.parse(event.language).get_display_name(locale) if locale else event.language
    return tr("set the trip calendar's language to %(language)s", language=name)


def _registered(event: Any, names: Names, tr: Translate) -> str:
    latin = f" / {event.latin_name}" if getattr(event, "latin_name", "") else ""
    return tr("registered the organisation %(name)s%(latin)s (%(kind)s, %(country)s)",
              name=event.name, latin=latin, kind=say(tr, event.kind), country=event.country)


def _audit_scope(event: Any, names: Names, tr: Translate) -> str:
    if event.global_auditor:
        return tr("made a global auditor (sees every organisation's records)")
    return tr("made an auditor of their own organisation only")


def _organisation_named(event: Any, names: Names, tr: Translate) -> str:
    if not event.organisation_id:
        return tr("no longer belongs to an organisation")
    return tr("belongs to %(organisation)s", organisation=_name(names,
                                                                 str(event.organisation_id)))


_SUMMARIES: dict[str, Callable[[Any, Names, Translate], str]] = {
    "Trip.SharingChanged": _shared,
    "Trip.TravelTimeSet": _travel_time_set,
    "Trip.TravelTimeCleared": _travel_time_cleared,
    "Trip.LanguageSet": _language_set,
    "Organisation.Registered": _registered,
    "Organisation.DetailsChanged": lambda event, names, tr: tr(
        "changed the organisation's details"),
    "Account.AuditScopeChanged": _audit_scope,
    "Person.OrganisationNamed": _organisation_named,
}
