"""`planner` subcommands for the web feature."""

from __future__ import annotations

import click

COMMANDS: list[click.Command] = []
