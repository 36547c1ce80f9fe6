"""The `planner` command. Each group of subcommands lives in its own module.

Its messages stay English, in every language the planner speaks to its users (issue 14): the
command line is for operators, its output lands in logs and tickets that are searched in
English, and a translated error would be harder to look up (Indico's and pretalx's command
lines do the same). The same holds for config-file errors (planner.settings.SettingsError).
Refusals the CLI shows are the domain's rules as `str(error)`, their English text; records,
calendars, mails and pages follow the reader's language (planner.i18n).
"""

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
