"""The mails of invitations and password resets: one per issue, with the signed link.

Written in the recipient's language (planner.i18n.whose): their account's choice, else (an
invitation to a trip) the trip's language, else config's; the link's expiry as Babel writes a
date and time in that language, with the zone by its name.
"""

from __future__ import annotations

from datetime import datetime
from html import escape
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from planner.domain.invitation import Invitation, Purpose
from planner.i18n import Translator, translator
from planner.i18n.whose import person_language
from planner.invitations.links import link_path, sign
from planner.mail.rules import MailContext, OutgoingMail, mail_rule
from planner.readmodel import tables as rm
from planner.readmodel.languages import account_language, trip_language


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
    tr = translator(person_language(context.settings,
                                    lambda email: account_language(conn, email),
                                    to["account_email"], to["email"],
                                    fallback=trip_language(conn, row.trip_id)
                                    if row.trip_id else ""))
    until = _local(tr, event.expires_at, to["zone"])
    greeting = tr("Hello %(name)s,", name=to["name"])
    if row.purpose == Purpose.INVITATION:
        subject, lines = _invitation(tr, conn, row)
    else:
        subject = tr("Set a new password for the Delegation Planner")
        lines = [tr("someone (we hope you) asked to set a new password for your account."),
                 tr("If it was not you, ignore this mail: your password stays as it is.")]
    works = tr("The link works once, until %(until)s. A newer link replaces it.", until=until)
    text = "\n\n".join([greeting, *lines,
                         f"{tr('Follow this link to set your password:')}\n{link}", works])
    html = (f'<!DOCTYPE html><html lang="{tr.language}"><body>'
            + "".join(f"<p>{escape(line)}</p>" for line in [greeting, *lines])
            + f'<p><a href="{escape(link)}">{escape(tr("Set your password"))}</a></p>'
            f"<p>{escape(works)}</p></body></html>")
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
            return {"name": person.name, "email": person.email, "account_email": "",
                    "zone": person.home_timezone or default_zone}
        zone = person.home_timezone or default_zone
    else:
        zone = default_zone
    account = conn.execute(select(rm.accounts.c.name, rm.accounts.c.email, rm.accounts.c.active)
                           .where(rm.accounts.c.id == row.account_id)).first()
    if account is None or not account.active:
        return None
    return {"name": account.name, "email": account.email, "account_email": account.email,
            "zone": zone}


def _invitation(tr: Translator, conn: Any, row: Any) -> tuple[str, list[str]]:
    organisation = conn.execute(select(rm.organisations.c.name).where(
        rm.organisations.c.id == row.organisation_id)).scalar() if row.organisation_id else ""
    trip = conn.execute(select(rm.trips.c.title).where(
        rm.trips.c.id == row.trip_id)).scalar() if row.trip_id else ""
    if organisation and trip:
        invite = tr("%(organisation)s invite you to the Delegation Planner for the trip "
                    "\u201c%(trip)s\u201d.", organisation=organisation, trip=trip)
    elif organisation:
        invite = tr("%(organisation)s invite you to the Delegation Planner.",
                    organisation=organisation)
    elif trip:
        invite = tr("The trip organisers invite you to the Delegation Planner for the trip "
                    "\u201c%(trip)s\u201d.", trip=trip)
    else:
        invite = tr("The trip organisers invite you to the Delegation Planner.")
    return tr("Your invitation to the Delegation Planner"), [
        invite, tr("There you see your own schedule in local time and can subscribe to it in "
                   "your calendar app.")]


def _local(tr: Translator, instant: datetime, zone: str) -> str:
    """"30. November 2026, 14:00 (Mitteleuropäische Zeit)"."""
    return tr("%(moment)s (%(zone)s)", moment=tr.moment(instant.astimezone(ZoneInfo(zone))),
              zone=tr.zone(zone))
