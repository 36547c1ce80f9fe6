"""Erasing a person (GDPR art. 17): the one function the CLI and the web page both call."""

from __future__ import annotations

from typing import Any
from uuid import UUID

from sqlalchemy import update

from planner.audit.tables import audit_log
from planner.commands.base import as_uuid
from planner.mail.erasure import erase_mails_of
from planner.privacy import ERASED_ACCOUNT, ERASED_PERSON

SEALED_ACTOR_KINDS = ("person", "account")  # see planner.privacy.sealing.ACTOR_SEALED
ERASURES = ("Person.Erased", "Account.Erased")


def erase_person(planner: Any, person_id: UUID | str, *, actor: str, reason: str) -> int:
    """Erase the person and every account linked to them; returns the person's new version.

    The event log keeps its events (sealed values can no longer be opened) and the chain
    stays intact. The audit index's labels and actors, derived from the now unreadable
    values, are replaced here, as a re-index would now compute them.
    """
    uid = as_uuid("person id", person_id)
    accounts = _linked_accounts(planner, uid)
    version = planner.app.erase_person(uid, actor=actor, reason=reason,
                                       account_ids=[a.id for a in accounts])
    if planner.engine is not None:
        c = audit_log.c
        with planner.engine.begin() as conn:
            conn.execute(update(audit_log).where(
                c.record_id.in_([str(uid), *(str(a.id) for a in accounts)]))
                .values(label=ERASED_PERSON))
            if accounts:
                conn.execute(update(audit_log).where(
                    c.actor.in_([a.email for a in accounts]),
                    c.record_kind.in_(SEALED_ACTOR_KINDS), c.event_type.not_in(ERASURES))
                    .values(actor=ERASED_PERSON))
        erase_mails_of(planner.engine, planner.settings, str(uid))
    return version


def _linked_accounts(planner: Any, person_id: UUID) -> list[Any]:
    if planner.queries is None:
        return []
    return [a for a in planner.queries.accounts()
            if str(a.person_id) == str(person_id) and not a.email.startswith(ERASED_ACCOUNT)]
