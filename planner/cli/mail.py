"""`planner mail ...`: send what the outbox holds, and list it."""

from __future__ import annotations

import click

from planner.cli.core import planner_from_settings
from planner.mail import tables as mt


@click.group()
def mail() -> None:
    """The outbox: mails derived from events (invitations, calendar updates)."""


@mail.command("send")
@click.option("--loop", is_flag=True, help="Keep sending every --interval seconds until "
                                           "stopped (for a server run by gunicorn).")
@click.option("--interval", type=click.FloatRange(1, 3600), default=30.0, show_default=True,
              help="Seconds between rounds with --loop.")
def send(loop: bool, interval: float) -> None:
    """Send every due mail once (SMTP from [mail] smtp_url, else .eml files in the instance
    folder); failures are retried later with back-off."""
    from planner.invitations.expiry import expire_lapsed
    from planner.mail.runner import loop_for

    with planner_from_settings() as planner:
        if planner.engine is None:
            raise click.ClickException("mail needs a SQL database")
        rounds = loop_for(planner, interval)
        if loop:
            rounds.run(report=_report)
            return
        expire_lapsed(planner)
        _report(rounds.sender.run_once())


def _report(done: object) -> None:
    sent, deferred, failed, unconfirmed = (getattr(done, name) for name in (
        "sent", "deferred", "failed", "unconfirmed"))
    click.echo(f"sent {sent}, to retry {deferred}, failed {failed}, unconfirmed {unconfirmed}")
    for error in getattr(done, "errors", []):
        click.echo(f"  {error}", err=True)


@mail.command("list")
@click.option("--status", type=click.Choice([mt.PENDING, mt.SENT, mt.FAILED, mt.UNCONFIRMED]),
              default=None, help="Only mails with this status.")
@click.option("--limit", type=click.IntRange(1, 10_000), default=50, show_default=True)
def list_mails(status: str | None, limit: int) -> None:
    """The newest mails: id, status, attempts, recipient, subject, last error (tab-separated)."""
    from sqlalchemy import select

    with planner_from_settings() as planner:
        if planner.engine is None:
            raise click.ClickException("mail needs a SQL database")
        o = mt.outbox.c
        query = select(mt.outbox).order_by(o.id.desc()).limit(limit)
        if status:
            query = query.where(o.status == status)
        with planner.engine.connect() as conn:
            for row in conn.execute(query):
                click.echo("\t".join(str(x) for x in (
                    row.id, row.status, row.attempts, row.recipient, row.subject,
                    row.last_error)))


COMMANDS = [mail]
