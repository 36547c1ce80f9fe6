"""The state of each person's last mail (planner.mail's outbox), for "were they reached?"."""

from __future__ import annotations

from collections.abc import Iterable
from uuid import UUID

from sqlalchemy import func, select
from sqlalchemy.engine import Engine

from planner.mail import tables as mt


def last_mail_states(engine: Engine, person_ids: Iterable[UUID | str]) -> dict[UUID, str]:
    """Person -> status of the latest mail to them: "sent" (delivered to the server or the
    demo's folder), "pending", "failed" or "unconfirmed"; people never mailed are left out."""
    keys = sorted({str(p) for p in person_ids})
    if not keys:
        return {}
    o = mt.outbox
    latest = (select(func.max(o.c.id)).where(o.c.person_id.in_(keys))
              .group_by(o.c.person_id).scalar_subquery())
    with engine.connect() as conn:
        rows = conn.execute(select(o.c.person_id, o.c.status).where(o.c.id.in_(latest))).all()
    return {UUID(r.person_id): r.status for r in rows}
