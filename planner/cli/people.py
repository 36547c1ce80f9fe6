"""`planner person erase`: erase a person's personal data (the key goes, the log stays)."""

from __future__ import annotations

import click
from sqlalchemy.engine import Engine

from planner.bootstrap import Planner
from planner.cli.core import cli_actor, planner_from_settings


@click.group()
def person() -> None:
    """People (delegates, counterparts): erasure of personal data."""


@person.command("erase")
@click.argument("person_id")
@click.option("--reason", required=True, help="Why (e.g. the request's reference); kept.")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
def erase(person_id: str, reason: str, yes: bool) -> None:
    """Erase a person's name, title and e-mail and those of their accounts, for good.

    Their key is deleted: pages, calendars, history and exports show "erased person" from
    now on. The log and its hash chain stay intact. This cannot be undone.
    """
    from planner.privacy.erase import erase_person

    with planner_from_settings() as planner:
        found = planner.app.get_person(person_id)
        if not yes:
            click.confirm(f"Erase the personal data of {found['name']} ({person_id})? "
                          "This cannot be undone", abort=True)
        erase_person(planner, person_id, actor=cli_actor(), reason=reason)
    click.echo(f"Person {person_id} erased; the log keeps the erasure and its reason.")


@person.group("keys")
def keys() -> None:
    """The key table, for moving a log to another database (log export carries no keys)."""


@keys.command("export")
@click.argument("file", type=click.Path(dir_okay=False))
def export_keys(file: str) -> None:
    """Write every person's key (and every erasure) to FILE, readable by you only.

    Whoever holds FILE and the log can read the personal data: keep it as safe as the
    database, and delete it once imported.
    """
    from planner.privacy.transfer import export_keys as write

    with planner_from_settings() as planner:
        count = write(_engine(planner), file)
    click.echo(f"exported {count} keys and erasures to {file}")


@keys.command("import")
@click.argument("file", type=click.Path(dir_okay=False, exists=True))
def import_keys(file: str) -> None:
    """Add the keys and erasures of FILE (an erasure on either side wins), then rebuild the
    read models and the log index so that pages show the names again."""
    from planner.audit.follower import follower_for
    from planner.privacy.transfer import import_keys as read

    with planner_from_settings() as planner:
        count = read(_engine(planner), file)
        if planner.projector is not None:
            planner.projector.rebuild()
        follower = follower_for(planner)
        if follower is not None:
            follower.reindex()
    click.echo(f"imported {count} keys and erasures from {file}")


def _engine(planner: Planner) -> Engine:
    if planner.engine is None:
        raise click.ClickException("database: keys need a SQL database")
    return planner.engine


COMMANDS: list[click.Command] = [person]
