"""A world with one person to erase: registered, with a participant account, a delegation
member attending a meeting with someone else, so every place their data shows is covered."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from uuid import UUID

import pytest
from flask import Flask

from planner.bootstrap import Planner
from tests.web.conftest import make_app
from tests.web.world import SETUP, World, build_world

NAME = "Yuki Tanaka-Vogelsang"
EMAIL = "yuki.vogelsang@erasable.example"
TITLE = "Head of Procurement"


@dataclass
class Erasable:
    app: Flask
    planner: Planner
    world: World
    person: UUID
    account: UUID


def add_erasable(planner: Planner, world: World) -> tuple[UUID, UUID]:
    app = planner.app
    person = app.register_person(actor=SETUP, name=NAME, title=TITLE, email=EMAIL,
                                 organisation="Vogelsang Logistik GmbH",
                                 home_timezone="Europe/Berlin")
    account = app.open_account(actor=SETUP, email=EMAIL, name=NAME, role="participant",
                               password_hash="x" * 40, person_id=person)
    app.add_member(world.trip_id, actor=SETUP, person_id=person, role="company representative",
                   organisation="Vogelsang Logistik GmbH")
    app.add_attendee(world.meeting_id, actor=SETUP, person_id=person)
    app.reset_feed_token(person, actor=SETUP)
    return person, account


@pytest.fixture
def erasable(tmp_path: Path) -> Iterator[Erasable]:
    app, planner = make_app(tmp_path)
    world = build_world(planner, hash_="x" * 40)
    person, account = add_erasable(planner, world)
    yield Erasable(app, planner, world, person, account)
    planner.close()
