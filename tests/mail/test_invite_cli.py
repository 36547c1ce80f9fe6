"""`planner invite` and `planner mail send`/`list` on a SQLite file."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from planner.bootstrap import Planner
from tests.cli_kit import events, planner_beside, run

ORGANISER = "Invest Region Leipzig GmbH"


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    values = {k: None for k in os.environ if k.startswith("PLANNER_")}
    values.update(PLANNER_DATABASE_URL=f"sqlite:///{tmp_path / 'cli.sqlite3'}",
                  PLANNER_INSTANCE_PATH=str(tmp_path / "instance"))
    return values  # type: ignore[return-value]


@pytest.fixture
def beside(env: dict[str, str]) -> Iterator[Planner]:
    assert run(env, "init").exit_code == 0
    yield from planner_beside({k: v for k, v in env.items() if v is not None})


def test_an_unknown_address_with_a_name_is_registered_and_invited(
        env: dict[str, str], beside: Planner) -> None:
    done = run(env, "invite", "anna@example.org", "--name", "Anna Weiß")
    assert done.exit_code == 0, done.output
    assert "Invited Anna Weiß <anna@example.org>" in done.output
    person = beside.queries.person_by_email("anna@example.org")
    assert beside.queries.invitations_of([str(person.id)])[str(person.id)].status == "open"
    sent = run(env, "mail", "send")
    assert sent.exit_code == 0 and "sent 1" in sent.output
    listed = run(env, "mail", "list", "--status", "sent")
    assert "anna@example.org\tYour invitation to the Delegation Planner" in listed.output
    assert len(list(Path(env["PLANNER_INSTANCE_PATH"], "outbox").glob("*.eml"))) == 1
    again = run(env, "invite", str(person.id))  # by id: a new link
    assert again.exit_code == 0 and "sent 1" in run(env, "mail", "send").output


@pytest.mark.parametrize(("args", "says"), [
    (("nobody@example.org",), "PERSON_ID|EMAIL: nobody has the address nobody@example.org; "
                              "give --name"),
    (("not-an-id",), "PERSON_ID|EMAIL: must be a record id"),
    (("anna@example.org", "--name", "Anna", "--trip", "5d1f0c4e-0000-4000-8000-000000000000"),
     "--trip: there is no trip with id"),
])
def test_bad_arguments_are_named_and_write_nothing(env: dict[str, str], beside: Planner,
                                                    args: Any, says: str) -> None:
    before = events(beside)
    done = run(env, "invite", *args)
    assert done.exit_code != 0 and says in done.output, done.output
    assert events(beside) == before
