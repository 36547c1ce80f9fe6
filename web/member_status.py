"""Beside each delegation member: their invitation and whether their last mail arrived."""

from __future__ import annotations

from typing import Any

from flask import g

from web.wiring import mail_desk, queries


def member_status(trip_row: Any) -> dict[str, Any]:
    """`invitations` and `deliveries` (newest mail) by person id, for the page's context.
    Mails are shown to their organisation's organisers (administrators: all)."""
    ids = [str(m.person_id) for m in trip_row.members]
    desk = mail_desk()
    viewer_org = None if g.user.role == "administrator" else g.user.organisation_id
    return {"invitations": queries().invitations_of(ids),
            "deliveries": desk.latest_by_person(ids, viewer_org) if desk else {}}
