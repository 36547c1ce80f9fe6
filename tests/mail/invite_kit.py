"""What the invitation tests share: the link in a delivered mail, and a clock to move."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from email.message import Message
from typing import Any

from planner.invitations.links import read

PASSWORD = "a quiet harbour at dawn, seven gulls"
LINK = re.compile(r"https?://\S+/invitation/(\S+)")


def token_in(message: Message) -> str:
    """The link's token in a mail's plain-text part (the HTML part has the same link)."""
    text = message.get_body(("plain",)).get_content()
    found = LINK.search(text)
    assert found, text
    html = message.get_body(("html",)).get_content()
    assert found[1] in html
    return found[1]


def opened(planner: Any, token: str) -> tuple[Any, int]:
    return read(planner.settings.instance_path, token)


class Clock:
    """The application's clock, moved on by the test (days after the real now)."""

    def __init__(self, app: Any) -> None:
        self.offset = timedelta()
        self.app = app
        app.clock = self

    def __call__(self) -> datetime:
        from datetime import UTC

        return datetime.now(UTC) + self.offset

    def days_later(self, days: float) -> None:
        self.offset += timedelta(days=days)
