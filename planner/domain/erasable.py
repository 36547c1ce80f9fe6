"""What a record holding personal data shares: it can be erased once, then takes no changes.

The record's own `Erased` event says what erasure blanks; the data itself becomes unreadable
because its key is deleted (planner.privacy), not because of the event.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from planner.domain.errors import InvariantError
from planner.domain.values import reason_text
from planner.i18n.words import N_


class Erasable:
    """Mixin for an aggregate with an `Erased` event that sets `erased = True`."""

    Erased: Any
    erased_refusal: tuple[str, str]  # (field, message) when an erased record is changed

    @property
    def is_erased(self) -> bool:
        return bool(getattr(self, "erased", False))

    def erase(self, *, actor: str, reason: str, at: datetime | None = None) -> None:
        self._refuse_if_erased()
        self._emit(self.Erased, actor, at,  # type: ignore[attr-defined]
                   reason_text(reason, required=True, what=N_("erasing a person's data")))

    def _refuse_if_erased(self) -> None:
        if self.is_erased:
            raise InvariantError(*self.erased_refusal)
