"""Personal data: sealed per person with a key outside the log, erased by deleting the key."""

from __future__ import annotations

from planner.domain.person import ERASED_PERSON

__all__ = ["ERASED_PERSON"]
