"""Who gets calendar mails: attendees with an address who want them.

The choice is the person's (Person.CalendarMailsChosen, on their schedule page). Until they
choose, they get them when they can use them: they have an e-mail address and an account
(a person who was only registered, and never let in, is not mailed about meetings).

Other attendees' addresses: a calendar mail lists every attendee by name, but their e-mail
addresses only when the meeting's trip shares them (`DISCLOSE_DEFAULT`; the organiser's
per-trip choice is not built yet, so addresses are never shared).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from sqlalchemy import exists, select
from sqlalchemy.engine import Connection

from planner.readmodel import tables as t
from planner.readmodel.queries_calendar import account_email

DISCLOSE_DEFAULT = False


@dataclass(frozen=True)
class Recipient:
    person_id: UUID
    name: str
    email: str
    disclose: bool = DISCLOSE_DEFAULT  # whether the mail may show others' addresses
    account_email: str = ""  # of the person's account, whose chosen language the mail is in


def recipients(conn: Connection, meeting_id: UUID | str, *, only: str | None = None,
               attending: bool = True) -> list[Recipient]:
    """The meeting's attendees who get its calendar mails (`only`: just that person;
    `attending=False`: that person although they no longer attend, to uninvite them)."""
    p, a = t.people, t.attendees
    query = _query()
    if attending:
        query = query.join(a, a.c.person_id == p.c.id).where(
            a.c.meeting_id == str(meeting_id)).order_by(a.c.seq, a.c.idx)
    if only is not None:
        query = query.where(p.c.id == str(only))
    return [Recipient(UUID(row.id), row.name or "", row.email,
                      account_email=row.account_email or "")
            for row in conn.execute(query) if _wanted(row)]


def _wanted(row: Any) -> bool:
    if "@" not in (row.email or ""):
        return False
    return row.calendar_mails == "yes" or (row.calendar_mails == "" and bool(row.acct))


def _query() -> Any:
    p, acc = t.people, t.accounts
    has_account = exists().where(acc.c.person_id == p.c.id, acc.c.active)
    return select(p.c.id, p.c.name, p.c.email, p.c.calendar_mails, has_account.label("acct"),
                  account_email(p.c.id).label("account_email"))



def wants_calendar_mails(conn: Connection, person_id: UUID | str) -> bool:
    """Whether the person gets calendar mails now (their choice, or the default)."""
    row = conn.execute(_query().where(t.people.c.id == str(person_id))).first()
    return row is not None and _wanted(row)
