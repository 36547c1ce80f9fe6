"""Expiry as an event: open invitations past their time are recorded as expired.

A link past its time is refused whether or not this has run (the record's time decides);
the event makes the expiry visible in the history and on the delegation page. The mail
sender's loop runs it before each round (planner.mail.runner), as does `planner mail send`.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select

from planner.domain.errors import DomainError
from planner.domain.invitation import Status
from planner.readmodel import tables as rm

log = logging.getLogger(__name__)
ACTOR = "system:invitations"


def expire_lapsed(planner: Any, now: datetime | None = None) -> int:
    """Record every open invitation past its time as expired; returns how many."""
    if planner.engine is None:
        return 0
    moment = (now or planner.app.now()).astimezone(UTC).replace(tzinfo=None)
    i = rm.invitations.c
    with planner.engine.connect() as conn:
        lapsed = list(conn.execute(select(i.id).where(i.status == Status.OPEN.value,
                                                      i.expires_at <= moment)).scalars())
    expired = 0
    for record in lapsed:
        try:
            planner.app.expire_invitation(record, actor=ACTOR)
            expired += 1
        except DomainError as error:  # re-sent or accepted meanwhile
            log.info("invitation %s not expired: %s", record, error)
    return expired
