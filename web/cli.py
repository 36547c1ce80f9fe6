"""The installed `planner` command: every subcommand of planner.cli, plus `planner serve`.

`serve` runs this web package, so it lives here: planner/ never imports web. Scripts and
tests that need no web UI can use planner.cli.main, which has every other subcommand.
"""

from __future__ import annotations

from dataclasses import replace

import click
from werkzeug.serving import run_simple

from planner.bootstrap import Planner
from planner.cli import main as planner_main
from planner.cli.core import planner_from_settings
from planner.mail.runner import start_beside
from web import create_app


@click.command()
@click.option("--host", default=None, help="Address to listen on (default from config.toml).")
@click.option("--port", default=None, type=click.IntRange(1, 65535),
              help="Port to listen on (default from config.toml).")
def serve(host: str | None, port: int | None) -> None:
    """Serve the web UI with the development server (see the README for production); a
    thread beside it sends the outbox's mails (planner.mail.runner)."""
    with planner_from_settings() as planner:
        host = host or planner.settings.web_host
        port = port or planner.settings.web_port
        # Links made outside a request (mails) point where this server listens, unless
        # [planner] base_url says otherwise.
        planner.settings = replace(planner.settings, web_host=host, web_port=port)
        app = create_app(planner=planner)
        click.echo(f"Delegation Planner on http://{host}:{port}/  (Ctrl+C to stop)")
        for line in _demo_logins(planner):
            click.echo(line)
        mail = start_beside(planner) if planner.engine is not None else None
        try:
            run_simple(host, port, app, threaded=True, use_reloader=False)
        finally:
            if mail is not None:
                mail.stop()


def _demo_logins(planner: Planner) -> list[str]:
    """The demo logins, when the demo accounts exist in this database."""
    from planner.demo.accounts import DEMO_LOGINS, describe_logins

    if planner.queries is None:
        return []
    known = {a.email for a in planner.queries.accounts()}
    present = tuple(login for login in DEMO_LOGINS if login.email in known)
    return describe_logins(present) if present else []


main = click.Group(name="planner", help=planner_main.help,
                   context_settings=planner_main.context_settings,
                   commands=[*planner_main.commands.values(), serve])
