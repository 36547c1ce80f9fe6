"""`planner` subcommands for the calendar feature."""

from __future__ import annotations

import click

COMMANDS: list[click.Command] = []
