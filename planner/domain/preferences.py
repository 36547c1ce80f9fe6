"""AccountPreferences: what an account chose for itself (the interface's language).

Its own record beside the Account: a session is valid only while the Account stays at the
version it was signed in at, so a change of language on one device must not move the
Account on and sign the account out everywhere else. Its id is derived from the e-mail
address like the Account's, so it is found without a read model.
"""

from __future__ import annotations

import unicodedata
from datetime import datetime
from uuid import NAMESPACE_URL, UUID, uuid5

from planner.domain import values as v
from planner.domain.base import PlannerAggregate
from planner.domain.errors import InvariantError

LANGUAGES = ("de", "en", "zh")


def preferences_id(email: str) -> UUID:
    address = unicodedata.normalize("NFC", email).strip().lower()
    return uuid5(NAMESPACE_URL, f"delegation-planner:account-preferences:{address}")


def _language(language: str) -> str:
    value = v.text("language", language, max_len=8).lower()
    if value not in LANGUAGES:
        raise InvariantError("language", "must be one of %(allowed)s",
                             allowed=", ".join(LANGUAGES))
    return value


class AccountPreferences(PlannerAggregate):
    class Started(PlannerAggregate.Created):
        email: str
        language: str

    def __init__(self, actor: str, reason: str, email: str, language: str) -> None:
        self.email, self.language = email, language

    @classmethod
    def start(cls, *, actor: str, email: str, language: str,
              at: datetime | None = None) -> AccountPreferences:
        address = v.optional_email("email", email)
        return cls._start(cls.Started, actor, at, id=preferences_id(address), email=address,
                          language=_language(language))

    class LanguageChosen(PlannerAggregate.Event):
        language: str

        def apply(self, preferences: AccountPreferences) -> None:
            preferences.language = self.language

    def choose_language(self, *, actor: str, language: str,
                        at: datetime | None = None) -> None:
        language = _language(language)
        if language != self.language:
            self._emit(self.LanguageChosen, actor, at, language=language)
