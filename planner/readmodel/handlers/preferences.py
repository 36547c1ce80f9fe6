"""AccountPreferences events -> rm_account_languages (the language each account chose)."""

from __future__ import annotations

from typing import Any

from planner.domain.preferences import AccountPreferences
from planner.readmodel import tables as t
from planner.readmodel.handlers.batch import Batch
from planner.readmodel.handlers.common import Handler, created, touch

TABLES = {AccountPreferences: t.account_languages}
LOADS: dict[type, Any] = {}


def _started(b: Batch, e: Any, seq: int) -> None:
    b.insert(t.account_languages, dict(email=e.email.strip().lower(), language=e.language,
                                       **created(e, seq)))


def _chosen(b: Batch, e: Any, seq: int) -> None:
    touch(b, t.account_languages, e, language=e.language)


HANDLERS: dict[type, Handler] = {AccountPreferences.Started: _started,
                                 AccountPreferences.LanguageChosen: _chosen}
