"""A calendar client's User-Agent reduced to a product name: all that is kept of a request.

Only these names are stored (never the User-Agent itself, never an address): enough for an
organiser to tell "subscribed in Outlook" from "never fetched", and nothing that identifies a
device. The patterns are those the clients send today (Google's importer, Apple's
dataaccessd on iOS and CalendarAgent on macOS, Outlook and Exchange, Thunderbird).
"""

from __future__ import annotations

GOOGLE, APPLE, OUTLOOK, THUNDERBIRD, OTHER = (
    "Google Calendar", "Apple Calendar", "Outlook", "Thunderbird", "other")
CLIENTS = (GOOGLE, APPLE, OUTLOOK, THUNDERBIRD, OTHER)

_PATTERNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (GOOGLE, ("google-calendar", "google calendar", "googlecalendar")),
    (THUNDERBIRD, ("thunderbird",)),  # before Outlook: neither says the other's name
    (OUTLOOK, ("outlook", "microsoft office", "exchange", "microsoft.exchange")),
    (APPLE, ("dataaccessd", "calendaragent", "calendarstore", "ical/", "icalendar/")),
)


def client_kind(user_agent: str | None) -> str:
    """'Google Calendar', 'Apple Calendar', 'Outlook', 'Thunderbird' or 'other'."""
    agent = (user_agent or "").casefold()
    for name, needles in _PATTERNS:
        if any(needle in agent for needle in needles):
            return name
    return OTHER
