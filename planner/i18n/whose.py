"""Whose language a calendar or a mail is written in: the reader's, the trip's, or config's.

A person reads their own calendar and mails in the language their account chose; a person
without an account (or whose account chose none) in `[planner] language`. The account's
choice is looked up through `account_language`, one function the wiring points at wherever
account preferences are kept (`use_account_languages`): until it is, every person gets the
configured language.
"""

from __future__ import annotations

from collections.abc import Callable

from planner.i18n import LANGUAGES
from planner.settings import Settings

AccountLanguage = Callable[[str], "str | None"]
"""e-mail address -> the language its account chose (de/en/zh), or None."""

_account_language: AccountLanguage | None = None


def use_account_languages(lookup: AccountLanguage | None) -> None:
    """Point `account_language` at where accounts keep their chosen language (None: nowhere)."""
    global _account_language
    _account_language = lookup


def account_language(email: str) -> str | None:
    """The language the account of this e-mail address chose, or None."""
    if _account_language is None or "@" not in email:
        return None
    chosen = _account_language(email.strip())
    return chosen if chosen in LANGUAGES else None


def person_language(settings: Settings, *emails: str) -> str:
    """The language of a person's calendar and mails: the one chosen by the account of the
    first of `emails` (their account's address, their own) that has a choice."""
    for email in emails:
        chosen = account_language(email or "")
        if chosen:
            return chosen
    return settings.language


def trip_language(chosen: str, settings: Settings) -> str:
    """The language of a trip's calendar: its own setting (Trip.LanguageSet), else config's."""
    return chosen if chosen in LANGUAGES else settings.language
