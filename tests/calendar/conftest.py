"""Fixtures for the calendar integration tests: the world of `scenario.py` on a real database.

The SQLite world is built once per session into a template file; each test gets its own copy
(a file copy instead of ~30 commands), so tests that change the world never meet.
"""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path

import pytest
from flask import Flask

from planner.bootstrap import Planner, build
from planner.domain.ids import deterministic_ids
from planner.settings import Settings, load_settings
from tests.calendar.scenario import StepClock, World, build_world
from web import create_app

ID_SEED = "calendar-tests"


def _build(settings: Settings, url: str) -> World:
    clock = StepClock()
    planner = build(settings, database_url=url, clock=clock)
    with deterministic_ids(ID_SEED):
        return build_world(planner, clock)


@pytest.fixture
def make_world(settings: Settings) -> Iterator[Callable[[str], World]]:
    """Build the scenario from scratch on a database URL (same ids and times everywhere)."""
    opened: list[Planner] = []

    def make(url: str) -> World:
        world = _build(settings, url)
        opened.append(world.planner)
        return world

    yield make
    for planner in opened:
        planner.close()


@pytest.fixture(scope="session")
def world_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, World, datetime]:
    folder = tmp_path_factory.mktemp("calendar-world")
    settings = load_settings(environ={}, instance_path=str(folder / "instance"))
    world = _build(settings, f"sqlite:///{folder / 'world.sqlite3'}")
    world.planner.close()
    return folder / "world.sqlite3", world, world.clock.now


@pytest.fixture
def world(world_template: tuple[Path, World, datetime], settings: Settings,
          tmp_path: Path) -> Iterator[World]:
    """The scenario on a SQLite file of this test's own."""
    template, built, now = world_template
    for source in template.parent.glob(template.name + "*"):
        shutil.copyfile(source, tmp_path / source.name)
    # A copied database goes with its instance folder's chain key (its audit chain's key).
    Path(settings.instance_path).mkdir(parents=True, exist_ok=True)
    shutil.copyfile(template.parent / "instance" / "chain_key",
                    Path(settings.instance_path) / "chain_key")
    clock = StepClock(now)
    planner = build(settings, database_url=f"sqlite:///{tmp_path / template.name}", clock=clock)
    yield dataclasses.replace(built, planner=planner, clock=clock)
    planner.close()


@pytest.fixture
def web(world: World) -> Flask:
    app = create_app(world.planner.settings, planner=world.planner)
    app.config.update(TESTING=True)
    return app
