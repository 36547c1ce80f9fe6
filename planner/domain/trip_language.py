"""The language a trip's calendar is written in (planner.i18n): its own setting, an event.

A trip without one uses `[planner] language`. Records keep the texts they were entered in;
the setting only chooses the words the calendar adds (day markers, labels, kinds).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from planner.domain.base import PlannerAggregate
from planner.domain.errors import InvariantError, ValidationError
from planner.i18n import LANGUAGES


class TripLanguage:
    """Mixin for the Trip aggregate: `language` ("" none chosen, else de, en or zh)."""

    language: str = ""  # a class default: trips and snapshots from before the setting

    class LanguageSet(PlannerAggregate.Event):
        language: str

        def apply(self, trip: Any) -> None:
            trip.language = self.language

    def language_differs(self, language: str) -> bool:
        return _chosen(language) != self.language

    def set_language(self, *, actor: str, language: str, at: datetime | None = None) -> None:
        """Choose the trip calendar's language; "" goes back to the configured one."""
        chosen = _chosen(language)
        if chosen != "" and chosen not in LANGUAGES:
            raise ValidationError("language", "must be one of %(choices)s (or empty for the "
                                  "default), got %(value)r", choices=", ".join(LANGUAGES),
                                  value=language)
        self._check_open()  # type: ignore[attr-defined]
        if chosen == self.language:
            raise InvariantError("language", "the trip already has that language")
        self._emit(self.LanguageSet, actor, at, "",  # type: ignore[attr-defined]
                   language=chosen)


def _chosen(language: object) -> object:
    return language.strip().lower() if isinstance(language, str) else language
