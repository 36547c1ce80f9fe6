"""`planner person erase`: erase a person's personal data (the key goes, the log stays)."""

from __future__ import annotations

import click

from planner.cli.core import planner_from_settings
from planner.cli.web import cli_actor


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


COMMANDS: list[click.Command] = [person]
