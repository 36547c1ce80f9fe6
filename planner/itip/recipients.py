"""Who gets calendar mails: attendees with an address who want them.

The choice is the person's (Person.CalendarMailsChosen, on their schedule page). Until they
choose, they get them when they have an e-mail address and were invited (planner.mail's
invitations, open or accepted) or have an account: a person who was only registered, and never
let in, is not mailed about meetings.

Other attendees' addresses: a calendar mail lists every attendee by name, but their e-mail
addresses only when the trip's organisers chose to share them (Trip.AttendeeAddressesShared,
on the trip page; a trip, since one delegation shares or keeps its addresses as a whole).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from uuid import UUID

from sqlalchemy import exists, or_, select
from sqlalchemy.engine import Connection

from planner.domain.invitation import Purpose, Status
from planner.readmodel import tables as t
from planner.readmodel.queries_calendar import account_email


@dataclass(frozen=True)
class Recipient:
    person_id: UUID
    name: str
    email: str
    disclose: bool = False  # whether the mail may show others' addresses
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
    shared = bool(conn.execute(
        select(t.trips.c.attendee_addresses_shared)
        .join(t.meetings, t.meetings.c.trip_id == t.trips.c.id)
        .where(t.meetings.c.id == str(meeting_id))).scalar())
    return [Recipient(UUID(row.id), row.name or "", row.email, shared,
                      account_email=row.account_email or "")
            for row in conn.execute(query) if _wanted(row)]


def _wanted(row: Any) -> bool:
    if "@" not in (row.email or ""):
        return False
    return row.calendar_mails == "yes" or (row.calendar_mails == "" and bool(row.acct))


def _query() -> Any:
    p, acc, inv = t.people, t.accounts, t.invitations
    let_in = or_(exists().where(acc.c.person_id == p.c.id, acc.c.active),
                 exists().where(inv.c.person_id == p.c.id,
                                inv.c.purpose == Purpose.INVITATION.value,
                                inv.c.status.in_([Status.OPEN.value, Status.ACCEPTED.value])))
    return select(p.c.id, p.c.name, p.c.email, p.c.calendar_mails, let_in.label("acct"),
                  account_email(p.c.id).label("account_email"))


def addresses_shared(conn: Connection, trip_id: UUID | str) -> bool:
    """Whether the trip's calendar mails show the other attendees' addresses."""
    return bool(conn.execute(select(t.trips.c.attendee_addresses_shared)
                             .where(t.trips.c.id == str(trip_id))).scalar())


def wants_calendar_mails(conn: Connection, person_id: UUID | str) -> bool:
    """Whether the person gets calendar mails now (their choice, or the default)."""
    row = conn.execute(_query().where(t.people.c.id == str(person_id))).first()
    return row is not None and _wanted(row)
