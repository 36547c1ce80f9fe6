"""Exactly once, for real: a rebuild killed with SIGKILL half-way and restarted, and two
projector processes catching up at the same time, give the rows of one clean rebuild."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from planner.bootstrap import Planner
from planner.domain.company import CompanyProfile
from planner.readmodel.verify import verify
from tests.readmodel.plan import ACTOR, Plan, leipzig_trip

pytestmark = pytest.mark.slow
TIMEOUT = 120
WORKER = """
import os, sys, time
from planner.bootstrap import build
from planner.settings import load_settings

url, go, instance = sys.argv[1:4]
planner = build(load_settings(environ={}, instance_path=instance), database_url=url,
                catch_up=False)
planner.projector.batch_size = 7
while not os.path.exists(go):
    time.sleep(0.002)
print(planner.projector.catch_up())
planner.close()
"""


def fill_log(planner: Planner, profiles: int = 15, contacts: int = 20) -> int:
    """About 370 events, written in one save; returns the last notification id."""
    leipzig_trip(Plan(planner))
    batch = []
    for n in range(profiles):
        profile = CompanyProfile.register(actor=ACTOR, name=f"Leipziger Firma {n} GmbH",
                                          kind="company", country="Germany",
                                          sectors=["Logistics"])
        for c in range(contacts):
            profile.add_contact(actor=ACTOR, name=f"Contact {c}", email=f"c{c}@f{n}.example")
        batch.append(profile)
    planner.app.save(*batch)
    return planner.app.recorder.max_notification_id()


def environment(url: str, tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "PLANNER_DATABASE_URL": url,
            "PLANNER_INSTANCE_PATH": str(tmp_path / "instance")}


def read_position(url: str) -> int | None:
    """The projector's position as another process sees it (None while tables are swapped)."""
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(text("SELECT position FROM rm_position")).scalar()
    except Exception:  # noqa: BLE001 - the rebuild may be dropping and creating the table
        return None
    finally:
        engine.dispose()


def test_a_rebuild_killed_half_way_resumes_to_the_same_rows(
        rm_url: str, make_planner: Callable[..., Planner], tmp_path: Path) -> None:
    last = fill_log(make_planner(rm_url))
    rebuild = subprocess.Popen(
        [sys.executable, "-c", "from planner.cli import main; main()", "rebuild",
         "--batch-size", "1"], env=environment(rm_url, tmp_path),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline, seen = time.monotonic() + TIMEOUT, None
    while time.monotonic() < deadline and rebuild.poll() is None:
        seen = read_position(rm_url)
        if seen is not None and 0 < seen < last:
            os.kill(rebuild.pid, signal.SIGKILL)
            break
        time.sleep(0.005)
    rebuild.wait(TIMEOUT)
    assert rebuild.returncode == -signal.SIGKILL, rebuild.stderr.read().decode()
    stopped_at = read_position(rm_url)
    assert stopped_at is not None and 0 < stopped_at < last  # really stopped half-way

    restarted = make_planner(rm_url)  # start-up catches up from where the rebuild stopped
    assert restarted.queries.position() == last
    assert restarted.queries.profiles(name="Leipziger Firma").total == 15
    assert verify(restarted.projector) == []  # identical to a clean rebuild from the log


def test_two_projector_processes_at_once_give_the_rows_of_one(
        rm_url: str, make_planner: Callable[..., Planner], tmp_path: Path) -> None:
    planner = make_planner(rm_url)
    last = fill_log(planner)
    planner.projector.reset()
    go = tmp_path / "go"
    workers = [subprocess.Popen(
        [sys.executable, "-c", WORKER, rm_url, str(go), str(tmp_path / "instance")],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
    time.sleep(0.5)
    go.touch()
    applied = []
    for worker in workers:
        out, err = worker.communicate(timeout=TIMEOUT)
        assert worker.returncode == 0, err.decode()
        applied.append(int(out.decode().split()[-1]))
    assert sum(applied) == last  # together they applied every event, none twice
    assert planner.queries.position() == last
    assert planner.queries.profiles(name="Leipziger Firma").total == 15
    assert verify(planner.projector) == []
