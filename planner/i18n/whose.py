"""Whose language a calendar or a mail is written in: the reader's, the trip's, or config's.

A person reads their own calendar and mails in the language their account chose (kept in
the read model rm_account_languages, planner.readmodel.languages); a person without an
account (or whose account chose none) in `[planner] language`. Callers pass the lookup, so a
mail rule reads inside its command's transaction and every planner reads its own database.
"""

from __future__ import annotations

from collections.abc import Callable

from planner.i18n import LANGUAGES
from planner.settings import Settings

AccountLanguage = Callable[[str], "str | None"]
"""e-mail address -> the language its account chose (de/en/zh), or None."""

def person_language(settings: Settings, lookup: AccountLanguage | None, *emails: str,
                    fallback: str = "") -> str:
    """The language of a person's calendar and mails: the one chosen by the account of the
    first of `emails` (their account's address, their own) that has a choice, else
    `fallback` (a trip's language, for a mail about the trip), else config's."""
    for email in emails:
        chosen = lookup(email.strip()) if lookup and "@" in (email or "") else None
        if chosen in LANGUAGES:
            return str(chosen)
    return fallback if fallback in LANGUAGES else settings.language


def trip_language(chosen: str, settings: Settings) -> str:
    """The language of a trip's calendar: its own setting (Trip.LanguageSet), else config's."""
    return chosen if chosen in LANGUAGES else settings.language
