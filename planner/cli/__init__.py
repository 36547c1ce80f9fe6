"""The `planner` command. Each group of subcommands lives in its own module."""

from __future__ import annotations

import click

from planner.cli import (
    accounts,
    audit,
    calendar,
    core,
    imports,
    invitations,
    itinerary,
    mail,
    organisations,
    people,
    readmodel,
    tokens,
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
def main() -> None:
    """Delegation Planner: plan economic-delegation trips from an append-only event log.

    The database comes from config.toml or PLANNER_DATABASE_URL.
    """


for module in (core, readmodel, accounts, organisations, people, calendar, audit, imports,
               itinerary, mail, tokens, invitations):
    for command in module.COMMANDS:
        main.add_command(command)
