"""Running the sender: `planner mail send` once or in a loop, and a thread beside the web app.

Choice: `planner serve` (and so `make demo`) starts one daemon thread that runs a round every
`INTERVAL` seconds and at once after each save that wrote mails (a save pokes it), so the demo
outbox fills while you watch. Under gunicorn, start `planner mail send --loop` as its own
process instead (one or several: claims keep them from sending a mail twice). A request never
sends mail itself: a slow SMTP server must not slow a page.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from planner.mail.sender import Round, Sender

log = logging.getLogger(__name__)
INTERVAL = 30.0


class SenderLoop:
    """Rounds until stopped; `poke` starts the next round now."""

    def __init__(self, sender: Sender, interval: float = INTERVAL,
                 before_round: Callable[[], Any] | None = None) -> None:
        self.sender = sender
        self.before_round = before_round
        self.interval = interval
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def poke(self) -> None:
        self._wake.set()

    def stop(self) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=10)

    def run(self, report: Any = None) -> None:
        while not self._stop.is_set():
            self._wake.clear()
            try:
                if self.before_round is not None:
                    self.before_round()
                done: Round = self.sender.run_once()
                if report is not None and (done.sent or done.deferred or done.failed
                                           or done.unconfirmed):
                    report(done)
            except Exception:  # noqa: BLE001 - a database hiccup must not end the loop
                log.exception("mail round failed; trying again in %s s", self.interval)
            self._wake.wait(self.interval)

    def start_thread(self) -> threading.Thread:
        self._thread = threading.Thread(target=self.run, name="mail-sender", daemon=True)
        self._thread.start()
        return self._thread


def sender_for(planner: Any) -> Sender:
    """The sender of a built Planner (SQL storage), with its outbox."""
    assert planner.engine is not None, "mail needs a SQL database"
    return Sender(planner.engine, planner.settings, outbox=planner.outbox)


def loop_for(planner: Any, interval: float = INTERVAL) -> SenderLoop:
    """Rounds of sending, each after recording the invitations that expired."""
    from planner.invitations.expiry import expire_lapsed

    return SenderLoop(sender_for(planner), interval, lambda: expire_lapsed(planner))


def start_beside(planner: Any) -> SenderLoop:
    """The web server's thread, poked after every save."""
    loop = loop_for(planner)
    planner.app.saved_listeners.append(loop.poke)
    loop.start_thread()
    return loop
