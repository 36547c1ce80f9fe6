"""Calendar-feed tokens never reach a log: every line naming `/feeds/<token>.ics` is masked.

A feed token is a bearer secret (whoever has the address reads the calendar), so access logs of
the development server, gunicorn and the app's own error log show only its first characters.
"""

from __future__ import annotations

import logging
import re

from flask import Flask

_FEED = re.compile(r"(/feeds/)([^/?#\s\"']+?)(\.ics)")
KEPT = 4
"""Characters of a token left visible, enough to tell two subscribers' lines apart."""
LOGGERS = ("werkzeug", "gunicorn.access", "gunicorn.error")


def mask(text: str) -> str:
    """`text` with every feed token cut to its first few characters and an ellipsis."""
    return _FEED.sub(lambda m: f"{m[1]}{m[2][:KEPT]}…{m[3]}", text)


class FeedTokenFilter(logging.Filter):
    """Rewrites a record's message (with its arguments merged in) when it names a feed."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        masked = mask(message)
        if masked != message:
            record.msg, record.args = masked, None
        if record.exc_text:
            record.exc_text = mask(record.exc_text)
        return True


_FILTER = FeedTokenFilter()


def register(app: Flask) -> None:
    """Mask feed tokens in the app's log and in the servers' access logs."""
    for logger in (app.logger, *(logging.getLogger(name) for name in LOGGERS)):
        if _FILTER not in logger.filters:
            logger.addFilter(_FILTER)
