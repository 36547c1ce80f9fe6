"""The mails of invitations and password resets: one per issue, with the signed link."""

from __future__ import annotations

from datetime import datetime
from html import escape
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from planner.domain.invitation import Invitation, Purpose
from planner.invitations.links import link_path, sign
from planner.mail.rules import MailContext, OutgoingMail, mail_rule
from planner.readmodel import tables as rm


@mail_rule(Invitation.Issued, Invitation.Resent)
def invitation_sent(event: Any, context: MailContext) -> list[OutgoingMail]:
    conn = context.conn
    row = conn.execute(select(rm.invitations).where(
        rm.invitations.c.id == str(event.originator_id))).one()
    to = _recipient(conn, row, context.settings.default_timezone)
    if to is None or not to["email"]:
        return []
    link = context.settings.public_base_url + link_path(
        sign(context.settings.instance_path, event.originator_id, event.issue))
    until = _local(event.expires_at, to["zone"])
    if row.purpose == Purpose.INVITATION:
        subject, lines = _invitation(conn, row, to["name"])
    else:
        subject = "Set a new password for the Delegation Planner"
        lines = [f"Hello {to['name']},",
                 "someone (we hope you) asked to set a new password for your account.",
                 "If it was not you, ignore this mail: your password stays as it is."]
    text = "\n\n".join([*lines, f"Follow this link to set your password:\n{link}",
                        f"The link works once, until {until}. A newer link replaces it."])
    html = "".join(f"<p>{escape(line)}</p>" for line in lines) + (
        f'<p><a href="{escape(link)}">Set your password</a></p>'
        f"<p>The link works once, until {escape(until)}. A newer link replaces it.</p>")
    return [OutgoingMail(recipient=to["email"], recipient_name=to["name"], subject=subject,
                         text=text + "\n", html=html, person_id=row.person_id,
                         trip_id=row.trip_id, organisation_id=row.organisation_id)]


def _recipient(conn: Any, row: Any, default_zone: str) -> dict[str, str] | None:
    if row.person_id:
        person = conn.execute(select(rm.people.c.name, rm.people.c.email,
                                     rm.people.c.home_timezone)
                              .where(rm.people.c.id == row.person_id)).first()
        if person is None:
            return None
        if row.purpose == Purpose.INVITATION:
            return {"name": person.name, "email": person.email,
                    "zone": person.home_timezone or default_zone}
        zone = person.home_timezone or default_zone
    else:
        zone = default_zone
    account = conn.execute(select(rm.accounts.c.name, rm.accounts.c.email, rm.accounts.c.active)
                           .where(rm.accounts.c.id == row.account_id)).first()
    if account is None or not account.active:
        return None
    return {"name": account.name, "email": account.email, "zone": zone}


def _invitation(conn: Any, row: Any, name: str) -> tuple[str, list[str]]:
    organisation = conn.execute(select(rm.organisations.c.name).where(
        rm.organisations.c.id == row.organisation_id)).scalar() if row.organisation_id else ""
    trip = conn.execute(select(rm.trips.c.title).where(
        rm.trips.c.id == row.trip_id)).scalar() if row.trip_id else ""
    who = organisation or "The trip organisers"
    lines = [f"Hello {name},",
             f"{who} invite you to the Delegation Planner"
             + (f" for the trip \u201c{trip}\u201d." if trip else ".")
             + " There you see your own schedule in local time and can subscribe to it in "
               "your calendar app."]
    return "Your invitation to the Delegation Planner", lines


def _local(instant: datetime, zone: str) -> str:
    local = instant.astimezone(ZoneInfo(zone))
    return f"{local:%d %B %Y, %H:%M} ({zone})"
