"""Personal data: sealed per person with a key outside the log, erased by deleting the key."""

from __future__ import annotations

from planner.domain.person import ERASED_PERSON

# What rm_accounts.email holds for an erased account (the column is unique): this + its id.
ERASED_ACCOUNT = "erased:"

__all__ = ["ERASED_ACCOUNT", "ERASED_PERSON"]
