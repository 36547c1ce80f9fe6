"""Counting what a user does in the browser: one step per click, per value typed into a
field, per option chosen and per key pressed; the first address typed (the sign-in page)
is one step too. Reading a page is free. docs/walkthrough.md records the count of the
walkthrough (tests/e2e/test_browser_walkthrough.py), and the test checks the two agree."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from planner.settings import PROJECT_ROOT

WALKTHROUGH_DOC = PROJECT_ROOT / "docs" / "walkthrough.md"


class Steps:
    """A page driven only through what its user does, counting each action under the task
    it belongs to (`doing`)."""

    def __init__(self, page: Any) -> None:
        self.page = page
        self.counts: dict[str, int] = {}
        self.task = ""
        self.addresses_typed = 0

    def doing(self, task: str) -> None:
        self.task = task
        self.counts.setdefault(task, 0)

    def _step(self) -> None:
        self.counts[self.task] = self.counts.get(self.task, 0) + 1

    def open(self, address: str) -> None:
        """Type an address into the browser: only the first (the sign-in page) is allowed;
        everything after it is reached by clicking."""
        if self.addresses_typed:
            raise AssertionError(f"typed an address after the first one: {address}")
        self.addresses_typed += 1
        self._step()
        self.page.goto(address)

    def click(self, target: Any) -> None:
        self._step()
        target.click()
        self.page.wait_for_load_state()

    def fill(self, target: Any, text: str) -> None:
        self._step()
        target.fill(text)

    def choose(self, target: Any, label: str) -> None:
        """Pick the option the user reads as `label` from a drop-down list."""
        self._step()
        target.select_option(label=label)

    def tick(self, target: Any) -> None:
        self._step()
        target.check()

    def press(self, target: Any, key: str) -> None:
        self._step()
        target.press(key)
        self.page.wait_for_load_state()

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def table(self) -> str:
        """The breakdown as the Markdown table docs/walkthrough.md shows."""
        rows = ["| task | steps |", "|---|---:|"]
        rows += [f"| {task} | {count} |" for task, count in self.counts.items()]
        rows.append(f"| **total** | **{self.total}** |")
        return "\n".join(rows)


def documented_table(path: Path = WALKTHROUGH_DOC) -> str:
    """The step table written in the walkthrough document (between its markers)."""
    text = path.read_text(encoding="utf-8")
    found = re.search(r"<!-- steps -->\n(.*?)\n<!-- /steps -->", text, re.S)
    if found is None:
        raise AssertionError(f"{path} has no table between <!-- steps --> and <!-- /steps -->")
    return found.group(1).strip()
