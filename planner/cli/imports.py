"""`planner import people|profiles FILE`: a spreadsheet's rows as new records, all or none."""

from __future__ import annotations

from pathlib import Path

import click

from planner.cli.core import cli_actor, planner_from_settings
from planner.domain.account import Role
from planner.domain.errors import ValidationError
from planner.imports.fields import KINDS
from planner.organisations.access import Viewer


def _mapping(pairs: tuple[str, ...]) -> dict[str, str]:
    given = {}
    for pair in pairs:
        column, sep, field = pair.partition("=")
        if not sep or not column.strip():
            raise click.BadParameter(f"{pair!r}: give COLUMN=FIELD (FIELD empty: leave the "
                                     "column out)", param_hint="--map")
        given[column.strip()] = field.strip()
    return given


@click.command("import")
@click.argument("kind", type=click.Choice(KINDS))
@click.argument("file", type=click.Path(dir_okay=False, exists=True, path_type=Path))
@click.option("--map", "pairs", multiple=True, metavar="COLUMN=FIELD",
              help="Which field a column fills (repeatable); columns named like a field "
                   "need none.")
@click.option("--org", "organisation", default=None,
              help="The organisation that owns the new records (name, Latin name or id; "
                   "default: the default organisation).")
@click.option("--drop-refused", is_flag=True,
              help="Import the good rows and leave out the rows with errors.")
def import_file(kind: str, file: Path, pairs: tuple[str, ...], organisation: str | None,
                drop_refused: bool) -> None:
    """Import people or company profiles from a CSV (UTF-8, `;` or `,`) or XLSX FILE.

    Fields of people: name, email, organisation, title, home_timezone. Fields of profiles:
    name, kind, country, city, sectors, size, description, interests, website (sectors and
    interests separated by `;` or `,`). Every row is checked first: if any row breaks a
    rule, nothing is saved and each bad row is named. Rows the organisation already has
    (people: same e-mail, else name and organisation; profiles: name and country) are
    skipped, so importing the same file again adds nothing.
    """
    from planner.cli.organisations import organisation_option
    from planner.commands.imports import ImportRefused
    from planner.imports.service import run
    from planner.spreadsheet.reading import read_table

    given = _mapping(pairs)
    with planner_from_settings() as planner:
        if planner.queries is None:
            raise click.ClickException("database: importing needs a SQL database")
        owner = organisation_option(planner, organisation)
        viewer = Viewer(role=Role.ORGANISER, organisation_id=owner.id)
        try:
            table = read_table(file.read_bytes(), file.name)
            result = run(planner.app, planner.queries, kind, table, given, viewer,
                         actor=cli_actor(), owner_org_id=owner.id,
                         drop_refused=drop_refused)
        except ImportRefused as refused:
            for error in refused.errors:
                click.echo(str(error), err=True)
            raise click.ClickException(
                f"nothing imported: {len({e.number for e in refused.errors})} rows have "
                "errors (fix them, or leave them out with --drop-refused)") from refused
        except ValidationError as error:
            raise click.ClickException(str(error)) from error
    checked = result.preview
    click.echo(f"imported {len(result.added)} {kind} for {owner.name}; "
               f"{checked.count('existing')} already there; {result.dropped} rows with "
               "errors left out")
    for error in checked.errors if drop_refused else ():
        click.echo(f"left out {error}", err=True)


COMMANDS: list[click.Command] = [import_file]
