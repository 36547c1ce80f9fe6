"""Erasing a person (GDPR art. 17): the one function the CLI and the web page both call."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from sqlalchemy import update

from planner.audit.tables import audit_log
from planner.commands.base import as_uuid
from planner.privacy import ERASED_ACCOUNT, ERASED_PERSON


def erase_person(planner: Any, person_id: UUID | str, *, actor: str, reason: str) -> int:
    """Erase the person and every account linked to them; returns the person's new version.

    The event log keeps its events (sealed values can no longer be opened) and the chain
    stays intact. The audit index's labels, derived from the names, are replaced here, in
    the same way a re-index would now compute them.
    """
    uid = as_uuid("person id", person_id)
    accounts = _linked_accounts(planner, uid)
    version = planner.app.erase_person(uid, actor=actor, reason=reason, account_ids=accounts)
    if planner.engine is not None:
        with planner.engine.begin() as conn:
            conn.execute(update(audit_log)
                         .where(audit_log.c.record_id.in_([str(uid), *map(str, accounts)]))
                         .values(label=ERASED_PERSON))
    return version


def _linked_accounts(planner: Any, person_id: UUID) -> list[UUID]:
    if planner.queries is None:
        return []
    return [a.id for a in planner.queries.accounts()
            if str(a.person_id) == str(person_id) and not a.email.startswith(ERASED_ACCOUNT)]
