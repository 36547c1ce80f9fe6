"""The demo data: the four situations of the seed press releases, built through commands.

`load_demo(planner)` tells each story with the application's ordinary commands while a
simulated clock walks through the weeks before and after each trip (see `clock.py`), so the
history and audit screens show realistic work by several staff accounts. It is idempotent:
the first account it opens marks a load in progress and the last one a finished load.
"""

from __future__ import annotations

from collections.abc import Callable

from planner.bootstrap import Planner
from planner.demo import changsha, leipzig_china, leipzig_followups, nanjing_munich
from planner.demo import organisations as orgs
from planner.demo.accounts import (
    ADMINISTRATOR,
    AUDITORS,
    DEMO_LOGINS,
    DEMO_PASSWORD,
    FIRST_MARKER,
    LAST_MARKER,
    STAFF,
    DemoLogin,
    describe_logins,
    open_accounts,
)
from planner.demo.clock import Demo, DemoClock
from planner.demo.reset import reset_database
from planner.demo.summary import summarise
from planner.domain.errors import InvariantError
from planner.domain.ids import deterministic_ids
from planner.mail.outbox import quiet as mail_quiet

DEMO_ID_SEED = "delegation-planner-demo"

__all__ = ["DEMO_LOGINS", "DEMO_PASSWORD", "DemoLogin", "load_demo", "reset_database"]


def load_demo(planner: Planner, progress: Callable[[str], None] = print) -> list[str]:
    """Load the demo trips unless already there; returns one summary line per trip."""
    app = planner.app
    if app.find_account(LAST_MARKER):
        progress("The demo data is already loaded; nothing was added.")
        return summarise(app)
    if app.find_account(FIRST_MARKER):
        raise InvariantError("demo", "an earlier demo load stopped part-way; run "
                                     "`planner demo --reset` to start again")
    demo = Demo(app=app, clock=DemoClock(), progress=progress)
    before = app.recorder.max_notification_id() or 0
    # Each save writes its read-model rows and audit chain links in its own transaction.
    previous, app.clock = app.clock, demo.clock
    try:
        # The same demo gets the same record ids everywhere: stable calendar UIDs and goldens.
        # The demo's invented history (2019-2024) is not news: nobody is mailed about it.
        with deterministic_ids(DEMO_ID_SEED), mail_quiet():
            progress("Loading the demo data (history from April 2019 to January 2024)...")
            demo.at("2019-04-01 09:00")
            open_accounts(demo, STAFF)
            orgs.register(demo, ADMINISTRATOR, orgs.LEIPZIG, orgs.NANJING, orgs.JINING)
            leipzig_china.load(demo)
            leipzig_followups.load(demo)
            changsha.load(demo)
            nanjing_munich.load(demo)
            demo.at("2024-01-15 10:00")
            open_accounts(demo, AUDITORS)
    finally:
        app.clock = previous
    written = (app.recorder.max_notification_id() or 0) - before
    progress(f"Demo data loaded: {written} events.")
    for line in describe_logins():
        progress(line)
    return summarise(app)
