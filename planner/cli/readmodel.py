"""`planner rebuild [--verify]`: rebuild the read models from the log, or check them."""

from __future__ import annotations

import sys
from typing import Any

import click

from planner.cli.core import planner_from_settings
from planner.readmodel.projector import BATCH_SIZE, Projector
from planner.readmodel.verify import verify

MAX_SHOWN = 200


class ProgressBar:
    """A click progress bar on stderr, opened once the number of events is known."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.bar: Any = None
        self.done = 0

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            self.bar = click.progressbar(length=total, label=self.label, file=sys.stderr,
                                         show_pos=True)
            self.bar.__enter__()
        self.bar.update(done - self.done)
        self.done = done

    def close(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)


def _projector(planner: Any, batch_size: int) -> Projector:
    if planner.projector is None:
        raise click.ClickException("read models need a SQL database (not 'memory' storage)")
    planner.projector.batch_size = batch_size
    return planner.projector


@click.command()
@click.option("--verify", "check", is_flag=True,
              help="Rebuild into a scratch copy and compare it with the live tables instead.")
@click.option("--batch-size", type=click.IntRange(1, 100_000), default=BATCH_SIZE,
              show_default=True, help="Events applied per transaction.")
def rebuild(check: bool, batch_size: int) -> None:
    """Drop and rebuild every read model from the event log (with --verify: change nothing,
    exit 0 when a fresh rebuild would give identical rows, else list the differences)."""
    with planner_from_settings(catch_up=False) as planner:
        projector = _projector(planner, batch_size)
        bar = ProgressBar("Verifying read models" if check else "Rebuilding read models")
        try:
            if check:
                differences = verify(projector, bar)
            else:
                applied = projector.rebuild(bar)
        finally:
            bar.close()
        if not check:
            click.echo(f"Rebuilt read models from {applied} events "
                       f"(position {projector.position()}).")
            return
        if not differences:
            click.echo("identical: the read models match a fresh rebuild from the log")
            return
        click.echo(f"{len(differences)} difference(s) between the live read models and a "
                   "fresh rebuild from the log:")
        for difference in differences[:MAX_SHOWN]:
            click.echo(f"  {difference}")
        if len(differences) > MAX_SHOWN:
            click.echo(f"  ... and {len(differences) - MAX_SHOWN} more")
        click.echo("Run `planner rebuild` to replace the live read models.")
        sys.exit(1)


COMMANDS: list[click.Command] = [rebuild]
