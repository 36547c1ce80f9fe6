"""`planner` subcommands for the audit feature."""

from __future__ import annotations

import click

COMMANDS: list[click.Command] = []
