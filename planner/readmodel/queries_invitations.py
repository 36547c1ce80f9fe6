"""Invitations: each person's latest invitation, as the delegation page shows it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from planner.domain.invitation import Purpose
from planner.readmodel import tables as t
from planner.readmodel.keys import from_db
from planner.readmodel.queries_base import QueryBase


@dataclass(frozen=True)
class InvitationRow:
    id: str
    person_id: str
    status: str
    issue: int
    expires_at: datetime
    trip_id: str
    last_changed_at: datetime
    last_changed_by: str


class InvitationQueries(QueryBase):
    def invitations_of(self, person_ids: Iterable[str]) -> dict[str, InvitationRow]:
        """The invitation of each of these people that has one (one record per person)."""
        ids = [str(p) for p in person_ids]
        if not ids:
            return {}
        i = t.invitations.c
        with self._connect() as conn:
            rows = conn.execute(select(t.invitations).where(
                i.person_id.in_(ids), i.purpose == Purpose.INVITATION.value))
            return {r.person_id: InvitationRow(
                id=r.id, person_id=r.person_id, status=r.status, issue=r.issue,
                expires_at=from_db(r.expires_at), trip_id=r.trip_id,
                last_changed_at=from_db(r.last_changed_at), last_changed_by=r.last_changed_by)
                for r in rows}
