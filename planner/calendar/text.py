"""Text values for iCalendar output: cleaning, RFC 5545 escaping, and the words people read.

Why we escape TEXT ourselves: icalendar 7.3's serialiser first turns a literal backslash-N into
a line break (``C:\\Nutzer`` would arrive as ``C:`` / ``utzer``). ``escape_text`` follows RFC 5545
section 3.3.11 exactly (backslash, semicolon, comma, line break; nothing else) and the result is
handed to icalendar as an inline value, which it only folds.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from urllib.parse import quote
from uuid import NAMESPACE_URL, uuid5

from icalendar import vCalAddress
from icalendar.prop import vInline

from planner.i18n import Translator

# RFC 5545 TSAFE-CHAR excludes every control character except horizontal tab.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
_LINE_BREAKS = re.compile(r"\r\n|\r|\n")


def clean_text(value: str) -> str:
    """``value`` with line breaks normalised to LF and other control characters dropped."""
    return _CONTROLS.sub("", _LINE_BREAKS.sub("\n", value))


def clean_parameter(value: str) -> str:
    """A parameter value (such as CN) on one line: parameters cannot hold line breaks."""
    return " ".join(_CONTROLS.sub(" ", value).split())


def escape_text(value: str) -> str:
    """``value`` as an RFC 5545 TEXT value: ``\\`` ``;`` ``,`` and line breaks escaped."""
    return (
        clean_text(value)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\n", "\\n")
    )


def text(value: str) -> vInline:
    """A TEXT property value, escaped here and only folded by icalendar."""
    return vInline(escape_text(value))


def text_list(values: Iterable[str]) -> vInline:
    """A multi-valued TEXT property (CATEGORIES): each value escaped, joined by commas."""
    return vInline(",".join(escape_text(value) for value in values))


def join_nonempty(parts: Iterable[str], separator: str = ", ") -> str:
    return separator.join(part.strip() for part in parts if part and part.strip())


def place(venue: str, city: str) -> str:
    """LOCATION: venue and city, naming the city once where the venue already ends with it
    ("Jinling Hotel, Nanjing" in Nanjing stays "Jinling Hotel, Nanjing")."""
    last = venue.rsplit(",", 1)[-1].strip()
    if city.strip() and last.casefold() == city.strip().casefold():
        return venue.strip()
    return join_nonempty([venue, city])


def mailto(email: str) -> str:
    """A mailto: URI (RFC 6068) for an address, percent-encoding what a URI cannot hold."""
    return "mailto:" + quote(email.strip(), safe="@!$&'*+-._~=")


def has_address(email: str) -> bool:
    return "@" in email.strip()


def attendee_address(name: str, email: str, domain: str,
                     partstat: str = "") -> vCalAddress:
    """An ATTENDEE value with the person's name as CN.

    RFC 5545 makes ATTENDEE a CAL-ADDRESS, which is any URI; it need not be mailto:. A person
    without an e-mail address gets ``urn:uuid:`` with a name-based UUID (RFC 4122 version 5,
    from the calendar domain and the name): valid, stable across feeds and versions, and never
    an address a client might try to send mail to. The name stays readable through CN.
    """
    if has_address(email):
        address = vCalAddress(mailto(email))
    else:
        person = uuid5(NAMESPACE_URL, f"urn:delegation-planner:{domain}:attendee:{name.strip()}")
        address = vCalAddress(f"urn:uuid:{person}")
    cn = clean_parameter(name)
    if cn:
        address.params["CN"] = cn
    if partstat:
        address.params["PARTSTAT"] = partstat
    return address


def organizer_address(organiser: str, domain: str) -> vCalAddress:
    """ORGANIZER: the organising body as CN, replies go nowhere (``noreply@domain``)."""
    address = vCalAddress(mailto(f"noreply@{domain}"))
    cn = clean_parameter(organiser)
    if cn:
        address.params["CN"] = cn
    return address


def person_label(name: str, email: str) -> str:
    name = name.strip()
    if has_address(email):
        return f"{name} <{email.strip()}>" if name else email.strip()
    return name


def meeting_description(
    tr: Translator,
    trip_title: str,
    counterparts: Iterable[str],
    agenda: str,
    attendee_labels: Iterable[str],
    link: str,
) -> str:
    """The DESCRIPTION of a meeting: trip, counterparts, agenda, attendees and a link back,
    labelled in the calendar's language (the records' own texts as entered)."""
    sections = []
    if trip_title.strip():
        sections.append(tr("Trip: %(title)s", title=trip_title.strip()))
    counterpart_line = join_nonempty(counterparts, tr(", "))
    if counterpart_line:
        sections.append(tr("Counterparts: %(names)s", names=counterpart_line))
    if clean_text(agenda).strip():
        sections.append(tr("Agenda:") + "\n" + clean_text(agenda).strip())
    attendee_line = join_nonempty(attendee_labels, tr(", "))
    if attendee_line:
        sections.append(tr("Attendees: %(names)s", names=attendee_line))
    sections.append(tr("Details: %(link)s", link=link))
    return "\n\n".join(sections)


def leg_description(tr: Translator, trip_title: str, link: str) -> str:
    """The DESCRIPTION of a leg's day: the trip and a link back."""
    return join_nonempty([tr("Trip: %(title)s", title=trip_title.strip()),
                          tr("Details: %(link)s", link=link)], "\n\n")


def leg_day_summary(tr: Translator, city: str, number: int, days: int) -> str:
    """SUMMARY of a leg's day: the city, with "(day 2 of 3)" when the leg has several days."""
    if days == 1:
        return city.strip()
    return tr("%(city)s (day %(number)d of %(days)d)", city=city.strip(), number=number,
              days=days)
