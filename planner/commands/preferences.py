"""An account's own preferences: the interface's language it chose."""

from __future__ import annotations

from eventsourcing.application import AggregateNotFoundError

from planner.commands.base import CommandSupport
from planner.domain.preferences import AccountPreferences, preferences_id


class PreferenceCommands(CommandSupport):
    def choose_language(self, email: str, *, actor: str, language: str) -> int:
        """Record the language `email`'s account chose (no event if it is already chosen)."""
        try:
            preferences = self.repository.get(preferences_id(email))
        except AggregateNotFoundError:
            preferences = AccountPreferences.start(actor=actor, email=email,
                                                   language=language, at=self._stamp())
            return self._commit(preferences)
        preferences.choose_language(actor=actor, language=language, at=self._stamp())
        if not preferences.pending_events:
            return int(preferences.version)
        return self._commit(preferences)

    def account_language(self, email: str) -> str | None:
        """The language the account chose, or None if it never chose one."""
        try:
            preferences = self.repository.get(preferences_id(email))
        except AggregateNotFoundError:
            return None
        return str(preferences.language) if isinstance(preferences, AccountPreferences) \
            else None
