"""The words of stored choices (statuses, kinds, roles...) in the reader's language.

Records store these as English values (`confirmed`, `company visit`); pages show them through
the `word` filter, which translates a known value and leaves anything else (a name, a title)
as it was entered. The values are listed here so that `make translations` extracts them.
"""

from __future__ import annotations

from flask import Flask
from flask_babel import gettext


def N_(text: str) -> str:
    """Marks `text` for extraction (babel's default N_ keyword); translated when shown."""
    return text


_WORDS = (
    # trips
    N_("draft"), N_("planned"), N_("confirmed"),
    N_("completed"), N_("cancelled"), N_("outbound"),
    N_("inbound"),
    # delegation members
    N_("head of delegation"), N_("agency staff"), N_("official"),
    N_("company representative"), N_("interpreter"),
    N_("adviser"),
    # meetings
    N_("official meeting"), N_("company visit"),
    N_("conference session"), N_("signing ceremony"),
    N_("site visit"), N_("dinner"), N_("travel"),
    N_("matchmaking"), N_("proposed"), N_("held"),
    # what a save of the meeting page changed
    N_("details"), N_("place"), N_("time"),
    N_("attendees"), N_("status"),
    # agreements
    N_("memorandum of understanding"), N_("letter of intent"),
    N_("cooperation agreement"), N_("contract"), N_("donation"),
    N_("drafted"), N_("signed"), N_("in force"),
    N_("expired"), N_("terminated"),
    # company profiles
    N_("micro"), N_("small"), N_("medium"), N_("large"),
    N_("company"), N_("government body"), N_("chamber"),
    N_("ngo"), N_("financial institution"),
    N_("research institution"), N_("law firm"),
    N_("cooperate with Chinese firms"), N_("expand into China"),
    N_("cooperate with German firms"), N_("expand into Germany"),
    N_("find investors"), N_("find sales partners"),
    N_("find suppliers"), N_("technology partnership"),
    N_("talent exchange"),
    # kinds of record (the audit log's filter)
    N_("trip"), N_("meeting"), N_("company profile"), N_("agreement"), N_("person"),
    N_("account"), N_("audit trail"), N_("organisation"), N_("account preferences"),
    # accounts and organisations
    N_("organiser"), N_("participant"), N_("auditor"),
    N_("administrator"), N_("agency"), N_("government"),
    N_("other"), N_("plan"), N_("view"),
)
KNOWN = frozenset(_WORDS)


def word(value: object) -> str:
    """A stored choice in the reader's language; any other text as it is."""
    text = "" if value is None else str(value)
    return gettext(text) if text in KNOWN else text


def home_zone_filled(zone: str, organisation: object | None, fallback_is: str) -> str:
    """" Their home time zone is …, …" after a person was saved with the zone left empty:
    `organisation` (a row with `timezone`, `display_name`) gave it, else the fallback,
    described by the translated `fallback_is`."""
    if organisation is not None and getattr(organisation, "timezone", ""):
        source = gettext("the zone of %(organisation)s",
                         organisation=getattr(organisation, "display_name", ""))
    else:
        source = fallback_is
    return " " + gettext("Their home time zone is %(zone)s, %(source)s.", zone=zone,
                         source=source)


def register(app: Flask) -> None:
    app.jinja_env.filters["word"] = word
