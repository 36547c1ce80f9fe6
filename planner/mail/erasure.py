"""Erasing a person also erases their mails: the outbox keeps addresses, names and bodies in
plain text (it is not the sealed log), so their rows are emptied (status and times stay, for
the organiser's record that a mail went out) and their .eml files deleted."""

from __future__ import annotations

from sqlalchemy import select, update
from sqlalchemy.engine import Engine

from planner.mail import tables as mt
from planner.mail.transport import eml_name
from planner.settings import Settings

ERASED = "erased"


def erase_mails_of(engine: Engine, settings: Settings, person_id: str) -> int:
    """Empty every mail of the person; a pending one is never sent. Returns how many."""
    o = mt.outbox.c
    with engine.begin() as conn:
        ids = list(conn.execute(select(o.message_id).where(o.person_id == person_id))
                   .scalars())
        conn.execute(update(mt.outbox).where(o.person_id == person_id, o.status == mt.PENDING)
                     .values(status=mt.FAILED, last_error="the person's data was erased"))
        conn.execute(update(mt.outbox).where(o.person_id == person_id).values(
            recipient=ERASED, recipient_name="", subject=ERASED, text_body="", html_body="",
            calendar=""))
    for message_id in ids:
        (settings.mail_folder_path / eml_name(message_id)).unlink(missing_ok=True)
    return len(ids)
