"""The simulated 'now' of the demo, and the context every demo step shares.

The demo's history must read like weeks of real work, not one burst: each step first sets the
clock to the office moment it happened (local time of whoever did it), then runs ordinary
application commands, which stamp their events with that moment. The clock ticks a little on
every reading so that events keep a strict order, and it refuses to go back in time, so the
event log stays chronological whatever order the steps are written in.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any
from uuid import UUID
from zoneinfo import ZoneInfo

from planner.application import PlannerApplication

BERLIN = "Europe/Berlin"
SHANGHAI = "Asia/Shanghai"


class DemoClock:
    """A settable clock: `clock.set("2019-04-08 09:10", BERLIN)`, then every reading ticks."""

    def __init__(self, step: timedelta = timedelta(seconds=45)) -> None:
        self._now: datetime | None = None
        self._step = step

    def __call__(self) -> datetime:
        if self._now is None:
            raise RuntimeError("the demo clock has not been set")
        value = self._now
        self._now += self._step
        return value

    def set(self, local: str, zone: str = BERLIN) -> datetime:
        """Jump to a wall-clock moment in a zone; never backwards."""
        moment = datetime.fromisoformat(local).replace(tzinfo=ZoneInfo(zone)).astimezone(UTC)
        if self._now is not None and moment < self._now:
            raise ValueError(f"the demo clock would go back from {self._now:%Y-%m-%d %H:%M} "
                             f"UTC to {moment:%Y-%m-%d %H:%M} UTC ({local} {zone})")
        self._now = moment
        return moment


@dataclass
class Demo:
    """What every demo step needs: the application, the clock, ids of shared records."""

    app: PlannerApplication
    clock: DemoClock
    progress: Callable[[str], None]
    people: dict[str, UUID] = field(default_factory=dict)
    profiles: dict[str, UUID] = field(default_factory=dict)
    ids: dict[str, Any] = field(default_factory=dict)  # trips, meetings, follow-ups by name

    def at(self, local: str, zone: str = BERLIN) -> None:
        """Continue the story at this wall-clock moment (office time of whoever acts)."""
        self.clock.set(local, zone)


def local(value: str) -> datetime:
    """A naive wall-clock time ('2019-06-25 14:00'): the commands read it as venue time."""
    return datetime.fromisoformat(value)
