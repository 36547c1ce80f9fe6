"""An outbox row as a MIME message (the standard library's `email`, policy SMTP).

Text first, then HTML as its alternative, then the calendar (text/calendar; method=...) as a
third alternative, the layout Outlook, Gmail and Apple Mail apply as an invitation; the same
calendar is attached as invite.ics as well for clients that only look at attachments.
"""

from __future__ import annotations

from datetime import UTC, datetime
from email.headerregistry import Address
from email.message import EmailMessage
from email.policy import SMTP
from email.utils import format_datetime, formataddr, parseaddr
from typing import Any

from planner.settings import Settings


def build_message(row: Any, settings: Settings) -> EmailMessage:
    """The message for an outbox row: the same row always gives the same headers and body
    (the Date is the row's creation time), so a retry sends the same message."""
    message = EmailMessage(policy=SMTP)
    message["From"] = settings.mail_from
    message["To"] = formataddr((row.recipient_name, row.recipient)) if row.recipient_name \
        else row.recipient
    if settings.mail_reply_to:
        message["Reply-To"] = settings.mail_reply_to
    message["Subject"] = row.subject
    message["Date"] = format_datetime(row.created_at.replace(tzinfo=UTC))
    message["Message-ID"] = row.message_id
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(row.text_body)
    if row.html_body:
        message.add_alternative(row.html_body, subtype="html")
    if row.calendar:
        method = row.calendar_method or "PUBLISH"
        message.add_alternative(row.calendar, subtype="calendar", params={"method": method})
        message.add_attachment(row.calendar.encode("utf-8"), maintype="application",
                               subtype="ics", filename="invite.ics")
    return message


def envelope_sender(settings: Settings) -> str:
    """The address part of [mail] from (the SMTP envelope's MAIL FROM)."""
    return parseaddr(settings.mail_from)[1]


def is_address(text: str) -> bool:
    """Whether the standard library takes this as one plain address."""
    try:
        Address(addr_spec=text)
    except (ValueError, IndexError):
        return False
    return "@" in text


def sent_date(moment: datetime) -> str:
    return format_datetime(moment.replace(tzinfo=UTC))
