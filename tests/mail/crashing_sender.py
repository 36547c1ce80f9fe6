"""Run by tests/mail/test_crash.py in its own process: a sender that is killed (SIGKILL, no
clean-up of any kind) right after the server accepted the first mail, before marking it."""

from __future__ import annotations

import os
import signal
import sys

from planner.bootstrap import build
from planner.mail.sender import Sender
from planner.mail.transport import FolderTransport, SmtpTransport
from planner.settings import load_settings


def main(database_url: str, instance: str, smtp_url: str) -> None:
    settings = load_settings(environ={}, instance_path=instance, mail_smtp_url=smtp_url)
    planner = build(settings, database_url=database_url)
    transport = SmtpTransport(smtp_url) if smtp_url else FolderTransport(
        settings.mail_folder_path)
    sender = Sender(planner.engine, settings, outbox=planner.outbox,  # type: ignore[arg-type]
                    transport=transport)
    sender.after_accepted = lambda row: os.kill(os.getpid(), signal.SIGKILL)
    sender.run_once()
    sys.exit("the sender was not killed")


if __name__ == "__main__":
    main(*sys.argv[1:4])
