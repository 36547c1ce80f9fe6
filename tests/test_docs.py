"""The README stays true: every command, config key and make target it should mention."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import click
import pytest

from planner.settings import PROJECT_ROOT
from web.cli import main

README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = "planner") -> list[str]:
    names = []
    for name, command in sorted(group.commands.items()):
        names.append(f"{prefix} {name}")
        if isinstance(command, click.Group):
            names.extend(_commands(command, f"{prefix} {name}"))
    return names


@pytest.mark.parametrize("command", _commands(main))
def test_every_cli_command_is_in_the_readme(command: str) -> None:
    *parents, last = command.split()
    assert last in README and " ".join(parents[:2]) in README, command


def test_every_config_key_is_documented_in_the_readme() -> None:
    config = tomllib.loads((PROJECT_ROOT / "config.toml").read_text(encoding="utf-8"))
    for section, values in config.items():
        for key in values:
            assert f"[{section}]" in README and key in README, f"[{section}] {key}"


def test_the_readme_shows_the_two_commands_and_the_makefile_has_them() -> None:
    makefile = (PROJECT_ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("demo", "test"):
        assert f"make {target}" in README
        assert f"\n{target}:" in makefile


def test_every_screenshot_the_readme_shows_exists() -> None:
    shown = re.findall(r"docs/screenshots/([\w.-]+\.png)", README)
    assert shown
    for name in shown:
        assert (Path(PROJECT_ROOT) / "docs" / "screenshots" / name).exists(), name
