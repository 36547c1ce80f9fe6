"""The demo's calendars, byte for byte, against golden files reviewed by eye.

Regenerate with `python -m tests.calendar.golden` (see tests/calendar/golden.py) only after a
deliberate change, and read the diff before committing it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from uuid import UUID

import pytest

from planner.bootstrap import Planner
from tests.calendar.golden import GOLDEN, calendars, open_demo
from tests.calendar.kit import meeting_instants, model_instants, read

GOLDEN_FILES = sorted(path.name for path in GOLDEN.glob("*.ics"))
Demo = tuple[Planner, dict[str, bytes]]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Demo]:
    planner, env = open_demo(tmp_path_factory.mktemp("golden-demo"))
    try:
        yield planner, calendars(planner, env)
    finally:
        planner.close()


def test_there_is_a_golden_file_for_every_demo_trip_and_participant(demo: Demo) -> None:
    _, produced = demo

    assert sorted(produced) == GOLDEN_FILES
    assert len([name for name in GOLDEN_FILES if name.startswith("trip-")]) == 3


@pytest.mark.parametrize("name", GOLDEN_FILES)
def test_the_demo_calendar_is_byte_for_byte_its_golden_file(demo: Demo, name: str) -> None:
    _, produced = demo

    assert produced[name] == (GOLDEN / name).read_bytes(), (
        f"{name} differs from its golden file; if the change is meant, regenerate with "
        "`python -m tests.calendar.golden` and review the diff")


@pytest.mark.parametrize("name", GOLDEN_FILES)
def test_every_golden_file_reads_back_with_the_instants_of_the_model(demo: Demo,
                                                                    name: str) -> None:
    planner, _ = demo
    calendar = read((GOLDEN / name).read_bytes())

    found = meeting_instants(calendar)
    ids = [UUID(uid.removeprefix("meeting-").split("@")[0]) for uid in found]
    assert found and found == model_instants(planner.app, *ids)


def test_the_golden_files_keep_crlf_line_ends_in_the_repository() -> None:
    attributes = (GOLDEN / ".gitattributes").read_text()

    assert "*.ics -text" in attributes
    for name in GOLDEN_FILES:
        body = Path(GOLDEN / name).read_bytes()
        assert body.count(b"\r\n") == body.count(b"\n")
