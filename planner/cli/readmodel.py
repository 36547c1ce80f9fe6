"""`planner` subcommands for the readmodel feature."""

from __future__ import annotations

import click

COMMANDS: list[click.Command] = []
